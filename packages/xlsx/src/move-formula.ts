/**
 * Moving a formula to another cell, as Excel does for each clone of a shared formula (one `<f>` written
 * once, with a `ref`, and referred to by `si` from the cells that repeat it).
 */
import { columnIndex, columnLetters, MAX_COL, MAX_ROW } from "./cell-ref";

/** Excel's longest formula; a longer one is kept as text and never moved or worked out. */
const MAX_FORMULA_LENGTH = 8192;

// One pass over a formula: string literals, quoted sheet names and bracketed (table or external)
// references are kept as they are; cell references, column ranges and row ranges move; names,
// functions and numbers are kept.
const FORMULA_TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!$])|(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w.(!])|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(!])|[A-Za-z_\\][\w.\\]*\(?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/g;

/**
 * Moves a formula's relative references by a number of rows and columns, as Excel does for each
 * cell of a shared formula: `$` parts stay, text in quotes stays, a reference moved off the sheet
 * becomes #REF!.
 *
 * @example
 * ```ts
 * moveFormula("B6*2+$A$1", 0, 1);      // "C6*2+$A$1"
 * moveFormula("SUM(B2:B5)", 3, 0);     // "SUM(B5:B8)"
 * moveFormula('"A1"&A1', 1, 0);        // '"A1"&A2'
 * ```
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  // Longer than Excel allows: not a formula to move (and the token pattern stays linear in practice).
  if ((rows === 0 && cols === 0) || formula.length > MAX_FORMULA_LENGTH) return formula;
  const col = (abs: string, l: string): string | undefined => {
    const c = columnIndex(l.toUpperCase());
    if (c >= MAX_COL) return undefined;
    const moved = abs ? c : c + cols;
    return moved < 0 || moved >= MAX_COL ? "" : abs + columnLetters(moved);
  };
  const row = (abs: string, digits: string): string => {
    const r = Number(digits) - 1;
    const moved = abs ? r : r + rows;
    return moved < 0 || moved >= MAX_ROW ? "" : abs + String(moved + 1);
  };
  return formula.replace(FORMULA_TOKEN, (whole: string, ...g: (string | undefined)[]) => {
    if (g[1] !== undefined) {
      const a = col(g[0]!, g[1]);
      const b = col(g[2]!, g[3]!);
      if (a === undefined || b === undefined) return whole;
      return a && b ? `${a}:${b}` : "#REF!";
    }
    if (g[5] !== undefined) {
      const a = row(g[4]!, g[5]);
      const b = row(g[6]!, g[7]!);
      return a && b ? `${a}:${b}` : "#REF!";
    }
    if (g[9] !== undefined) {
      const c = col(g[8]!, g[9]);
      if (c === undefined || Number(g[11]) > MAX_ROW || Number(g[11]) < 1) return whole;
      const r = row(g[10]!, g[11]!);
      return c && r ? c + r : "#REF!";
    }
    return whole;
  });
}
