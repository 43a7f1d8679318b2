/**
 * Parity: the XML reader gives the same Grid as reading through exceljs did. The exceljs-based
 * conversion lives here only, as the reference.
 */
import { sampleText } from "../../../tests/fixtures/sample";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  fillGrid,
  readTextDocument,
  templateWorkbook,
  type Cell,
  type CellRange,
  type Grid,
  type RawValue,
  type Sheet,
} from "@yusuan/disclosure";
import { cellAddress } from "@yusuan/disclosure";
import { dateToSerial, formatDate, formatNumber } from "./format";
import { readXlsx } from "./read";
import { evaluateFormulas } from "./evaluate";
import { parseRange, plainCell } from "./sheet-xml";
import { gridToWorkbook, writePatches, writeWorkbook } from "./write";

const EMPTY_ROW: ReadonlyArray<Cell | undefined> = Object.freeze([]);

/** The reader's cells work out address and text when asked: compare them as plain objects. */
function plainGrid(grid: Grid): Grid {
  return {
    ...grid,
    sheets: grid.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => row.map((c) => (c === undefined ? c : plainCell(c)))),
    })),
  };
}

function scalar(
  v: unknown,
  numFmt: string | undefined,
  date1904: boolean,
): { value: RawValue; text: string } {
  if (v === null || v === undefined) return { value: null, text: "" };
  if (typeof v === "number")
    return Number.isFinite(v)
      ? { value: v, text: formatNumber(v, numFmt, date1904) }
      : { value: null, text: "" };
  if (typeof v === "string") return { value: v, text: v };
  if (typeof v === "boolean") return { value: v, text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date)
    return {
      value: dateToSerial(v, date1904),
      text: formatDate(v, numFmt && /[ymdhs]/i.test(numFmt) ? numFmt : "yyyy/m/d"),
    };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const text = o.richText
        .map((r: { text?: unknown }) => (typeof r.text === "string" ? r.text : ""))
        .join("");
      return { value: text, text };
    }
    if (typeof o.error === "string") return { value: o.error, text: o.error };
    if ("text" in o) return scalar(o.text, numFmt, date1904);
  }
  return { value: String(v), text: String(v) };
}

/** The reference: how readXlsx converted an exceljs workbook before it read the XML itself. */
async function viaExceljs(bytes: Uint8Array, name: string): Promise<{ grid: Grid; warnings: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const sheets: Sheet[] = [];
  const warnings: string[] = [];
  let total = 0;
  for (const ws of workbook.worksheets) {
    const rows: (Cell | undefined)[][] = [];
    const hiddenRows: number[] = [];
    let withoutResult = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      if (row.hidden) hiddenRows.push(r);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const c = colNumber - 1;
        const numFmt = cell.numFmt || undefined;
        const v = cell.value as unknown;
        let conv: { value: RawValue; text: string; formula?: string; formulaWithoutResult?: boolean };
        if (v && typeof v === "object" && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) {
          const formula = cell.formula || (v as { formula?: string }).formula || "";
          // exceljs's value drops a result of 0 (falsy); its model keeps it.
          const result = (v as { result?: unknown }).result ?? (cell.model as { result?: unknown }).result;
          conv =
            result === undefined
              ? { value: null, text: "", formula, formulaWithoutResult: true }
              : { ...scalar(result, numFmt, date1904), formula };
        } else conv = scalar(v, numFmt, date1904);
        if (conv.formulaWithoutResult) withoutResult++;
        const line = rows[r] ?? [];
        rows[r] = line;
        line[c] = {
          address: cellAddress(r, c),
          row: r,
          col: c,
          value: conv.value,
          text: conv.text,
          numberFormat: cell.numFmt || "General",
          ...(conv.formula !== undefined ? { formula: conv.formula } : {}),
          ...(conv.formulaWithoutResult ? { formulaWithoutResult: true } : {}),
        };
      });
    });
    total += withoutResult;
    for (let r = 0; r < rows.length; r++) rows[r] ??= EMPTY_ROW as (Cell | undefined)[];
    const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is CellRange => m !== undefined);
    sheets.push({
      name: ws.name,
      rows,
      ...(merges.length ? { merges } : {}),
      ...(ws.state === "hidden" || ws.state === "veryHidden" ? { hidden: true } : {}),
      ...(hiddenRows.length ? { hiddenRows } : {}),
    });
  }
  // The same second step as readXlsx: formulas saved without a result are worked out where simple.
  const unknown =
    total > 0 ? evaluateFormulas(sheets as { name: string; rows: (Cell | undefined)[][] }[]) : [];
  if (unknown.length > 0) {
    const names = unknown.slice(0, 10).map((u) => `${u.sheet}!${u.cell}`);
    warnings.push(
      `文件“${name}”中的公式没有保存计算结果，也无法在读取时算出（${names.join("、")}），这些单元格的值未知，不按 0 处理。 / ` +
        `Formulas in "${name}" have no saved result and cannot be worked out on reading (${names.join(", ")}); their values are unknown, not 0.`,
    );
  }
  return { grid: { source: { kind: "xlsx", name }, sheets }, warnings };
}

