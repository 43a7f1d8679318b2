/**
 * Package quality: `npm pack` each publishable package, install the tarballs into a scratch project,
 * import them from ESM and from CommonJS, run publint and arethetypeswrong (every subpath's types
 * under node10, node16 from CJS and ESM, and bundler) on each, and check that no tarball carries test
 * code. A second scratch project without exceljs shows what a user of @yusuan/disclosure gets.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
const LIBRARIES = ["money", "classification", "disclosure", "xlsx", "pdf"] as const;
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
    const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", packs], {
      cwd: join(root, dir),
      encoding: "utf8",
    });
    const name = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).name as string;
    packed[dir] = join(packs, out.trim().split("\n").pop()!);
    tarballs[name] = `file:${packed[dir]}`;
  }
  const app = join(scratch, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "scratch",
      private: true,
      type: "module",
      dependencies: tarballs,
      overrides: tarballs,
    }),
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
    cwd: app,
    stdio: "pipe",
  });

  // What a user of the engine alone installs: no exceljs (an optional peer of the catalog importer).
  const lean = join(scratch, "lean");
  mkdirSync(lean);
  const leanDeps = Object.fromEntries(
    ["@yusuan/money", "@yusuan/classification", "@yusuan/disclosure"].map((n) => [n, tarballs[n]!]),
  );
  writeFileSync(
    join(lean, "package.json"),
    JSON.stringify({
      name: "lean",
      private: true,
      type: "module",
      dependencies: leanDeps,
      overrides: leanDeps,
    }),
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
    cwd: lean,
    stdio: "pipe",
  });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One body, run once after ESM imports and once after CommonJS requires of the same names. */
const BODY = `
const doc = readTextDocument("2025年部门收入预算总表\\n编制部门：甲\\n单位：元", "a.txt");
console.log(JSON.stringify({
  money: formatAmount(Amount.of("105767210.12")),
  name: getCatalog("functional").get("210")?.name,
  pdf: typeof readPdf,
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
  ["readPdf", "@yusuan/pdf"],
];
const ESM = MODULES.map(([names, from]) => `import { ${names} } from "${from}";`).join("\n") + BODY;
const CJS = MODULES.map(([names, from]) => `const { ${names} } = require("${from}");`).join("\n") + BODY;

const expected = {
  money: "105,767,210.12",
  name: "卫生健康支出",
  pdf: "function",
  imported: true,
  tables: 9,
  xlsx: "function",
};

describe("installed tarballs", () => {
  test("import from ESM", () => {
    writeFileSync(join(scratch, "app", "esm.mjs"), ESM);
    expect(
      JSON.parse(execFileSync("node", ["esm.mjs"], { cwd: join(scratch, "app"), encoding: "utf8" })),
    ).toEqual(expected);
  });
  test("require from CommonJS", () => {
    writeFileSync(join(scratch, "app", "cjs.cjs"), CJS);
    expect(
      JSON.parse(execFileSync("node", ["cjs.cjs"], { cwd: join(scratch, "app"), encoding: "utf8" })),
    ).toEqual(expected);
  });
});

describe("without exceljs (an optional peer of @yusuan/classification)", () => {
  const LEAN_BODY = `
