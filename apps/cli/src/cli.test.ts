import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "@yusuan/disclosure";
import { main } from "./cli";

const SAMPLE = fileURLToPath(new URL("../../../examples/sample.txt", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "yusuan-cli-"));

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env,
  });
  return { code, out, err };
}

describe("command line", () => {
  it("prints help with exit 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("check");
    expect(r.out).toContain("fill");
    expect((await run(["check", "--help", "--lang", "en"])).out).toContain("--fail-on");
  });

  it("gives exit 2 and a message, never a stack, for wrong commands and options", async () => {
    for (const args of [[], ["frobnicate"], ["check"], ["check", SAMPLE, "--format", "pdf"], ["check", SAMPLE, "--jobs", "0"], ["check", SAMPLE, "--year", "20x5"], ["template", "--year", "2025", "-o", "x.xlsx"], ["convert", SAMPLE, "-o", "out.pdf"]]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err + r.out, args.join(" ")).not.toMatch(/\n\s+at /);
    }
    const r = await run(["check", SAMPLE, "--jobs", "zero", "--lang", "en"]);
    expect(r.err).toBe('yusuan: --jobs must be a whole number from 1 to 256, not "zero".\n');
  });

  it("prints the JSON report of the sample and exits by its findings", async () => {
    const r = await run(["check", SAMPLE, "--format", "json"]);
    const report = JSON.parse(r.out) as Report;
    expect(report.files).toHaveLength(1);
    expect(report.summary.files).toBe(1);
    expect(r.code).toBe(report.summary.errors > 0 ? 1 : 0);
    expect(r.err).toBe("");
    const strict = await run(["check", SAMPLE, "--format", "json", "--fail-on", "warning"]);
    expect(strict.code).toBe(report.summary.errors + report.summary.warnings > 0 ? 1 : 0);
  });

  it("checks the other files when one is unreadable, with exit 2 and the file named", async () => {
    const bad = join(dir, "坏.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = await run(["check", bad, SAMPLE, "--format", "json", "--jobs", "2"]);
    const report = JSON.parse(r.out) as Report;
    expect(r.code).toBe(2);
    expect(report.files.map((f) => f.path)).toEqual([bad, SAMPLE]);
    expect(report.files[0]!.findings[0]).toMatchObject({ rule: "input.unreadable", table: "D", severity: "error" });
    expect(report.files[1]!.tables.filter((t) => t.found)).toHaveLength(9);
    expect(r.err).toContain("坏.xlsx");
  });

  it("writes the report to --output and leaves stdout empty", async () => {
    const out = join(dir, "report.html");
    const r = await run(["check", SAMPLE, "--format", "html", "--output", out]);
    expect(r.out).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("looks up classification codes and names", async () => {
    const code = await run(["codes", "2010301"]);
    expect(code.code).toBe(0);
    expect(code.out).toMatch(/^2010301 {2}\S+ {2}（项，支出功能分类）\n {2}↑ 20103 {2}\S+/);
    expect(code.out).toContain("↑ 201  一般公共服务支出");
    const name = await run(["codes", "一般公共服务支出"]);
    expect(name.out.split("\n")[0]).toBe("201  一般公共服务支出  （类，支出功能分类）");
    expect((await run(["codes", "没有这种科目名称"])).code).toBe(1);
  });

  it("imports a catalog and checks with it", async () => {
    const csv = join(dir, "cat.csv");
    writeFileSync(csv, "科目编码,科目名称\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n");
    const out = join(dir, "cat.json");
    const r = await run(["catalog", "import", csv, "--year", "2025", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("3");
    const data = JSON.parse(readFileSync(out, "utf8")) as { year: number; entries: unknown[] };
    expect(data.year).toBe(2025);
    expect(data.entries).toHaveLength(3);
    const withCatalog = await run(["check", SAMPLE, "--catalog", out, "--format", "json"]);
    expect(withCatalog.code).toBeLessThan(2);
    const badCsv = join(dir, "bad.csv");
    writeFileSync(badCsv, "nothing here\n");
    const bad = await run(["catalog", "import", badCsv, "--year", "2025"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("bad.csv");
  });

  it("writes a template and builds the tables from budget lines", async () => {
    const t = join(dir, "t.xlsx");
    expect((await run(["template", "--department", "<script>alert(1)</script>", "--year", "2026", "-o", t])).code).toBe(0);
    expect(readFileSync(t).subarray(0, 2).toString()).toBe("PK");
    const lines = join(dir, "lines.csv");
    writeFileSync(lines, "功能分类,经济分类,资金来源,支出类型,金额\n2010101,30101,一般公共预算,基本支出,1000.00\n2010102,30201,一般公共预算,项目支出,500\n");
    const b = join(dir, "b.xlsx");
    const built = await run(["build", lines, "--department", "测试局", "--year", "2026", "-o", b]);
    expect(built.code).toBeLessThan(2);
    const check = await run(["check", b, "--format", "json"]);
    const report = JSON.parse(check.out) as Report;
    expect(report.files[0]!.document?.department).toBe("测试局");
    expect(report.files[0]!.tables.filter((x) => x.found).length).toBeGreaterThanOrEqual(8);
  });
});
