/**
 * Writers: fill patches back into a workbook, store waivers, and turn a WorkbookSpec or a Grid into
 * an .xlsx. Every writer asks Excel to recalculate on open, so the saved results never outlive the
 * values they came from.
 */
import type ExcelJS from "exceljs";
import { parseAmount } from "@yusuan/money";
import {
  cellAddress,
  parseAddress,
  type Cell,
  type CellPatch,
  type CellRange,
  type Grid,
  type Sheet,
  type Waiver,
} from "@yusuan/disclosure";
import { XlsxError } from "./errors";
import { formatNumber } from "./format";
import { inspectXlsx } from "./inspect";
import { DEFAULT_LIMITS } from "./limits";
import { setAsideLargeMerges, withMerges, type SetAside } from "./giant-merges";
import type { CellSpec, WorkbookSpec } from "./spec";

/**
 * Name of the hidden sheet that stores waivers (the same as @yusuan/disclosure's WAIVER_SHEET).
 *
 * @example
 * ```ts
 * const read = await readXlsx(await writeWaivers(bytes, waivers), "预算.xlsx");
 * if (read.ok) read.grid.sheets.some((s) => s.name === WAIVER_SHEET_NAME); // true
 * ```
 */
export const WAIVER_SHEET_NAME = "yusuan_waivers";

/**
 * Column headers of the waiver sheet, in order.
 *
 * @example
 * ```ts
 * WAIVER_COLUMNS.join(","); // "fingerprint,rule,reason,by,date"
 * ```
 */
export const WAIVER_COLUMNS = ["fingerprint", "rule", "reason", "by", "date"] as const;

const AMOUNT_FORMAT = "#,##0.00";

/**
 * exceljs, loaded on first use: only the writers need it, so reading and checking (and every worker
 * of `yusuan check`) start without compiling it.
 */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import("exceljs");
  return new excel.Workbook();
}
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Merged cells the writer may hold in all: exceljs makes an object for every cell a merge covers. */
const MAX_MERGED_CELLS = 1_000_000;

/** A merge of more cells than this is set aside while exceljs holds the workbook, and put back after. */
const LARGE_MERGE_CELLS = 100_000;

/** A workbook as exceljs holds it, with the merges too large for exceljs kept aside. */
interface Loaded {
  readonly workbook: ExcelJS.Workbook;
  readonly aside: SetAside;
}

