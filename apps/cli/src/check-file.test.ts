import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, readTextDocument } from "@yusuan/disclosure";
import { readXlsx, writeWaivers } from "@yusuan/xlsx";
import { readWaivers } from "@yusuan/disclosure";
import { checkFile, xlsxWarnings, type RunOptions } from "./check-file";
import { textToWorkbook } from "./workbook";

const SAMPLE = fileURLToPath(new URL("../../../examples/sample.txt", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "yusuan-check-file-"));
const zh: RunOptions = { lang: "zh-CN", showWaived: false };

describe("checkFile", () => {
  it("checks the sample text like analyze does", async () => {
    const { report, unreadable } = await checkFile(SAMPLE, zh);
    const doc = readTextDocument(readFileSync(SAMPLE), SAMPLE);
    if (!doc.ok) throw new Error(doc.message);
    const direct = analyze(doc.grid);
    expect(unreadable).toBe(false);
    expect(report.findings).toEqual(direct.findings);
    expect(report.tables).toEqual(direct.tables);
    expect(report.document?.year).toBe(2025);
  });

  it("checks a JSON model with the same findings as its text", async () => {
    const doc = readTextDocument(readFileSync(SAMPLE), SAMPLE);
    if (!doc.ok) throw new Error(doc.message);
    const a = analyze(doc.grid);
    const path = join(dir, "model.json");
    writeFileSync(path, JSON.stringify(a.disclosure));
    const { report, unreadable } = await checkFile(path, zh);
    expect(unreadable).toBe(false);
    // Recognition issues (D rules) come from the grid; everything the model carries is checked alike.
    const key = (f: { rule: string; fingerprint: string }) => `${f.rule} ${f.fingerprint}`;
    expect(a.findings.filter((f) => f.table !== "D").length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.table !== "D").map(key)).toEqual(
      a.findings.filter((f) => f.table !== "D").map(key),
    );
    expect(report.tables.filter((t) => t.found).map((t) => t.id)).toEqual(
      a.tables.filter((t) => t.found).map((t) => t.id),
    );
  });

  it("turns unreadable inputs into one input.unreadable finding naming the file", async () => {
    const cases: [string, string | Uint8Array][] = [
      ["bad.json", "{ not json"],
      ["wrong-shape.json", JSON.stringify({ hello: 1 })],
      ["binary.txt", new Uint8Array([0, 1, 2, 0, 255, 0])],
      ["fake.xlsx", "这不是工作簿"],
      ["notes.md", "# hi"],
    ];
    for (const [name, content] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const { report, unreadable } = await checkFile(path, { lang: "en", showWaived: false });
      expect(unreadable, name).toBe(true);
      expect(report.findings, name).toHaveLength(1);
      expect(report.findings[0]).toMatchObject({ rule: "input.unreadable", table: "D", severity: "error" });
      expect(report.findings[0]!.message, name).toContain(name);
    }
    const missing = await checkFile(join(dir, "missing.txt"), zh);
    expect(missing.report.findings[0]!.message).toContain("文件不存在");
  });

  it("honours waivers stored in the workbook, and lists them with showWaived", async () => {
    const doc = readTextDocument(readFileSync(SAMPLE), SAMPLE);
    if (!doc.ok) throw new Error(doc.message);
    const plain = join(dir, "plain.xlsx");
    const bytes = await textToWorkbook(doc.grid);
    writeFileSync(plain, bytes);
    const before = await checkFile(plain, zh);
    const target = before.report.findings[0]!;
    expect(target).toBeDefined();
    const waivedPath = join(dir, "waived.xlsx");
    writeFileSync(
      waivedPath,
      await writeWaivers(bytes, [
        { fingerprint: target.fingerprint, reason: "来源另行说明", rule: target.rule },
      ]),
    );
    const read = await readXlsx(readFileSync(waivedPath), waivedPath);
    if (!read.ok) throw new Error(read.message);
    expect(readWaivers(read.grid)).toEqual([
      { fingerprint: target.fingerprint, reason: "来源另行说明", rule: target.rule },
    ]);
    const hidden = await checkFile(waivedPath, zh);
    expect(hidden.report.findings.map((f) => f.fingerprint)).not.toContain(target.fingerprint);
    expect(hidden.report.findings).toHaveLength(before.report.findings.length - 1);
    const shown = await checkFile(waivedPath, { ...zh, showWaived: true });
    expect(shown.report.findings.find((f) => f.fingerprint === target.fingerprint)?.waived).toEqual({
      reason: "来源另行说明",
    });
  });

  it("applies --rules and --disable", async () => {
    const all = await checkFile(SAMPLE, zh);
    const rule = all.report.findings[0]!.rule;
    expect(
      (await checkFile(SAMPLE, { ...zh, disable: [rule] })).report.findings.map((f) => f.rule),
    ).not.toContain(rule);
    expect(
      (await checkFile(SAMPLE, { ...zh, rules: ["B"] })).report.findings.every((f) => f.rule.startsWith("B")),
    ).toBe(true);
  });
});

describe("xlsxWarnings", () => {
  it("gives stray cells their place and leaves formulas without results to the engine's D5 finding", () => {
    const stray =
      '文件“a.xlsx”工作表“表 1”有 2 个单元格远在其余内容之外（XFD9、XFD10），未读取。 / Sheet "表 1" of "a.xlsx" has 2 cell(s) far beyond the rest (XFD9, XFD10); they were not read.';
    const formulas =
      '文件“a.xlsx”中的公式没有保存计算结果 / Formulas in "a.xlsx" have no saved result and cannot be worked out on reading (T1!B4); their values are unknown, not 0.';
    expect(xlsxWarnings([stray, formulas, "something else"])).toEqual([
      {
        message: "文件“a.xlsx”工作表“表 1”有 2 个单元格远在其余内容之外（XFD9、XFD10），未读取。",
        messageEn: expect.stringMatching(/^Sheet "表 1"/),
        location: { sheet: "表 1", cell: "XFD9" },
      },
      { message: "something else", messageEn: "something else" },
    ]);
  });
});
