import { describe, expect, test } from "vitest";
import { analyzeText, sampleText } from "../../../tests/fixtures/sample";
import { analyzeReal, realEdited, realText } from "../../../tests/fixtures/real-docs";
import { departmentOf } from "./recognize";

describe("departmentOf", () => {
  test("reads the labelled lines, without the unit that shares the line", () => {
    expect(departmentOf("编制部门：上海市普陀区人民政府办公室 单位：元")).toBe("上海市普陀区人民政府办公室");
    expect(departmentOf("编制单位：上海市普陀区人民政府办公室单位:万元")).toBe("上海市普陀区人民政府办公室");
    expect(departmentOf("预算主管部门：上海市普陀区财政局")).toBe("上海市普陀区财政局");
    expect(departmentOf("预算单位：上海市普陀区商务委员会")).toBe("上海市普陀区商务委员会");
    expect(departmentOf("单位名称：上海市某事业单位 计量单位：元")).toBe("上海市某事业单位");
  });
  test("is undefined for other lines", () => {
    expect(departmentOf("单位：元")).toBeUndefined();
    expect(departmentOf("编制部门：")).toBeUndefined();
    expect(departmentOf("一、部门主要职能")).toBeUndefined();
  });
});

describe("document kind, department and year", () => {
  test("a 单位 document whose tables print 编制部门 and 单位 on one line, with no cover label", () => {
    const text = realEdited("shangwuwei_2025_danwei", ["预算单位：上海市普陀区商务委员会\n", ""]);
    expect(analyzeReal(text).document).toEqual({
      kind: "单位预算",
      department: "上海市普陀区商务委员会",
      year: 2025,
    });
  });

  test("a 决算 known only by its tables' titles (no cover) is still a 决算", () => {
    const body = realText("shegongbu_2024_juesuan").split("\n").slice(4).join("\n");
    const a = analyzeReal(body);
    expect(a.document.kind).toBe("部门决算");
    expect(a.findings.map((f) => f.rule)).toEqual(["D6.document-kind"]);
  });

  test("an inspection checklist is not a budget disclosure: one finding, no missing tables", () => {
    const checklist = [
      "2025年部门预算公开检查表",
      "序号\t检查项目\t检查内容\t检查结果",
      "1\t及时性\t批复后20日内公开\t是",
      "2\t封面\t标题、预算主管部门\t是",
      "3\t目录\t与正文一致\t是",
      "4\t部门财务收支预算总表\t收支平衡\t否",
      "5\t“三公”经费和机关运行经费预算表\t与说明一致\t是",
    ].join("\n");
    const a = analyzeText(checklist);
    expect(a.document.kind).toBe("其他");
    expect(a.findings).toMatchObject([{ rule: "D6.document-kind", severity: "warning", table: "D" }]);
    expect(a.findings[0]!.message).toContain("其他文本");
    expect(analyzeText(checklist, { lang: "en" }).findings[0]!.message).toMatch(
      /^This file is some other text/,
    );
  });

  test("a text with no budget tables and no budget title is not a budget disclosure", () => {
    expect(analyzeText("关于做好2025年预算公开工作的通知\n各部门：请按要求公开。").document.kind).toBe(
      "其他",
    );
  });

  test("a budget whose tables are all missing is still a budget, and gets the missing tables", () => {
    const cover = sampleText().split("\n").slice(0, 30).join("\n");
    const a = analyzeText(cover);
    expect(a.document).toMatchObject({
      kind: "部门预算",
      year: 2025,
      department: "上海市闵行区浦江镇社区党群服务中心",
    });
    expect(a.findings.filter((f) => f.rule === "D1.table-missing")).toHaveLength(9);
  });

  test("the sample's department and year", () => {
    expect(analyzeText(sampleText()).document).toEqual({
      kind: "部门预算",
      department: "上海市闵行区浦江镇社区党群服务中心",
      year: 2025,
    });
  });
});

test("a checklist whose rows name the tables is not taken for the tables themselves", () => {
  const checklist = [
    "部门预算公开情况自评",
    "序号\t项目\t要求\t结果",
    "4\t2025年部门财务收支预算总表\t收支平衡\t否",
    "5\t2025年部门收入预算总表\t与表1一致\t是",
    "6\t2025年部门支出预算总表\t与表1一致\t是",
    "备注\t由区财政局填写",
  ].join("\n");
  const a = analyzeText(checklist);
  expect(a.document.kind).toBe("其他");
  expect(a.findings.map((f) => f.rule)).toEqual(["D6.document-kind"]);
});

test("a table title whose year stands on the line above is titled with that year", () => {
  const text = realEdited("wanli_2024_bumen", [
    "\n部门“三公”经费和机关运行经费预算表\n",
    "\n2024年\n部门“三公”经费和机关运行经费预算表\n",
  ]);
  const a = analyzeReal(text);
  expect(a.disclosure.tables.T9?.year).toBe(2024);
  expect(a.findings.filter((f) => f.rule === "D1.title-year-missing")).toEqual([]);
});
