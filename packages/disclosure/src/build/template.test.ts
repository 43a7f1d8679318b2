import { describe, expect, it } from "vitest";
import { recognize } from "../recognize";
import { templateWorkbook } from "./template";
import { isValidSheetName, workbookSpecToGrid } from "./spec";

describe("templateWorkbook", () => {
  const spec = templateWorkbook({ department: "上海市某某局", year: 2025 });

  it("has the nine standard sheets with valid names and titles", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual([
      "表1 财务收支预算总表",
      "表2 收入预算总表",
      "表3 支出预算总表",
      "表4 财政拨款收支预算总表",
      "表5 一般公共预算支出功能分类预算表",
      "表6 政府性基金预算支出功能分类预算表",
      "表7 国有资本经营预算支出功能分类预算表",
      "表8 一般公共预算基本支出部门预算经济分类预算表",
      "表9 “三公”经费和机关运行经费预算表",
    ]);
    for (const s of spec.sheets) expect(isValidSheetName(s.name), s.name).toBe(true);
    const title = (i: number) => spec.sheets[i]!.cells.find((c) => c.row === 0 && c.col === 0)?.value;
    expect(title(0)).toBe("2025年部门财务收支预算总表");
    expect(title(8)).toBe("2025年部门“三公”经费和机关运行经费预算表");
  });

  it("writes 编制部门 and the unit (元, T9 万元)", () => {
    const texts = (i: number) => spec.sheets[i]!.cells.map((c) => c.value);
    expect(texts(2)).toContain("编制部门：上海市某某局");
    expect(texts(2)).toContain("单位：元");
    expect(texts(8)).toContain("单位：万元");
    expect(
      templateWorkbook({ department: "某单位", year: 2026, kind: "单位" }).sheets[0]!.cells[0]!.value,
    ).toBe("2026年单位财务收支预算总表");
  });

  it("merges the header cells as published", () => {
    const t3 = spec.sheets[2]!;
    // 项目 over the code and name columns, 支出预算 over the three amount columns
    expect(t3.merges).toContainEqual({ top: 3, left: 0, bottom: 3, right: 3 });
    expect(t3.merges).toContainEqual({ top: 3, left: 4, bottom: 3, right: 6 });
    // 功能分类科目名称 spans two header rows
    expect(t3.merges).toContainEqual({ top: 4, left: 3, bottom: 5, right: 3 });
    const t9 = spec.sheets[8]!;
    expect(t9.merges).toContainEqual({ top: 4, left: 3, bottom: 4, right: 5 });
  });

  it("formats amounts and sums with formulas", () => {
    const t3 = spec.sheets[2]!;
    const amounts = t3.cells.filter((c) => c.kind === "amount");
    expect(amounts.length).toBeGreaterThan(30);
    for (const c of amounts) expect(c.numberFormat).toBe("#,##0.00");
    const total = t3.cells.find((c) => c.col === 4 && c.formula?.startsWith("SUMIFS("));
    expect(total?.formula).toBe('SUMIFS(E7:E36,A7:A36,"<>",B7:B36,"")');
    expect(t3.cells.find((c) => c.row === 6 && c.col === 4)?.formula).toBe(
      'IF(COUNT(F7:G7)=0,"",SUM(F7:G7))',
    );
    const t9 = spec.sheets[8]!;
    expect(t9.cells.filter((c) => c.formula).map((c) => c.formula)).toEqual(["B7+C7+D7", "E7+F7"]);
  });

  it("is recognized as the nine tables", () => {
    const { disclosure } = recognize(workbookSpecToGrid(spec));
    for (const id of ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] as const) {
      expect(disclosure.tables[id], id).toBeDefined();
      expect(disclosure.tables[id]?.year).toBe(2025);
    }
    expect(disclosure.tables.T1?.income.map((l) => l.key)).toContain("一般公共预算资金");
  });
});
