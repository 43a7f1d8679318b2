/**
 * The Office.js adapter: the only module that calls `Excel.run`, `load` and `context.sync`.
 *
 * Every function works in a fixed number of round trips whatever the size of the workbook: loads and
 * writes are queued for all sheets and cells first, then synced once (no sync inside a loop). Where a
 * write must remember what it replaces (marks, fills), the load of the old state is queued before the
 * write in the same batch: Office runs a batch in order, so the load returns the state before the
 * write, and the whole operation costs one sync. A fill and its undo take two syncs in one batch: the
 * first reads the target cells and compares them with what the preview saw, the second writes only
 * when nothing changed (all cells or none).
 */
import {
  cellAddress,
  type Grid,
  type Sheet,
  type Cell,
  type CellRange,
  type WorkbookSpec,
} from "@yusuan/disclosure";
import { parseRect, rectAddress, splitAreas, splitSheet, type Rect } from "./a1";

/** `Excel.run` with the one overload the adapter uses; the fake workbook provides the same shape. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A cell of a sheet, as findings and patches locate it. */
export interface CellRef {
  readonly sheet: string;
  /** A1 address within the sheet, e.g. "E7". */
  readonly cell: string;
}

/** What a cell held before a write: enough to put it back exactly. */
export interface PriorContent extends CellRef {
  /** The cell's formula ("=…"), or its constant (number, string, boolean; "" when empty). */
  readonly formula: string | number | boolean;
  readonly numberFormat: string;
}

/** A cell's fill before a mark. */
export interface PriorFill extends CellRef {
  readonly color: string;
  readonly pattern: string;
  /**
   * The workbook name that refers to the marked cell. A name moves with its cell when rows or columns
   * are inserted or deleted, so clearing finds the cell where it is now; `sheet`/`cell` are where it was.
   */
  readonly name?: string;
  /** The id of the comment that says why the cell is marked, when one was added. */
  readonly comment?: string;
}

/** Options of {@link readWorkbook}. */
export interface ReadOptions {
  /** Read merged areas (needs ExcelApi 1.13; the caller checks the requirement set). */
  readonly merges?: boolean;
  /**
   * Whether the host has an ExcelApi set (`Office.context.requirements.isSetSupported("ExcelApi", v)`).
   * Without 1.4 the used ranges are read with `getUsedRange` (1.1); without 1.7 the workbook's name is
   * not read. Omitted: every set is assumed.
   */
  readonly supports?: (version: string) => boolean;
  /** Cells per read request (default {@link READ_CHUNK_CELLS}). */
  readonly chunkCells?: number;
}

/** The workbook setting under which the marks' previous fills are kept. */
export const MARKS_SETTING = "yusuan.marks";

/**
 * Reads every sheet of the workbook into a Grid (kind "excel") in three syncs: sheet names and
 * visibility; the used range of each sheet; then values, texts, number formats, formulas and merged
 * areas of every used range.
 * @example const grid = await readWorkbook(Excel.run, { merges: true });
 */
