/**
 * Lays the cells read from a worksheet out in rows: sets aside a few stray cells far beyond the rest
 * (so that the used area stays the sheet's real one), leaves out the cells a merge covers, and keeps
 * the hidden rows that matter.
 */
import type { Cell, CellRange } from "@yusuan/disclosure";

/** A worksheet read into grid rows. */
export interface SheetContent {
  readonly rows: (Cell | undefined)[][];
  readonly merges: CellRange[];
  /** Hidden rows that hold a value or part of a merge, ascending. */
  readonly hiddenRows: number[];
  /** Cells with a value. */
  readonly cells: number;
  /** Formula cells with no saved result. */
  readonly formulasWithoutResult: number;
  /** Cells set aside because they lie far beyond the rest (how many, and the first addresses). */
  readonly strays?: { readonly count: number; readonly first: readonly string[] };
}

const EMPTY_ROW: ReadonlyArray<Cell | undefined> = Object.freeze([]);

/** Empty rows (columns) between the used area and a few stray cells beyond it that set those cells apart. */
const STRAY_ROW_GAP = 10_000;
const STRAY_COL_GAP = 1_000;

/**
 * Puts the cells in rows, leaving out those a merge covers, and keeps the hidden rows that count.
 * Fails only when two merges overlap.
 */
export function placeCells(
  all: Cell[],
  merges: CellRange[],
  hidden: number[],
  withoutResult: number,
): { readonly ok: true; readonly value: SheetContent } | { readonly ok: false; readonly reason: string } {
  if (all.some((c, i) => i > 0 && c.row < all[i - 1]!.row)) all.sort((a, b) => a.row - b.row);
  const strays: string[] = [];
  const cells = withoutStrays(all, strays);
  const laid = layRows(cells, merges);
  if (!laid) return { ok: false, reason: "合并单元格区域互相重叠 / merged ranges overlap" };
  return {
    ok: true,
    value: {
      rows: laid.rows,
      merges,
      hiddenRows: hiddenRowsThatCount(hidden, laid.rows, merges),
      cells: laid.count,
      formulasWithoutResult: withoutResult,
      strays: { count: all.length - cells.length, first: strays },
    },
  };
}

/**
 * The used area of a sheet is where its cells are: a few cells far beyond the rest (one at XFD1048576)
 * would stretch every row and column loop to the sheet's edge, so they are set aside, by index of
 * the first one. Returns the cells kept.
 */
function withoutStrays(cells: Cell[], strays: string[]): Cell[] {
  const few = (n: number): boolean => n <= Math.max(10, Math.floor(cells.length / 100));
  return withoutStrayColumns(withoutStrayRows(cells, strays, few), strays, few);
}

/** The cells above a gap of more than {@link STRAY_ROW_GAP} rows with only a few cells below it. */
function withoutStrayRows(cells: Cell[], strays: string[], few: (n: number) => boolean): Cell[] {
  const last = cells[cells.length - 1];
  if (!last || last.row <= STRAY_ROW_GAP) return cells;
  for (let i = 1; i < cells.length; i++) {
    if (cells[i]!.row - cells[i - 1]!.row > STRAY_ROW_GAP && few(cells.length - i)) {
      for (const c of cells.slice(i, i + 5)) strays.push(c.address);
      return cells.slice(0, i);
    }
  }
  return cells;
}

/** The cells left of a gap of more than {@link STRAY_COL_GAP} columns with only a few cells right of it. */
function withoutStrayColumns(cells: Cell[], strays: string[], few: (n: number) => boolean): Cell[] {
  let maxCol = 0;
  for (const c of cells) if (c.col > maxCol) maxCol = c.col;
  if (maxCol <= STRAY_COL_GAP) return cells;
  const cols = Uint16Array.from(cells, (c) => c.col).sort();
  for (let i = 1; i < cols.length; i++) {
    if (cols[i]! - cols[i - 1]! > STRAY_COL_GAP && few(cols.length - i)) {
      const limit = cols[i - 1]!;
      const far = cells.filter((c) => c.col > limit);
      for (const c of far.slice(0, 5)) strays.push(c.address);
      return cells.filter((c) => c.col <= limit);
    }
  }
  return cells;
}

/**
 * The cells by row and column, with those a merge covers (other than its top-left) left out and
 * every row up to the last one present; undefined when merges overlap.
 */
function layRows(
  cells: readonly Cell[],
  merges: readonly CellRange[],
): { rows: (Cell | undefined)[][]; count: number } | undefined {
  const index = new MergeIndex(merges);
  const rows: (Cell | undefined)[][] = [];
  let count = 0;
  for (const cell of cells) {
    const covering = index.at(cell.row, cell.col);
    if (covering === "overlap") return undefined;
    if (covering && (covering.top !== cell.row || covering.left !== cell.col)) continue;
    let row = rows[cell.row];
    if (row === undefined) {
      row = [];
      rows[cell.row] = row;
    }
    if (row[cell.col] === undefined) count++;
    row[cell.col] = cell;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= EMPTY_ROW as (Cell | undefined)[];
  return { rows, count };
}

/** A hidden row counts when it holds a value or part of a merge other than a lone top-left cell. */
function hiddenRowsThatCount(
  hidden: readonly number[],
  rows: readonly (Cell | undefined)[][],
  merges: readonly CellRange[],
): number[] {
  const hiddenRows: number[] = [];
  const index = new MergeIndex(merges);
  for (const r of [...new Set(hidden)].sort((a, b) => a - b)) {
    const hasValue = (rows[r]?.length ?? 0) > 0;
    if (hasValue || index.spansRow(r)) hiddenRows.push(r);
  }
  return hiddenRows;
}

/**
 * Which merge covers a cell, for rows visited in ascending order: the merges spanning the current
 * row, sorted by left column, searched by bisection.
 */
class MergeIndex {
  private readonly byTop: CellRange[];
  private next = 0;
  private active: CellRange[] = [];
  private row = -1;

  constructor(merges: readonly CellRange[]) {
    this.byTop = [...merges].sort((a, b) => a.top - b.top);
  }

  /** Moves to a row; false when two of the merges spanning it overlap. */
  private advance(row: number): boolean {
    if (row === this.row) return true;
    this.row = row;
    let changed = false;
    const kept = this.active.filter((m) => m.bottom >= row);
    if (kept.length !== this.active.length) changed = true;
    while (this.next < this.byTop.length && this.byTop[this.next]!.top <= row) {
      const m = this.byTop[this.next++]!;
      if (m.bottom >= row) {
        kept.push(m);
        changed = true;
      }
    }
    this.active = kept;
    if (changed) {
      kept.sort((a, b) => a.left - b.left);
      for (let i = 1; i < kept.length; i++) if (kept[i]!.left <= kept[i - 1]!.right) return false;
    }
    return true;
  }

  at(row: number, col: number): CellRange | undefined | "overlap" {
    if (this.byTop.length === 0) return undefined;
    if (!this.advance(row)) return "overlap";
    const a = this.active;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = a[mid]!;
      if (col < m.left) hi = mid - 1;
      else if (col > m.right) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  /** True when some merge has a covered (non top-left) cell in the row. */
  spansRow(row: number): boolean {
    if (this.byTop.length === 0) return false;
    this.advance(row);
    return this.active.some((m) => row > m.top || m.right > m.left);
  }
}
