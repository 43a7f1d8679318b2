import { describe, expect, it } from "vitest";
import { analyze, buildWorkbook, fillGrid, FORMULA_WITHOUT_RESULT_RULE, type Cell } from "@yusuan/disclosure";
import { evaluateFormulas } from "./evaluate";
import { minimalXlsx } from "@yusuan/testing";
import { readXlsx } from "./read";
import { writeWorkbook } from "./write";

type Row = (Cell | undefined)[];
const num = (address: string, row: number, col: number, value: number): Cell => ({
  address,
  row,
  col,
  value,
  text: String(value),
  numberFormat: "#,##0.00",
});
const formula = (address: string, row: number, col: number, f: string): Cell => ({
  address,
  row,
  col,
  value: null,
  text: "",
  numberFormat: "#,##0.00",
  formula: f,
  formulaWithoutResult: true,
});

describe("evaluateFormulas", () => {
  it("works out SUM of ranges and cells, + and −, parentheses, numbers, other sheets and chains", () => {
    const a: Row[] = [
      [num("A1", 0, 0, 0.1), num("B1", 0, 1, 0.2), formula("C1", 0, 2, "SUM(A1:B1)")],
      [
        formula("A2", 1, 0, "C1-(A1+0.05)+'其他 表'!A1"),
        formula("B2", 1, 1, "SUM($A$1,C1,A2:A2)"),
        formula("C2", 1, 2, "-B2+1e2"),
      ],
    ];
    const b: Row[] = [[num("A1", 0, 0, 1000)]];
    const unknown = evaluateFormulas([
      { name: "S", rows: a },
      { name: "其他 表", rows: b },
    ]);
    expect(unknown).toEqual([]);
    expect(a[0]![2]).toMatchObject({ value: 0.3, text: "0.30" });
    expect(a[0]![2]?.formulaWithoutResult).toBeUndefined();
    expect(a[1]![0]).toMatchObject({ value: 1000.15, text: "1,000.15" });
    expect(a[1]![1]?.value).toBe(1000.55);
    expect(a[1]![2]?.value).toBe(-900.55);
  });

  it("leaves anything else unknown, never 0: functions, products, text, errors, missing sheets, cycles", () => {
    const rows: Row[] = [
      [
        { address: "A1", row: 0, col: 0, value: "文字", text: "文字" },
        formula("B1", 0, 1, "A1+1"),
        formula("C1", 0, 2, "ROUND(2.5,0)"),
        formula("D1", 0, 3, "2*3"),
        formula("E1", 0, 4, "无此表!A1"),
        formula("F1", 0, 5, "G1+1"),
        formula("G1", 0, 6, "F1+1"),
        formula("H1", 0, 7, "SUM(C1:D1)"),
        formula("I1", 0, 8, "SUM(A1)+1"),
      ],
    ];
    const unknown = evaluateFormulas([{ name: "S", rows }]).map((u) => u.cell);
    expect(unknown).toEqual(["B1", "C1", "D1", "E1", "F1", "G1", "H1"]);
    for (const c of rows[0]!.slice(1, 8))
      expect(c).toMatchObject({ value: null, text: "", formulaWithoutResult: true });
    // SUM ignores text, as a spreadsheet does.
    expect(rows[0]![8]).toMatchObject({ value: 1 });
  });

  it("visits only the cells that exist, however large the range", () => {
    const rows: Row[] = [[num("A1", 0, 0, 5), formula("B1", 0, 1, "SUM(A1:XFD1048576)-B2")]];
    rows[1] = [undefined, num("B2", 1, 1, 2)];
    const started = performance.now();
    expect(evaluateFormulas([{ name: "S", rows }])).toEqual([{ sheet: "S", cell: "B1" }]); // refers to itself
    rows[0]![1] = formula("B1", 0, 1, "SUM(A1:A1048576,C1:XFD1048576)");
    expect(evaluateFormulas([{ name: "S", rows }])).toEqual([]);
    expect(rows[0]![1]?.value).toBe(5);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
const sheet = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${body}</sheetData></worksheet>`;

describe("readXlsx and formulas saved without a result", () => {
  it("reads a simple sum as its value and names the cells it cannot work out", async () => {
    const bytes = await minimalXlsx({
      "xl/worksheets/sheet1.xml": sheet(
        `<row r="1"><c r="A1"><v>1.5</v></c><c r="B1"><v>2</v></c><c r="C1"><f>SUM(A1:B1)</f></c><c r="D1"><f>A1*B1</f></c><c r="E1" t="str"><f>IF(1,"",1)</f><v></v></c></row>`,
      ),
    });
    const r = await readXlsx(bytes, "公式.xlsx");
    if (!r.ok) throw new Error(r.message);
    const row = r.grid.sheets[0]!.rows[0]!;
    expect(row[2]).toMatchObject({ value: 3.5, text: "3.5", formula: "SUM(A1:B1)" });
    expect(row[3]).toMatchObject({ value: null, formulaWithoutResult: true });
    // A saved empty-text result is a result.
    expect(row[4]).toMatchObject({ value: "", text: "" });
    expect(row[4]?.formulaWithoutResult).toBeUndefined();
    expect(r.warnings.join("\n")).toMatch(/Sheet1!D1/);
    expect(r.warnings.join("\n")).not.toMatch(/C1|E1/);
  });
  it("works out literals in exponent form, and leaves one beyond the double range unknown instead of failing", async () => {
    const bytes = await minimalXlsx({
      "xl/worksheets/sheet1.xml": sheet(
        `<row r="1"><c r="A1"><f>1.5E+3+A2</f></c><c r="B1"><f>1E+999</f></c><c r="C1"><f>2.5E-7+1</f></c></row><row r="2"><c r="A2"><v>0.25</v></c></row>`,
      ),
    });
    const r = await readXlsx(bytes, "公式.xlsx");
    if (!r.ok) throw new Error(r.message);
    const row = r.grid.sheets[0]!.rows[0]!;
    expect(row[0]).toMatchObject({ value: 1500.25 });
    expect(row[1]).toMatchObject({ value: null, formulaWithoutResult: true });
    expect(row[2]).toMatchObject({ value: 1.00000025 });
  });
});

/** Budget lines that make all nine tables (T9 from 30211, 30217, 30228 …). */
const LINES = [
  ["2019999", "30101", "基本支出", "2389860.00"],
  ["2019999", "30201", "基本支出", "143100.00"],
  ["2019999", "30211", "基本支出", "27000.00"],
  ["2019999", "30217", "基本支出", "8000.00"],
  ["2019999", "30228", "基本支出", "346186.00"],
  ["2019999", "30299", "项目支出", "38233551.78"],
  ["2080505", "30108", "基本支出", "2187740.00"],
  ["2210201", "30113", "基本支出", "905823.00"],
].map(([functionalCode, economicCode, nature, amount]) => ({
  functionalCode: functionalCode!,
  economicCode: economicCode!,
  source: "一般公共预算" as const,
  nature: nature as "基本支出",
  amount: amount!,
}));

describe("built workbooks keep their formulas' results", () => {
  const built = buildWorkbook(LINES, { department: "上海市某某局", year: 2025 });
  if (!built.ok) throw new Error(built.errors.join("\n"));

  it("build → check gives no error; build → fill changes nothing", async () => {
    const r = await readXlsx(await writeWorkbook(built.workbook), "built.xlsx");
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings).toEqual([]);
    const errors = analyze(r.grid).findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
    const { patches, conflicts } = fillGrid(r.grid);
    expect(patches).toEqual([]);
    expect(conflicts).toEqual([]);
  });

  it("a built workbook saved without results still checks clean: its sums are worked out on reading", async () => {
    const r = await readXlsx(
      await writeWorkbook(built.workbook, { cacheFormulaResults: false }),
      "built.xlsx",
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings).toEqual([]);
    expect(analyze(r.grid).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(fillGrid(r.grid).patches).toEqual([]);
  });

  it("a formula with an unknown result is not 0: one finding names it, nothing rests on it, fill leaves it", async () => {
    // Turn the T3 合计 row's first amount into a formula the reader cannot work out.
    const spec = {
      sheets: built.workbook.sheets.map((s, i) =>
        i !== 2
          ? s
          : {
              ...s,
              cells: s.cells.map((c) =>
                c.formula?.startsWith("SUM(") &&
                c.col === 4 &&
                s.cells.some((t) => t.row === c.row && t.value === "合计")
                  ? { ...c, formula: `ROUND(${c.formula},2)`, value: null }
                  : c,
              ),
            },
      ),
    };
    const r = await readXlsx(await writeWorkbook(spec), "unknown.xlsx");
    if (!r.ok) throw new Error(r.message);
    const findings = analyze(r.grid).findings;
    const about = findings.filter((f) => f.rule === FORMULA_WITHOUT_RESULT_RULE);
    expect(about).toHaveLength(1);
    expect(about[0]!.message).toMatch(/表3 支出预算总表!E\d+/);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const { patches } = fillGrid(r.grid);
    expect(patches.filter((p) => "sheet" in p.location && p.location.sheet.startsWith("表3"))).toEqual([]);
  });
});

describe("values that would be misread are reported as corrupt", () => {
  for (const [label, cell] of [
    ["a number with a thousands separator", `<c r="A1"><v>1,234</v></c>`],
    ["a hexadecimal number", `<c r="A1"><v>0x10</v></c>`],
    ["a shared-string index in exponent form", `<c r="A1" t="s"><v>1e3</v></c>`],
    ["a hexadecimal shared-string index", `<c r="A1" t="s"><v>0x10</v></c>`],
    ["a boolean that is neither 0 nor 1", `<c r="A1" t="b"><v>2</v></c>`],
  ] as const) {
    it(label, async () => {
      const strings = `<?xml version="1.0"?><sst ${NS}>${"<si><t>x</t></si>".repeat(20)}</sst>`;
      const r = await readXlsx(
        await minimalXlsx({
          "xl/worksheets/sheet1.xml": sheet(`<row r="1">${cell}</row>`),
          "xl/sharedStrings.xml": strings,
        }),
        "坏值.xlsx",
      );
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.code).toBe("input.unreadable");
      expect(r.message).toContain("坏值.xlsx");
      expect(r.messageEn).toMatch(/sheet1\.xml/);
      expect(r.messageEn).toMatch(/A1/);
    });
  }

  it("while plain numbers, exponents and padded values still read", async () => {
    const r = await readXlsx(
      await minimalXlsx({
        "xl/worksheets/sheet1.xml": sheet(
          `<row r="1"><c r="A1"><v> 12.5 </v></c><c r="B1"><v>-1.5E+3</v></c><c r="C1"><v>.5</v></c></row>`,
        ),
      }),
      "好值.xlsx",
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.grid.sheets[0]!.rows[0]!.map((c) => c?.value)).toEqual([12.5, -1500, 0.5]);
  });
});
