/**
 * Parity between faces: the sample read as a text document and the same cells read from a workbook
 * through the add-in's Office.js adapter give the same findings (rule, severity, table, row, column,
 * amounts, fingerprint). Only the location differs: a line of the text, a cell of the sheet.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, readTextDocument, type Finding } from "@yusuan/disclosure";
import { readWorkbook, type ExcelRun } from "../apps/excel-addin/src/adapter";
import { fakeExcelFromGrid } from "../apps/excel-addin/test/fake-excel";
import { readXlsx } from "@yusuan/xlsx";

const sample = readFileSync(join(import.meta.dirname, "..", "examples", "sample.txt"));

function comparable(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    table: f.table,
    row: f.row,
    column: f.column,
    expected: f.expected,
    actual: f.actual,
    difference: f.difference,
    fingerprint: f.fingerprint,
  };
}

describe("add-in parity", () => {
  it("finds the same problems in the text and in the workbook read by the add-in", async () => {
    const read = readTextDocument(sample, "sample.txt");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fromText = analyze(read.grid);
    expect(fromText.findings.length).toBeGreaterThan(0);

    const excel = fakeExcelFromGrid(read.grid);
    const grid = await readWorkbook(excel.run as unknown as ExcelRun);
    expect(grid.source.kind).toBe("excel");
    const fromExcel = analyze(grid);

    const byFingerprint = (a: { fingerprint: string }, b: { fingerprint: string }) =>
      a.fingerprint.localeCompare(b.fingerprint);
    expect(fromExcel.findings.map(comparable).sort(byFingerprint)).toEqual(
      fromText.findings.map(comparable).sort(byFingerprint),
    );
    expect(fromExcel.tables.map((t) => [t.id, t.found])).toEqual(fromText.tables.map((t) => [t.id, t.found]));
    // The workbook's findings point at cells, the text's at lines.
    for (const f of fromExcel.findings) if (f.location) expect("sheet" in f.location).toBe(true);
  });

  it("finds the same problems when the workbook holds amounts as numbers, as Excel stores them", async () => {
    const read = readTextDocument(sample, "sample.txt");
    if (!read.ok) throw new Error(read.message);
    const fromText = analyze(read.grid);
    // Excel keeps a typed "1,234.50" as the double 1234.5 shown under "#,##0.00".
    const numeric = {
      ...read.grid,
      sheets: read.grid.sheets.map((s) => ({
        ...s,
        rows: s.rows.map((row) =>
          row.map((c) =>
            c && /^-?\d{1,3}(,\d{3})*\.\d{2}$/.test(c.text)
              ? { ...c, value: Number(c.text.replaceAll(",", "")), numberFormat: "#,##0.00" }
              : c,
          ),
        ),
      })),
    };
    const excel = fakeExcelFromGrid(numeric);
    const fromExcel = analyze(await readWorkbook(excel.run as unknown as ExcelRun));
    const byFingerprint = (a: { fingerprint: string }, b: { fingerprint: string }) =>
      a.fingerprint.localeCompare(b.fingerprint);
    expect(fromExcel.findings.map(comparable).sort(byFingerprint)).toEqual(
      fromText.findings.map(comparable).sort(byFingerprint),
    );
  });

  it("gives the CLI's findings, locations included, for the sample workbook opened in Excel", async () => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "..", "examples", "sample.xlsx")));
    const read = await readXlsx(bytes, "sample.xlsx");
    if (!read.ok) throw new Error(read.message);
    const fromCli = analyze(read.grid);
    const grid = await readWorkbook(fakeExcelFromGrid(read.grid).run as unknown as ExcelRun);
    const fromAddin = analyze(grid);
    const withPlace = (f: Finding) => ({ ...comparable(f), location: f.location });
    expect(fromAddin.findings.map(withPlace)).toEqual(fromCli.findings.map(withPlace));
    // The sample's pinned findings (tests/golden.test.ts): 1 error and 9 warnings.
    expect(fromAddin.findings.length).toBe(10);
  });
});
