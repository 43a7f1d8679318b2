import { describe, expect, test } from "vitest";
import { analyzeText, lineOf, replaceOn, ruleHits, sampleText } from "../../../../tests/fixtures/sample";

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
    expect(hits[0]).toMatchObject({ table: "T3", row: "201", column: "合计", expected: "58121209.78", actual: "58121209.87", difference: "0.09", severity: "error" });
    expect(hits[0]!.related?.[0]).toMatchObject({ table: "T3", row: "20199" });
  });
});

describe("A2 合计 row = Σ 类", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A2.total-row")).toEqual([]));
  test("fires on a wrong total", () => {
    const a = analyzeText(replaceOn("合计\t\t\t\t105,767,210.12\t27,981,878.00", "27,981,878.00", "27,981,887.00", t3));
    expect(ruleHits(a, "A2.total-row")).toMatchObject([{ table: "T3", row: "合计", column: "基本支出", difference: "9.00" }]);
  });
});

describe("A3 row identities", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A3.row-identity")).toEqual([]));
  test("fires when 合计 ≠ 基本 + 项目", () => {
    const a = analyzeText(replaceOn("204\t02\t20 执法办案", "—", "100.00", t3));
    const hit = ruleHits(a, "A3.row-identity").find((f) => f.row === "2040220");
    expect(hit).toMatchObject({ table: "T3", column: "合计", expected: "24763710.00", actual: "24763610.00" });
  });
});

describe("A4 Table 1 totals", () => {
  test("the sample's blank fiscal sources give a warning, not an error", () => {
    expect(ruleHits(sample, "A4.t1-totals")).toEqual([]);
    expect(ruleHits(sample, "A4.fiscal-sources-blank")).toMatchObject([{ severity: "warning", table: "T1", row: "财政拨款收入" }]);
  });
  test("filled sources that add up are quiet", () => {
    const a = analyzeText(replaceOn("1. 一般公共预算资金\t", "1. 一般公共预算资金\t", "1. 一般公共预算资金\t105,767,210.12"));
    expect(ruleHits(a, "A4.fiscal-sources-blank")).toEqual([]);
    expect(ruleHits(a, "A4.t1-totals")).toEqual([]);
  });
  test("fires when 收入总计 is not the sum", () => {
    const a = analyzeText(replaceOn("收入总计", "收入总计\t105,767,210.12", "收入总计\t105,767,211.12"));
    const hits = ruleHits(a, "A4.t1-totals");
    expect(hits.map((h) => h.row)).toContain("收入总计");
    expect(hits.find((h) => h.row === "收入总计")).toMatchObject({ expected: "105767210.12", difference: "1.00" });
  });
});

describe("A5 Table 4", () => {
  test("quiet on the sample", () => {
    expect(ruleHits(sample, "A5.t4-totals")).toEqual([]);
    expect(ruleHits(sample, "A5.t4-row-identity")).toEqual([]);
  });
  test("fires when a row's 合计 ≠ the three budgets", () => {
    const a = analyzeText(replaceOn("→→四、卫生健康支出".replace(/→/g, "\t"), "1,230,607.00\t1,230,607.00", "1,230,607.00\t1,230,600.00", t4));
    expect(ruleHits(a, "A5.t4-row-identity")).toMatchObject([{ table: "T4", row: "210", column: "合计", difference: "7.00" }]);
  });
});

describe("A6 Table 9", () => {
  test("quiet on the sample", () => expect(ruleHits(sample, "A6.t9-identity")).toEqual([]));
  test("fires when 合计 ≠ its parts (万元)", () => {
    const a = analyzeText(replaceOn("0.80\t\t0.80", "0.80\t\t0.80", "0.90\t\t0.80", t9));
    expect(ruleHits(a, "A6.t9-identity")).toMatchObject([{ table: "T9", column: "合计", unit: "万元", expected: "0.80", actual: "0.90" }]);
  });
});

test("A5: Table 4 支出总计 that is not the sum of its rows", () => {
  const a = analyzeText(replaceOn("收入总计", "支出总计\t105,767,210.12\t105,767,210.12", "支出总计\t105,767,210.12\t105,767,211.12", t4));
  expect(ruleHits(a, "A5.t4-totals")).toMatchObject([{ table: "T4", row: "支出总计", column: "一般公共预算", difference: "1.00" }]);
});
