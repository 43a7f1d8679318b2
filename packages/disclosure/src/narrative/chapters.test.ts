import { describe, expect, it } from "vitest";
import type { TextLine } from "../model";
import { chapterHeading, chaptersOf, projectSubHeading, tocEntryText } from "./chapters";

const text = (...ts: string[]): TextLine[] =>
  ts.map((t, i) => ({ text: t, sheet: "文本", row: i, location: { line: i + 1 } }));
const NARRATIVE =
  "上海市普陀区人民政府万里街道办事处是普陀区政府的派出机关，依据法律法规的规定履行相应的政府服务管理职能。";

describe("the table of contents", () => {
  it("strips dotted leaders and page numbers", () => {
    expect(tocEntryText("一、部门主要职能    …………………………………… 3")).toBe("一、部门主要职能");
    expect(tocEntryText("四、部门预算编制说明 ........................ 12")).toBe("四、部门预算编制说明");
    expect(tocEntryText("三、名词解释        5")).toBe("三、名词解释");
    expect(tocEntryText("三、名词解释")).toBeUndefined();
  });
  it("is closed at the first chapter it listed, with leaders (text copied from a PDF viewer)", () => {
    const cs = chaptersOf(
      text(
        "目   录",
        "一、部门主要职能    ……………… 3",
        "二、部门机构设置    ……………… 4",
        "上海市普陀区人民政府万里街道办事处（部门）主要职能",
        NARRATIVE,
      ),
    );
    expect(cs.map((c) => [c.kind, c.lines.length])).toEqual([
      ["目录", 2],
      ["职能", 1],
    ]);
  });
  it("is closed without leaders (extracted text) and never swallows the narrative", () => {
    const cs = chaptersOf(text("目 录", "一、部门主要职能", "二、部门机构设置", "部门主要职能", NARRATIVE));
    expect(cs.map((c) => c.kind)).toEqual(["目录", "职能"]);
    // A contents list whose first real heading it did not list: closed by the sentence that follows.
    const other = chaptersOf(
      text("目 录", "一、部门主要职能 ……… 3", "上海市普陀区某某局机构设置", "本部门中，行政单位1家。"),
    );
    expect(other.map((c) => c.kind)).toEqual(["目录", "机构设置"]);
  });
  it("recognises project sections however the template names them", () => {
    expect(chapterHeading({ text: "项目经费情况说明" })).toEqual({ kind: "项目", name: "" });
    expect(chapterHeading({ text: "科技创新专项经费情况说明" })?.kind).toBe("项目");
    expect(chapterHeading({ text: "社工项目经费情况说明" })).toEqual({ kind: "项目", name: "社工" });
    expect(chapterHeading({ text: "一、2025年“三公”经费预算情况说明" })).toBeUndefined();
  });
  it("does not take a reference to a table for the table's title", () => {
    expect(projectSubHeading({ text: "详见单位的项目绩效目标表" })).toBeUndefined();
    expect(projectSubHeading({ text: "（详见单位项目绩效目标表）" })).toBeUndefined();
    expect(projectSubHeading({ text: "财政项目支出绩效目标填报表" })).toBe("table");
    expect(projectSubHeading({ text: "一、项目概况" })).toBe("overview");
  });
});
