/**
 * .xlsx → Grid. The bytes are inspected first (see inspect.ts); only a workbook that passed is handed
 * to exceljs, and cells are counted again while reading as a second guard.
 */
import ExcelJS from "exceljs";
import { cellAddress, type Cell, type CellRange, type Grid, type RawValue, type Sheet } from "@yusuan/disclosure";
import { dateToSerial, formatDate, formatNumber } from "./format";
import { errorText, inspectXlsx } from "./inspect";
import { resolveLimits, type Limits } from "./limits";
import { failure, type ReadFailure } from "./messages";

/** A workbook read into a grid, with anything worth telling the user. */
export interface ReadSuccess {
  readonly ok: true;
  readonly grid: Grid;
  readonly warnings: string[];
}

/** The result of {@link readXlsx}. */
export type ReadResult = ReadSuccess | ReadFailure;

function parseRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]!);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

const EMPTY_ROW: ReadonlyArray<Cell | undefined> = Object.freeze([]);

interface Converted {
  value: RawValue;
  text: string;
  formula?: string;
  formulaWithoutResult?: boolean;
}

function scalar(v: unknown, numFmt: string | undefined, date1904: boolean): { value: RawValue; text: string } {
  if (v === null || v === undefined) return { value: null, text: "" };
  if (typeof v === "number") {
    // A <v> that is not a number comes through as NaN; it carries no value.
    return Number.isFinite(v) ? { value: v, text: formatNumber(v, numFmt, date1904) } : { value: null, text: "" };
  }
  if (typeof v === "string") return { value: v, text: v };
  if (typeof v === "boolean") return { value: v, text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) {
    return { value: dateToSerial(v, date1904), text: formatDate(v, numFmt && /[ymdhs]/i.test(numFmt) ? numFmt : "yyyy/m/d") };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const text = o.richText.map((r: { text?: unknown }) => (typeof r.text === "string" ? r.text : "")).join("");
      return { value: text, text };
    }
    if (typeof o.error === "string") return { value: o.error, text: o.error };
    if ("text" in o) return scalar(o.text, numFmt, date1904);
  }
  return { value: String(v), text: String(v) };
}

function convert(cell: ExcelJS.Cell, date1904: boolean): Converted {
  const numFmt = cell.numFmt || undefined;
  const v = cell.value as unknown;
  if (v && typeof v === "object" && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) {
    const formula = cell.formula || (v as { formula?: string }).formula || "";
    const result = (v as { result?: unknown }).result;
    if (result === undefined) return { value: null, text: "", formula, formulaWithoutResult: true };
    return { ...scalar(result, numFmt, date1904), formula };
  }
  return scalar(v, numFmt, date1904);
}

/**
 * Reads an .xlsx into a {@link Grid} (source kind "xlsx"). Never throws: broken, hostile or
 * oversized input gives `{ ok: false, code, message, messageEn }` naming the file and the part.
 * Each cell carries its raw value, its text as displayed under its number format, the format, and
 * its formula (with `formulaWithoutResult` when no result was saved). Merged ranges, hidden sheets
 * and hidden rows are kept; the cells a merge covers, other than its top-left, are empty.
 *
 * @example
 * ```ts
 * const result = await readXlsx(bytes, "2024年部门预算.xlsx");
 * if (result.ok) console.log(result.grid.sheets[0]?.rows[6]?.[4]?.text); // "1,234.00"
 * else console.error(result.message);
 * ```
 */
export async function readXlsx(data: Uint8Array, name: string, limits?: Partial<Limits>): Promise<ReadResult> {
  const caps = resolveLimits(limits);
  const inspection = await inspectXlsx(data, name, caps);
  if (!inspection.ok) return inspection;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    return failure("parseFailed", { file: name, detail: errorText(e) });
  }
  try {
    return toGrid(workbook, name, caps, inspection.warnings);
  } catch (e) {
    return failure("parseFailed", { file: name, detail: errorText(e) });
  }
}

function toGrid(workbook: ExcelJS.Workbook, name: string, limits: Limits, warnings: string[]): ReadResult {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const ws of workbook.worksheets) {
    const rows: (Cell | undefined)[][] = [];
    const hiddenRows: number[] = [];
    let over = false;
    let withoutResult = 0;
    // Only rows that hold values: visiting empty ones would make exceljs create a row object for
    // every index up to the last row.
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (over) return;
      const r = rowNumber - 1;
      if (row.hidden) hiddenRows.push(r);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (over) return;
        if (cell.isMerged && cell.master !== cell) return;
        if (++cells > limits.maxCells) {
          over = true;
          return;
        }
        const c = colNumber - 1;
        const conv = convert(cell, date1904);
        if (conv.formulaWithoutResult) withoutResult++;
        const out: Cell = {
          address: cellAddress(r, c),
          row: r,
          col: c,
          value: conv.value,
          text: conv.text,
          numberFormat: cell.numFmt || "General",
          ...(conv.formula !== undefined ? { formula: conv.formula } : {}),
          ...(conv.formulaWithoutResult ? { formulaWithoutResult: true } : {}),
        };
        (rows[r] ??= [])[c] = out;
      });
    });
    if (over) return failure("tooManyCells", { file: name, sheet: ws.name, part: ws.name, limit: limits.maxCells });
    if (withoutResult > 0) {
      warnings.push(
        `文件“${name}”工作表“${ws.name}”中有 ${withoutResult} 个公式没有保存的计算结果（文件未经 Excel 计算保存），这些单元格按空白读取。`,
      );
    }
    // One shared empty row fills the gaps, so a lone cell far down costs no per-row allocation.
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
  if (sheets.length === 0) return failure("noSheets", { file: name });
  return { ok: true, grid: { source: { kind: "xlsx", name }, sheets }, warnings };
}

/**
 * Reads an .xlsx file from disk (Node). A file that cannot be opened, or is larger than
 * `limits.maxBytes`, gives a failure rather than an exception.
 *
 * @example
 * ```ts
 * const result = await readXlsxFile("预算.xlsx");
 * ```
 */
export async function readXlsxFile(path: string, limits?: Partial<Limits>): Promise<ReadResult> {
  const caps = resolveLimits(limits);
  const { readFile, stat } = await import("node:fs/promises");
  const { basename } = await import("node:path");
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.size > caps.maxBytes) return failure("tooBig", { file: name, size: info.size, limit: caps.maxBytes });
    const data = await readFile(path);
    return await readXlsx(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), name, caps);
  } catch (e) {
    return failure("fileError", { file: name, detail: errorText(e) });
  }
}
