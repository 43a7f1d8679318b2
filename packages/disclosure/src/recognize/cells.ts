/**
 * Cell access for the table readers: a sheet's trimmed cell texts with their locations, and a cell text
 * read as an amount. Amount parsing is cached because locating and reading a table parse the same
 * texts several times.
 */
import { parseAmount as parseAmountUncached, type ParsedAmount } from "@yusuan/money";
import { cellAddress, type Cell, type Sheet } from "../grid";
import type { Figure, Location } from "../model";

// The same cell texts are parsed several times while a table is located and read.
const parsed = new Map<string, ParsedAmount>();
function parseAmount(text: string): ParsedAmount {
  let p = parsed.get(text);
  if (!p) {
    if (parsed.size > 50_000) parsed.clear();
    p = parseAmountUncached(text);
    parsed.set(text, p);
  }
  return p;
}

/** Cell texts of a sheet, with locations. */
export class SheetView {
  readonly rowCount: number;
  private readonly cache = new Map<number, string[]>();
  constructor(readonly sheet: Sheet) {
    this.rowCount = sheet.rows.length;
  }
  texts(r: number): string[] {
    let t = this.cache.get(r);
    if (!t) {
      const row = this.sheet.rows[r] ?? [];
      t = Array.from(row, (c: Cell | undefined) => (c ? cellText(c) : ""));
      while (t.length > 0 && t[t.length - 1] === "") t.pop();
      this.cache.set(r, t);
    }
    return t;
  }
  loc(r: number, c: number): Location {
    const line = this.sheet.lines?.[r];
    const page = this.sheet.pages?.[r];
    if (line !== undefined && page !== undefined) {
      return (this.sheet.rows[r]?.length ?? 0) > 1 ? { page, line, column: c + 1 } : { page, line };
    }
    if (line !== undefined) return { line };
    const cell = this.sheet.rows[r]?.[c];
    return { sheet: this.sheet.name, cell: cell?.address ?? cellAddress(r, c) };
  }
}

function cellText(c: Cell): string {
  if (c.text !== "") return c.text.trim();
  if (c.value === null || c.value === undefined) return "";
  return String(c.value).trim();
}

/** The column of a row's first non-empty cell, 0 for an empty row. */
export function firstCol(view: SheetView, r: number): number {
  const t = view.texts(r);
  const i = t.findIndex((c) => c !== "");
  return Math.max(i, 0);
}

/** The index of the first non-empty cell, -1 for none. */
export function firstNonEmpty(t: string[]): number {
  return t.findIndex((c) => c !== "");
}

/** Reads a figure from a cell text; `{ bad }` when the cell holds text that is no amount. */
export function figure(text: string, location: Location): Figure | { bad: string } {
  const p = parseAmount(text);
  if (!p.ok) return { bad: text };
  if (p.blank) return { value: "0", decimals: 0, text, blank: true, location };
  return { value: p.amount.toString(), decimals: p.decimals, text, blank: false, location };
}

/** Whether a cell read as an amount (or a blank mark) rather than as other text. */
export function isFigure(f: Figure | { bad: string }): f is Figure {
  return !("bad" in f);
}

/** An amount that is not a blank cell. */
export function looksLikeAmount(text: string): boolean {
  const p = parseAmount(text);
  return p.ok && !p.blank;
}

/** A blank cell: "", "—", "-", "零" (all mean zero). */
export function isBlankMark(text: string): boolean {
  const p = parseAmount(text);
  return p.ok && p.blank;
}
