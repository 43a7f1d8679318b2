import { describe, expect, test } from "vitest";
import {
  analyzeText,
  edited,
  lineOf,
  replaceOn,
  ruleHits,
  sampleText,
} from "../../../../tests/fixtures/sample";
import { analyzeReal, realEdited } from "../../../../tests/fixtures/real-docs";

const sample = analyzeText(sampleText());
const t3 = lineOf("2025年部门支出预算总表", 100);
const t6 = lineOf("2025年部门政府性基金预算支出功能分类预算表", 100);
const t9 = lineOf("2025年部门“三公”经费和机关运行经费预算表", 100);

describe("D rules are quiet on the sample", () => {
  for (const rule of [
    "D1.table-missing",
    "D1.title-year",
    "D1.title-kind",
    "D1.table-order",
    "D2.empty-table-note",
    "D2.note-on-data",
    "D3.depth",
    "D3.unknown-code",
    "D3.name-mismatch",
    "D3.obsolete-name",
    "D4.unit",
    "recognize.unplaced-row",
    "recognize.bad-amount",
    "recognize.duplicate-table",
  ]) {
    test(rule, () => expect(ruleHits(sample, rule)).toEqual([]));
  }
  test("all nine tables are found", () => expect(sample.tables.every((t) => t.found)).toBe(true));
});

test("D1: a missing table", () => {
  const a = analyzeText(edited({ [t6]: "政府性基金表（已删除）" }));
  expect(ruleHits(a, "D1.table-missing")).toMatchObject([{ table: "T6", severity: "error" }]);
});

test("D1: a title with the wrong year", () => {
  const a = analyzeText(replaceOn("2025年部门支出预算总表", "2025年", "2024年", 100));
  expect(ruleHits(a, "D1.title-year")).toMatchObject([
    { table: "T3", expected: "2025", actual: "2024", location: { line: t3 } },
  ]);
});

test("D1: a 单位 title in a 部门 document", () => {
  const a = analyzeText(replaceOn("2025年部门支出预算总表", "部门", "单位", 100));
  expect(ruleHits(a, "D1.title-kind")).toMatchObject([{ table: "T3", actual: "单位" }]);
});

test("D2: an empty table without its note", () => {
  const note = lineOf("注：本部门2025年无政府性基金预算安排的支出");
  const a = analyzeText(edited({ [note]: null }));
  expect(ruleHits(a, "D2.empty-table-note")).toMatchObject([{ table: "T6", severity: "error" }]);
});

test("D2: a 'no data' note on a table with data", () => {
  const total = lineOf("合计\t\t\t\t105,767,210.12\t27,981,878.00", t3);
  const a = analyzeText(edited({ [total + 1]: "注：本部门2025年无支出，故本表无数据。" }));
  expect(ruleHits(a, "D2.note-on-data")).toMatchObject([{ table: "T3", location: { line: total + 1 } }]);
});

test("D3: an obsolete classification name", () => {
  const a = analyzeText(replaceOn("210\t\t卫生健康支出", "卫生健康支出", "医疗卫生与计划生育支出", t3));
  expect(ruleHits(a, "D3.obsolete-name")).toMatchObject([
    { table: "T3", row: "210", expected: "卫生健康支出", actual: "医疗卫生与计划生育支出" },
  ]);
});

test("D3: a name that does not match its code", () => {
  const a = analyzeText(replaceOn("204\t02\t公安", "公安", "公安局经费", t3));
  expect(ruleHits(a, "D3.name-mismatch")).toMatchObject([
    { table: "T3", row: "20402", expected: "公安", actual: "公安局经费" },
  ]);
});

test("D3: a code unknown to the catalog is info, not an error", () => {
  const a = analyzeText(replaceOn("204\t02\t20 执法办案", "20 执法办案", "98 测试科目", t3));
  expect(ruleHits(a, "D3.unknown-code")).toMatchObject([{ severity: "info", table: "T3", row: "2040298" }]);
});