export async function readWorkbook(run: ExcelRun, options: ReadOptions = {}): Promise<Grid> {
  const supports = options.supports ?? (() => true);
  const chunkCells = Math.max(1, options.chunkCells ?? READ_CHUNK_CELLS);
  return run(async (context) => {
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const named = supports("1.7");
    if (named) workbook.load("name");
    await context.sync();

    const sheets = worksheets.items;
    // ExcelApi 1.1 has no null object: an empty sheet's used range is A1, which reads as one empty cell.
    const nullable = supports("1.4");
    const describe = (range: Excel.Range) => {
      range.load("address");
      const merged = options.merges ? range.getMergedAreasOrNullObject() : undefined;
      merged?.load("address");
      return { range, merged };
    };
    let used: { range: Excel.Range; merged: Excel.RangeAreas | undefined }[];
    if (nullable) {
      // A null object cannot be loaded: learn which sheets are empty first, then the others' extent.
      const ranges = sheets.map((ws) => ws.getUsedRangeOrNullObject(true));
      await context.sync();
      used = ranges.map((range) => (range.isNullObject ? { range, merged: undefined } : describe(range)));
    } else used = sheets.map((ws) => describe(ws.getUsedRange()));
    await context.sync();

    // The cells are read in blocks of whole rows, at most `chunkCells` cells per request, so that no
    // request or response passes Excel on the web's payload limit however large the workbook.
    const blocks = used.flatMap(({ range }, sheet) => {
      if (nullable && range.isNullObject) return [];
      const rect = parseRect(range.address);
      if (!rect) return [];
      const width = rect.right - rect.left + 1;
      const step = Math.max(1, Math.floor(chunkCells / width));
      const out: { sheet: number; rect: Rect }[] = [];
      for (let top = rect.top; top <= rect.bottom; top += step) {
        out.push({ sheet, rect: { ...rect, top, bottom: Math.min(rect.bottom, top + step - 1) } });
      }
      return out;
    });
    const rowsOf: (Cell | undefined)[][][] = sheets.map(() => []);
    for (let i = 0; i < blocks.length; ) {
      const batch: { sheet: number; rect: Rect; range: Excel.Range }[] = [];
      let cells = 0;
      while (i < blocks.length) {
        const b = blocks[i]!;
        const size = (b.rect.bottom - b.rect.top + 1) * (b.rect.right - b.rect.left + 1);
        if (batch.length > 0 && cells + size > chunkCells) break;
        const range = sheets[b.sheet]!.getRange(rectAddress(b.rect));
        range.load("values,text,numberFormat,formulas");
        batch.push({ ...b, range });
        cells += size;
        i++;
      }
      // The loop is over batches, not cells: Excel on the web refuses a request or response over 5 MB,
      // so a large workbook cannot be read in one sync, and each batch is as large as that allows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch
      await context.sync();
      for (const b of batch) addCells(rowsOf[b.sheet]!, b.rect, b.range);
    }

    const out: Sheet[] = sheets.map((ws, i) => {
      const hidden = ws.visibility !== "Visible";
      const merged = used[i]!.merged;
      const merges = merged && !merged.isNullObject ? parseAreas(merged.address) : undefined;
      const rows = rowsOf[i]!;
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
      return {
        name: ws.name,
        rows,
        ...(merges && merges.length > 0 ? { merges } : {}),
        ...(hidden ? { hidden } : {}),
      };
    });
    return { source: { kind: "excel", name: (named && workbook.name) || "Excel" }, sheets: out };
  });
}

/**
 * Cells per read request (values, texts, formats and formulas of each): about 1–2 MB of JSON for
 * budget tables, well under the 5 MB that Excel on the web allows per request and response.
 */
export const READ_CHUNK_CELLS = 20_000;

function parseAreas(address: string): CellRange[] {
  return splitAreas(address).flatMap((area) => {
    const rect = parseRect(area);
    return rect ? [rect] : [];
  });
}

/** Puts the non-empty cells of a block (values, texts, formats, formulas loaded) into the sheet's rows. */
function addCells(rows: (Cell | undefined)[][], origin: Rect, range: Excel.Range): void {
  range.values.forEach((line, r) => {
    const rowIndex = origin.top + r;
    const row = rows[rowIndex] ?? [];
    rows[rowIndex] = row;
    line.forEach((raw: unknown, c) => {
      const formula = range.formulas[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      if ((raw === "" || raw === null || raw === undefined) && !isFormula) return;
      const colIndex = origin.left + c;
      const value =
        raw === "" || raw === null || raw === undefined ? null : (raw as string | number | boolean);
      const numberFormat = range.numberFormat[r]?.[c];
      row[colIndex] = {
        address: cellAddress(rowIndex, colIndex),
        row: rowIndex,
        col: colIndex,
        value,
        text: String(range.text[r]?.[c] ?? ""),
        ...(typeof numberFormat === "string" ? { numberFormat } : {}),
        ...(isFormula ? { formula: formula.slice(1) } : {}),
      };
    });
  });
}

function rangeOf(context: Excel.RequestContext, ref: CellRef): Excel.Range {
  return context.workbook.worksheets.getItem(ref.sheet).getRange(ref.cell);
}

/**
 * Activates the sheet and selects one cell or range (one sync).
 * @example await selectCell(Excel.run, { sheet: "T3", cell: "E7" });
 */
export async function selectCell(run: ExcelRun, ref: CellRef): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(ref.sheet);
    ws.activate();
    ws.getRange(ref.cell).select();
    await context.sync();
  });
}