async function expectParity(bytes: Uint8Array, name: string): Promise<Grid> {
  const ours = await readXlsx(bytes, name);
  if (!ours.ok) throw new Error(ours.messageEn);
  const reference = await viaExceljs(bytes, name);
  expect(plainGrid(ours.grid)).toEqual(reference.grid);
  expect(ours.warnings).toEqual(reference.warnings);
  return ours.grid;
}

const example = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../examples/${file}`, import.meta.url))));

/** A workbook using every kind of cell the reader distinguishes, written by exceljs. */
async function everything(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  const ws = wb.addWorksheet("T1 收支总表");
  ws.getCell("A1").value = "2024年部门预算 <&> \"引号\" 'apos'";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = "换行\r\n与制表\t";
  ws.getCell("B2").value = 1234567.5;
  ws.getCell("B2").numFmt = "#,##0.00";
  ws.getCell("C2").value = -1234.005;
  ws.getCell("C2").numFmt = '#,##0.00;[Red]-#,##0.00;"-"';
  ws.getCell("D2").value = 0.125;
  ws.getCell("D2").numFmt = "0.0%";
  ws.getCell("A3").value = 42;
  ws.getCell("B3").value = 1234.5;
  ws.getCell("B3").numFmt = "0";
  ws.getCell("C3").value = new Date(Date.UTC(2024, 0, 15, 13, 30));
  ws.getCell("C3").numFmt = "yyyy-mm-dd h:mm";
  ws.getCell("D3").value = "2010101";
  ws.getCell("D3").numFmt = "@";
  ws.getCell("E3").value = 1e-12;
  ws.getCell("F3").value = 123456789012345680000;
  ws.getCell("A4").value = { formula: "B2+C2", result: 1233332.495 };
  ws.getCell("A4").numFmt = "#,##0.00";
  ws.getCell("B4").value = { formula: "B2*2" } as ExcelJS.CellFormulaValue;
  ws.getCell("C4").value = { richText: [{ text: "一般" }, { text: "公共预算", font: { bold: true } }] };
  ws.getCell("D4").value = true;
  ws.getCell("E4").value = false;
  ws.getCell("A5").value = "隐藏行";
  ws.getRow(5).hidden = true;
  ws.getRow(7).hidden = true;
  ws.getRow(9).hidden = true;
  ws.getCell("A8").value = "跨行合并";
  ws.mergeCells("A8:A9");
  ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("B6").value = 5;
  ws.getCell("C6").value = { formula: "B6*2+$B$6", result: 15 };
  ws.getCell("D6").value = { sharedFormula: "C6", result: 20 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("E6").value = { formula: 'IF(B6>1,"大","小")', result: "大" };
  ws.getCell("F6").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("C7").value = { sharedFormula: "C6", result: 30 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("G6").value = { formula: "TODAY()", result: new Date(Date.UTC(2024, 5, 1)) };
  ws.getCell("G6").numFmt = "yyyy/m/d";
  ws.getCell("H6").numFmt = "#,##0.00";
  ws.getCell("A10").value = "_x0041_ 字面";
  const hidden = wb.addWorksheet("底稿", { state: "hidden" });
  hidden.getCell("A1").value = "不公开";
  hidden.getCell("B1").value = "一般";
  wb.addWorksheet("空表");
  const very = wb.addWorksheet("深藏", { state: "veryHidden" });
  very.getCell("A1").value = 1;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readXlsx matches the exceljs-based reading", () => {
  it("on the sample workbook and its filled copy", async () => {
    const grid = await expectParity(example("sample.xlsx"), "sample.xlsx");
    expect(grid.sheets.length).toBeGreaterThan(5);
    expect(grid.sheets.reduce((n, s) => n + s.rows.length, 0)).toBeGreaterThan(100);
    // The filled copy, made here as `yusuan fill` makes it (the file itself is not committed).
    const filled = await writePatches(example("sample.xlsx"), fillGrid(grid).patches);
    await expectParity(filled, "sample.filled.xlsx");
  });

  it("on the sample text written as a workbook, and on a template", async () => {
    const doc = readTextDocument(sampleText(), "sample.txt");
    if (!doc.ok) throw new Error("sample.txt did not read");
    await expectParity(await gridToWorkbook(doc.grid), "sample-text.xlsx");
    await expectParity(
      await gridToWorkbook(doc.grid, [{ sheetName: "前十行", rows: [0, 9] }]),
      "sample-split.xlsx",
    );
    // exceljs reads a saved empty-text result (<c t="str"><f>IF(…,"",…)</f><v></v></c>) as no result;
    // readXlsx keeps it as the empty text it is. Apart from that the template reads the same.
    const bytes = await writeWorkbook(templateWorkbook({ department: "上海市某某局", year: 2025 }));
    const ours = await readXlsx(bytes, "template.xlsx");
    if (!ours.ok) throw new Error(ours.messageEn);
    const reference = await viaExceljs(bytes, "template.xlsx");
    let emptyResults = 0;
    const asExceljs = ours.grid.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) =>
        row.map((c) => {
          if (c === undefined) return c;
          if (c.formula === undefined || c.value !== "") return plainCell(c);
          emptyResults++;
          return { ...plainCell(c), value: null, text: "", formulaWithoutResult: true };
        }),
      ),
    }));
    expect(emptyResults).toBeGreaterThan(100);
    expect(asExceljs).toEqual(reference.grid.sheets);
    expect(ours.warnings).toEqual([]);
  });

  it("on every kind of cell, in both date systems", async () => {
    for (const date1904 of [false, true]) {
      const grid = await expectParity(await everything(date1904), "all.xlsx");
      const [s] = grid.sheets;
      // The reference is only worth something if it saw what the fixture holds.
      expect(s?.rows[5]?.[3]).toMatchObject({ formula: "C6*2+$B$6", value: 20 });
      expect(s?.rows[6]?.[2]).toMatchObject({ formula: "B7*2+$B$6", value: 30 });
      // Row 7 holds C7; row 9 holds only the lower half of the A8:A9 merge.
      expect(s?.hiddenRows).toEqual([4, 6, 8]);
      expect(s?.rows[2]?.[2]).toMatchObject({ text: "2024/1/15 13:30" });
      expect(grid.sheets.map((x) => [x.name, x.hidden ?? false])).toEqual([
        ["T1 收支总表", false],
        ["底稿", true],
        ["空表", false],
        ["深藏", true],
      ]);
    }
  });
});
