/**
 * The table, cross-table and form rules on the real development documents (tests/fixtures/real/README.md):
 * each defect a careful reader finds in the tables is reported in the right table, the documents are
 * recognised for what they are, and no other table, cross-table or form error is raised — every other
 * table sum in these documents is right, and an error a reader would reject costs more than a missed
 * warning. (The narrative's own findings are pinned in tests/real-narrative.test.ts.)
 */
import { describe, expect, test } from "vitest";
import type { Analysis, Finding } from "@yusuan/disclosure";
import { REAL_DOCUMENTS, analyzeReal, type RealDocument } from "./fixtures/real-docs";

const analyses = new Map<RealDocument, Analysis>(REAL_DOCUMENTS.map((name) => [name, analyzeReal(name)]));
const of = (name: RealDocument): Analysis => analyses.get(name)!;

/** A finding as `table rule row`, for comparing lists. */
const brief = (f: Finding): string => [f.table, f.rule, f.row].filter((x) => x !== undefined).join(" ");

/** The table, cross-table and form findings (A, B, D, recognize) of a severity. */
const tableFindings = (a: Analysis, severity: Finding["severity"]): string[] =>
  a.findings.filter((f) => f.severity === severity && /^(A|B|D)\d|^recognize\./.test(f.rule)).map(brief);

describe("what each document is", () => {
  const expected: Record<RealDocument, [string, string, number]> = {
    ptczj_2025_bumen: ["部门预算", "上海市普陀区财政局", 2025],
    qufuban_2025_bumen: ["部门预算", "上海市普陀区人民政府办公室", 2025],
    shangwuwei_2025_bumen: ["部门预算", "上海市普陀区商务委员会", 2025],
    shangwuwei_2025_danwei: ["单位预算", "上海市普陀区商务委员会", 2025],
    shegongbu_2024_juesuan: ["部门决算", "中共上海市普陀区委社会工作部", 2024],
    wanli_2023_bumen: ["部门预算", "上海市普陀区人民政府万里街道办事处", 2023],
    wanli_2024_bumen: ["部门预算", "上海市普陀区人民政府万里街道办事处", 2024],
    wanli_2025_bumen: ["部门预算", "上海市普陀区人民政府万里街道办事处", 2025],
  };
  for (const name of REAL_DOCUMENTS) {
    test(name, () => {
      const [kind, department, year] = expected[name];
      expect(of(name).document).toEqual({ kind, department, year });
    });
  }

  test("every budget's nine tables are found, each with its own department", () => {
    for (const name of REAL_DOCUMENTS.filter((n) => !n.includes("juesuan"))) {
      const a = of(name);
      expect(
        a.tables.filter((t) => !t.found).map((t) => t.id),
        name,
      ).toEqual([]);
      for (const t of Object.values(a.disclosure.tables))
        expect(t?.department, `${name} ${t?.id}`).toBe(expected[name][1]);
    }
  });
});

describe("the defects a careful reader finds in the tables", () => {
  test("wanli_2025: 类 212 and 款 212 01 are 1 元 off their parts, in every table that prints them", () => {
    expect(tableFindings(of("wanli_2025_bumen"), "error")).toEqual([
      "T2 A1.parent-sum 212",
      "T2 A1.parent-sum 212",
      "T2 A1.parent-sum 21201",
      "T2 A1.parent-sum 21201",
      "T3 A1.parent-sum 212",
      "T3 A1.parent-sum 21201",
      "T3 A3.row-identity 21201",
      "T5 A1.parent-sum 212",
      "T5 A1.parent-sum 21201",
      "T5 A3.row-identity 21201",
    ]);
    const t3 = of("wanli_2025_bumen").findings.filter((f) => f.table === "T3" && f.column === "合计");
    expect(t3.map((f) => [f.row, f.actual, f.expected, f.difference])).toEqual([
      ["212", "154369326", "154369327", "-1"],
      ["21201", "94995790", "94995789", "1"],
      ["21201", "94995790", "94995789", "1"],
    ]);
  });

  test("wanli_2024: Table 9 has figures yet says it is empty, and its title has no year; Table 8 prints 款 codes 2 and 7", () => {
    const a = of("wanli_2024_bumen");
    expect(tableFindings(a, "error")).toEqual(["T9 D1.title-year-missing", "T9 D2.note-on-data"]);
    expect(tableFindings(a, "warning")).toEqual(["T8 D3.code-form 30102", "T8 D3.code-form 30107"]);
  });

  test("ptczj_2025: Table 7's empty-table note names 政府性基金", () => {
    expect(tableFindings(of("ptczj_2025_bumen"), "error")).toEqual(["T7 D2.note-wrong-fund"]);
  });

  test("shegongbu_2024_juesuan is a 决算: one finding saying so, nothing else", () => {
    const a = of("shegongbu_2024_juesuan");
    expect(a.findings.map((f) => [f.rule, f.severity, f.table])).toEqual([
      ["D6.document-kind", "warning", "D"],
    ]);
    expect(a.findings[0]!.message).toBe(
      "本文件是部门决算，不是部门预算或单位预算公开文件；yusuan 目前只检查预算公开文件，未检查本文件。",
    );
    expect(analyzeReal("shegongbu_2024_juesuan", { lang: "en" }).findings[0]!.message).toMatch(
      /^This file is a department final account/,
    );
  });
});

describe("no other table, cross-table or form error", () => {
  for (const name of [
    "qufuban_2025_bumen",
    "shangwuwei_2025_bumen",
    "shangwuwei_2025_danwei",
    "wanli_2023_bumen",
  ] as const) {
    test(name, () => expect(tableFindings(of(name), "error")).toEqual([]));
  }

  test("qufuban_2025_bumen, which the inspectors passed, has no table, cross-table or form finding at all", () => {
    const a = of("qufuban_2025_bumen");
    expect([...tableFindings(a, "error"), ...tableFindings(a, "warning")]).toEqual([]);
  });

  test("no table or cross-table warnings besides wanli_2024's code form", () => {
    for (const name of REAL_DOCUMENTS.filter((n) => n !== "wanli_2024_bumen" && !n.includes("juesuan"))) {
      expect(tableFindings(of(name), "warning"), name).toEqual([]);
    }
  });
});
