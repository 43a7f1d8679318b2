/**
 * Package quality: `npm pack` each publishable package, install the tarballs into a scratch project,
 * import them from ESM and from CommonJS, and run publint on each.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
const LIBRARIES = ["money", "classification", "disclosure", "xlsx"] as const;
let scratch: string;
const tarballs: Record<string, string> = {};
/** Tarball file of each packed folder (packages/<dir> and apps/cli). */
const packed: Record<string, string> = {};

beforeAll(() => {
  execFileSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "pipe" });
  scratch = mkdtempSync(join(tmpdir(), "yusuan-pack-"));
  const packs = join(scratch, "packs");
  mkdirSync(packs);
  for (const dir of [...LIBRARIES.map((d) => join("packages", d)), join("apps", "cli")]) {
    const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", packs], { cwd: join(root, dir), encoding: "utf8" });
    const name = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).name as string;
    packed[dir] = join(packs, out.trim().split("\n").pop()!);
    tarballs[name] = `file:${packed[dir]}`;
  }
  const app = join(scratch, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module", dependencies: tarballs, overrides: tarballs }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], { cwd: app, stdio: "pipe" });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One body, run once after ESM imports and once after CommonJS requires of the same names. */
const BODY = `
const doc = readTextDocument("2025年部门收入预算总表\\n编制部门：甲\\n单位：元", "a.txt");
console.log(JSON.stringify({
  money: formatAmount(Amount.of("105767210.12")),
  name: getCatalog("functional").get("210")?.name,
  imported: importCatalogCsv("编码,名称\\n201,一般公共服务支出", { scheme: "functional", year: 2025 }).ok,
  tables: doc.ok ? analyze(doc.grid).tables.length : -1,
  xlsx: typeof readXlsx,
}));
`;

const MODULES: [string, string][] = [
  ["Amount, formatAmount", "@yusuan/money"],
  ["getCatalog", "@yusuan/classification"],
  ["importCatalogCsv", "@yusuan/classification/import"],
  ["readTextDocument, analyze", "@yusuan/disclosure"],
  ["readXlsx", "@yusuan/xlsx"],
];
const ESM = MODULES.map(([names, from]) => `import { ${names} } from "${from}";`).join("\n") + BODY;
const CJS = MODULES.map(([names, from]) => `const { ${names} } = require("${from}");`).join("\n") + BODY;

const expected = { money: "105,767,210.12", name: "卫生健康支出", imported: true, tables: 9, xlsx: "function" };

describe("installed tarballs", () => {
  test("import from ESM", () => {
    writeFileSync(join(scratch, "app", "esm.mjs"), ESM);
    expect(JSON.parse(execFileSync("node", ["esm.mjs"], { cwd: join(scratch, "app"), encoding: "utf8" }))).toEqual(expected);
  });
  test("require from CommonJS", () => {
    writeFileSync(join(scratch, "app", "cjs.cjs"), CJS);
    expect(JSON.parse(execFileSync("node", ["cjs.cjs"], { cwd: join(scratch, "app"), encoding: "utf8" }))).toEqual(expected);
  });
});

describe("tarball contents", () => {
  const license = readFileSync(join(root, "LICENSE"), "utf8");
  test("every tarball carries the MIT LICENSE of the repository", () => {
    expect(Object.keys(packed)).toHaveLength(LIBRARIES.length + 1);
    for (const [dir, tarball] of Object.entries(packed)) {
      const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
      expect(files, dir).toContain("package/LICENSE");
      expect(execFileSync("tar", ["-xzOf", tarball, "package/LICENSE"], { encoding: "utf8" }), dir).toBe(license);
    }
    expect(license).toContain("Copyright (c) 2026 yusuan contributors");
  });

  test("the installed CLI tarball links a working `yusuan` bin", () => {
    const app = join(scratch, "app");
    const version = JSON.parse(readFileSync(join(root, "apps", "cli", "package.json"), "utf8")).version as string;
    expect(execFileSync(join(app, "node_modules", ".bin", "yusuan"), ["--version"], { cwd: app, encoding: "utf8" }).trim()).toBe(version);
    const r = spawnSync(join(app, "node_modules", ".bin", "yusuan"), ["check", join(root, "examples", "sample.txt"), "--format", "json"], { cwd: app, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });
});

describe("publint", () => {
  for (const dir of LIBRARIES) {
    test(`@yusuan/${dir} has no publint errors or warnings`, async () => {
      const { messages } = await publint({ pkgDir: join(root, "packages", dir), strict: true });
      expect(messages.filter((m) => m.type !== "suggestion")).toEqual([]);
    });
  }
});
