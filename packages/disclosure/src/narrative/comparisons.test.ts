import { describe, expect, it } from "vitest";
import { changesOf, directionPlaceholdersOf, roleOf } from "./comparisons";
import { figuresOf } from "./figures";
import type { Paragraph } from "./model";

const para = (text: string): Paragraph => ({ chapter: "编制说明", text, segments: [{ line: 0, start: 0 }] });
const changes = (text: string, year = 2025) => {
  const p = para(text);
  return changesOf(p, figuresOf(p), year);
};

describe("comparisons with last year", () => {
  it("reads 比…增加/减少 with the amount and the level it compares", () => {
    const [c] = changes("财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元；事业收入0.00万元");
    expect(c).toMatchObject({
      year: 2024,
      baseline: "预算",
      direction: "增加",
      wording: "比",
      base: { value: "18976.76" },
      amount: { value: "3355.65" },
    });
  });
  it("reads 与…持平, 与上年预算数持平 and 与…一致 as no change", () => {
    expect(changes("“三公”经费预算数为867.50万元，与2024年预算持平。")[0]).toMatchObject({
      year: 2024,
      direction: "持平",
      wording: "与",
    });
    const [prior] = changes("公务接待费1.00万元，与上年预算数持平。");
    expect(prior).toMatchObject({ direction: "持平", wording: "与", baseline: "预算数" });
    expect(prior?.year).toBeUndefined();
    expect(
      changes("公务用车购置费0万元，与2024年预算一致0万元，主要原因是本部门无公务用车")[0],
    ).toMatchObject({ direction: "持平", reason: { text: "本部门无公务用车" } });
  });
  it("reads 比…持平 as no change in the wrong wording", () => {
    expect(changes("政府性基金拨款支出预算0万元，比2022年预算持平；")[0]).toMatchObject({
      direction: "持平",
      wording: "比",
    });
  });
  it("reads a year with a parenthesis: 比2022年（上一年度，下同）预算增加", () => {
    expect(
      changes("财政拨款收入16497.86万元，比2022年（上一年度，下同）预算增加1421.25万元；")[0],
    ).toMatchObject({ year: 2022, baseline: "预算", amount: { value: "1421.25" } });
  });
  it("reads 上年执行数 A, 本年 B and p% in one sentence, with its reason", () => {
    const [c] = changes(
      "“一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，主要用于宣传事务。2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。",
      2024,
    );
    expect(c).toMatchObject({
      year: 2023,
      baseline: "预算执行数",
      direction: "减少",
      prior: { value: "114.00" },
      current: { value: "110.60" },
      percent: { value: "2.98" },
      reason: { text: "宣传事务一般行政管理事务经费增加" },
    });
  });
  it("reads a percentage right after the comparison, without a change amount", () => {
    const [c] = changes("“统计信息事务”科目43.83万元，比2024年预算执行数增加12.50%");
    expect(c).toMatchObject({ base: { value: "43.83" }, percent: { value: "12.50" } });
    expect(c?.amount).toBeUndefined();
  });
  it("tells last year's amount from this year's by the label and the budget year", () => {
    expect(roleOf({ label: "2023年当年预算执行数为" }, 2024)).toBe("prior");
    expect(roleOf({ label: "上年执行数" }, 2024)).toBe("prior");
    expect(roleOf({ label: "2024年预算安排" }, 2024)).toBe("current");
    expect(roleOf({ label: "其中:财政拨款收入" }, 2024)).toBeUndefined();
  });
  it("finds the template's 增加（减少） left in place", () => {
    expect(directionPlaceholdersOf(para("比2024年预算增加（减少）12.50%")).map((x) => x.text)).toEqual([
      "增加（减少）",
    ]);
    expect(directionPlaceholdersOf(para("比2024年预算减少3822.36万元"))).toEqual([]);
  });
});
