import { describe, expect, test } from "vitest";
import { readLayoutLines, tableOfTitle, tokenize } from "./layout";
import { readTextDocument } from "./text";
import { analyze } from "./analyze";

const cells = (lines: string[]) => readLayoutLines(lines).map((r) => r.cells);

describe("tokenize", () => {
  test("splits at runs of spaces and where an amount meets a label across one space", () => {
    expect(
      tokenize(
        "1. 一般公共预算资金                189,767,551 二、公共安全支出                    2,878,025",
      ).map((t) => t.text),
    ).toEqual(["1. 一般公共预算资金", "189,767,551", "二、公共安全支出", "2,878,025"]);
    expect(
      tokenize("210             卫生健康支出       1,097,073.43 1,097,073.43").map((t) => t.text),
    ).toEqual(["210", "卫生健康支出", "1,097,073.43", "1,097,073.43"]);
  });

  test("keeps character columns", () => {
    expect(tokenize("201   05   07   专项普查活动")).toEqual([
      { text: "201", x: 0, end: 3 },
      { text: "05", x: 6, end: 8 },
      { text: "07", x: 11, end: 13 },
      { text: "专项普查活动", x: 16, end: 22 },
    ]);
  });
});

test("a title is a table's, a table-of-contents entry is not", () => {
  expect(tableOfTitle("                         2025年部门支出预算总表")?.id).toBe("T3");
  expect(tableOfTitle("  3. 2025年部门支出预算总表   ………………………………")).toBeUndefined();
});

describe("tables", () => {
  test("a classified table: code columns as cells, blank columns kept in place, blank lines ignored", () => {
    const rows = cells([
      "                              2025年部门支出预算总表",
      "编制部门：上海市普陀区财政局                                        单位：元",
      "",
      "                        项目                               支出预算",
      "功能分类科目编码",
      "                         功能分类科目名称        合计              基本支出            项目支出",
      "类     款    项",
      "201             一般公共服务支出                 22,186,440.80   16,093,326.00    6,093,114.80",
      "",
      "201   06   02   一般行政管理事务                   100,000.00                      100,000.00",
      "",
      "208   05   01   行政单位离退休                    877,080.00      877,080.00",
      "                        合计          31,214,205.80   25,121,091.00    6,093,114.80",
    ]);
    expect(rows[1]).toEqual(["编制部门：上海市普陀区财政局", "单位：元"]);
    expect(rows).toContainEqual([
      "201",
      "",
      "",
      "一般公共服务支出",
      "22,186,440.80",
      "16,093,326.00",
      "6,093,114.80",
    ]);
    expect(rows).toContainEqual(["201", "06", "02", "一般行政管理事务", "100,000.00", "", "100,000.00"]);
    expect(rows).toContainEqual(["208", "05", "01", "行政单位离退休", "877,080.00", "877,080.00"]);
    expect(rows[rows.length - 1]).toEqual([
      "合计",
      "",
      "",
      "",
      "31,214,205.80",
      "25,121,091.00",
      "6,093,114.80",
    ]);
    expect(rows.some((r) => r.includes("类") && r.includes("款") && r.includes("项"))).toBe(true);
  });

  test("header words wrapped onto a later printed line are joined", () => {
    const rows = cells([
      "                                  2025年部门收入预算总表",
      "编制部门：某部门                                                                单位：元",
      "功能分类科目编码                                                                  事业单位",
      "                       功能分类科目名称        合计         财政拨款收入       事业收入                  其他收入",
      "类     款    项                                                              经营收入",
      "201             一般公共服务支出              3,296,600    3,296,600          0          0          0",
    ]);
    expect(rows.flat()).toContain("事业单位经营收入");
    expect(rows.flat()).not.toContain("经营收入");
  });

  test("a two-sided table: a missing left amount keeps the right side in its columns", () => {
    const rows = cells([
      "                         2025年部门财务收支预算总表",
      "编制部门：某部门                                                单位：元",
      "                  本年收入                                   本年支出",
      "           项目             预算数                       项目          预算数",
      "一、财政拨款收入                   189,767,551 一、一般公共服务支出                  3,296,600",
      "2. 政府性基金                                 三、教育支出                       250,000",
      "二、事业收入",
      "                                         八、城乡社区支出                154,369,326",
      "           收入总计            189,767,551            支出总计           189,767,551",
    ]);
    expect(rows).toContainEqual(["项目", "预算数", "项目", "预算数"]);
    expect(rows).toContainEqual(["一、财政拨款收入", "189,767,551", "一、一般公共服务支出", "3,296,600"]);
    expect(rows).toContainEqual(["2. 政府性基金", "", "三、教育支出", "250,000"]);
    expect(rows).toContainEqual(["二、事业收入"]);
    expect(rows).toContainEqual(["", "", "八、城乡社区支出", "154,369,326"]);
    expect(rows).toContainEqual(["收入总计", "189,767,551", "支出总计", "189,767,551"]);
  });

  test("Table 9: figures placed under their headers when some are blank", () => {
    const rows = cells([
      "                    2025年部门“三公”经费和机关运行经费预算表",
      "编制部门：上海市普陀区财政局                                                  单位:万元",
      "                            “三公”经费预算数",
      "                                                             机关运行经费预算",
      "                                          公务用车购置及运行费",
      "                                                                 数",
      "   合计          因公出国(境)费   公务接待费",
      "                                     小计      购置费       运行费",
      "",
      "        0.95                  0.95                                229.43",
    ]);
    expect(rows).toContainEqual(["0.95", "", "0.95", "", "", "", "229.43"]);
    expect(rows.flat()).toContain("机关运行经费预算数");
  });
});

