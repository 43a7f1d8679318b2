/**
 * End-to-end: the conventions linter users rely on, in real processes of the BUILT command line —
 * unknown rule ids and empty input sets are usage errors, `-` reads standard input (binary too),
 * --quiet and --max-warnings, the config file, -o into missing folders, the language from --lang and
 * the locale (parser errors and help included), `waive` with waiver files beside text and PDF inputs,
 * the reader's warnings as findings, and the summary's files with errors and waived findings.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@yusuan/disclosure";
import { minimalXlsx } from "@yusuan/testing";
import { buildCli } from "./build-cli";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "apps/cli/dist/cli.js");
const SAMPLE_TXT = join(ROOT, "examples/sample.txt");
const PDF = join(ROOT, "tests/fixtures/real/pdf/qufuban_2025_bumen.pdf");
const dir = mkdtempSync(join(tmpdir(), "yusuan-conventions-"));

type Run = SpawnSyncReturns<string>;

/** Runs the CLI in `cwd` (default: the test's folder, where no config file is) with a neutral locale. */
function yusuan(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: Uint8Array | string } = {},
): Run {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? dir,
    encoding: "utf8",
    timeout: 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
    env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...options.env },
  });
}

const report = (
  r: Run,
): Report & { summary: Report["summary"] & { filesWithErrors?: number; waived?: number } } =>
  JSON.parse(r.stdout);

beforeAll(() => {
  buildCli();
}, 300_000);