/**
 * What a cell holds, as a fill compares it: its value (null when empty), its formula when it has one,
 * and — when given — its number format and the text Excel shows.
 */
export interface CellContent {
  /** Number, text or boolean; null when the cell is empty. */
  readonly value: string | number | boolean | null;
  /** The formula without "=", when the cell has one. */
  readonly formula?: string;
  /** The number format; compared only when given. */
  readonly numberFormat?: string;
  /** The text Excel shows (for messages only: it also depends on the column width). */
  readonly text?: string;
}

/** A value to write into a cell, with what the cell held when the write was previewed. */
export interface CellWrite extends CellRef {
  /** A decimal string ("5812.12"); Excel reads it as a number. */
  readonly value: string;
  /** The cell as the preview saw it: the write is refused when the cell holds anything else now. */
  readonly expected?: CellContent;
}

/** A cell that a write or an undo left alone because it is not as expected. */
export interface ChangedCell extends CellRef {
  /** "changed": the cell differs from what was expected; "formula": the cell holds a formula, never overwritten. */
  readonly reason: "changed" | "formula";
  /** What the cell held when previewed (or right after the write, for an undo); undefined when unknown. */
  readonly was?: CellContent;
  /** What the cell holds now. */
  readonly now: CellContent;
}

/** Everything needed to undo one {@link writeCells}: the cells as they were, and as the write left them. */
export interface FillUndo {
  /** Each cell before the write (formula or constant, and number format), for {@link restoreCells}. */
  readonly prior: ReadonlyArray<PriorContent>;
  /** Each cell right after the write: an undo is refused when the user has changed it since. */
  readonly written: ReadonlyArray<CellRef & CellContent>;
}

/** The result of {@link writeCells} or {@link restoreCells}: done, or refused with the cells that stopped it. */
export type FillOutcome =
  | { readonly ok: true; readonly undo: FillUndo }
  | { readonly ok: false; readonly changed: ReadonlyArray<ChangedCell> };

/** The result of {@link restoreCells}. */
export type RestoreOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly changed: ReadonlyArray<ChangedCell> };

/** A range loaded for {@link contentOf}. */
const CONTENT_PROPS = "values,text,formulas,numberFormat";

/** The content of a one-cell range loaded with {@link CONTENT_PROPS}. */
function contentOf(range: Excel.Range): CellContent {
  const raw = range.values[0]?.[0] as unknown;
  const formula = range.formulas[0]?.[0] as unknown;
  const isFormula = typeof formula === "string" && formula.startsWith("=");
  return {
    value: raw === "" || raw === null || raw === undefined ? null : (raw as string | number | boolean),
    ...(isFormula ? { formula: formula.slice(1) } : {}),
    numberFormat: String(range.numberFormat[0]?.[0] ?? "General"),
    text: String(range.text[0]?.[0] ?? ""),
  };
}

/**
 * Whether a cell still holds what was expected: the same formula, or no formula and the same value;
 * and the same number format when one is expected. A number and the plain decimal string of that
 * number are the same value (a grid may hold an amount as its decimal). The text is not compared
 * (Excel shows "###" in a narrow column).
 * @example sameContent({ value: null }, { value: 5, numberFormat: "General" }) // false
 */
export function sameContent(expected: CellContent, now: CellContent): boolean {
  if (expected.formula !== now.formula) return false;
  if (expected.formula === undefined && !sameValue(expected.value, now.value)) return false;
  return expected.numberFormat === undefined || expected.numberFormat === now.numberFormat;
}

