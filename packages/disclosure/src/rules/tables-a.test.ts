import { describe, expect, test } from "vitest";
import { analyzeText, lineOf, replaceOn, ruleHits, sampleText } from "../../../../tests/fixtures/sample";
import { analyzeReal, realEdited, realText } from "../../../../tests/fixtures/real-docs";

const sample = analyzeText(sampleText());
const t3 = lineOf("2025年部门支出预算总表", 100);
const t4 = lineOf("2025年部门财政拨款收支预算总表", 100);
const t9 = lineOf("2025年部门“三公”经费和机关运行经费预算表", 100);

describe("A1 parent = Σ children", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A1.parent-sum")).toEqual([]));
  test("fires when a 类 row no longer equals its 款", () => {
    const a = analyzeText(replaceOn("201\t\t一般公共服务支出", "58,121,209.78", "58,121,209.87", t3));
    const hits = ruleHits(a, "A1.parent-sum");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      table: "T3",
      row: "201",
      column: "合计",
      expected: "58121209.78",
      actual: "58121209.87",
      difference: "0.09",
      severity: "error",
    });
    expect(hits[0]!.related?.[0]).toMatchObject({ table: "T3", row: "20199" });
  });
});

describe("A2 合计 row = Σ 类", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A2.total-row")).toEqual([]));
  test("fires on a wrong total", () => {
    const a = analyzeText(
      replaceOn("合计\t\t\t\t105,767,210.12\t27,981,878.00", "27,981,878.00", "27,981,887.00", t3),
    );
    expect(ruleHits(a, "A2.total-row")).toMatchObject([
      { table: "T3", row: "合计", column: "基本支出", difference: "9.00" },
    ]);
  });
});

describe("A3 row identities", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A3.row-identity")).toEqual([]));
  test("fires when 合计 ≠ 基本 + 项目", () => {
    const a = analyzeText(replaceOn("204\t02\t20 执法办案", "—", "100.00", t3));
    const hit = ruleHits(a, "A3.row-identity").find((f) => f.row === "2040220");
    expect(hit).toMatchObject({
      table: "T3",
      column: "合计",
      expected: "24763710.00",
      actual: "24763610.00",
    });
  });
});

describe("A4 Table 1 totals", () => {
  test("the sample's blank fiscal sources give a warning, not an error", () => {
    expect(ruleHits(sample, "A4.t1-totals")).toEqual([]);
    expect(ruleHits(sample, "A4.fiscal-sources-blank")).toMatchObject([
      { severity: "warning", table: "T1", row: "财政拨款收入" },
    ]);
  });
  test("filled sources that add up are quiet", () => {
    const a = analyzeText(
      replaceOn("1. 一般公共预算资金\t", "1. 一般公共预算资金\t", "1. 一般公共预算资金\t105,767,210.12"),
    );
    expect(ruleHits(a, "A4.fiscal-sources-blank")).toEqual([]);
    expect(ruleHits(a, "A4.t1-totals")).toEqual([]);
  });
  test("fires when 收入总计 is not the sum", () => {
    const a = analyzeText(replaceOn("收入总计", "收入总计\t105,767,210.12", "收入总计\t105,767,211.12"));
    const hits = ruleHits(a, "A4.t1-totals");
    expect(hits.map((h) => h.row)).toContain("收入总计");
    expect(hits.find((h) => h.row === "收入总计")).toMatchObject({
      expected: "105767210.12",
      difference: "1.00",
    });
  });
});

describe("A5 Table 4", () => {
  test("quiet on the sample", () => {
    expect(ruleHits(sample, "A5.t4-totals")).toEqual([]);
    expect(ruleHits(sample, "A5.t4-row-identity")).toEqual([]);
  });
  test("fires when a row's 合计 ≠ the three budgets", () => {
    const a = analyzeText(
      replaceOn(
        "→→四、卫生健康支出".replace(/→/g, "\t"),
        "1,230,607.00\t1,230,607.00",
        "1,230,607.00\t1,230,600.00",
        t4,
      ),
    );
    expect(ruleHits(a, "A5.t4-row-identity")).toMatchObject([
      { table: "T4", row: "210", column: "合计", difference: "7.00" },
    ]);
  });
});

describe("A6 Table 9", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A6.t9-identity")).toEqual([]));
  test("fires when 合计 ≠ its parts (万元)", () => {
    const a = analyzeText(replaceOn("0.80\t\t0.80", "0.80\t\t0.80", "0.90\t\t0.80", t9));
    expect(ruleHits(a, "A6.t9-identity")).toMatchObject([
      { table: "T9", column: "合计", unit: "万元", expected: "0.80", actual: "0.90" },
    ]);
  });
});

test("A5: Table 4 支出总计 that is not the sum of its rows", () => {
  const a = analyzeText(
    replaceOn(
      "收入总计",
      "支出总计\t105,767,210.12\t105,767,210.12",
      "支出总计\t105,767,210.12\t105,767,211.12",
      t4,
    ),
  );
  expect(ruleHits(a, "A5.t4-totals")).toMatchObject([
    { table: "T4", row: "支出总计", column: "一般公共预算", difference: "1.00" },
  ]);
});

describe("figures printed in whole 元 are exact (wanli_2025_bumen)", () => {
  const wanli = analyzeReal("wanli_2025_bumen");
  const breaks = (a: ReturnType<typeof analyzeReal>) =>
    a.findings
      .filter((f) => f.rule.startsWith("A") && f.column === "合计")
      .map((f) => `${f.table} ${f.rule} ${f.row} ${f.difference}`);

  test("a 1-元 break between a 类 and its 款, and a 款 and its 项, is an error in every table that prints it", () => {
    expect(breaks(wanli)).toEqual([
      "T2 A1.parent-sum 212 -1",
      "T2 A1.parent-sum 21201 1",
      "T3 A1.parent-sum 212 -1",
      "T3 A1.parent-sum 21201 1",
      "T3 A3.row-identity 21201 1",
      "T5 A1.parent-sum 212 -1",
      "T5 A1.parent-sum 21201 1",
      "T5 A3.row-identity 21201 1",
    ]);
    const t5 = ruleHits(wanli, "A1.parent-sum").find((f) => f.table === "T5" && f.row === "212");
    expect(t5).toMatchObject({ severity: "error", expected: "154369327", actual: "154369326" });
    // Amounts are shown as the document prints them: whole 元.
    expect(t5?.message).toContain("154,369,327 元");
  });

  test("quiet once 212 01 is printed as the sum of its 项", () => {
    const fixed = analyzeReal(realText("wanli_2025_bumen").replaceAll("94,995,790", "94,995,789"));
    expect(fixed.findings.filter((f) => /^A\d/.test(f.rule))).toEqual([]);
  });

  test("万元 figures with two decimals stay rounding-aware (Table 9)", () => {
    // 37.91 = 0 + 1.35 + 36.56 exactly; 37.92 is within the three parts' rounding (±0.015).
    const a = analyzeReal(realEdited("wanli_2025_bumen", ["37.91\t0\t1.35", "37.92\t0\t1.35"]));
    expect(ruleHits(a, "A6.t9-identity")).toEqual([]);
    const b = analyzeReal(realEdited("wanli_2025_bumen", ["37.91\t0\t1.35", "37.95\t0\t1.35"]));
    expect(ruleHits(b, "A6.t9-identity")).toMatchObject([{ column: "合计", unit: "万元", actual: "37.95" }]);
  });
});
