/**
 * A compact form of a Grid for passing between worker threads. A Grid is thousands of small cell
 * objects; cloning them one by one costs more than checking half of a file. Packed, each sheet's
 * cells are one flat array of primitives (row, column, value, text, number format index, formula,
 * flag) that the structured clone copies in bulk, and the receiver rebuilds the cells in one loop.
 */
import { cellAddress, type Cell, type Grid, type Sheet } from "@yusuan/disclosure";

/** Fields per cell in {@link PackedSheet.cells}. */
const STRIDE = 7;

/** A sheet with its cells flattened; every other field is the Sheet's own. */
export interface PackedSheet extends Omit<Sheet, "rows"> {
  /** Number of rows (rows.length of the sheet). */
  readonly rowCount: number;
  /** Lengths of the rows, so that a row keeps its length even when it ends in empty cells. */
  readonly rowLengths: readonly number[];
  /** row, col, value, text (0: the same as the value), number format index (-1: none), formula (null: none), 1 if formula without result. */
  readonly cells: ReadonlyArray<string | number | boolean | null>;
}

/** A Grid in packed form: plain arrays and strings, cheap to post to another thread. */
export interface PackedGrid {
  readonly source: Grid["source"];
  readonly formats: readonly string[];
  readonly sheets: readonly PackedSheet[];
}

/**
 * Packs a grid for `postMessage`.
 *
 * @example
 * ```ts
 * port.postMessage(packGrid(grid)); // the other side calls unpackGrid
 * ```
 */
export function packGrid(grid: Grid): PackedGrid {
  const formats: string[] = [];
  const formatIndex = new Map<string, number>();
  const sheets = grid.sheets.map((sheet): PackedSheet => {
    const { rows, ...rest } = sheet;
    const cells: Array<string | number | boolean | null> = [];
    const rowLengths: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      rowLengths.push(row.length);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        let f = -1;
        if (cell.numberFormat !== undefined) {
          f = formatIndex.get(cell.numberFormat) ?? -1;
          if (f < 0) {
            f = formats.push(cell.numberFormat) - 1;
            formatIndex.set(cell.numberFormat, f);
          }
        }
        // A text cell's displayed text is its value: sent once (0 in the text's place).
        cells.push(
          cell.row,
          cell.col,
          cell.value,
          cell.text === cell.value ? 0 : cell.text,
          f,
          cell.formula ?? null,
          cell.formulaWithoutResult ? 1 : 0,
        );
      }
    }
    return { ...rest, rowCount: rows.length, rowLengths, cells };
  });
  return { source: grid.source, formats, sheets };
}

/**
 * Rebuilds the grid that {@link packGrid} packed; the result equals the original grid.
 *
 * @example
 * ```ts
 * port.on("message", (packed: PackedGrid) => analyze(unpackGrid(packed)));
 * ```
 */
export function unpackGrid(packed: PackedGrid): Grid {
  const sheets = packed.sheets.map((p): Sheet => {
    const { rowCount, rowLengths, cells, ...rest } = p;
    const rows: Array<Array<Cell | undefined>> = new Array(rowCount);
    for (let r = 0; r < rowCount; r++) rows[r] = new Array<Cell | undefined>(rowLengths[r] ?? 0);
    for (let i = 0; i < cells.length; i += STRIDE) {
      const row = cells[i] as number;
      const col = cells[i + 1] as number;
      const f = cells[i + 4] as number;
      const formula = cells[i + 5] as string | null;
      const cell: { -readonly [K in keyof Cell]: Cell[K] } = {
        address: cellAddress(row, col),
        row,
        col,
        value: cells[i + 2] as Cell["value"],
        text: (cells[i + 3] === 0 ? cells[i + 2] : cells[i + 3]) as string,
      };
      if (f >= 0) cell.numberFormat = packed.formats[f]!;
      if (formula !== null) cell.formula = formula;
      if (cells[i + 6] === 1) cell.formulaWithoutResult = true;
      rows[row]![col] = cell;
    }
    return { ...rest, rows };
  });
  return { source: packed.source, sheets };
}