function sameValue(a: CellContent["value"], b: CellContent["value"]): boolean {
  if (a === b) return true;
  const decimal = (x: unknown): x is string => typeof x === "string" && /^-?\d+(\.\d+)?$/.test(x);
  if (typeof a === "number" && decimal(b)) return Number(b) === a;
  if (typeof b === "number" && decimal(a)) return Number(a) === b;
  return false;
}

/**
 * Writes values into cells, all or none, and returns what each cell held before (for
 * {@link restoreCells}). One `Excel.run`, two syncs: the first reads the target cells; when a cell
 * holds a formula, or differs from the `expected` content of its write (the user typed into it since
 * the preview), nothing is written and the cells are returned; otherwise the second sync writes every
 * value and reads the cells back as written. Values are decimal strings: Excel reads "5812.12" as a
 * number, so no amount passes through a JavaScript number here.
 * @example const outcome = await writeCells(Excel.run, [{ sheet: "T3", cell: "E7", value: "38233551.78", expected: { value: null } }]);
 */
export async function writeCells(run: ExcelRun, writes: ReadonlyArray<CellWrite>): Promise<FillOutcome> {
  return run(async (context) => {
    const entries = writes.map((w) => ({ w, range: rangeOf(context, w).load(CONTENT_PROPS) }));
    await context.sync();
    const changed: ChangedCell[] = [];
    for (const { w, range } of entries) {
      const now = contentOf(range);
      const where = { sheet: w.sheet, cell: w.cell };
      if (now.formula !== undefined)
        changed.push({ ...where, reason: "formula", ...(w.expected ? { was: w.expected } : {}), now });
      else if (w.expected && !sameContent(w.expected, now))
        changed.push({ ...where, reason: "changed", was: w.expected, now });
    }
    if (changed.length > 0) return { ok: false, changed };
    const after = entries.map(({ w }) => {
      const range = rangeOf(context, w);
      range.values = [[w.value]];
      // Loaded after the write in the same batch: Office runs a batch in order.
      return { w, range: range.load(CONTENT_PROPS) };
    });
    await context.sync();
    return {
      ok: true,
      undo: {
        prior: entries.map(({ w, range }) => ({
          sheet: w.sheet,
          cell: w.cell,
          formula: range.formulas[0]?.[0] as string | number | boolean,
          numberFormat: String(range.numberFormat[0]?.[0] ?? "General"),
        })),
        written: after.map(({ w, range }) => ({ sheet: w.sheet, cell: w.cell, ...contentOf(range) })),
      },
    };
  });
}

/**
 * Puts cells back as {@link writeCells} found them (number format, then formula or constant), all or
 * none. One `Excel.run`, two syncs: the first reads the cells; when one no longer holds what the write
 * left there (the user changed it since), nothing is restored and the cells are returned. Text that
 * Excel would read as a number or formula is written with a leading apostrophe, which Excel stores as
 * the plain text.
 * @example const outcome = await restoreCells(Excel.run, undo);
 */
export async function restoreCells(run: ExcelRun, undo: FillUndo): Promise<RestoreOutcome> {
  return run(async (context) => {
    const entries = undo.written.map((w) => ({ w, range: rangeOf(context, w).load(CONTENT_PROPS) }));
    await context.sync();
    const changed: ChangedCell[] = [];
    for (const { w, range } of entries) {
      const now = contentOf(range);
      const { sheet, cell, ...was } = w;
      if (!sameContent(was, now)) changed.push({ sheet, cell, reason: "changed", was, now });
    }
    if (changed.length > 0) return { ok: false, changed };
    for (const p of undo.prior) {
      const range = rangeOf(context, p);
      range.numberFormat = [[p.numberFormat]];
      const keepText =
        typeof p.formula === "string" &&
        p.formula !== "" &&
        !p.formula.startsWith("=") &&
        p.numberFormat !== "@";
      range.formulas = [[keepText ? `'${p.formula as string}` : p.formula]];
    }
    await context.sync();
    return { ok: true };
  });
}

/**
 * Fills cells with a colour in one sync and returns each cell's previous fill (colour and pattern).
 * @example const prior = await markCells(Excel.run, [{ sheet: "T3", cell: "E7", color: "#FDE7E9" }]);
 */
