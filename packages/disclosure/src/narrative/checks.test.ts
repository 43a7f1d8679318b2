/**
 * Each rule added for real documents fires on a real-shaped text and stays quiet on the same text put
 * right: the development documents themselves (tests/fixtures/real/tsv) and the sample, edited.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../report";
import { findingsOf, lineOf, realText, replacedIn, SAMPLE } from "./test-helpers";

const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const fires = (rule: string, text: string) => of(findingsOf(text), rule);
const W23 = realText("wanli_2023_bumen");
const W24 = realText("wanli_2024_bumen");
const W25 = realText("wanli_2025_bumen");
const SWW = realText("shangwuwei_2025_bumen");
const QFB = realText("qufuban_2025_bumen");
const findings = { W23: findingsOf(W23), W24: findingsOf(W24), W25: findingsOf(W25), QFB: findingsOf(QFB) };

describe("C6: items written as 类/款/项 paths", () => {
  it("every path item of wanli_2025 is found in Table 5 with its amount, except item 21", () => {
    const f = of(findings.W25, "C6.item-path");
    expect(f.map((x) => [x.row, lineOf(x)])).toEqual([
      ["卫生健康支出（类）卫生健康支出（款）计划生育事务（项）", 81],
    ]);
    expect(f[0]?.message).toContain("210 卫生健康支出");
    expect(of(findings.W25, "C6.narrative-item")).toHaveLength(0);
    expect(
      findings.W25.filter((x) => x.rule.startsWith("C1") || x.rule === "C6.narrative-items-total"),
    ).toHaveLength(0);
  });
  it("quiet when the path is right, with codes or dashes", () => {
    const right = replacedIn(W25, [
      "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）",
      "卫生健康支出（210类）计划生育事务（07款）计划生育服务（17项）",
    ]);
    expect(fires("C6.item-path", right)).toHaveLength(0);
    expect(of(findings.QFB, "C6.item-path").length + of(findings.QFB, "C6.narrative-item").length).toBe(0);
  });
  it("the amount of a path item is checked against its row (rounding-aware)", () => {
    const f = fires("C1.narrative-figure", replacedIn(W25, ["科目1788.77万元", "科目1788.97万元"]));
    expect(f[0]).toMatchObject({
      expected: "1788.77",
      actual: "1788.97",
      related: [expect.objectContaining({ table: "T5", row: "2120101" })],
    });
  });
});

describe("C1.conflicting-amounts: one item, two amounts in one paragraph", () => {
  it("fires on wanli_2024 住房公积金 (350.35万元, then 2024年预算安排352.67万元)", () => {
    expect(of(findings.W24, "C1.conflicting-amounts").map((f) => [f.expected, f.actual])).toEqual([
      ["350.35", "352.67"],
    ]);
  });
  it("is quiet when the amount is restated alike", () => {
    expect(
      fires(
        "C1.conflicting-amounts",
        replacedIn(W24, ["2024年预算安排352.67万元", "2024年预算安排350.35万元"]),
      ),
    ).toHaveLength(0);
  });
});

describe("C1.truncated-figure: a document that cuts figures off", () => {
  const PTC = realText("ptczj_2025_bumen");
  it("a document that also rounds: the cut-off figures are errors", () => {
    // 87.71 is 877,080 元 rounded: ptczj no longer cuts every figure off.
    const mixed = findingsOf(PTC.replaceAll("”87.70万元", "”87.71万元"));
    expect(of(mixed, "C1.truncated-figure")).toHaveLength(0);
    expect(of(mixed, "C1.narrative-figure").map((x) => x.actual)).toEqual([
      "887.36",
      "78.21",
      "204.91",
      "268.77",
    ]);
  });
  it("fires on ptczj, whose narrative cuts 877,080 元 to 87.70万元 (and 782,164 to 78.21 …)", () => {
    const f = findingsOf(PTC);
    expect(of(f, "C1.truncated-figure").map((x) => x.actual)).toEqual(["87.70", "78.21", "204.91", "268.77"]);
    // 887.36万元 for 873,617 元 is a wrong figure, not a cut-off one.
    expect(of(f, "C1.narrative-figure").map((x) => [x.expected, x.actual])).toEqual([["87.36", "887.36"]]);
  });
});

describe("C2: comparisons", () => {
  it("an impossible change: 0万元 yet 增加1421.25万元 (wanli_2023)", () => {
    const f = of(findings.W23, "C2.impossible-change");
    expect(f.map((x) => [x.row, lineOf(x)])).toEqual([["政府性基金拨款支出预算", 54]]);
    expect(
      fires(
        "C2.impossible-change",
        replacedIn(W23, [
          "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元",
          "政府性基金拨款支出预算0万元，与2022年预算持平",
        ]),
      ),
    ).toHaveLength(0);
  });
  it("“比…持平” is a warning, once per family; “与…持平” is quiet", () => {
    const f = of(findings.W23, "C2.chiping-wording");
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    expect(f.map(lineOf)).toContain(54);
    expect(f.map(lineOf)).toContain(426);
    expect(of(findings.QFB, "C2.chiping-wording").map(lineOf)).toEqual([58]);
    expect(fires("C2.chiping-wording", QFB.replaceAll("比2024年预算持平", "与2024年预算持平"))).toHaveLength(
      0,
    );
  });
  it("two baselines in the totals paragraph (商务委): income vs 预算执行数, expenditure vs 预算", () => {
    const f = fires("C2.year-comparison", SWW).filter((x) => x.column === "baseline");
    expect(f.map((x) => [x.row, lineOf(x)])).toEqual([["财政拨款收入", 72]]);
    const fixed = SWW.replaceAll("2024年预算执行数", "2024年预算");
    expect(fires("C2.year-comparison", fixed).filter((x) => x.column === "baseline")).toHaveLength(0);
  });
  it("the template is not a mix: totals against 预算, items against 预算执行数 (wanli_2024)", () => {
    expect(of(findings.W24, "C2.year-comparison")).toHaveLength(0);
    expect(of(findings.W23, "C2.year-comparison")).toHaveLength(0);
  });
  it("a wrong year is reported anywhere, items included", () => {
    const f = fires(
      "C2.year-comparison",
      replacedIn(W24, ["比2023年预算执行数减少2.98%", "比2022年预算执行数减少2.98%"]),
    );
    expect(f.map((x) => [x.column, x.expected, x.actual])).toEqual([["year", "2023", "2022"]]);
  });
});

describe("C3: percentages of 上年执行数 A, 本年 B", () => {
  it("a reason against the direction: 减少2.98%…经费增加 (wanli_2024)", () => {
    const f = of(findings.W24, "C3.reason-direction");
    expect(f.map((x) => [lineOf(x), x.expected])).toEqual([[63, "减少"]]);
    expect(
      fires(
        "C3.reason-direction",
        replacedIn(W24, ["宣传事务一般行政管理事务经费增加", "宣传事务一般行政管理事务经费减少"]),
      ),
    ).toHaveLength(0);
  });
  it("a reason that mentions something new is not a contradiction (wanli_2025 三公: 减少…新增1辆)", () => {
    expect(of(findings.W25, "C3.reason-direction")).toHaveLength(0);
  });
  it("a wrong percentage to printed precision; right ones and 100% from 0 are quiet", () => {
    expect(of(findings.W24, "C3.percentage")).toHaveLength(0);
    const f = fires(
      "C3.percentage",
      replacedIn(W24, ["比2023年预算执行数减少2.98%", "比2023年预算执行数减少3.98%"]),
    );
    expect(f.map((x) => [x.expected, x.actual])).toEqual([["2.98", "3.98"]]);
    // 11.67 → 45.41 is +289.12%, printed 314.82% (wanli_2023 item 3).
    expect(of(findings.W23, "C3.percentage").map((x) => [lineOf(x), x.expected, x.actual])).toContainEqual([
      59,
      "289.12",
      "314.82",
    ]);
  });
  it("a direction word against the amounts: 增加 where 114.00 → 110.60", () => {
    const f = fires(
      "C3.direction",
      replacedIn(W24, [
        "比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加",
        "比2023年预算执行数增加2.98%。主要原因是：宣传事务一般行政管理事务经费增加",
      ]),
    );
    expect(f.map((x) => [x.expected, x.actual])).toEqual([["减少", "增加"]]);
    expect(of(findings.W24, "C3.direction")).toHaveLength(0);
  });
  it("without last year's amount in the sentence or a 上年 column in Table 5, nothing is invented", () => {
    const text = replacedIn(W25, [
      "科目43.83万元，主要用于统计信息事务统计管理。",
      "科目43.83万元，比2024年预算执行数增加99.99%，主要用于统计信息事务统计管理。",
    ]);
    expect(fires("C3.percentage", text).length + fires("C3.direction", text).length).toBe(0);
  });
  it("the template's 增加（减少） left in place", () => {
    const f = fires(
      "C3.direction-placeholder",
      replacedIn(W24, ["比2023年预算执行数减少2.98%", "比2023年预算执行数增加（减少）2.98%"]),
    );
    expect(f).toHaveLength(1);
    expect(of(findings.W24, "C3.direction-placeholder")).toHaveLength(0);
  });
});

describe("D5: 三公 items", () => {
  it("与…持平 needs no reason; the inspectors passed qufuban", () => {
    expect(of(findings.QFB, "D5.narrative-part")).toHaveLength(0);
    expect(findings.QFB.filter((x) => x.severity === "error" && x.table === "N")).toHaveLength(0);
  });
  it("公务车购置及运行费 is 公务用车购置及运行费, covered by its two parts (wanli_2023)", () => {
    expect(of(findings.W23, "D5.narrative-part")).toHaveLength(0);
  });
  it("an increase still needs its reason", () => {
    const f = fires(
      "D5.narrative-part",
      replacedIn(W25, [
        "比2024年预算减少10万元，主要原因是2025年新增1辆公务用车购置，但与2024年购置的车辆类型不同",
        "比2024年预算减少10万元",
      ]),
    );
    expect(f.map((x) => `${x.row}/${x.column}`)).toEqual(["公务用车购置及运行费/sangongReason"]);
  });
});

describe("F: text on sentences, not printed lines", () => {
  it("a reason split over two lines is not cut off (wanli_2024 item 20)", () => {
    expect(of(findings.W24, "F2.truncated")).toHaveLength(0);
    expect(
      fires(
        "F2.truncated",
        replacedIn(W24, ["主要原因是：\n其他社会保障和就业支出经费减少。", "主要原因是：\n\n"]),
      ),
    ).toHaveLength(1);
  });
  it("quotes split by a line break balance", () => {
    const text = replacedIn(SAMPLE, ["4. “事业单位医疗”科目", "4. “事业单位\n医疗”科目"]);
    expect(fires("F2.quotes", text)).toHaveLength(0);
  });
  it("市级 in the glossary of a district document, once for the part (wanli_2024)", () => {
    const f = of(findings.W24, "F3.level-word");
    expect(f.map((x) => [lineOf(x), x.severity])).toEqual([[46, "warning"]]);
    expect(f[0]?.message).toContain("5");
  });
  it("市级 as a funding source in a project description is fine (商务委 市级支持总部经济)", () => {
    expect(fires("F3.level-word", SWW)).toHaveLength(0);
    expect(
      fires("F3.level-word", replacedIn(SWW, ["是区级预算主管部门", "是市级预算主管部门"])),
    ).toHaveLength(1);
  });
  it("单位 wording in a 部门 document where it speaks for the department; not in project descriptions", () => {
    const f = fires(
      "F3.unit-word",
      replacedIn(W25, ["2025年本部门政府采购预算", "2025年本单位政府采购预算"]),
    );
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(fires("F3.unit-word", W25)).toHaveLength(0);
    expect(fires("F3.unit-word", SAMPLE)).toHaveLength(0);
  });
});

describe("机构设置: entries on the line of 具体包括", () => {
  it("counts them", () => {
    const text = replacedIn(W25, [
      "具体包括：\n1. 上海市普陀区人民政府万里街道办事处（本部）。\n",
      "具体包括：1. 上海市普陀区人民政府万里街道办事处（本部）。\n",
    ]);
    expect(fires("D5.structure-count", text)).toHaveLength(0);
    expect(
      fires("D5.structure-count", replacedIn(text, ["6. 上海市普陀区万里街道综合行政执法队。\n", ""])),
    ).toHaveLength(1);
  });
});
