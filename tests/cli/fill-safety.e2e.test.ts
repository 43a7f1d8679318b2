/**
 * End-to-end: `yusuan fill` never loses work. Real processes of the BUILT command line on copies of
 * the sample workbook: dry runs, existing outputs, concurrent and killed --in-place writers,
 * symbolic links, read-only files, modes, owners and hard links; and build → check → fill.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsx } from "@yusuan/xlsx";
import { buildCli } from "./build-cli";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "apps/cli/dist/cli.js");
const base = mkdtempSync(join(tmpdir(), "yusuan-fill-"));
let sample = join(ROOT, "examples/sample.xlsx");
let original: Buffer;

function yusuan(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...env },
  });
}

/** A fresh folder holding a copy of the sample workbook as 预算.xlsx. */
let n = 0;
function fresh(): { dir: string; file: string } {
  const dir = join(base, String(n++));
  spawnSync("mkdir", ["-p", dir]);
  const file = join(dir, "预算.xlsx");
  copyFileSync(sample, file);
  return { dir, file };
}

async function filledCell(file: string): Promise<string> {
  const r = await readXlsx(new Uint8Array(readFileSync(file)), "x.xlsx");
  if (!r.ok) throw new Error(r.messageEn);
  return r.grid.sheets.find((s) => s.name.startsWith("T1"))?.rows[6]?.[1]?.text ?? "";
}

beforeAll(() => {
  buildCli();
  if (!existsSync(CLI)) throw new Error(`the build made no ${CLI}`);
  if (!existsSync(sample)) {
    const made = spawnSync(process.execPath, [join(ROOT, "apps/cli/scripts/make-examples.mjs"), base], {
      encoding: "utf8",
    });
    if (made.status !== 0) throw new Error(`make-examples failed: ${made.stderr}`);
    sample = join(base, "sample.xlsx");
  }
  original = readFileSync(sample);
}, 300_000);