export async function markCells(
  run: ExcelRun,
  marks: ReadonlyArray<CellRef & { readonly color: string }>,
): Promise<PriorFill[]> {
  const stamp = Date.now().toString(36);
  return run(async (context) => {
    const entries = marks.map((m, i) => {
      const range = rangeOf(context, m);
      const fill = range.format.fill;
      fill.load("color,pattern");
      fill.color = m.color;
      const name = `${MARK_NAME_PREFIX}${stamp}_${i}`;
      context.workbook.names.add(name, range);
      return { m, fill, name };
    });
    await context.sync();
    return entries.map(({ m, fill, name }) => ({
      sheet: m.sheet,
      cell: m.cell,
      color: fill.color,
      pattern: fill.pattern,
      name,
    }));
  });
}

/**
 * Puts a comment on each cell saying why it is marked, so that a colleague without the add-in sees the
 * reason (ExcelApi 1.10; three syncs). A cell that already has a comment keeps it and gets none from us.
 * Returns the id of each comment added, by position (undefined where none was added).
 * @example const ids = await annotateCells(Excel.run, [{ sheet: "T3", cell: "E7", text: "预算检查：…" }]);
 */
export async function annotateCells(
  run: ExcelRun,
  notes: ReadonlyArray<CellRef & { readonly text: string }>,
): Promise<(string | undefined)[]> {
  return run(async (context) => {
    const comments = context.workbook.comments;
    comments.load("items");
    await context.sync();
    const locations = comments.items.map((c) => c.getLocation().load("address"));
    await context.sync();
    const taken = new Set(
      locations.map((l) => {
        const { sheet, local } = splitSheet(l.address);
        return `${sheet ?? ""}!${local.replaceAll("$", "")}`;
      }),
    );
    const added = notes.map((n) => {
      if (taken.has(`${n.sheet}!${n.cell}`)) return undefined;
      taken.add(`${n.sheet}!${n.cell}`);
      return comments.add(rangeOf(context, n), n.text).load("id");
    });
    await context.sync();
    return added.map((c) => c?.id);
  });
}

/**
 * Deletes the comments {@link annotateCells} added (one sync). A comment the user already deleted is
 * skipped: each id is looked up first.
 * @example await removeComments(Excel.run, ["{…}"]);
 */
export async function removeComments(run: ExcelRun, ids: ReadonlyArray<string>): Promise<void> {
  if (ids.length === 0) return;
  await run(async (context) => {
    const comments = context.workbook.comments;
    comments.load("items/id");
    await context.sync();
    const wanted = new Set(ids);
    for (const c of comments.items) if (wanted.has(c.id)) c.delete();
    await context.sync();
  });
}

/** Prefix of the workbook names that keep track of marked cells. */
export const MARK_NAME_PREFIX = "yusuan_mark_";

/**
 * Restores the fills {@link markCells} replaced, on the cells where they are now (found through their
 * names), and forgets the stored marks: two syncs.
 * @example await clearMarks(Excel.run, prior);
 */
export async function clearMarks(run: ExcelRun, prior: ReadonlyArray<PriorFill>): Promise<void> {
  await run(async (context) => {
    // Where each marked cell is now: through its name (it may have moved), else its address.
    const targets = prior.map((p) => {
      if (!p.name) return { p, item: undefined, range: rangeOf(context, p) };
      const item = context.workbook.names.getItemOrNullObject(p.name);
      return { p, item, range: item.getRangeOrNullObject() };
    });
    if (targets.some((t) => t.item)) await context.sync();
    for (const { p, item, range } of targets) {
      if (item) {
        if (item.isNullObject) continue;
        item.delete();
        // The marked cell itself was deleted: nothing left to restore.
        if (range.isNullObject) continue;
      }
      const fill = range.format.fill;
      if (p.pattern === "None") fill.clear();
      else {
        fill.color = p.color;
        if (p.pattern !== "Solid") fill.pattern = p.pattern as Excel.FillPattern;
      }
    }
    // Overwritten rather than deleted: deleting a missing setting would fail the whole batch.
    context.workbook.settings.add(MARKS_SETTING, "[]");
    await context.sync();
  });
}

