import { gridOf, sampleText } from "../../../../tests/fixtures/sample";
import { describe, expect, it } from "vitest";
import type { CellPatch } from "../report";
import { readTextDocument } from "../text";
import { recognize } from "../recognize";
import { fill, fillGrid } from "./fill";

const SAMPLE = sampleText();

/** The sample with some cells of some lines replaced: edits[line][column] = new text. */
function edited(edits: Record<number, Record<number, string>>): string {
  const lines = SAMPLE.split("\n");
  for (const [line, cells] of Object.entries(edits)) {
    const parts = lines[Number(line) - 1]!.split("\t");
    for (const [col, text] of Object.entries(cells)) parts[Number(col)] = text;
    lines[Number(line) - 1] = parts.join("\t");
  }
  return lines.join("\n");
}

function run(text: string, options?: Parameters<typeof fillGrid>[1]) {
  const r = readTextDocument(text, "sample.txt");
  if (!r.ok) throw new Error(r.message);
  return fillGrid(r.grid, options);
}

function at(patches: CellPatch[], line: number, column: string): CellPatch | undefined {
  return patches.find((p) => "line" in p.location && p.location.line === line && p.column === column);
}

/** The one patch the untouched sample gets: T1 leaves 一般公共预算资金 blank while T4 gives it. */
const T1_FISCAL_LINE = 111;

describe("fill on the sample", () => {
  it("finds nothing to change but the blank T1 一般公共预算资金 line, and no conflict", () => {
    const { patches, conflicts } = run(SAMPLE);
    expect(conflicts).toEqual([]);
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({
      location: { line: T1_FISCAL_LINE },
      table: "T1",
      row: "一般公共预算资金",
      newValue: "105767210.12",
      rule: "B2.fiscal-income",
    });
  });

  it("restores a blanked T3 合计 row from the 类 rows", () => {
    const { patches, conflicts } = run(edited({ 181: { 4: "", 5: "", 6: "" } }));
    expect(conflicts).toEqual([]);
    const row = patches.filter((p) => p.table === "T3");
    expect(row.map((p) => [p.column, p.newValue])).toEqual([
      ["合计", "105767210.12"],
      ["基本支出", "27981878.00"],
      ["项目支出", "77785332.12"],
    ]);
    for (const p of row) {
      expect(p.location).toEqual({ line: 181 });
      expect(p.row).toBe("合计");
      expect(p.oldValue).toBe("");
      expect(p.rule).toBe("A2.total-row");
    }
  });

  it("restores the blanked 类 rows of T5, and leaves zero cells blank", () => {
    const blank = { 3: "", 4: "", 5: "" };
    const { patches } = run(
      edited({ 208: blank, 211: blank, 214: blank, 219: blank, 226: blank, 229: blank }),
    );
    const t5 = patches.filter((p) => p.table === "T5");
    const expected: [number, string, string][] = [
      [208, "合计", "58121209.78"],
      [208, "基本支出", "19887658.00"],
      [208, "项目支出", "38233551.78"],
      [211, "合计", "24763610.00"],
      [211, "项目支出", "24763610.00"],
      [214, "合计", "5957790.00"],
      [214, "基本支出", "5957790.00"],
      [219, "合计", "1230607.00"],
      [219, "基本支出", "1230607.00"],
      [226, "合计", "14788170.34"],
      [226, "项目支出", "14788170.34"],
      [229, "合计", "905823.00"],
      [229, "基本支出", "905823.00"],
    ];
    expect(t5.map((p) => [(p.location as { line: number }).line, p.column, p.newValue])).toEqual(expected);
    expect(at(t5, 208, "合计")?.rule).toBe("A1.parent-sum");
    expect(at(t5, 208, "合计")?.row).toBe("201");
    // 204 has no 基本支出: zero, so its blank cell stays blank
    expect(at(t5, 211, "基本支出")).toBeUndefined();
  });

  it("restores T1's totals", () => {
    const { patches } = run(edited({ 117: { 1: "", 3: "" } }));
    const income = patches.find((p) => p.row === "收入总计");
    const expenditure = patches.find((p) => p.row === "支出总计");
    expect(income).toMatchObject({ table: "T1", location: { line: 117 }, newValue: "105767210.12" });
    expect(expenditure).toMatchObject({
      table: "T1",
      location: { line: 117 },
      newValue: "105767210.12",
      rule: "A4.t1-totals",
    });
  });

  it("derives T1's expenditure lines from T3 when they are blank", () => {
    const { patches } = run(edited({ 110: { 3: "" }, 114: { 3: "" } }));
    expect(patches.find((p) => p.row === "201")).toMatchObject({
      table: "T1",
      newValue: "58121209.78",
      rule: "B1.t1-t2-t3",
      location: { line: 110 },
    });
    expect(patches.find((p) => p.row === "212")).toMatchObject({
      table: "T1",
      newValue: "14788170.34",
      location: { line: 114 },
    });
  });

  it("derives T4's 一般公共预算 column from T5", () => {
    const { patches } = run(edited({ 192: { 3: "", 4: "" } }));
    const t4 = patches.filter((p) => p.table === "T4");
    expect(t4.map((p) => [p.row, p.column, p.newValue, p.location])).toEqual([
      ["204", "合计", "24763610.00", { line: 192 }],
      ["204", "一般公共预算", "24763610.00", { line: 192 }],
    ]);
  });

  it("derives T9's 小计 and 合计 in 万元 with two decimals", () => {
    const { patches } = run(edited({ 301: { 0: "", 2: "0.80", 3: "", 4: "0.25", 5: "0.50" } }));
    const t9 = patches.filter((p) => p.table === "T9");
    expect(t9.map((p) => [p.column, p.newValue, p.rule]).sort()).toEqual(
      [
        ["合计", "1.55", "A6.t9-identity"],
        ["公务用车小计", "0.75", "A6.t9-identity"],
      ].sort(),
    );
    expect(t9.find((p) => p.column === "公务用车小计")?.reason).toBe("公务用车小计 = 购置费 + 运行费");
  });

  it("explains in English on request", () => {
    const { patches } = run(edited({ 181: { 6: "" } }), { lang: "en" });
    const p = patches.find((x) => x.table === "T3");
    expect(p?.reason).toMatch(/project expenditure/);
    expect(p?.reason).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });
});

