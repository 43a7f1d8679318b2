/**
 * End-to-end: the BUILT command line on published PDFs — a development PDF checked, a folder with a PDF,
 * a .docx (skipped, listed) and a broken PDF (exit 2 for it, the others still checked), and `convert`
 * of a PDF to a workbook and to TAB text.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@yusuan/disclosure";
import { buildCli } from "./build-cli";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "apps/cli/dist/cli.js");
const PDF = join(ROOT, "tests/fixtures/real/pdf/qufuban_2025_bumen.pdf");
const REFERENCE = join(ROOT, "tests/fixtures/real/tsv/qufuban_2025_bumen.txt");
const dir = mkdtempSync(join(tmpdir(), "yusuan-pdf-e2e-"));

function yusuan(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
  });
}

type Report2 = Report & {
  skipped?: { path: string; reason: string }[];
  summary: Report["summary"] & { unsupported?: number };
};

beforeAll(() => {
  buildCli();
  mkdirSync(join(dir, "folder"));
  copyFileSync(PDF, join(dir, "folder", "a.pdf"));
  copyFileSync(join(ROOT, "examples/sample.txt"), join(dir, "folder", "b.txt"));
  writeFileSync(join(dir, "folder", "c.docx"), "PK\u0003\u0004 not really a document");
  writeFileSync(
    join(dir, "folder", "d.pdf"),
    "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF truncated",
  );
}, 300_000);

describe("check", () => {
  it("checks a development PDF: nine tables, the same findings as its reference text", () => {
    const pdf = yusuan(["check", PDF, "--format", "json"]);
    const txt = yusuan(["check", REFERENCE, "--format", "json"]);
    expect(pdf.stderr).toBe("");
    const a = JSON.parse(pdf.stdout) as Report;
    const b = JSON.parse(txt.stdout) as Report;
    expect(a.files[0]!.tables.every((t) => t.found)).toBe(true);
    expect(a.files[0]!.document).toEqual(b.files[0]!.document);
    const keys = (r: Report) => r.files[0]!.findings.map((f) => `${f.rule} ${f.table} ${f.row ?? ""}`).sort();
    expect(keys(a)).toEqual(keys(b));
    expect(a.files[0]!.findings.every((f) => !f.location || "page" in f.location)).toBe(true);
    expect(pdf.status).toBe(b.summary.errors > 0 ? 1 : 0);
  });

  it("a folder: PDFs checked, a .docx listed as skipped, a broken PDF gets exit 2 and the others are still checked", () => {
    const r = yusuan(["check", join(dir, "folder"), "--format", "json", "--jobs", "2"]);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report2;
    expect(report.files.map((f) => f.path.replace(/^.*folder[\\/]/, ""))).toEqual([
      "a.pdf",
      "b.txt",
      "d.pdf",
    ]);
    expect(report.files[0]!.tables.filter((t) => t.found)).toHaveLength(9);
    expect(report.files[1]!.findings.length).toBeGreaterThan(0);
    const broken = report.files[2]!;
    expect(broken.findings).toHaveLength(1);
    expect(broken.findings[0]).toMatchObject({ rule: "input.unreadable", severity: "error", table: "D" });
    expect(broken.findings[0]!.message).toContain("d.pdf");
    expect(broken.findings[0]!.message).not.toMatch(/\n|at .*\.js/);
    expect(report.skipped).toEqual([{ path: expect.stringMatching(/c\.docx$/), reason: "unsupported-type" }]);
    expect(report.summary).toMatchObject({ files: 3, unsupported: 1 });
    // a person still learns which file failed, in one line
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("d.pdf");
  });

  it("the text report lists the skipped file and counts it", () => {
    const r = yusuan(["check", join(dir, "folder")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/已跳过“.*c\.docx”：不支持的文件类型 \.docx/);
    expect(r.stdout).toMatch(/共检查 3 个文件.*另有 1 个文件类型不支持，已跳过/);
  });
});

describe("convert", () => {
  it("a PDF to a workbook: one sheet per table and the narrative on its own", async () => {
    const out = join(dir, "q.xlsx");
    const r = yusuan(["convert", PDF, "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    const { readXlsx } = await import("@yusuan/xlsx");
    const { analyze } = await import("@yusuan/disclosure");
    const read = await readXlsx(new Uint8Array(readFileSync(out)), out);
    if (!read.ok) throw new Error(read.message);
    const names = read.grid.sheets.map((s) => s.name);
    expect(names[0]).toBe("说明");
    expect(names.filter((n) => /^T\d/.test(n))).toHaveLength(9);
    expect(analyze(read.grid).tables.every((t) => t.found)).toBe(true);
  });

  it("a PDF to TAB text, on standard output or into a file, that reads back with the same tables", async () => {
    const r = yusuan(["convert", PDF, "--to", "text"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("\t");
    const out = join(dir, "q.txt");
    expect(yusuan(["convert", PDF, "-o", out]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(
      r.stdout.endsWith("\n") && !readFileSync(out, "utf8").endsWith("\n") ? r.stdout.slice(0, -1) : r.stdout,
    );
    const back = JSON.parse(yusuan(["check", out, "--format", "json"]).stdout) as Report;
    expect(back.files[0]!.tables.every((t) => t.found)).toBe(true);
  });

  it("a broken PDF: exit 2 and one line naming the file", () => {
    const r = yusuan(["convert", join(dir, "folder", "d.pdf"), "--to", "text"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("d.pdf");
  });
});