test("D3: a 款 not broken down to 项", () => {
  const a = analyzeText(edited({ [lineOf("204\t02\t20 执法办案", t3)]: null }));
  expect(ruleHits(a, "D3.depth")).toMatchObject([{ table: "T3", row: "20402" }]);
});

test("D4: Table 9 in 元", () => {
  const a = analyzeText(replaceOn("单位：万元", "万元", "元", t9));
  expect(ruleHits(a, "D4.unit")).toMatchObject([{ table: "T9", expected: "万元", actual: "元" }]);
});

test("recognize.bad-amount: garbage in an amount cell", () => {
  const a = analyzeText(replaceOn("201\t99\t99 其他一般公共服务支出", "58,121,209.78", "58,121,2O9.78", t3));
  expect(ruleHits(a, "recognize.bad-amount")).toMatchObject([{ table: "T3", severity: "error" }]);
});

test("options: disable, severity and language", () => {
  const text = replaceOn("201\t\t一般公共服务支出", "58,121,209.78", "58,121,209.87", t3);
  expect(ruleHits(analyzeText(text, { disable: ["A1"] }), "A1.parent-sum")).toEqual([]);
  expect(ruleHits(analyzeText(text, { rules: ["A1"] }), "A2.total-row")).toEqual([]);
  expect(
    ruleHits(analyzeText(text, { severity: { "A1.parent-sum": "warning" } }), "A1.parent-sum")[0]!.severity,
  ).toBe("warning");
  expect(ruleHits(analyzeText(text, { lang: "en" }), "A1.parent-sum")[0]!.message).toMatch(/children add up/);
  expect(ruleHits(analyzeText(text, { tolerance: { "A1.parent-sum": "0.10" } }), "A1.parent-sum")).toEqual(
    [],
  );
});

test("waivers mark a finding as waived, by fingerprint", () => {
  const text = replaceOn("201\t\t一般公共服务支出", "58,121,209.78", "58,121,209.87", t3);
  const hit = ruleHits(analyzeText(text), "A1.parent-sum")[0]!;
  const waived = ruleHits(
    analyzeText(text, { waivers: [{ fingerprint: hit.fingerprint, reason: "已与财政局核对" }] }),
    "A1.parent-sum",
  )[0]!;
  expect(waived.waived).toEqual({ reason: "已与财政局核对" });
});

test("options.catalogs: codes are checked against the catalog given", async () => {
  const { createCatalog, getCatalog } = await import("@yusuan/classification");
  const builtIn = getCatalog("functional");
  const entries = [...builtIn.entries()].filter((e) => e.code !== "2040220");
  const catalog = createCatalog({ scheme: "functional", year: 2025, source: "test", entries });
  const a = analyzeText(sampleText(), { catalogs: { functional: catalog } });
  expect(ruleHits(a, "D3.unknown-code").map((f) => [f.table, f.row])).toEqual([
    ["T2", "2040220"],
    ["T3", "2040220"],
    ["T5", "2040220"],
  ]);
});

describe("firing the remaining form rules", () => {
  const lines = sampleText().split("\n");
  const range = (id: string): readonly [number, number] => sample.tables.find((t) => t.id === id)!.lines!;

  test("D1.table-order: Table 3 after Table 4", () => {
    const [a3, b3] = range("T3");
    const [, b4] = range("T4");
    const t3 = lines.slice(a3 - 1, b3);
    const reordered = [...lines.slice(0, a3 - 1), ...lines.slice(b3, b4), ...t3, ...lines.slice(b4)];
    const a = analyzeText(reordered.join("\n"));
    expect(ruleHits(a, "D1.table-order")).toMatchObject([
      { table: "T4", message: "表4出现在表3之前，顺序与规定不符。" },
    ]);
  });

  test("recognize.duplicate-table: Table 6 printed twice", () => {
    const [a6, b6] = range("T6");
    const a = analyzeText([...lines, ...lines.slice(a6 - 1, b6)].join("\n"));
    expect(ruleHits(a, "recognize.duplicate-table")).toMatchObject([{ table: "T6", severity: "warning" }]);
  });

  test("recognize.unplaced-row: a row with amounts but no code", () => {
    const row = lineOf("201\t99\t99 其他一般公共服务支出", t3);
    const a = analyzeText(edited({ [row]: `${lines[row - 1]}\n补充\t\t某项目\t100.00\t\t100.00` }));
    expect(ruleHits(a, "recognize.unplaced-row")).toMatchObject([
      { table: "T3", severity: "info", location: { line: row + 1 } },
    ]);
  });
});

