/**
 * A1 references as SpreadsheetML writes them, and the sheet's bounds (1,048,576 rows by 16,384
 * columns, A to XFD). A reference outside them is not a cell, whatever a hostile part says.
 */
import { cellAddress, parseRange as parseGridRange, type CellRange } from "@yusuan/disclosure";

/** Rows in a sheet. */
export const MAX_ROW = 1_048_576;
/** Columns in a sheet (A to XFD). */
export const MAX_COL = 16_384;

/** 0-based index of column letters ("A" → 0, "AA" → 26); the letters must be upper case. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

/** Letters of a 0-based column (0 → "A"). */
export function columnLetters(col: number): string {
  return cellAddress(0, col).slice(0, -1);
}

/** 0-based row and column of a strict A1 reference ("B7"); undefined when it is not one in range. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0); c >= 65 && c <= 90 && i < 3; c = ref.charCodeAt(++i))
    col = col * 26 + c - 64;
  if (i === 0 || i === ref.length || ref.charCodeAt(i) === 48 || ref.length - i > 7) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return row <= MAX_ROW && col <= MAX_COL ? { row: row - 1, col: col - 1 } : undefined;
}

/**
 * Parses "A1:D3" (or "A1") into a 0-based range; undefined when it is not a cell range.
 *
 * @example
 * ```ts
 * parseRange("A1:D1"); // { top: 0, left: 0, bottom: 0, right: 3 }
 * ```
 */
export function parseRange(ref: string): CellRange | undefined {
  if (ref.length > 40) return undefined;
  const range = parseGridRange(ref.trim().toUpperCase());
  return range && range.bottom < MAX_ROW && range.right < MAX_COL ? range : undefined;
}
