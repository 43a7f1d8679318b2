/**
 * The seam between hosts and the engine. Excel (Office.js), an .xlsx file (exceljs) and a text
 * document all reduce to a Grid: named sheets of cells, each with its address, raw value, displayed
 * text and number format. Everything after the Grid is pure.
 */

/** A raw cell value as the host holds it. Numbers here are the host's own; money never stays a number. */
export type RawValue = string | number | boolean | null;

/** One cell of a sheet. */
export interface Cell {
  /** A1-style address within its sheet, e.g. "E7". */
  readonly address: string;
  /** 0-based row index within the sheet. */
  readonly row: number;
  /** 0-based column index within the sheet. */
  readonly col: number;
  /** The raw value (a number for numeric cells, a string for text, null for empty). */
  readonly value: RawValue;
  /** The text as displayed (under the number format); "" for an empty cell. */
  readonly text: string;
  /** The number format, e.g. "#,##0.00"; absent for text sources. */
  readonly numberFormat?: string;
  /** The formula without the leading "=", when the cell holds one. */
  readonly formula?: string;
  /** True when the cell holds a formula whose result was never computed and saved. */
  readonly formulaWithoutResult?: boolean;
}

/** A rectangular range of cells, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One sheet (a worksheet, or the single sheet a text document becomes). */
export interface Sheet {
  readonly name: string;
  /** rows[r][c]; a missing entry is an empty cell. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined>>;
  readonly merges?: ReadonlyArray<CellRange>;
  readonly hidden?: boolean;
  /** 0-based indexes of hidden rows. */
  readonly hiddenRows?: ReadonlyArray<number>;
  /**
   * For a sheet made from a text document: the 1-based line of the file for each row index
   * (rows[r] came from line lines[r]).
   */
  readonly lines?: ReadonlyArray<number>;
  /**
   * For a sheet made from a PDF: the 1-based page of each row (rows[r] was printed on page pages[r]);
   * `lines[r]` is then the 1-based printed line on that page.
   */
  readonly pages?: ReadonlyArray<number>;
}

/** Where a grid came from. */
export interface GridSource {
  readonly kind: "xlsx" | "text" | "excel" | "json" | "pdf";
  /** File name or workbook name, as the user knows it. */
  readonly name: string;
}

/** A whole workbook or document. */
export interface Grid {
  readonly source: GridSource;
  readonly sheets: ReadonlyArray<Sheet>;
}

/**
 * Converts a 0-based column index to letters: 0 → "A", 27 → "AB".
 *
 * @example
 * ```ts
 * columnLetters(25); // "Z"
 * columnLetters(26); // "AA"
 * ```
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A1 address of a 0-based row and column: (6, 4) → "E7".
 *
 * @example
 * ```ts
 * cellAddress(0, 0); // "A1"
 * cellAddress(6, 4); // "E7"
 * ```
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Parses an A1 address into 0-based row and column; undefined when it is not one.
 *
 * @example
 * ```ts
 * parseAddress("E7"); // { row: 6, col: 4 }
 * parseAddress("$B$2"); // { row: 1, col: 1 }
 * parseAddress("7E"); // undefined
 * ```
 */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Parses an A1 range ("B3:D9", "$B$3:$D$9") or a single cell ("E7") into a 0-based range, corners
 * in any order; undefined when it is not one.
 *
 * @example
 * ```ts
 * parseRange("B3:D9"); // { top: 2, left: 1, bottom: 8, right: 3 }
 * parseRange("E7");    // { top: 6, left: 4, bottom: 6, right: 4 }
 * ```
 */
export function parseRange(ref: string): CellRange | undefined {
  const [first = "", second, extra] = ref.split(":");
  if (extra !== undefined) return undefined;
  const start = parseAddress(first);
  const end = second === undefined ? start : parseAddress(second);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}