test("a 单位 version of the document is recognised table by table", () => {
  const unit = sampleText().replaceAll("部门", "单位");
  const a = analyzeText(unit);
  expect(a.document.kind).toBe("单位预算");
  expect(a.tables.every((t) => t.found)).toBe(true);
  expect(ruleHits(a, "D1.title-kind")).toEqual([]);
});

describe("form rules on the real development documents", () => {
  const wanli24 = analyzeReal("wanli_2024_bumen");
  const wanli25 = analyzeReal("wanli_2025_bumen");
  const ptczj = analyzeReal("ptczj_2025_bumen");

  test("D1.title-year-missing: wanli_2024's Table 9 title has no year", () => {
    expect(ruleHits(wanli24, "D1.title-year-missing")).toMatchObject([
      {
        table: "T9",
        severity: "error",
        location: { line: 429 },
        message: "表9标题“部门“三公”经费和机关运行经费预算表”未写明年度，应为“2024年…”。",
      },
    ]);
    expect(ruleHits(wanli25, "D1.title-year-missing")).toEqual([]);
  });

  test("D2.note-on-data: wanli_2024's Table 9 has figures and says it is an empty table", () => {
    expect(ruleHits(wanli24, "D2.note-on-data")).toMatchObject([
      { table: "T9", severity: "error", location: { line: 435 } },
    ]);
  });

  test("D2.note-on-data is quiet on a Table 9 note that one item is zero", () => {
    const a = analyzeReal(
      realEdited("wanli_2025_bumen", ["464.64\n", "464.64\n注：本部门2025年无因公出国（境）费预算安排。\n"]),
    );
    expect(a.disclosure.tables.T9?.notes).toHaveLength(1);
    expect(ruleHits(a, "D2.note-on-data")).toEqual([]);
    expect(ruleHits(a, "D2.empty-table-note")).toEqual([]);
    const partial = analyzeReal(
      realEdited("wanli_2025_bumen", [
        "464.64\n",
        "464.64\n注：本部门2025年无因公出国（境）费，故本表该栏为0。\n",
      ]),
    );
    expect(ruleHits(partial, "D2.note-on-data")).toEqual([]);
  });

  test("D2.note-wrong-fund: ptczj_2025's Table 7 note speaks of 政府性基金", () => {
    expect(ruleHits(ptczj, "D2.note-wrong-fund")).toMatchObject([
      {
        table: "T7",
        severity: "error",
        location: { line: 211 },
        expected: "国有资本经营",
        actual: "政府性基金",
      },
    ]);
    expect(ruleHits(ptczj, "D2.empty-table-note")).toEqual([]);
  });

  test("D2.note-wrong-fund is quiet on the right notes (wanli_2025 T6 and T7)", () => {
    expect(ruleHits(wanli25, "D2.note-wrong-fund")).toEqual([]);
    const en = analyzeReal("ptczj_2025_bumen", { lang: "en" });
    expect(ruleHits(en, "D2.note-wrong-fund")[0]!.message).toMatch(
      /^Table 7 is the state capital operations/,
    );
  });

  test("D3.code-form: wanli_2024's Table 8 prints the 款 codes 02 and 07 as 2 and 7", () => {
    expect(ruleHits(wanli24, "D3.code-form")).toMatchObject([
      {
        table: "T8",
        row: "30102",
        severity: "warning",
        message: "表8“30102 津贴补贴”的款级编码印为一位数字“2”，应为两位“02”。",
      },
      { table: "T8", row: "30107", severity: "warning" },
    ]);
    expect(ruleHits(wanli25, "D3.code-form")).toEqual([]);
  });

  test("D3.obsolete-name in a Table 1 label and in a narrative line", () => {
    const text = realEdited(
      "wanli_2025_bumen",
      ["七、卫生健康支出", "七、医疗卫生与计划生育支出"],
      [
        "“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”",
        "“医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）”",
      ],
    );
    const a = analyzeReal(text);
    expect(ruleHits(a, "D3.obsolete-name")).toMatchObject([
      {
        table: "T1",
        row: "210",
        actual: "医疗卫生与计划生育支出",
        expected: "卫生健康支出",
        location: { line: 106 },
      },
      {
        table: "N",
        row: "210",
        actual: "医疗卫生与计划生育支出",
        expected: "卫生健康支出",
        location: { line: 82 },
      },
    ]);
    // The label still names 类 210, so the Table 1 ↔ Table 3 check keeps working.
    expect(ruleHits(a, "B1.t1-t2-t3")).toEqual([]);
    expect(ruleHits(wanli25, "D3.obsolete-name")).toEqual([]);
  });

  test("D3.code-name-mismatch, not B6: Table 8's 30217 printed with the name of 30231", () => {
    const a = analyzeReal(
      realEdited("wanli_2025_bumen", ["302\t17\t公务接待费\t13,500", "302\t17\t公务用车运行维护费\t13,500"]),
    );
    expect(ruleHits(a, "D3.code-name-mismatch")).toMatchObject([
      { table: "T8", row: "30217", actual: "公务用车运行维护费", severity: "warning" },
    ]);
    expect(ruleHits(a, "D3.code-name-mismatch")[0]!.message).toContain("30231");
    expect(ruleHits(a, "D3.name-mismatch")).toEqual([]);
    // With its own name, an amount over Table 9's 1.35万元 is a breach.
    const over = analyzeReal(
      realEdited("wanli_2025_bumen", [
        "302\t17\t公务接待费\t13,500\t0\t13,500",
        "302\t17\t公务接待费\t23,500\t0\t23,500",
      ]),
    );
    expect(ruleHits(over, "B6.sangong-ceiling")).toMatchObject([{ table: "T8", row: "30217" }]);
    const overMisnamed = analyzeReal(
      realEdited("wanli_2025_bumen", [
        "302\t17\t公务接待费\t13,500\t0\t13,500",
        "302\t17\t公务用车运行维护费\t23,500\t0\t23,500",
      ]),
    );
    expect(ruleHits(overMisnamed, "B6.sangong-ceiling")).toEqual([]);
  });

  test("D3.unknown-code says the built-in list is the codes seen, not a year's official catalog", () => {
    const a = analyzeReal(
      realEdited("wanli_2025_bumen", ["208\t16\t02\t一般行政管理事务", "208\t16\t97\t红十字会专项"]),
    );
    const hit = ruleHits(a, "D3.unknown-code").find((f) => f.table === "T2");
    expect(hit).toMatchObject({ severity: "info", row: "2081697" });
    expect(hit?.message).toBe(
      "表2“2081697 红十字会专项”的编码不在内置的已见科目清单（收录公开文件中出现过的科目，并非官方完整目录）中，无法核对名称。",
    );
    expect(hit?.message).not.toMatch(/\d{4} 年/);
  });

  test("D3.code-name-mismatch for an unknown code printed with a sibling's name", () => {
    const a = analyzeReal(
      realEdited("wanli_2025_bumen", ["208\t16\t02\t一般行政管理事务", "208\t16\t97\t一般行政管理事务"]),
    );
    expect(ruleHits(a, "D3.code-name-mismatch")).toMatchObject([
      { table: "T2", row: "2081697", actual: "一般行政管理事务" },
    ]);
    expect(ruleHits(a, "D3.code-name-mismatch")[0]!.message).toContain("2081602");
  });
});