describe("conflicts", () => {
  const wrongTotal = edited({ 181: { 4: "105,767,210.00" } });

  it("reports a non-empty cell that disagrees, and does not overwrite it", () => {
    const { patches, conflicts } = run(wrongTotal);
    expect(conflicts).toHaveLength(1);
    const c = conflicts[0]!;
    expect(c).toMatchObject({
      rule: "fill.conflict",
      severity: "warning",
      table: "T3",
      row: "合计",
      column: "合计",
      location: { line: 181 },
      expected: "105767210.12",
      actual: "105767210.00",
      difference: "-0.12",
    });
    expect(c.message).toContain("105,767,210.12");
    expect(c.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(patches.some((p) => p.table === "T3" && p.column === "合计")).toBe(false);
  });

  it("says it in English on request", () => {
    const c = run(wrongTotal, { lang: "en" }).conflicts[0]!;
    expect(c.message).toMatch(
      /^Table 3 Total row total: the cell holds 105,767,210.00 but the tables give 105,767,210.12/,
    );
  });

  it("replaces it when overwrite is set", () => {
    const { patches, conflicts } = run(wrongTotal, { overwrite: true });
    expect(conflicts).toEqual([]);
    expect(patches.find((p) => p.table === "T3")).toMatchObject({
      location: { line: 181 },
      oldValue: "105,767,210.00",
      newValue: "105767210.12",
    });
  });

  it("blames the one wrong cell, not the sums that contain it", () => {
    const { conflicts } = run(edited({ 161: { 4: "19,887,600.00" } }));
    expect(conflicts.map((c) => [c.table, c.row, c.column, c.expected])).toEqual([
      ["T3", "20199", "基本支出", "19887658.00"],
    ]);
  });

  it("derives blanks from the corrected value, not the wrong one", () => {
    // 类 201 合计 wrong and the 合计 row blank: the 合计 row is derived as if 201 were right
    const { patches, conflicts } = run(edited({ 160: { 3: "58,121,200.00" }, 181: { 4: "", 5: "", 6: "" } }));
    expect(conflicts.map((c) => [c.row, c.column])).toEqual([["201", "合计"]]);
    expect(patches.find((p) => p.table === "T3" && p.row === "合计" && p.column === "合计")?.newValue).toBe(
      "105767210.12",
    );
  });

  it("gives the same fingerprint for the same cell whatever the values", () => {
    const a = run(wrongTotal).conflicts[0]!.fingerprint;
    const b = run(edited({ 181: { 4: "1.00" } })).conflicts[0]!.fingerprint;
    expect(a).toBe(b);
  });
});

describe("fill on a model", () => {
  it("takes a Disclosure directly", () => {
    const r = readTextDocument(edited({ 290: { 4: "" } }), "sample.txt");
    if (!r.ok) throw new Error(r.message);
    const { patches } = fill(recognize(r.grid).disclosure);
    expect(patches.find((p) => p.table === "T8")).toMatchObject({
      row: "合计",
      column: "人员经费",
      newValue: "27256592.00",
      location: { line: 290 },
    });
  });
});

it("a 单位 version's 人员经费 / 公用经费 lines in Table 1 are not taken as parts of 支出总计", () => {
  const text = sampleText()
    .replace("四、其他收入\t\t\t", "四、其他收入\t\t其中：人员经费\t27,256,592.00")
    .replace(
      "收入总计\t105,767,210.12\t支出总计",
      "\t\t公用经费\t725,286.00\n收入总计\t105,767,210.12\t支出总计",
    );
  expect(text).toContain("其中：人员经费");
  expect(fillGrid(gridOf(text)).conflicts).toEqual([]);
});
