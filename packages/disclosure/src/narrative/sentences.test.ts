import { describe, expect, it } from "vitest";
import type { NarrativeLine } from "./model";
import { paragraphsOf, positionIn } from "./sentences";

const lines = (...texts: string[]): NarrativeLine[] =>
  texts.map((text, i) => ({ text, index: 10 + i, location: { line: 11 + i } }));

describe("paragraphs: sentences split by a line break are one sentence", () => {
  it("joins a reason cut after 主要原因是： (wanli_2024 item 20)", () => {
    const ps = paragraphsOf(
      "编制说明",
      lines(
        "…2024年预算安排781.24万元，比2023年预算执行数减少44.60%。主要原因是：",
        "其他社会保障和就业支出经费减少。",
      ),
    );
    expect(ps).toHaveLength(1);
    expect(ps[0]!.text.endsWith("主要原因是：其他社会保障和就业支出经费减少。")).toBe(true);
  });
  it("joins text wrapped by a PDF in the middle of a word (pdftotext -layout)", () => {
    const ps = paragraphsOf(
      "职能",
      lines("一、加强党的建设。统筹推进区域化党建和“两新”组织党建、居民区党建工", "作，实现社区党建全覆盖。"),
    );
    expect(ps.map((p) => p.text)).toEqual([
      "一、加强党的建设。统筹推进区域化党建和“两新”组织党建、居民区党建工作，实现社区党建全覆盖。",
    ]);
  });
  it("joins the sample's stray period line to its sentence", () => {
    const ps = paragraphsOf(
      "机构设置",
      lines("…本部以及下属4家预算单位的综合收支计划", "。", "本部门中，事业单位5家，具体包括："),
    );
    expect(ps.map((p) => p.text)).toEqual([
      "…本部以及下属4家预算单位的综合收支计划。",
      "本部门中，事业单位5家，具体包括：",
    ]);
  });
  it("starts a paragraph at a list marker, after a sentence end and after a heading", () => {
    const ps = paragraphsOf(
      "编制说明",
      lines(
        "财政拨款支出主要内容如下：",
        "1. “住房公积金”科目90.58万元，主要用于",
        "住房公积金支出。",
        "2. “执法办案”科目2476.36万元。",
        "五、实施周期",
        "2025年全年",
      ),
    );
    expect(ps.map((p) => p.text)).toEqual([
      "财政拨款支出主要内容如下：",
      "1. “住房公积金”科目90.58万元，主要用于住房公积金支出。",
      "2. “执法办案”科目2476.36万元。",
      "五、实施周期",
      "2025年全年",
    ]);
  });
  it("leaves table rows out and marks a paragraph printed twice (ptczj's repeated 编制说明 in extracted text)", () => {
    const row: NarrativeLine = { text: "项目名称\t社工", cells: ["项目名称", "社工"], index: 3 };
    const twice = "2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元。";
    const ps = paragraphsOf("编制说明", [...lines(twice), row, ...lines(twice)]);
    expect(ps.map((p) => p.repeat ?? false)).toEqual([false, true]);
  });
  it("maps an offset back to its printed line and the offset in that line", () => {
    const [p] = paragraphsOf(
      "编制说明",
      lines("比2023年预算执行数减少44.60%。主要原因是：", "其他社会保障和就业支出经费减少。"),
    );
    const at = p!.text.indexOf("其他社会保障");
    expect(positionIn(p!, at)).toEqual({ line: 11, offset: 0, location: { line: 12 } });
    expect(positionIn(p!, 1)).toEqual({ line: 10, offset: 1, location: { line: 11 } });
  });
});