async function loadChecked(original: Uint8Array, name: string): Promise<Loaded> {
  const inspection = await inspectXlsx(original, name, DEFAULT_LIMITS);
  if (!inspection.ok) throw new XlsxError(inspection.code, inspection.message, inspection.messageEn);
  // Read once with the bounded reader first: what it refuses is refused with its message. Large merges
  // (A1:XFD1048576) are set aside in the XML; many smaller ones that together are too many for exceljs
  // are refused by name.
  const { readXlsx } = await import("./read");
  const read = await readXlsx(original, name);
  if (!read.ok) throw new XlsxError(read.code, read.message, read.messageEn);
  let large = false;
  for (const sheet of read.grid.sheets) {
    let merged = 0;
    for (const m of sheet.merges ?? []) {
      const size = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (size > LARGE_MERGE_CELLS) {
        large = true;
        continue;
      }
      merged += size;
      if (merged > MAX_MERGED_CELLS) {
        const ref = `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
        throw new XlsxError(
          "input.unwritable",
          `工作簿“${name}”工作表“${sheet.name}”的合并区域过多（至 ${ref} 已超过 ${MAX_MERGED_CELLS} 个单元格），无法写回；未写出任何文件。`,
          `Workbook "${name}", sheet "${sheet.name}": too many merged cells to write back (over ${MAX_MERGED_CELLS} by ${ref}); nothing was written.`,
        );
      }
    }
  }
  let bytes = original;
  let aside: SetAside = new Map();
  try {
    // Only a workbook that has such a merge is unpacked here; the others go to exceljs as they are.
    if (large) ({ bytes, aside } = setAsideLargeMerges(original, LARGE_MERGE_CELLS));
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0]!.slice(0, 200) : String(e);
    throw new XlsxError(
      "input.unwritable",
      `工作簿“${name}”无法解包（${detail}）；未写出任何文件。`,
      `Workbook "${name}" cannot be unpacked (${detail}); nothing was written.`,
      { cause: e },
    );
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0]!.slice(0, 200) : String(e);
    throw new XlsxError(
      "input.unwritable",
      `工作簿“${name}”可以读取，但写回所用的解析器无法打开它（${detail}）；未写出任何文件。`,
      `Workbook "${name}" can be read, but the parser used to write it back cannot open it (${detail}); nothing was written.`,
      { cause: e },
    );
  }
  return { workbook, aside };
}

async function save(workbook: ExcelJS.Workbook, recalc: boolean): Promise<Uint8Array> {
  if (recalc) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Writes fill patches into a workbook. Only `{ sheet, cell }` locations are applied (line locations
 * belong to text documents and are skipped). Each patched cell gets the number `newValue` and keeps
 * its style and number format; a formula is never replaced (a patch on one is refused). Other cells,
 * styles, widths, merges and formulas are kept. Excel recalculates on open unless `recalcOnOpen` is
 * false. `name` is the file's name for messages.
 *
 * Throws {@link XlsxError} when the original cannot be read or written back ("input.unwritable", naming
 * the file), or a patch names a missing sheet, an invalid address, a formula cell, or a value that is
 * not a plain decimal string.
 *
 * @example
 * ```ts
 * const out = await writePatches(bytes, fillGrid(grid).patches);
 * await writeFileAtomic("预算.xlsx", out, { backup: true });
 * ```
 */
export async function writePatches(
  original: Uint8Array,
  patches: ReadonlyArray<CellPatch>,
  options?: { recalcOnOpen?: boolean; name?: string },
): Promise<Uint8Array> {
  const name = options?.name ?? "workbook.xlsx";
  const { workbook, aside } = await loadChecked(original, name);
  for (const patch of patches) {
    const location = patch.location;
    if (!("sheet" in location)) continue;
    const ws = workbook.getWorksheet(location.sheet);
    if (!ws) {
      throw new XlsxError(
        "patch.unknown-sheet",
        `找不到工作表“${location.sheet}”。`,
        `No sheet named "${location.sheet}".`,
      );
    }
    const at = parseAddress(location.cell);
    if (!at) {
      throw new XlsxError(
        "patch.bad-cell",
        `“${location.cell}”不是单元格地址。`,
        `"${location.cell}" is not a cell address.`,
      );
    }
    const text = patch.newValue.trim();
    if (!DECIMAL.test(text)) {
      throw new XlsxError(
        "patch.bad-value",
        `单元格 ${location.sheet}!${location.cell} 的新值“${patch.newValue}”不是十进制数。`,
        `The new value "${patch.newValue}" for ${location.sheet}!${location.cell} is not a decimal number.`,
      );
    }
    const target = ws.getCell(at.row + 1, at.col + 1);
    if (target.formula || target.type === 6 /* exceljs Formula */) {
      throw new XlsxError(
        "patch.formula",
        `单元格 ${location.sheet}!${location.cell} 含公式，不改写公式。`,
        `Cell ${location.sheet}!${location.cell} holds a formula; formulas are never replaced.`,
      );
    }
    // Excel stores doubles: this host boundary is the one place a decimal string becomes a number.
    target.value = Number(text);
  }
  return saveNamed(workbook, options?.recalcOnOpen ?? true, name, aside);
}

/** Saves, turning a failure of the writer on odd content into an error that names the file. */
async function saveNamed(
  workbook: ExcelJS.Workbook,
  recalc: boolean,
  name: string,
  aside: SetAside = new Map(),
): Promise<Uint8Array> {
  try {
    const saved = await save(workbook, recalc);
    return aside.size > 0 ? withMerges(saved, aside) : saved;
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0]!.slice(0, 200) : String(e);
    throw new XlsxError(
      "input.unwritable",
      `工作簿“${name}”可以读取，但无法按原样写回（${detail}）；未写出任何文件。`,
      `Workbook "${name}" can be read but cannot be written back as it is (${detail}); nothing was written.`,
      { cause: e },
    );
  }
}

/**
 * Stores waivers in the hidden sheet "yusuan_waivers" (row 1: fingerprint, rule, reason, by, date),
 * replacing what it held. Reading the workbook back shows the sheet with `hidden: true`.
 *
 * @example
 * ```ts
 * const out = await writeWaivers(bytes, [{ fingerprint: "a1b2c3", reason: "上年数据口径调整", rule: "C2.year-comparison" }]);
 * ```
 */
export async function writeWaivers(
  original: Uint8Array,
  waivers: ReadonlyArray<Waiver>,
  options?: { name?: string },
): Promise<Uint8Array> {
  const name = options?.name ?? "workbook.xlsx";
  const { workbook, aside } = await loadChecked(original, name);
  const old = workbook.getWorksheet(WAIVER_SHEET_NAME);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(WAIVER_SHEET_NAME, { state: "hidden" });
  const rows: string[][] = [
    [...WAIVER_COLUMNS],
    ...waivers.map((w) => [w.fingerprint, w.rule ?? "", w.reason, w.by ?? "", w.date ?? ""]),
  ];
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      // Text format keeps fingerprints and dates from being read as numbers when edited.
      cell.numFmt = "@";
      if (value !== "") cell.value = value;
    });
  });
  ws.getColumn(1).width = 24;
  ws.getColumn(3).width = 40;
  return saveNamed(workbook, false, name, aside);
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A valid, unique (case-insensitive) sheet name. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = (
    wanted
      .replace(INVALID_SHEET_CHARS, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet"
  ).slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function writeSpecCell(ws: ExcelJS.Worksheet, spec: CellSpec, cacheResults: boolean): void {
  const cell = ws.getCell(spec.row + 1, spec.col + 1);
  const amount = spec.kind === "amount";
  if (spec.formula !== undefined) {
    const formula = spec.formula.replace(/^=/, "");
    const raw = spec.value?.trim();
    // "" is a saved empty-text result (IF(…,"",…)); null is no result at all.
    const result =
      !cacheResults || raw === undefined
        ? undefined
        : raw === ""
          ? ""
          : amount && DECIMAL.test(raw)
            ? Number(raw)
            : amount
              ? undefined
              : raw;
    cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellFormulaValue;
  } else if (spec.value !== null) {
    if (amount) {
      if (!DECIMAL.test(spec.value.trim())) {
        throw new XlsxError(
          "spec.invalid",
          `工作表“${ws.name}”单元格 ${cell.address} 的金额“${spec.value}”不是十进制数。`,
          `Sheet "${ws.name}" cell ${cell.address}: the amount "${spec.value}" is not a decimal number.`,
        );
      }
      cell.value = Number(spec.value.trim());
    } else cell.value = spec.value;
  }
  const format = spec.numberFormat ?? (amount ? AMOUNT_FORMAT : undefined);
  if (format) cell.numFmt = format;
  if (spec.bold) cell.font = { ...(cell.font ?? {}), bold: true };
  if (spec.align) cell.alignment = { ...(cell.alignment ?? {}), horizontal: spec.align, vertical: "middle" };
}

/**
 * Writes a {@link WorkbookSpec} as an .xlsx: amounts as numbers formatted "#,##0.00", formulas with
 * their results, bold, alignment, merges and column widths. A formula cell's `value` is saved as its
 * result ("" for an empty-text result), so that readers that do not calculate (WPS previews, and
 * {@link readXlsx}) see what Excel shows; Excel still recalculates on open. A formula cell whose
 * `value` is null is saved without a result, as is every formula with `cacheFormulaResults: false`.
 * Throws {@link XlsxError} ("spec.invalid") for an amount that is not a decimal string or overlapping merges.
 *
 * @example
 * ```ts
 * const bytes = await writeWorkbook(templateWorkbook({ department: "某某局", year: 2024 }));
 * ```
 */
export async function writeWorkbook(
  spec: WorkbookSpec,
  options?: { cacheFormulaResults?: boolean },
): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const taken = new Set<string>();
  for (const sheet of spec.sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, taken));
    for (const cell of sheet.cells) writeSpecCell(ws, cell, options?.cacheFormulaResults ?? true);
    for (const m of sheet.merges) mergeInto(ws, m);
    sheet.columnWidths.forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
  }
  return save(workbook, true);
}

function mergeInto(ws: ExcelJS.Worksheet, m: CellRange): void {
  if (m.top === m.bottom && m.left === m.right) return;
  try {
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  } catch (e) {
    throw new XlsxError(
      "spec.invalid",
      `工作表“${ws.name}”的合并区域重叠。`,
      `Sheet "${ws.name}" has overlapping merged ranges.`,
      { cause: e },
    );
  }
}

const MONEY_TEXT = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2})$/;

/**
 * How a text cell holding a money figure is written: the number and a format under which it shows
 * the same text. Undefined for anything else (codes, years, percentages, words).
 *
 * @example
 * ```ts
 * amountCell("1,234.50"); // { value: 1234.5, numberFormat: "#,##0.00" }
 * amountCell("2010101");  // undefined
 * ```
 */
export function amountCell(text: string): { value: number; numberFormat: string } | undefined {
  const t = text.trim();
  if (!MONEY_TEXT.test(t)) return undefined;
  const parsed = parseAmount(t);
  if (!parsed.ok || parsed.blank) return undefined;
  const decimals = /\.(\d+)$/.exec(t)?.[1]?.length ?? 0;
  const numberFormat = (t.includes(",") ? "#,##0" : "0") + (decimals > 0 ? `.${"0".repeat(decimals)}` : "");
  // Excel stores doubles: the decimal string becomes a number only here, at the file boundary.
  const value = Number(parsed.amount.toString());
  // Only when reading back shows the very same text; anything else stays text.
  return formatNumber(value, numberFormat) === t ? { value, numberFormat } : undefined;
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function writeGridCell(ws: ExcelJS.Worksheet, row: number, source: Cell): void {
  const cell = ws.getCell(row + 1, source.col + 1);
  const format = source.numberFormat && source.numberFormat !== "General" ? source.numberFormat : undefined;
  if (source.formula !== undefined) {
    const result =
      typeof source.value === "number" || typeof source.value === "string" ? source.value : undefined;
    cell.value = (
      source.formulaWithoutResult || result === undefined
        ? { formula: source.formula }
        : { formula: source.formula, result }
    ) as ExcelJS.CellFormulaValue;
  } else if (typeof source.value === "number" || typeof source.value === "boolean") {
    cell.value = source.value;
  } else if (typeof source.value === "string" && source.value !== "") {
    const amount = amountCell(source.value);
    if (amount) {
      cell.value = amount.value;
      cell.numFmt = amount.numberFormat;
      return;
    }
    cell.value = source.value;
    // Digit strings (classification codes, years) stay text when the user edits them.
    if (/^\s*[\d.,-]+\s*$/.test(source.value)) cell.numFmt = "@";
    return;
  }
  if (format) cell.numFmt = format;
}

interface Placement {
  sheet: number;
  row: number;
}

/**
 * Writes a {@link Grid} as an .xlsx. With `split`, the given 0-based inclusive row ranges of the first
 * sheet become sheets of their own; its remaining rows go, in order, to a first sheet named "说明".
 * Other sheets follow as they are. Text stays text, except money figures (two decimals or thousands
 * separators, as parseAmount reads them) which become numbers formatted to show the same text.
 *
 * @example
 * ```ts
 * const doc = readTextDocument(text, "预算.txt");
 * if (doc.ok) await gridToWorkbook(doc.grid, [{ sheetName: "T1 财务收支预算总表", rows: [12, 40] }]);
 * ```
 */
export async function gridToWorkbook(
  grid: Grid,
  split?: ReadonlyArray<{ sheetName: string; rows: readonly [number, number] }>,
): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const taken = new Set<string>();
  const [first, ...rest] = grid.sheets;
  if (first && split && split.length > 0) {
    const names = split.map((s) => s.sheetName);
    const place: (Placement | undefined)[] = [];
    const counts = new Array<number>(split.length + 1).fill(0);
    for (let r = 0; r < first.rows.length; r++) {
      const target = split.findIndex((s) => r >= Math.min(...s.rows) && r <= Math.max(...s.rows));
      const sheet = target < 0 ? split.length : target;
      place[r] = { sheet, row: counts[sheet]!++ };
    }
    const parts: { name: string; index: number }[] = [];
    if (counts[split.length]! > 0) parts.push({ name: "说明", index: split.length });
    for (const [index, name] of names.entries()) parts.push({ name, index });
    const sheets = new Map<number, ExcelJS.Worksheet>();
    for (const part of parts) sheets.set(part.index, workbook.addWorksheet(sheetName(part.name, taken)));
    copyRows(first, sheets, place);
    for (const m of first.merges ?? []) {
      const a = place[m.top];
      const b = place[m.bottom];
      if (!a || !b || a.sheet !== b.sheet || b.row - a.row !== m.bottom - m.top) continue;
      mergeInto(sheets.get(a.sheet)!, { top: a.row, bottom: b.row, left: m.left, right: m.right });
    }
  } else if (first) {
    rest.unshift(first);
  }
  for (const sheet of rest) {
    const ws = workbook.addWorksheet(sheetName(sheet.name, taken), sheet.hidden ? { state: "hidden" } : {});
    const place = sheet.rows.map((_, r) => ({ sheet: 0, row: r }));
    copyRows(sheet, new Map([[0, ws]]), place);
    for (const m of sheet.merges ?? []) mergeInto(ws, m);
  }
  if (workbook.worksheets.length === 0) workbook.addWorksheet("Sheet1");
  return save(workbook, true);
}

function copyRows(
  sheet: Sheet,
  targets: Map<number, ExcelJS.Worksheet>,
  place: ReadonlyArray<Placement | undefined>,
): void {
  const widths = new Map<ExcelJS.Worksheet, number[]>();
  const hidden = new Set(sheet.hiddenRows ?? []);
  sheet.rows.forEach((row, r) => {
    const at = place[r];
    const ws = at && targets.get(at.sheet);
    if (!at || !ws) return;
    if (hidden.has(r)) ws.getRow(at.row + 1).hidden = true;
    const w = widths.get(ws) ?? [];
    widths.set(ws, w);
    for (const cell of row) {
      if (!cell) continue;
      writeGridCell(ws, at.row, cell);
      w[cell.col] = Math.max(w[cell.col] ?? 0, displayWidth(cell.text));
    }
  });
  for (const [ws, w] of widths) {
    w.forEach((chars, c) => {
      ws.getColumn(c + 1).width = Math.min(60, Math.max(8, chars + 2));
    });
  }
}