/**
 * Keeps the marks' previous fills in the workbook settings, so that clearing works after the task pane
 * was closed (one sync).
 * @example await saveMarks(Excel.run, prior);
 */
export async function saveMarks(run: ExcelRun, prior: ReadonlyArray<PriorFill>): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(MARKS_SETTING, JSON.stringify(prior));
    await context.sync();
  });
}

/**
 * Reads the marks kept by {@link saveMarks} (one sync); [] when there are none or they are unreadable.
 * @example const prior = await loadMarks(Excel.run);
 */
export async function loadMarks(run: ExcelRun): Promise<PriorFill[]> {
  return run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject || typeof setting.value !== "string") return [];
    try {
      const parsed: unknown = JSON.parse(setting.value);
      return Array.isArray(parsed) ? parsed.filter(isPriorFill) : [];
    } catch {
      return [];
    }
  });
}

/** Which sheets are protected, and whether the workbook structure is (no sheet can be added). */
export interface Protection {
  readonly sheets: ReadonlyArray<string>;
  readonly structure: boolean;
  /** Every sheet of the workbook, hidden ones included: whether an action would add a sheet. */
  readonly names: ReadonlyArray<string>;
}

/**
 * Reads the protection of every sheet (ExcelApi 1.2) and of the workbook structure (1.7), in two syncs,
 * so that the pane can say which action is blocked before trying it. What the host cannot tell is
 * reported as unprotected.
 * @example const { sheets, structure } = await readProtection(Excel.run, (v) => Office.context.requirements.isSetSupported("ExcelApi", v));
 */
export async function readProtection(
  run: ExcelRun,
  supports: (version: string) => boolean = () => true,
): Promise<Protection> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const workbook = supports("1.7") ? context.workbook.protection : undefined;
    workbook?.load("protected");
    await context.sync();
    const structure = workbook?.protected === true;
    const names = worksheets.items.map((ws) => ws.name);
    if (!supports("1.2")) return { sheets: [], structure, names };
    const each = worksheets.items.map((ws) => ({
      name: ws.name,
      protection: ws.protection.load("protected"),
    }));
    await context.sync();
    return { sheets: each.filter((e) => e.protection.protected).map((e) => e.name), structure, names };
  });
}

/** The workbook setting listing the sheets the add-in generated (the 说明 sheet), which check skips. */
export const GENERATED_SETTING = "yusuan.generatedSheets";

/**
 * Names of the sheets the add-in generated, from the workbook settings (one sync); [] when none.
 * @example const skip = new Set(await loadGeneratedSheets(Excel.run));
 */
export async function loadGeneratedSheets(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(GENERATED_SETTING);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject || typeof setting.value !== "string") return [];
    try {
      const parsed: unknown = JSON.parse(setting.value);
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
    } catch {
      return [];
    }
  });
}

/**
 * Records the sheets the add-in generated (one sync).
 * @example await saveGeneratedSheets(Excel.run, ["预算编制说明"]);
 */
export async function saveGeneratedSheets(run: ExcelRun, names: ReadonlyArray<string>): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(GENERATED_SETTING, JSON.stringify([...new Set(names)]));
    await context.sync();
  });
}

function isPriorFill(x: unknown): x is PriorFill {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    ["sheet", "cell", "color", "pattern"].every((k) => typeof o[k] === "string") &&
    ["name", "comment"].every((k) => o[k] === undefined || typeof o[k] === "string")
  );
}

/**
 * Replaces the whole content of a sheet with text rows, creating it when missing (two syncs). The
 * cells get the text format so that fingerprints and codes stay text.
 * @example await writeTableSheet(Excel.run, "yusuan_waivers", rows, { hidden: true });
 */