describe("usage errors a linter user expects (exit 2)", () => {
  it("an unknown rule id in --rules or --disable, with the valid ids", () => {
    const r = yusuan(["check", SAMPLE_TXT, "--rules", "A9"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("未知的规则编号 “A9”");
    expect(r.stderr).toContain("A3.row-identity");
    expect(r.stdout).toBe("");
    const en = yusuan(["check", SAMPLE_TXT, "--disable", "F1.stale", "--lang", "en"]);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("Did you mean F1.stale-year?");
  });

  it("a folder with nothing checkable, saying what it found", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    const r = yusuan(["check", empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("没有可检查的文件");
    expect(r.stdout).not.toContain("共检查 0 个文件");
    writeFileSync(join(empty, "预算.docx"), "not ours");
    const other = yusuan(["check", empty]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain("预算.docx");
  });
});

describe("standard input", () => {
  it("reads a text document from -", () => {
    const r = yusuan(["check", "-", "--format", "json"], { input: readFileSync(SAMPLE_TXT) });
    expect(r.status).toBe(1);
    expect(report(r).files[0]!.path).toBe("<stdin>");
    expect(report(r).files[0]!.tables.filter((t) => t.found)).toHaveLength(9);
  });

  it("reads a workbook (binary) from -, typed by --stdin-filename or by its bytes", () => {
    const xlsx = join(dir, "stdin.xlsx");
    expect(yusuan(["convert", SAMPLE_TXT, "-o", xlsx]).status).toBe(0);
    const named = yusuan(["check", "-", "--stdin-filename", "上报/预算.xlsx", "--format", "json"], {
      input: readFileSync(xlsx),
    });
    expect(report(named).files[0]!.path).toBe("上报/预算.xlsx");
    expect(report(named).files[0]!.tables.filter((t) => t.found)).toHaveLength(9);
    const sniffed = yusuan(["check", "-", "--format", "json"], { input: readFileSync(xlsx) });
    expect(report(sniffed).files[0]!.findings.map((f) => f.fingerprint)).toEqual(
      report(named).files[0]!.findings.map((f) => f.fingerprint),
    );
  });
});

describe("--quiet, --max-warnings, -o", () => {
  it("--quiet prints errors only and leaves clean files out; --max-warnings counts every warning", () => {
    const all = report(yusuan(["check", SAMPLE_TXT, "--format", "json"]));
    const warnings = all.summary.warnings;
    const quiet = yusuan(["check", SAMPLE_TXT, "--quiet"]);
    expect(quiet.stdout).toContain("错误  ");
    expect(quiet.stdout).not.toContain("警告  ");
    const clean = yusuan(["check", SAMPLE_TXT, "--quiet", "--disable", "E1.performance-funds"]);
    expect(clean.status).toBe(0);
    expect(clean.stdout.trim()).toBe("共检查 1 个文件：0 个错误，0 个警告，0 个提示");
    const over = yusuan([
      "check",
      SAMPLE_TXT,
      "--disable",
      "E1.performance-funds",
      "--max-warnings",
      String(warnings - 1),
    ]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("--max-warnings");
    expect(
      yusuan(["check", SAMPLE_TXT, "--disable", "E1.performance-funds", "--max-warnings", String(warnings)])
        .status,
    ).toBe(0);
  });

  it("-o writes into folders that do not exist yet", () => {
    const out = join(dir, "out", "2025", "report.html");
    expect(yusuan(["check", SAMPLE_TXT, "--format", "html", "-o", out]).status).toBe(1);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
    const filled = join(dir, "out", "filled", "a.xlsx");
    expect(yusuan(["fill", SAMPLE_TXT, "-o", filled]).status).toBeLessThan(2);
    expect(existsSync(filled)).toBe(true);
  });
});

describe("config file", () => {
  it("is found from the working folder up and sets rules, severities, language and format", () => {
    const project = join(dir, "project");
    const deep = join(project, "2025", "reports");
    mkdirSync(deep, { recursive: true });
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({
        name: "budgets",
        yusuan: { rules: { F: "off", "E1.performance-funds": "warning" }, lang: "en", format: "json" },
      }),
    );
    const r = yusuan(["check", SAMPLE_TXT], { cwd: deep });
    expect(r.status).toBe(0);
    const rep = report(r);
    expect(rep.files[0]!.findings.some((f) => f.rule.startsWith("F"))).toBe(false);
    expect(rep.files[0]!.findings.find((f) => f.rule === "E1.performance-funds")).toMatchObject({
      severity: "warning",
    });
    expect(rep.files[0]!.findings.find((f) => f.rule === "E1.performance-funds")!.message).toMatch(
      /^Project/,
    );
    // The command line wins over the file.
    expect(yusuan(["check", SAMPLE_TXT, "--format", "text", "--lang", "zh"], { cwd: deep }).stdout).toContain(
      "共检查 1 个文件",
    );
    writeFileSync(join(project, "yusuan.config.json"), JSON.stringify({ rules: { F1: "of" } }));
    const bad = yusuan(["check", SAMPLE_TXT], { cwd: deep });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(join(project, "yusuan.config.json"));
    expect(bad.stderr).toContain("rules.F1");
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("language", () => {
  it("follows LANG/LC_ALL when they name a language; --lang wins; parser errors and help too", () => {
    const en = yusuan(["check", "--bogus"], { env: { LANG: "en_US.UTF-8" } });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("error: unknown option '--bogus'");
    const zh = yusuan(["check", "--bogus"]);
    expect(zh.stderr).toContain("错误：未知选项“--bogus”");
    expect(yusuan(["chek"]).stderr).toContain("错误：未知命令“chek”\n（是否想用 check？）");
    expect(yusuan(["check"]).stderr).toContain("错误：缺少必需的参数 <inputs>");
    expect(
      yusuan(["check", "--help"], { env: { LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" } }).stdout,
    ).toMatch(/^用法： yusuan check \[选项\]/);
    expect(yusuan(["--help"], { env: { LANG: "en_US.UTF-8" } }).stdout).toMatch(
      /^Usage: yusuan \[options\] \[command\]/,
    );
    const help = yusuan(["--help"]);
    expect(help.stdout).toContain("命令：");
    expect(help.stdout).not.toMatch(/Usage:|Options:|Commands:/);
    expect(yusuan(["check", SAMPLE_TXT], { env: { LANG: "en_US.UTF-8" } }).stdout).toContain(
      "1 file checked, 1 with errors",
    );
    expect(yusuan(["check", SAMPLE_TXT, "--lang", "zh"], { env: { LANG: "en_US.UTF-8" } }).stdout).toContain(
      "共检查 1 个文件，其中 1 个有错误",
    );
  });
});

describe("waive and waiver files", () => {
  it("waives a finding of a text file beside it, and check reads it on its own", () => {
    const txt = join(dir, "waive.txt");
    copyFileSync(SAMPLE_TXT, txt);
    const target = report(yusuan(["check", txt, "--format", "json"])).files[0]!.findings.find(
      (f) => f.severity === "error",
    )!;
    const w = yusuan(["waive", txt, target.fingerprint, "--reason", "资金口径不同，已在说明中解释"]);
    expect(w.status).toBe(0);
    expect(w.stdout).toContain("waive.txt.yusuan-waivers.json");
    const after = yusuan(["check", txt]);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/共检查 1 个文件：0 个错误，\d+ 个警告，\d+ 个提示；已豁免 1 个/);
    expect(report(yusuan(["check", txt, "--format", "json"])).summary).toMatchObject({
      errors: 0,
      waived: 1,
    });
    expect(yusuan(["waive", txt, "ffffffffffffffff", "--reason", "x"]).status).toBe(2);
    expect(yusuan(["waive", txt, target.fingerprint]).stderr).toContain("--reason");
  });

  it("waives a finding of a PDF beside it", () => {
    const pdf = join(dir, "waive.pdf");
    copyFileSync(PDF, pdf);
    const first = report(yusuan(["check", pdf, "--format", "json"])).files[0]!.findings[0]!;
    expect(yusuan(["waive", pdf, first.fingerprint, "--reason", "已核对"]).status).toBe(0);
    expect(existsSync(`${pdf}.yusuan-waivers.json`)).toBe(true);
    const again = report(yusuan(["check", pdf, "--format", "json", "--show-waived"])).files[0]!;
    expect(again.findings.find((f) => f.fingerprint === first.fingerprint)?.waived).toEqual({
      reason: "已核对",
    });
  }, 120_000);

  it("waives a finding of a workbook in its hidden sheet yusuan_waivers", () => {
    const xlsx = join(dir, "waive.xlsx");
    expect(yusuan(["convert", SAMPLE_TXT, "-o", xlsx]).status).toBe(0);
    const target = report(yusuan(["check", xlsx, "--format", "json"])).files[0]!.findings.find(
      (f) => f.severity === "error",
    )!;
    expect(
      yusuan(["waive", xlsx, target.fingerprint.slice(0, 8), "--reason", "同上", "--by", "张三"]).status,
    ).toBe(0);
    expect(existsSync(`${xlsx}.yusuan-waivers.json`)).toBe(false);
    const r = yusuan(["check", xlsx]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("已豁免 1 个");
  });

  it("a broken waiver file is a finding naming it, with exit 2", () => {
    const txt = join(dir, "broken-waivers.txt");
    copyFileSync(SAMPLE_TXT, txt);
    writeFileSync(
      `${txt}.yusuan-waivers.json`,
      JSON.stringify({ waivers: [{ fingerprint: "nothex", reason: "x" }] }),
    );
    const r = yusuan(["check", txt]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("broken-waivers.txt.yusuan-waivers.json");
    expect(r.stdout).toContain("waivers.0.fingerprint");
  });
});

describe("what the readers noticed", () => {
  it("a bad byte in a UTF-8 text: a warning naming the line", () => {
    const good = readFileSync(SAMPLE_TXT);
    const cut = good.indexOf(0x0a, 3000) + 1;
    const line = good.subarray(0, cut).toString("utf8").split("\n").length;
    const file = join(dir, "bad-byte.txt");
    writeFileSync(file, Buffer.concat([good.subarray(0, cut), Buffer.from([0xfe]), good.subarray(cut)]));
    const r = yusuan(["check", file]);
    expect(r.stdout).toMatch(
      new RegExp(`警告 {2}第 ${line} 行 {2}文件“[^”]*bad-byte\\.txt”第 ${line} 行有不是有效 UTF-8 的字节`),
    );
    expect(r.stdout).toContain("input.read-warning");
  });

  it("stray cells far from the rest of a sheet: a warning at the first of them", async () => {
    const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const sheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c><c r="B1"><v>1</v></c></row>` +
      `<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData></worksheet>`;
    const file = join(dir, "stray.xlsx");
    writeFileSync(file, await minimalXlsx({ "xl/worksheets/sheet1.xml": sheet }));
    const r = yusuan(["check", file, "--format", "json"]);
    const hits = report(r).files[0]!.findings.filter((f) => f.rule === "input.read-warning");
    expect(hits).toEqual([
      expect.objectContaining({
        severity: "warning",
        table: "D",
        location: { sheet: "Sheet1", cell: "XFD1048576" },
      }),
    ]);
    expect(hits[0]!.message).toContain("stray.xlsx");
  });
});

describe("summary", () => {
  it("counts the files with errors and the waived findings", () => {
    const folder = join(dir, "batch");
    mkdirSync(folder);
    for (const name of ["a.txt", "b.txt", "c.txt"]) copyFileSync(SAMPLE_TXT, join(folder, name));
    const errors = report(yusuan(["check", SAMPLE_TXT, "--format", "json"])).files[0]!.findings.filter(
      (f) => f.severity === "error",
    );
    writeFileSync(
      join(folder, "c.txt.yusuan-waivers.json"),
      JSON.stringify({ waivers: errors.map((f) => ({ fingerprint: f.fingerprint, reason: "已核对" })) }),
    );
    const r = yusuan(["check", folder, "--jobs", "2"]);
    expect(r.stdout).toMatch(
      new RegExp(
        `共检查 3 个文件，其中 2 个有错误：${errors.length * 2} 个错误，.*；已豁免 ${errors.length} 个\n`,
      ),
    );
    expect(report(yusuan(["check", folder, "--format", "json"])).summary).toMatchObject({
      files: 3,
      filesWithErrors: 2,
      waived: errors.length,
    });
  });
});