const csv = importCatalogCsv("编码,名称\\n201,一般公共服务支出", { scheme: "functional", year: 2025 });
const xlsx = await importCatalogXlsx(new Uint8Array([80, 75, 3, 4]), { scheme: "functional", year: 2025 });
const doc = readTextDocument("2025年部门收入预算总表\\n编制部门：甲\\n单位：元", "a.txt");
console.log(JSON.stringify({ csv: csv.ok, xlsx: xlsx.ok ? [] : xlsx.errors.map((e) => [e.message, e.messageEn]), tables: doc.ok ? analyze(doc.grid).tables.length : -1 }));
`;
  const expectedLean = {
    csv: true,
    xlsx: [
      [
        "安装 exceljs 以导入 XLSX 目录（npm install exceljs）；CSV 目录无需安装",
        "install exceljs to import XLSX catalogs (npm install exceljs); CSV catalogs need nothing",
      ],
    ],
    tables: 9,
  };

  test("installing @yusuan/disclosure does not install exceljs", () => {
    const lean = join(scratch, "lean");
    expect(existsSync(join(lean, "node_modules", "@yusuan", "disclosure", "package.json"))).toBe(true);
    expect(existsSync(join(lean, "node_modules", "exceljs"))).toBe(false);
    expect(existsSync(join(lean, "node_modules", "jszip"))).toBe(false);
  });

  test("CSV import works and XLSX import says what to install, from ESM and from CommonJS", () => {
    const lean = join(scratch, "lean");
    const names = `import { importCatalogCsv, importCatalogXlsx } from "@yusuan/classification/import";\nimport { readTextDocument, analyze } from "@yusuan/disclosure";\n`;
    writeFileSync(join(lean, "esm.mjs"), names + LEAN_BODY);
    expect(JSON.parse(execFileSync("node", ["esm.mjs"], { cwd: lean, encoding: "utf8" }))).toEqual(
      expectedLean,
    );
    const required = `const { importCatalogCsv, importCatalogXlsx } = require("@yusuan/classification/import");\nconst { readTextDocument, analyze } = require("@yusuan/disclosure");\n`;
    writeFileSync(join(lean, "cjs.cjs"), `${required}(async () => {${LEAN_BODY}})();`);
    expect(JSON.parse(execFileSync("node", ["cjs.cjs"], { cwd: lean, encoding: "utf8" }))).toEqual(
      expectedLean,
    );
  });
});

/** Names of files in a tarball, without the leading "package/". */
function tarballFiles(tarball: string): string[] {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
}

describe("tarball contents", () => {
  test("no tarball carries tests or test fixtures", () => {
    expect(Object.keys(packed)).toHaveLength(LIBRARIES.length + 1);
    for (const [dir, tarball] of Object.entries(packed)) {
      const files = tarballFiles(tarball);
      expect(
        files.filter((f) =>
          /hostile|minimalXlsx|\.test\.|\.test-util\.|test-helpers|(^|\/)__tests__\//i.test(f),
        ),
        dir,
      ).toEqual([]);
      const code = files.filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f));
      expect(code.length, dir).toBeGreaterThan(0);
      for (const file of code) {
        const text = execFileSync("tar", ["-xzOf", tarball, `package/${file}`], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(
          text.match(/hostileInputs|costlyInputs|minimalXlsx|"vitest"|fast-check|@yusuan\/testing/g) ?? [],
          `${dir}: ${file}`,
        ).toEqual([]);
      }
      const manifest = JSON.parse(
        execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
      ) as Record<string, Record<string, string> | undefined>;
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
        expect(Object.keys(manifest[field] ?? {}), `${dir} ${field}`).not.toContain("jszip");
        expect(Object.keys(manifest[field] ?? {}), `${dir} ${field}`).not.toContain("@yusuan/testing");
      }
    }
    const testing = JSON.parse(readFileSync(join(root, "packages", "testing", "package.json"), "utf8")) as {
      private?: boolean;
    };
    expect(testing.private).toBe(true);
  });

  test("exceljs is an optional peer of @yusuan/classification, not a dependency", () => {
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", packed[join("packages", "classification")]!, "package/package.json"], {
        encoding: "utf8",
      }),
    );
    expect(manifest.dependencies?.exceljs).toBeUndefined();
    expect(manifest.peerDependencies?.exceljs).toBeDefined();
    expect(manifest.peerDependenciesMeta?.exceljs).toEqual({ optional: true });
  });

  const license = readFileSync(join(root, "LICENSE"), "utf8");
  test("every tarball carries the MIT LICENSE of the repository", () => {
    expect(Object.keys(packed)).toHaveLength(LIBRARIES.length + 1);
    for (const [dir, tarball] of Object.entries(packed)) {
      const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
      expect(files, dir).toContain("package/LICENSE");
      expect(execFileSync("tar", ["-xzOf", tarball, "package/LICENSE"], { encoding: "utf8" }), dir).toBe(
        license,
      );
    }
    expect(license).toContain("Copyright (c) 2026 yusuan contributors");
  });

  test("the installed CLI tarball links a working `yusuan` bin", () => {
    const app = join(scratch, "app");
    const version = JSON.parse(readFileSync(join(root, "apps", "cli", "package.json"), "utf8"))
      .version as string;
    expect(
      execFileSync(join(app, "node_modules", ".bin", "yusuan"), ["--version"], {
        cwd: app,
        encoding: "utf8",
      }).trim(),
    ).toBe(version);
    const r = spawnSync(
      join(app, "node_modules", ".bin", "yusuan"),
      ["check", join(root, "examples", "sample.txt"), "--format", "json"],
      { cwd: app, encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });
});

/** What arethetypeswrong says about one tarball (the parts this test reads). */
interface AttwReport {
  problems: Record<string, unknown[]> | unknown[];
  analysis: {
    entrypoints: Record<
      string,
      {
        resolutions: Record<
          "node10" | "node16-cjs" | "node16-esm" | "bundler",
          { resolution?: { fileName: string } }
        >;
      }
    >;
  };
}

describe("arethetypeswrong", () => {
  const attw = join(root, "node_modules", ".bin", "attw");
  for (const dir of LIBRARIES) {
    test(`@yusuan/${dir}: every subpath has types under node10, node16 (CJS and ESM) and bundler, and no problems`, () => {
      const run = spawnSync(attw, [packed[join("packages", dir)]!, "--format", "json"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const report = JSON.parse(run.stdout) as AttwReport;
      const problems = Array.isArray(report.problems)
        ? report.problems
        : Object.values(report.problems).flat();
      expect(problems).toEqual([]);
      const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as {
        exports: Record<string, unknown>;
      };
      expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(Object.keys(manifest.exports).sort());
      for (const [subpath, entry] of Object.entries(report.analysis.entrypoints)) {
        for (const mode of ["node10", "node16-cjs", "node16-esm", "bundler"] as const) {
          expect(entry.resolutions[mode].resolution?.fileName, `${subpath} under ${mode}`).toBeDefined();
        }
      }
      expect(run.status).toBe(0);
    });
  }
});

describe("publint", () => {
  for (const dir of LIBRARIES) {
    test(`@yusuan/${dir} has no publint errors or warnings`, async () => {
      const { messages } = await publint({ pkgDir: join(root, "packages", dir), strict: true });
      expect(messages.filter((m) => m.type !== "suggestion")).toEqual([]);
    });
  }
});
