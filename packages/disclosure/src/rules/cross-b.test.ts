import { describe, expect, test } from "vitest";
import { analyzeText, lineOf, replaceOn, ruleHits, sampleText } from "../../../../tests/fixtures/sample";
import { analyzeReal, realEdited } from "../../../../tests/fixtures/real-docs";

const sample = analyzeText(sampleText());
const t1 = lineOf("2025年部门财务收支预算总表", 100);
const t4 = lineOf("2025年部门财政拨款收支预算总表", 100);
const t8 = lineOf("2025年部门一般公共预算基本支出部门预算经济分类预算表", 100);

describe("B rules are quiet on the sample", () => {
  for (const rule of [
    "B1.t1-t2-t3",
    "B2.fiscal-income",
    "B3.t4-t5-t7",
    "B4.t5-t8",
    "B5.functional-economic",
    "B6.sangong-ceiling",
    "D4.unit-slip",
  ]) {
    test(rule, () => expect(ruleHits(sample, rule)).toEqual([]));
  }
});

test("B1: a Table 1 expenditure line that disagrees with Table 3", () => {
  const a = analyzeText(replaceOn("1. 一般公共预算资金", "24,763,610.00", "24,763,601.00", t1));
  expect(ruleHits(a, "B1.t1-t2-t3")).toMatchObject([
    {
      table: "T1",
      row: "204",
      expected: "24763610.00",
      actual: "24763601.00",
      related: [{ table: "T3", row: "204" }],
    },
  ]);
});

test("B2: Table 4 收入总计 that disagrees with Table 1 财政拨款收入", () => {
  const a = analyzeText(replaceOn("收入总计", "收入总计\t105,767,210.12", "收入总计\t105,767,200.12", t4));
  expect(ruleHits(a, "B2.fiscal-income")).toMatchObject([
    { table: "T4", row: "收入总计", difference: "-10.00" },
  ]);
});

test("B3: Table 4 一般公共预算 column that disagrees with Table 5", () => {
  const a = analyzeText(
    replaceOn(
      "→→六、住房保障支出".replace(/→/g, "\t"),
      "905,823.00\t905,823.00",
      "905,833.00\t905,833.00",
      t4,
    ),
  );
  const hits = ruleHits(a, "B3.t4-t5-t7");
  expect(hits.find((h) => h.row === "221")).toMatchObject({
    table: "T4",
    column: "一般公共预算",
    difference: "10.00",
    related: [{ table: "T5", row: "221" }],
  });
});

test("B4: Table 8 total that disagrees with Table 5 基本支出", () => {
  const a = analyzeText(
    replaceOn("合计\t\t\t27,981,878.00", "27,981,878.00\t27,256,592.00", "27,981,888.00\t27,256,602.00", t8),
  );
  expect(ruleHits(a, "B4.t5-t8")).toMatchObject([
    { table: "T5", column: "基本支出", expected: "27981888.00", actual: "27981878.00" },
  ]);
});

test("B5: 30108 that disagrees with 2080505 is a warning", () => {
  const a = analyzeText(replaceOn("301\t08", "2,187,740.00\t2,187,740.00", "2,187,700.00\t2,187,700.00", t8));
  expect(ruleHits(a, "B5.functional-economic")).toMatchObject([
    { severity: "warning", table: "T8", row: "30108", expected: "2187740.00", actual: "2187700.00" },
  ]);
});

test("B6: Table 8 公务接待费 above Table 9's ceiling", () => {
  const a = analyzeText(replaceOn("302\t17", "8,000.00\t\t8,000.00", "8,100.00\t\t8,100.00", t8));
  expect(ruleHits(a, "B6.sangong-ceiling")).toMatchObject([
    {
      table: "T8",
      row: "30217",
      column: "公务接待费",
      expected: "8000.00",
      actual: "8100.00",
      difference: "100.00",
    },
  ]);
});

test("D4.unit-slip: a Table 1 figure typed in 万元", () => {
  const a = analyzeText(replaceOn("一、财政拨款收入", "58,121,209.78", "5,812.12", t1));
  const slip = ruleHits(a, "D4.unit-slip");
  expect(slip.some((f) => f.table === "T1" && f.row === "201")).toBe(true);
  expect(ruleHits(a, "B1.t1-t2-t3").some((f) => f.row === "201")).toBe(false);
});

describe("a 单位 version of Table 1 with 人员经费 / 公用经费 lines", () => {
  const withBreakdown = (personnel: string) =>
    replaceOn(
      "四、其他收入",
      "四、其他收入\t\t\t",
      `四、其他收入\t\t其中：人员经费\t${personnel}`,
      t1,
    ).replace(
      "收入总计\t105,767,210.12\t支出总计",
      "\t\t公用经费\t725,286.00\n收入总计\t105,767,210.12\t支出总计",
    );
  test("agreeing lines are quiet and are not added into 支出总计 twice", () => {
    const a = analyzeText(withBreakdown("27,256,592.00"));
    expect(ruleHits(a, "B4.t5-t8")).toEqual([]);
    expect(ruleHits(a, "A4.t1-totals")).toEqual([]);
  });
  test("a 人员经费 line that disagrees with Table 8 fires B4", () => {
    const a = analyzeText(withBreakdown("27,256,500.00"));
    expect(ruleHits(a, "B4.t5-t8")).toMatchObject([
      { table: "T1", row: "人员经费", expected: "27256592.00", actual: "27256500.00" },
    ]);
  });
});