export async function writeTableSheet(
  run: ExcelRun,
  name: string,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  options: { hidden?: boolean } = {},
): Promise<void> {
  await run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    const ws = existing.isNullObject ? context.workbook.worksheets.add(name) : existing;
    if (!existing.isNullObject) ws.getRange().clear("Contents");
    if (options.hidden) ws.visibility = "Hidden";
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.length > 0) {
      const range = ws.getRangeByIndexes(0, 0, rows.length, width);
      range.numberFormat = rows.map(() => Array.from({ length: width }, () => "@"));
      range.values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    }
    await context.sync();
  });
}

/**
 * Adds a new sheet (named `baseName`, or `baseName (2)`… when taken) holding one paragraph per row
 * in column A (two syncs). Returns the name used.
 * @example const name = await addTextSheet(Excel.run, "预算编制说明", paragraphs);
 */
export async function addTextSheet(
  run: ExcelRun,
  baseName: string,
  lines: ReadonlyArray<string>,
): Promise<string> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const name = freeName(baseName, new Set(worksheets.items.map((w) => w.name)));
    const ws = worksheets.add(name);
    if (lines.length > 0) {
      const range = ws.getRangeByIndexes(0, 0, lines.length, 1);
      range.numberFormat = lines.map(() => ["@"]);
      range.values = lines.map((l) => [l]);
    }
    ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 600;
    ws.activate();
    await context.sync();
    return name;
  });
}

/** A sheet name not yet taken, within Excel's 31 characters. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name)) return name;
  }
}

/** Approximate points per character of column width in Excel's default font. */
const POINTS_PER_CHAR = 7.5;

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

/**
 * Inserts the sheets of a workbook spec (the nine standard tables, for example) in two syncs: one to
 * learn the names taken, one to write values, formulas, number formats, bold, alignment, merges and
 * column widths. Returns the sheet names used.
 * @example const names = await insertWorkbook(Excel.run, templateWorkbook({ department: "…", year: 2025 }));
 */
export async function insertWorkbook(run: ExcelRun, spec: WorkbookSpec): Promise<string[]> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const taken = new Set(worksheets.items.map((w) => w.name));
    const names: string[] = [];
    for (const sheet of spec.sheets) {
      const name = freeName(sheet.name, taken);
      taken.add(name);
      names.push(name);
      const ws = worksheets.add(name);
      const height = Math.max(0, ...sheet.cells.map((c) => c.row + 1));
      const width = Math.max(0, ...sheet.cells.map((c) => c.col + 1));
      if (height > 0 && width > 0) {
        const formulas: string[][] = Array.from({ length: height }, () =>
          Array.from({ length: width }, () => ""),
        );
        const formats: string[][] = Array.from({ length: height }, () =>
          Array.from({ length: width }, () => "General"),
        );
        for (const c of sheet.cells) {
          formulas[c.row]![c.col] = c.formula !== undefined ? `=${c.formula}` : entryOf(c.value, c.kind);
          if (c.numberFormat !== undefined) formats[c.row]![c.col] = c.numberFormat;
        }
        const range = ws.getRangeByIndexes(0, 0, height, width);
        range.numberFormat = formats;
        range.formulas = formulas;
      }
      for (const c of sheet.cells) {
        if (!c.bold && !c.align) continue;
        const format = ws.getRangeByIndexes(c.row, c.col, 1, 1).format;
        if (c.bold) format.font.bold = true;
        if (c.align) format.horizontalAlignment = ALIGN[c.align];
      }
      for (const m of sheet.merges) {
        ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
      }
      sheet.columnWidths.forEach((chars, col) => {
        ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
      });
    }
    await context.sync();
    return names;
  });
}

/** What to type into a cell so that Excel stores this value: text that looks like a number keeps its text. */
function entryOf(value: string | null, kind: "text" | "amount" | undefined): string {
  if (value === null) return "";
  if (kind === "amount") return value;
  return /^[-+=\d.]/.test(value) ? `'${value}` : value;
}

/**
 * The sheet part of a location as this adapter reads it: "'T 3'!E7" → { sheet: "T 3", cell: "E7" }.
 * @example refOf("T3!E7") // { sheet: "T3", cell: "E7" }
 */
export function refOf(address: string): CellRef | undefined {
  const { sheet, local } = splitSheet(address);
  return sheet === undefined ? undefined : { sheet, cell: local };
}
