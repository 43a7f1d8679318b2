/**
 * Release readiness, checked locally: the `yusuan` bin is linked from a file that exists at install
 * time, the one-file CLI runs from an empty folder, the workflows do what the README says, every
 * pending changeset names real public packages (`changeset status`), and `npm publish --dry-run`
 * passes for every public package with the LICENSE inside.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
const cliDir = join(root, "apps", "cli");

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  files?: string[];
}

const read = (path: string): Manifest => JSON.parse(readFileSync(path, "utf8")) as Manifest;

/** Every workspace package that is published (not private), with its folder. */
const PUBLIC = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(root, group))
    .map((dir) => join(root, group, dir))
    .filter((dir) => existsSync(join(dir, "package.json")) && !read(join(dir, "package.json")).private)
    .map((dir) => ({ dir, pkg: read(join(dir, "package.json")) })),
);

beforeAll(() => {
  const filters = PUBLIC.flatMap(({ pkg }) => ["--filter", pkg.name]);
  execFileSync("npx", ["turbo", "run", "build", "--output-logs=errors-only", ...filters], {
    cwd: root,
    stdio: "pipe",
  });
}, 300_000);

describe("the yusuan bin", () => {
  const cli = read(join(cliDir, "package.json"));

  test("points at a file kept in git, so npm links it on install before anything is built", () => {
    const target = cli.bin?.yusuan;
    expect(target).toBeDefined();
    const tracked = execFileSync("git", ["ls-files", "--error-unmatch", target!], {
      cwd: cliDir,
      encoding: "utf8",
    }).trim();
    expect(tracked).toBe(target!.replace(/^\.\//, ""));
    expect(target).not.toMatch(/^\.?\/?dist\//);
  });

  test("the lockfile records the same bin (npm ci links what the lockfile says)", () => {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { bin?: Record<string, string> }>;
    };
    expect(lock.packages["apps/cli"]?.bin?.yusuan).toBe(cli.bin?.yusuan?.replace(/^\.\//, ""));
  });

  test("runs the built CLI", () => {
    const r = spawnSync(process.execPath, [join(cliDir, cli.bin!.yusuan!), "--version"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(cli.version);
  });
});

describe("the one-file CLI (dist/yusuan.mjs) in an empty folder", () => {
  let empty: string;
  const single = join(cliDir, "dist", "yusuan.mjs");
  const sample = join(root, "examples", "sample.xlsx");

  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), "yusuan-onefile-"));
    copyFileSync(single, join(empty, "yusuan.mjs"));
    copyFileSync(sample, join(empty, "sample.xlsx"));
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  const runIn = (cwd: string, script: string, args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: "" },
    });

  test("no node_modules is reachable from the folder", () => {
    for (let dir = empty; ; dir = dirname(dir)) {
      expect(existsSync(join(dir, "node_modules"))).toBe(false);
      if (dirname(dir) === dir) break;
    }
    expect(readdirSync(empty).sort()).toEqual(["sample.xlsx", "yusuan.mjs"]);
  });

  test("prints its version and help", () => {
    const version = runIn(empty, "yusuan.mjs", ["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(read(join(cliDir, "package.json")).version);
    const help = runIn(empty, "yusuan.mjs", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("check");
  });

  test("checks the sample workbook with the same findings as the installed CLI", () => {
    const one = runIn(empty, "yusuan.mjs", ["check", "sample.xlsx", "--format", "json"]);
    const built = runIn(root, join(cliDir, "dist", "cli.js"), ["check", sample, "--format", "json"]);
    expect(one.stderr).toBe("");
    expect(one.status).toBe(built.status);
    const fingerprints = (out: string) =>
      (
        JSON.parse(out) as { files: { findings: { fingerprint: string; rule: string }[] }[] }
      ).files[0]!.findings.map((f) => `${f.rule} ${f.fingerprint}`);
    expect(fingerprints(one.stdout).length).toBeGreaterThan(0);
    expect(fingerprints(one.stdout)).toEqual(fingerprints(built.stdout));
  });

  test("fills the sample workbook (the bundled workbook writer works)", () => {
    const r = runIn(empty, "yusuan.mjs", ["fill", "sample.xlsx", "-o", "filled.xlsx"]);
    expect(r.status).toBe(0);
    expect(existsSync(join(empty, "filled.xlsx"))).toBe(true);
    const again = runIn(empty, "yusuan.mjs", ["check", "filled.xlsx", "--format", "json"]);
    expect([0, 1]).toContain(again.status);
  });

  test("reads a development PDF exactly as the installed CLI does", () => {
    const pdfDir = join(root, "tests", "fixtures", "real", "pdf");
    const pdf = readdirSync(pdfDir).find((f) => f.endsWith(".pdf"));
    expect(pdf).toBeDefined();
    copyFileSync(join(pdfDir, pdf!), join(empty, "doc.pdf"));
    const one = runIn(empty, "yusuan.mjs", ["check", "doc.pdf", "--format", "json"]);
    // Same folder and same relative path: a fingerprint of an unreadable file includes its path.
    const built = runIn(empty, join(cliDir, "dist", "cli.js"), ["check", "doc.pdf", "--format", "json"]);
    expect(one.status).toBe(built.status);
    // No warning about pdf.js's native canvas package, which the single file does without.
    expect(one.stderr).toBe("");
    const strip = (out: string) =>
      (
        JSON.parse(out) as { files: { findings: { rule: string; fingerprint: string }[] }[] }
      ).files[0]!.findings.map((f) => `${f.rule} ${f.fingerprint}`);
    expect(strip(one.stdout)).toEqual(strip(built.stdout));
    // Once the CLI reads PDFs (through @yusuan/pdf), the one file must read them too.
    const cliReadsPdf = readFileSync(join(cliDir, "package.json"), "utf8").includes("@yusuan/pdf");
    if (cliReadsPdf) expect(one.status).not.toBe(2);
  });
});

describe("workflows", () => {
  type Workflow = {
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<
      string,
      {
        steps: {
          uses?: string;
          run?: string;
          with?: Record<string, unknown>;
          env?: Record<string, string>;
        }[];
      }
    >;
  };
  const load = (name: string) =>
    yaml.load(readFileSync(join(root, ".github", "workflows", name), "utf8")) as Workflow;

  test("CI runs .ci/run on pushes and pull requests", () => {
    const ci = load("ci.yml");
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    const runs = Object.values(ci.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ""));
    expect(runs).toContain("bash .ci/run");
    expect(existsSync(join(root, ".ci", "run"))).toBe(true);
  });

  test("release opens the version pull request or publishes with provenance", () => {
    const release = load("release.yml");
    expect(release.permissions?.["id-token"]).toBe("write");
    expect(release.permissions?.["pull-requests"]).toBe("write");
    const steps = Object.values(release.jobs).flatMap((j) => j.steps);
    const action = steps.find((s) => s.uses?.startsWith("changesets/action@"));
    expect(action?.with?.version).toBe("npx changeset version");
    expect(action?.with?.publish).toBe("npx changeset publish");
    expect(action?.env?.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(action?.env?.NODE_AUTH_TOKEN).toContain("secrets.");
    const build = steps.findIndex((s) => s.run === "npm run build");
    expect(build).toBeGreaterThan(-1);
    expect(build).toBeLessThan(steps.indexOf(action!));
    expect(steps.some((s) => s.run?.includes("apps/cli/dist/yusuan.mjs"))).toBe(true);
  });
});

describe("changesets and npm publish", () => {
  test("changeset status accepts the pending changesets, and they name only public packages", () => {
    const out = join(mkdtempSync(join(tmpdir(), "yusuan-cs-")), "status.json");
    // Relative to the repository: changeset status resolves --output from its working directory.
    const r = spawnSync("npx", ["changeset", "status", `--output=${out}`], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const status = JSON.parse(readFileSync(out, "utf8")) as { releases: { name: string; type: string }[] };
    const names = new Set(PUBLIC.map((p) => p.pkg.name));
    const bumped = status.releases.filter((r) => r.type !== "none");
    expect(bumped.length).toBeGreaterThan(0);
    for (const release of bumped) expect(names.has(release.name), release.name).toBe(true);
    expect(bumped.map((r) => r.name)).not.toContain("@yusuan/excel-addin");
    rmSync(dirname(out), { recursive: true, force: true });
  });

  test("the changesets config ignores the private add-in and publishes publicly from main", () => {
    const config = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8")) as {
      access: string;
      baseBranch: string;
      ignore: string[];
    };
    expect(config).toMatchObject({ access: "public", baseBranch: "main" });
    expect(config.ignore).toContain("@yusuan/excel-addin");
  });

  const license = readFileSync(join(root, "LICENSE"), "utf8");
  test("the root LICENSE is MIT for the yusuan contributors", () => {
    expect(license).toMatch(/^MIT License/);
    expect(license).toContain("Copyright (c) 2026 yusuan contributors");
  });

  for (const { dir, pkg } of PUBLIC) {
    test(`npm publish --dry-run: ${pkg.name}, with LICENSE, README and dist`, () => {
      expect(readFileSync(join(dir, "LICENSE"), "utf8")).toBe(license);
      const r = spawnSync("npm", ["publish", "--dry-run", "--json", "--access", "public"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout) as Record<string, { id: string; files: { path: string }[] }>;
      const entry = result[pkg.name];
      expect(entry?.id).toBe(`${pkg.name}@${pkg.version}`);
      const files = entry!.files.map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
      expect(files.some((f) => f.startsWith("dist/"))).toBe(true);
      expect(files).not.toContain("dist/yusuan.mjs");
      for (const f of files) expect(f).not.toMatch(/\.test\.|^src\//);
    }, 120_000);
  }
});