describe("narrative", () => {
  const para = (head: string) => `    ${head}${"一二三四五六七八九十".repeat(5)}，`;
  test("lines wrapped at the right margin are joined; an indent, a numbered item or a short line starts a paragraph", () => {
    const rows = cells([
      para("甲"),
      "续行一。",
      para("乙"),
      para("丙"),
      "续行二。",
      "  1. 第一项。",
      "  （二）第二项。",
    ]);
    expect(rows).toEqual([
      [`${para("甲").trim()}续行一。`],
      [`${para("乙").trim() + para("丙").trim()}续行二。`],
      ["1. 第一项。"],
      ["（二）第二项。"],
    ]);
  });

  test("table-of-contents leaders, page numbers and spaced-out headings", () => {
    expect(
      cells(["                            目   录", "一、部门主要职能    ……………………………………… 3", "- 2 -", "12"]),
    ).toEqual([["目录"], ["一、部门主要职能"]]);
  });
});

test("TAB text reads as before: each line split at TABs only", () => {
  const r = readTextDocument("2025年部门收入预算总表\n201   05\t\t一般公共服务支出\t58,121,209.78", "a.txt");
  expect(r.ok && r.grid.sheets[0]!.rows[1]!.map((c) => c?.text)).toEqual([
    "201   05",
    "",
    "一般公共服务支出",
    "58,121,209.78",
  ]);
});

test("a layout table reads into the model", () => {
  const text = [
    "2025年部门支出预算总表",
    "编制部门：某部门                单位：元",
    "                         功能分类科目名称       合计           基本支出       项目支出",
    "类     款    项",
    "201             一般公共服务支出                 3,296,600          0    3,296,600",
    "201   05        统计信息事务                    438,300           0      438,300",
    "201   05   07   专项普查活动                    438,300           0      438,300",
    "                        合计          3,296,600        0    3,296,600",
  ].join("\n");
  const r = readTextDocument(text, "a.txt");
  if (!r.ok) throw new Error(r.message);
  const t3 = analyze(r.grid).disclosure.tables.T3;
  expect(t3?.shape === "classified" && t3.items.map((i) => [i.code, i.amounts.项目支出?.value])).toEqual([
    ["201", "3296600"],
    ["20105", "438300"],
    ["2010507", "438300"],
  ]);
  expect(r.grid.sheets[0]!.lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
});
