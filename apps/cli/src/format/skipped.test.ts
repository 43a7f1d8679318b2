import { describe, expect, it } from "vitest";
import type { FileReport, Report } from "@yusuan/disclosure";
import { RULES } from "@yusuan/disclosure";
import { addToSummary, createFormatter, type FormatName, type Summary } from "./index";

const finalAccount: FileReport = {
  path: "社工部2024决算.txt",
  document: { kind: "部门决算", department: "中共上海市普陀区委社会工作部", year: 2024 },
  tables: [],
  findings: [
    {
      rule: "D6.document-kind",
      severity: "warning",
      message:
        "本文件是部门决算，不是部门预算或单位预算公开文件；yusuan 目前只检查预算公开文件，未检查本文件。",
      table: "D",
      location: { line: 1 },
      fingerprint: "0123456789abcdef",
    },
  ],
};
const budget: FileReport = {
  path: "预算.txt",
  document: { kind: "部门预算", year: 2025 },
  tables: [],
  findings: [],
};

function render(format: FormatName, lang: "zh-CN" | "en", input: FileReport[]): string {
  let out = "";
  const f = createFormatter(format, {
    write: (s) => (out += s),
    lang,
    version: "9.9.9",
    rules: RULES,
    color: false,
  });
  f.begin();
  let summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of input) {
    f.file(r);
    summary = addToSummary(summary, r);
  }
  f.end(summary);
  return out;
}

describe("files that are not a budget disclosure are counted as skipped", () => {
  it("in the summary", () => {
    const s = [finalAccount, budget].reduce(addToSummary, {
      files: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
    } as Summary);
    expect(s).toEqual({ files: 2, errors: 0, warnings: 1, infos: 0, skipped: 1 });
    expect(addToSummary({ files: 0, errors: 0, warnings: 0, infos: 0 }, budget)).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
      infos: 0,
    });
  });

  it("in the JSON summary, and only when there are such files", () => {
    expect((JSON.parse(render("json", "zh-CN", [finalAccount, budget])) as Report).summary).toEqual({
      files: 2,
      errors: 0,
      warnings: 1,
      infos: 0,
      skipped: 1,
    });
    expect((JSON.parse(render("json", "zh-CN", [budget])) as Report).summary).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
      infos: 0,
    });
  });

  it("in the text summary line", () => {
    expect(render("text", "zh-CN", [finalAccount, budget])).toContain(
      "共检查 2 个文件：0 个错误，1 个警告，0 个提示；其中 1 个不是预算公开文件，未检查",
    );
    expect(render("text", "en", [finalAccount])).toContain(
      "1 file checked: 0 errors, 1 warning, 0 info; 1 not a budget disclosure, not checked",
    );
    expect(render("text", "zh-CN", [budget])).not.toContain("未检查");
  });
});