describe("B rules on the real development documents", () => {
  test("B5 does not pair 20805 离退休 with 30301/30302: quiet on every development budget", () => {
    for (const name of [
      "ptczj_2025_bumen",
      "qufuban_2025_bumen",
      "shangwuwei_2025_bumen",
      "shangwuwei_2025_danwei",
      "wanli_2023_bumen",
      "wanli_2024_bumen",
      "wanli_2025_bumen",
    ] as const) {
      expect(ruleHits(analyzeReal(name), "B5.functional-economic")).toEqual([]);
    }
  });

  test("B5: 21011xx 行政事业单位医疗 against 30110 职工基本医疗保险缴费 (wanli_2025)", () => {
    const a = analyzeReal(
      realEdited("wanli_2025_bumen", [
        "职工基本医疗保险缴费\t3,016,973\t3,016,973",
        "职工基本医疗保险缴费\t3,016,937\t3,016,937",
      ]),
    );
    expect(ruleHits(a, "B5.functional-economic")).toMatchObject([
      {
        severity: "warning",
        table: "T8",
        row: "30110",
        expected: "3016973.00",
        actual: "3016937.00",
        related: [{ row: "2101101" }, { row: "2101102" }],
      },
    ]);
  });

  describe("a 单位 Table 1 with 人员经费 / 公用经费 / 项目支出 columns (shangwuwei_2025_danwei)", () => {
    const line201 = "一、一般公共服务支出\t21,601,733.00\t10,823,891.00\t1,467,842.00\t9,310,000.00";
    const total = "支出总计\t371,514,655.00\t18,120,593.00\t1,710,062.00\t351,684,000.00";

    test("reads the columns and is quiet", () => {
      const a = analyzeReal("shangwuwei_2025_danwei");
      expect(a.disclosure.tables.T1?.columns).toEqual(
        expect.arrayContaining(["人员经费", "公用经费", "项目支出"]),
      );
      expect(a.disclosure.tables.T1?.expenditureTotal?.amounts.人员经费?.value).toBe("18120593");
      for (const rule of ["A4.t1-totals", "B1.t1-t2-t3", "B4.t5-t8"]) expect(ruleHits(a, rule)).toEqual([]);
    });

    test("B4: Table 1's 人员经费 and 公用经费 against Table 8's", () => {
      const a = analyzeReal(
        realEdited(
          "shangwuwei_2025_danwei",
          [line201, "一、一般公共服务支出\t21,601,733.00\t10,823,791.00\t1,467,942.00\t9,310,000.00"],
          [total, "支出总计\t371,514,655.00\t18,120,493.00\t1,710,162.00\t351,684,000.00"],
        ),
      );
      expect(ruleHits(a, "A4.t1-totals")).toEqual([]);
      expect(ruleHits(a, "B1.t1-t2-t3")).toEqual([]);
      expect(ruleHits(a, "B4.t5-t8")).toMatchObject([
        { table: "T1", row: "支出总计", column: "人员经费", expected: "18120593.00", actual: "18120493.00" },
        { table: "T1", row: "支出总计", column: "公用经费", expected: "1710062.00", actual: "1710162.00" },
      ]);
    });

    test("B1: a 类's basic and project split against Table 3", () => {
      const a = analyzeReal(
        realEdited(
          "shangwuwei_2025_danwei",
          [line201, "一、一般公共服务支出\t21,601,733.00\t10,823,991.00\t1,467,842.00\t9,309,900.00"],
          [total, "支出总计\t371,514,655.00\t18,120,693.00\t1,710,062.00\t351,683,900.00"],
        ),
      );
      expect(ruleHits(a, "A4.t1-totals")).toEqual([]);
      expect(ruleHits(a, "B1.t1-t2-t3").map((f) => [f.table, f.row, f.column, f.difference])).toEqual([
        ["T1", "201", "项目支出", "-100.00"],
        ["T3", "201", "基本支出", "-100.00"],
      ]);
    });

    test("A4: a line whose columns do not add up", () => {
      const a = analyzeReal(
        realEdited("shangwuwei_2025_danwei", [
          line201,
          "一、一般公共服务支出\t21,601,733.00\t10,823,891.00\t1,467,842.00\t9,300,000.00",
        ]),
      );
      expect(ruleHits(a, "A4.t1-totals").map((f) => [f.row, f.column])).toEqual([
        ["201", "预算数"],
        ["支出总计", "项目支出"],
      ]);
    });
  });
});
