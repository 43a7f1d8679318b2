/**
 * The narrative rules on the real development documents (tests/fixtures/real/tsv, as published): the
 * defects a careful reader finds in their narrative are reported in the right chapter (table "N"), and
 * the document the district inspectors passed has no narrative error. Focused on the narrative; the
 * complete findings per document are pinned elsewhere.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, readTextDocument, type Finding } from "@yusuan/disclosure";

const cache = new Map<string, Finding[]>();
function findings(name: string): Finding[] {
  let f = cache.get(name);
  if (!f) {
    const r = readTextDocument(
      readFileSync(new URL(`./fixtures/real/tsv/${name}.txt`, import.meta.url)),
      `${name}.txt`,
    );
    if (!r.ok) throw new Error(r.message);
    f = analyze(r.grid).findings;
    cache.set(name, f);
  }
  return f;
}
const lineOf = (f: Finding) => (f.location && "line" in f.location ? f.location.line : undefined);
const narrative = (name: string, rule: string) =>
  findings(name).filter((f) => f.table === "N" && f.rule === rule);

describe("wanli_2025_bumen", () => {
  it("item 21 names a 款 that does not hold its 项 (卫生健康支出（款）计划生育事务（项）)", () => {
    const f = narrative("wanli_2025_bumen", "C6.item-path");
    expect(f.map((x) => [x.severity, x.row, lineOf(x)])).toEqual([
      ["error", "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）", 81],
    ]);
  });
  it("the other 32 path items are found in Table 5 with their amounts", () => {
    const f = findings("wanli_2025_bumen").filter(
      (x) => x.table === "N" && /^C[16]\./.test(x.rule) && x.rule !== "C6.item-path",
    );
    expect(f).toEqual([]);
  });
});

describe("wanli_2024_bumen", () => {
  it("名词解释 speaks of 市级 in a district document", () => {
    const f = narrative("wanli_2024_bumen", "F3.level-word");
    expect(f.map((x) => [x.severity, lineOf(x)])).toEqual([["warning", 46]]);
  });
  it("“减少2.98%” with the reason “经费增加”", () => {
    const f = narrative("wanli_2024_bumen", "C3.reason-direction");
    expect(f.map((x) => [x.severity, lineOf(x), x.expected])).toEqual([["error", 63, "减少"]]);
    expect(f[0]?.message).toContain("2.98%");
  });
});

describe("shangwuwei_2025 (部门 and 单位)", () => {
  for (const [name, line] of [
    ["shangwuwei_2025_bumen", 72],
    ["shangwuwei_2025_danwei", 68],
  ] as const) {
    it(`${name}: income against 预算执行数, expenditure against 预算 in the totals paragraph`, () => {
      const base = narrative(name, "C2.year-comparison").filter((x) => x.column === "baseline");
      expect(base.map((x) => [x.severity, x.row, lineOf(x)])).toEqual([["error", "财政拨款收入", line]]);
      const pair = narrative(name, "C2.year-comparison").filter((x) => x.column === "change");
      expect(pair.map((x) => [x.expected, x.actual])).toEqual([["24558.18", "24491.71"]]);
    });
  }
});

describe("wanli_2023_bumen", () => {
  it("“比2022年预算持平” is the wrong collocation (a warning)", () => {
    const f = narrative("wanli_2023_bumen", "C2.chiping-wording");
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    expect(f.map(lineOf)).toEqual(expect.arrayContaining([54, 426]));
  });
  it("“政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元” is impossible", () => {
    const f = narrative("wanli_2023_bumen", "C2.impossible-change");
    expect(f.map((x) => [x.severity, x.row, lineOf(x), x.actual])).toEqual([
      ["error", "政府性基金拨款支出预算", 54, "1421.25"],
    ]);
  });
});

describe("qufuban_2025_bumen (passed by the inspectors)", () => {
  it("has no narrative error", () => {
    expect(
      findings("qufuban_2025_bumen").filter(
        (f) => f.severity === "error" && (f.table === "N" || f.table === "P"),
      ),
    ).toEqual([]);
  });
});

describe("the template itself is not reported", () => {
  it("totals and 三公 against 上年预算, items against 上年预算执行数: no baseline finding in 万里", () => {
    for (const name of [
      "wanli_2023_bumen",
      "wanli_2024_bumen",
      "wanli_2025_bumen",
      "qufuban_2025_bumen",
      "ptczj_2025_bumen",
    ]) {
      expect(narrative(name, "C2.year-comparison").filter((x) => x.column === "baseline")).toEqual([]);
    }
  });
  it("与…持平 needs no reason; path items are not “missing from Table 5”", () => {
    for (const name of [
      "qufuban_2025_bumen",
      "shangwuwei_2025_bumen",
      "ptczj_2025_bumen",
      "wanli_2025_bumen",
    ]) {
      expect(
        findings(name).filter((f) => f.rule === "D5.narrative-part" || f.rule === "C6.narrative-item"),
      ).toEqual([]);
    }
  });
});
