import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "@yusuan/disclosure";
import { main } from "./cli";

const SAMPLE = fileURLToPath(new URL("../../../examples/sample.txt", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "yusuan-cli-"));

async function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  more: { cwd?: string; stdin?: Uint8Array } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env,
    // The config file is looked for from a folder of the test's own, not the repository.
    cwd: more.cwd ?? dir,
    ...(more.stdin
      ? {
          stdin: (async function* () {
            yield more.stdin!;
          })(),
        }
      : {}),
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
    for (const args of [
      [],
      ["frobnicate"],
      ["check"],
      ["check", SAMPLE, "--format", "pdf"],
      ["check", SAMPLE, "--jobs", "0"],
      ["check", SAMPLE, "--year", "20x5"],
      ["template", "--year", "2025", "-o", "x.xlsx"],
      ["convert", SAMPLE, "-o", "out.pdf"],
    ]) {
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
    expect(report.files[0]!.findings[0]).toMatchObject({
      rule: "input.unreadable",
      table: "D",
      severity: "error",
    });
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
    expect(
      (await run(["template", "--department", "<script>alert(1)</script>", "--year", "2026", "-o", t])).code,
    ).toBe(0);
    expect(readFileSync(t).subarray(0, 2).toString()).toBe("PK");
    const lines = join(dir, "lines.csv");
    writeFileSync(
      lines,
      "功能分类,经济分类,资金来源,支出类型,金额\n2010101,30101,一般公共预算,基本支出,1000.00\n2010102,30201,一般公共预算,项目支出,500\n",
    );
    const b = join(dir, "b.xlsx");
    const built = await run(["build", lines, "--department", "测试局", "--year", "2026", "-o", b]);
    expect(built.code).toBeLessThan(2);
    const check = await run(["check", b, "--format", "json"]);
    const report = JSON.parse(check.out) as Report;
    expect(report.files[0]!.document?.department).toBe("测试局");
    expect(report.files[0]!.tables.filter((x) => x.found).length).toBeGreaterThanOrEqual(8);
  });

  it("refuses unknown rule ids with the valid ones, and an input set with nothing to check (exit 2)", async () => {
    const r = await run(["check", SAMPLE, "--rules", "A9", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown rule id "A9"');
    expect(r.err).toContain("A3.row-identity");
    expect((await run(["check", SAMPLE, "--disable", "E1.performance-fund"])).err).toContain(
      "是否想用 E1.performance-funds",
    );
    // The command line's own rules are known ids too (reports describe them; --rules takes them).
    for (const id of ["input.unreadable", "input.too-large", "input.read-warning", "input.waiver-file"]) {
      expect((await run(["check", SAMPLE, "--rules", id])).code, id).toBe(0);
    }
    const empty = mkdtempSync(join(dir, "empty-"));
    const none = await run(["check", empty]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("没有可检查的文件");
    writeFileSync(join(empty, "说明.docx"), "x");
    const other = await run(["check", empty, "--lang", "en"]);
    expect(other.code).toBe(2);
    expect(other.err).toContain("说明.docx");
  });

  it("reads standard input, text or binary, with --stdin-filename for the type", async () => {
    const text = await run(["check", "-", "--format", "json"], {}, { stdin: readFileSync(SAMPLE) });
    const fromFile = JSON.parse((await run(["check", SAMPLE, "--format", "json"])).out) as Report;
    const fromStdin = JSON.parse(text.out) as Report;
    expect(fromStdin.files[0]!.path).toBe("<stdin>");
    expect(fromStdin.files[0]!.findings.map((f) => f.fingerprint)).toEqual(
      fromFile.files[0]!.findings.map((f) => f.fingerprint),
    );
    const xlsx = join(dir, "stdin.xlsx");
    expect((await run(["convert", SAMPLE, "-o", xlsx])).code).toBe(0);
    const binary = await run(
      ["check", "-", "--stdin-filename", "预算.xlsx", "--format", "json"],
      {},
      { stdin: readFileSync(xlsx) },
    );
    const rep = JSON.parse(binary.out) as Report;
    expect(rep.files[0]!.path).toBe("预算.xlsx");
    expect(rep.files[0]!.tables.filter((t) => t.found)).toHaveLength(9);
    expect(
      (await run(["check", "-", "--stdin-filename", "a.doc"], {}, { stdin: readFileSync(SAMPLE) })).code,
    ).toBe(2);
  });

  it("--quiet lists errors only; --max-warnings N fails a run with more warnings", async () => {
    const all = JSON.parse((await run(["check", SAMPLE, "--format", "json"])).out) as Report;
    const warnings = all.summary.warnings;
    expect(warnings).toBeGreaterThan(1);
    const quiet = await run(["check", SAMPLE, "--quiet", "--format", "json"]);
    expect((JSON.parse(quiet.out) as Report).files[0]!.findings.every((f) => f.severity === "error")).toBe(
      true,
    );
    const noErrors = ["--disable", "E1.performance-funds"];
    expect((await run(["check", SAMPLE, ...noErrors, "--max-warnings", String(warnings)])).code).toBe(0);
    const over = await run(["check", SAMPLE, ...noErrors, "--max-warnings", String(warnings - 1), "--quiet"]);
    expect(over.code).toBe(1);
    expect(over.err).toContain(`共 ${warnings} 个警告，超过 --max-warnings ${warnings - 1}`);
    expect(over.out).not.toContain("警告  ");
    expect((await run(["check", SAMPLE, "--max-warnings", "-1"])).code).toBe(2);
  });

  it("takes rules, severities, language and format from the config file, and the command line over it", async () => {
    const project = mkdtempSync(join(dir, "project-"));
    const sub = join(project, "reports");
    mkdirSync(sub);
    writeFileSync(
      join(project, "yusuan.config.json"),
      JSON.stringify({ rules: { F1: "off", "E1.performance-funds": "warning" }, format: "json", lang: "en" }),
    );
    const r = await run(["check", SAMPLE], {}, { cwd: sub });
    const rep = JSON.parse(r.out) as Report;
    expect(r.code).toBe(0);
    expect(rep.files[0]!.findings.some((f) => f.rule.startsWith("F1."))).toBe(false);
    expect(rep.files[0]!.findings.find((f) => f.rule === "E1.performance-funds")?.severity).toBe("warning");
    expect(rep.files[0]!.findings[0]!.message).toMatch(/^[ -~]/);
    const text = await run(["check", SAMPLE, "--format", "text", "--lang", "zh"], {}, { cwd: sub });
    expect(text.out).toContain("共检查 1 个文件");
    writeFileSync(join(project, "yusuan.config.json"), JSON.stringify({ rules: { F9: "off" } }));
    const bad = await run(["check", SAMPLE], {}, { cwd: sub });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("yusuan.config.json");
    expect(bad.err).toContain("rules.F9");
    // A broken config file does not stop help.
    expect((await run(["--help"], {}, { cwd: sub })).code).toBe(0);
  });

  it("speaks the language of --lang, the config or the locale, including the parser's errors and help", async () => {
    const en = await run(["check", "--bogus"], { LANG: "en_US.UTF-8" });
    expect(en.err).toContain("error: unknown option '--bogus'");
    const zh = await run(["check", "--bogus"], { LANG: "C.UTF-8" });
    expect(zh.err).toContain("错误：未知选项“--bogus”");
    expect((await run(["check", "--bogus", "--lang", "zh"], { LANG: "en_US.UTF-8" })).err).toContain(
      "错误：未知选项",
    );
    const help = await run(["check", "--help"]);
    expect(help.out).toMatch(/^用法： yusuan check \[选项\] <inputs\.\.\.>/);
    expect(help.out).toContain("选项：");
    expect(help.out).not.toMatch(/Options:|default:|choices:/);
    expect((await run(["--help"], { LC_ALL: "en_GB.UTF-8" })).out).toMatch(
      /^Usage: yusuan \[options\] \[command\]/,
    );
    expect((await run([])).out).toContain("命令：");
  });

  it("-o creates missing folders", async () => {
    const out = join(dir, "new", "deeper", "report.json");
    expect((await run(["check", SAMPLE, "--format", "json", "-o", out])).code).toBe(1);
    expect((JSON.parse(readFileSync(out, "utf8")) as Report).files).toHaveLength(1);
    const t = join(dir, "made", "t.xlsx");
    expect((await run(["template", "--department", "测试局", "--year", "2026", "-o", t])).code).toBe(0);
    expect(readFileSync(t).subarray(0, 2).toString()).toBe("PK");
  });

  it("shows a text file's bad byte as a finding naming its line", async () => {
    const good = readFileSync(SAMPLE);
    const cut = good.indexOf(Buffer.from("\n", "utf8"), 2000) + 1;
    const damaged = join(dir, "坏字节.txt");
    writeFileSync(damaged, Buffer.concat([good.subarray(0, cut), Buffer.from([0xff]), good.subarray(cut)]));
    const line = good.subarray(0, cut).toString("utf8").split("\n").length;
    const r = await run(["check", damaged, "--format", "json"]);
    const hits = (JSON.parse(r.out) as Report).files[0]!.findings.filter(
      (f) => f.rule === "input.read-warning",
    );
    expect(hits).toEqual([expect.objectContaining({ severity: "warning", table: "D", location: { line } })]);
    expect(hits[0]!.message).toContain(`第 ${line} 行`);
    expect(hits[0]!.message).toContain("坏字节.txt");
    expect((await run(["check", damaged])).out).toMatch(
      new RegExp(`警告 {2}第 ${line} 行 {2}文件“[^”]*坏字节\\.txt”第 ${line} 行有不是有效 UTF-8 的字节`),
    );
  });

  it("waives a finding of a text file in its waiver file and of a workbook in its hidden sheet", async () => {
    const txt = join(dir, "waive.txt");
    writeFileSync(txt, readFileSync(SAMPLE));
    const before = JSON.parse((await run(["check", txt, "--format", "json"])).out) as Report;
    const target = before.files[0]!.findings.find((f) => f.severity === "error")!;
    const w = await run([
      "waive",
      txt,
      target.fingerprint.slice(0, 8),
      "--reason",
      "口径不同，已说明",
      "--by",
      "张三",
    ]);
    expect(w.code).toBe(0);
    const sidecar = JSON.parse(readFileSync(`${txt}.yusuan-waivers.json`, "utf8")) as {
      waivers: Record<string, string>[];
    };
    expect(sidecar.waivers).toEqual([
      expect.objectContaining({
        fingerprint: target.fingerprint,
        rule: target.rule,
        reason: "口径不同，已说明",
        by: "张三",
      }),
    ]);
    const after = await run(["check", txt]);
    expect(after.out).toMatch(/共检查 1 个文件：0 个错误，\d+ 个警告，\d+ 个提示；已豁免 1 个/);
    expect(after.code).toBe(0);
    const xlsx = join(dir, "waive.xlsx");
    expect((await run(["convert", SAMPLE, "-o", xlsx])).code).toBe(0);
    expect((await run(["waive", xlsx, target.fingerprint, "--reason", "同上"])).code).toBe(0);
    const book = JSON.parse(
      (await run(["check", xlsx, "--format", "json", "--show-waived"])).out,
    ) as Report & { summary: { waived?: number } };
    expect(book.files[0]!.findings.find((f) => f.fingerprint === target.fingerprint)?.waived).toEqual({
      reason: "同上",
    });
    expect(book.summary.waived).toBe(1);
    const missing = await run(["waive", xlsx, "0000000000000000", "--reason", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("waive.xlsx");
    writeFileSync(`${txt}.yusuan-waivers.json`, "{ broken");
    const broken = await run(["check", txt, "--format", "json"]);
    expect(broken.code).toBe(2);
    expect(
      (JSON.parse(broken.out) as Report).files[0]!.findings.some((f) => f.rule === "input.waiver-file"),
    ).toBe(true);
  });
});