describe("yusuan fill never loses work (built, real processes)", () => {
  it("the sample has one cell to fill (the premise of what follows)", async () => {
    const { file } = fresh();
    expect(await filledCell(file)).toBe("");
    const r = yusuan(["fill", file, "--dry-run"]);
    expect(r.stdout).toMatch(/B7 .* → 105767210\.12/);
  });

  it("--dry-run prints the patches and writes nothing", () => {
    const { dir, file } = fresh();
    const r = yusuan(["fill", file, "--dry-run", "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Dry run: 1 cell would be filled; nothing was written/);
    expect(readdirSync(dir)).toEqual(["预算.xlsx"]);
    expect(yusuan(["fill", file, "--in-place", "--dry-run"]).status).toBe(0);
    expect(readdirSync(dir)).toEqual(["预算.xlsx"]);
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  it("an existing output is not replaced without --force", async () => {
    const { dir, file } = fresh();
    const out = join(dir, "预算.filled.xlsx");
    writeFileSync(out, "earlier work");
    const r = yusuan(["fill", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe("earlier work");
    expect(yusuan(["fill", file, "--force"]).status).toBe(0);
    expect(await filledCell(out)).toBe("105767210.12");
  });

  it("two concurrent --in-place writers: the second waits, the .bak holds the original, nothing is left behind", async () => {
    for (let round = 0; round < 3; round++) {
      const { dir, file } = fresh();
      const run = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const p = spawn(process.execPath, [CLI, "fill", file, "--in-place"], {
            env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
          });
          let out = "";
          p.stdout.on("data", (d: Buffer) => (out += d.toString()));
          p.stderr.on("data", (d: Buffer) => (out += d.toString()));
          p.on("close", (code) => resolve({ code, out }));
        });
      const [a, b] = await Promise.all([run(), run()]);
      expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
      expect([a.out, b.out].filter((o) => /已填写 1 个单元格/.test(o))).toHaveLength(1);
      expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
      expect(await filledCell(file)).toBe("105767210.12");
      expect(readdirSync(dir).sort()).toEqual(["预算.xlsx", "预算.xlsx.bak"]);
    }
  }, 120_000);

  it("a second run keeps the first .bak rather than overwriting it with filled content", () => {
    const { file } = fresh();
    expect(yusuan(["fill", file, "--in-place"]).status).toBe(0);
    copyFileSync(sample, file); // new work of the user, with the cell blank again
    const r = yusuan(["fill", file, "--in-place"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/保留了已有的备份/);
    expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
  });

  it("a writer killed at any moment leaves the original or the filled file, never half; the next run cleans up", async () => {
    const { dir, file } = fresh();
    for (let round = 0; round < 8; round++) {
      copyFileSync(sample, file);
      const p = spawn(process.execPath, [CLI, "fill", file, "--in-place"], { stdio: "ignore" });
      // Listen before waiting: on a fast machine the run may finish before it is killed.
      const closed = new Promise((r) => p.on("close", r));
      await new Promise((r) => setTimeout(r, 150 + round * 120));
      p.kill(round % 2 === 0 ? "SIGKILL" : "SIGTERM");
      await closed;
      const text = await filledCell(file); // readable, whole
      expect(["", "105767210.12"]).toContain(text);
      if (existsSync(`${file}.bak`)) expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
    }
    const r = yusuan(["fill", file, "--in-place"], { YUSUAN_LOCK_WAIT_MS: "2000" });
    expect(r.status, r.stderr).toBe(0);
    expect(await filledCell(file)).toBe("105767210.12");
    expect(readdirSync(dir).filter((f) => f !== "预算.xlsx" && f !== "预算.xlsx.bak")).toEqual([]);
  }, 180_000);

  it("a failure while writing deletes no .bak and leaves no temporary file", () => {
    const { dir, file } = fresh();
    writeFileSync(`${file}.bak`, "the first backup");
    const r = yusuan(["fill", file, "--in-place"], { YUSUAN_TEST_FAIL_WRITE: "1" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/原文件未被改动/);
    expect(readFileSync(`${file}.bak`, "utf8")).toBe("the first backup");
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["预算.xlsx", "预算.xlsx.bak"]);
  });

  it("follows a symbolic link and writes its target; the link stays a link", async () => {
    const { dir, file } = fresh();
    const link = join(dir, "link.xlsx");
    symlinkSync(file, link);
    expect(yusuan(["fill", link, "--in-place"]).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await filledCell(file)).toBe("105767210.12");
    expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
  });

  it("refuses a read-only file", () => {
    const { file } = fresh();
    chmodSync(file, 0o444);
    const r = yusuan(["fill", file, "--in-place", "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/read-only/);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("keeps the mode, the owner (where the system allows) and hard links", async () => {
    const { dir, file } = fresh();
    chmodSync(file, 0o640);
    const other = join(dir, "另一个名字.xlsx");
    linkSync(file, other);
    const root = typeof process.getuid === "function" && process.getuid() === 0;
    if (root) chownSync(file, 1234, 1234);
    expect(yusuan(["fill", file, "--in-place"]).status).toBe(0);
    const s = statSync(file);
    expect(s.mode & 0o777).toBe(0o640);
    expect(s.nlink).toBe(2);
    expect(await filledCell(other)).toBe("105767210.12");
    if (root) expect([s.uid, s.gid]).toEqual([1234, 1234]);
    expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
  });
});

describe("build → check → fill (built)", () => {
  it("the tables built from budget lines check without error and fill changes nothing", () => {
    const dir = join(base, "build");
    spawnSync("mkdir", ["-p", dir]);
    const csv = join(dir, "lines.csv");
    writeFileSync(
      csv,
      [
        "功能分类,经济分类,资金来源,支出类型,金额,项目",
        "2019999,30101,一般公共预算,基本支出,2389860.00,",
        "2019999,30211,一般公共预算,基本支出,27000.00,",
        "2019999,30217,一般公共预算,基本支出,8000.00,",
        "2019999,30228,一般公共预算,基本支出,346186.00,",
        "2019999,30299,一般公共预算,项目支出,38233551.78,社工",
        "2080505,30108,一般公共预算,基本支出,2187740.00,",
        "2210201,30113,一般公共预算,基本支出,905823.00,",
      ].join("\n"),
    );
    const out = join(dir, "built.xlsx");
    expect(yusuan(["build", csv, "--department", "上海市某某局", "--year", "2025", "-o", out]).status).toBe(
      0,
    );
    const check = yusuan(["check", out, "--format", "json"]);
    expect(check.status, check.stdout).toBe(0);
    const fill = yusuan(["fill", out, "--dry-run"]);
    expect(fill.stdout).toMatch(/将填写 0 个单元格/);
    expect(fill.stdout).not.toMatch(/冲突/);
  }, 60_000);
});

describe("the hostile-input corpus through fill as well as check (built)", () => {
  it("every unreadable input is refused by fill with a message naming the file, never an internal error", async () => {
    const { hostileInputs } = await import("@yusuan/testing");
    const dir = join(base, "corpus");
    spawnSync("mkdir", ["-p", dir]);
    for (const input of await hostileInputs()) {
      const file = join(dir, input.name);
      writeFileSync(file, input.bytes);
      for (const args of [
        ["check", file],
        ["fill", file, "-o", join(dir, `out-${input.name}`), "--force"],
      ]) {
        const r = yusuan(args, { NODE_OPTIONS: "--max-old-space-size=256" });
        expect(r.status, `${args[0]} ${input.name}: ${r.stdout}${r.stderr}`).toBe(2);
        expect(r.stdout + r.stderr, `${args[0]} ${input.name}`).toContain(input.name);
        expect(r.stdout + r.stderr, `${args[0]} ${input.name}`).not.toMatch(/内部错误|internal error/);
      }
      expect(existsSync(join(dir, `out-${input.name}`)), input.name).toBe(false);
    }
  }, 600_000);

  it("every costly input is checked and filled within its time and memory bound", async () => {
    const { costlyInputs } = await import("@yusuan/testing");
    const dir = join(base, "costly");
    spawnSync("mkdir", ["-p", dir]);
    for (const input of await costlyInputs()) {
      const file = join(dir, input.name);
      writeFileSync(file, input.bytes);
      for (const args of [
        ["check", file],
        ["fill", file, "-o", join(dir, `out-${input.name}`), "--force"],
      ]) {
        const started = performance.now();
        const r = yusuan(args, { NODE_OPTIONS: `--max-old-space-size=${input.megabytes}` });
        expect(r.status, `${args[0]} ${input.name}: ${r.stdout}${r.stderr}`).toBeLessThan(2);
        expect(performance.now() - started, `${args[0]} ${input.name}`).toBeLessThan(input.seconds * 1000);
      }
    }
  }, 300_000);
});
