/**
 * A workbook to write, host-neutral: the template and the tables built from budget lines are
 * described as a {@link WorkbookSpec}; the xlsx package writes it to a file and the add-in to sheets.
 */
import { Amount, formatAmount } from "@yusuan/money";
import { cellAddress, type Cell, type CellRange, type Grid, type Sheet } from "../grid";

/**
 * One cell to write. `row` and `col` are 0-based, as in {@link CellRange}.
 *
 * @example
 * ```ts
 * const c: CellSpec = { row: 6, col: 4, value: "58121209.78", kind: "amount", formula: "SUM(F7:G7)", numberFormat: "#,##0.00" };
 * ```
 */
export interface CellSpec {
  row: number;
  col: number;
  /** Text, or a plain decimal string for amounts; null for an empty cell. */
  value: string | null;
  kind?: "text" | "amount";
  /** Without the leading "="; `value` then holds its computed result. */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  align?: "left" | "center" | "right";
}

/**
 * One sheet to write.
 *
 * @example
 * ```ts
 * const s: SheetSpec = { name: "表1 财务收支预算总表", cells: [], merges: [], columnWidths: [32, 18, 32, 18] };
 * ```
 */
export interface SheetSpec {
  /** e.g. "表1 财务收支预算总表" (at most 31 characters, none of []:*?/\). */
  name: string;
  cells: CellSpec[];
  merges: CellRange[];
  /** In characters, one per column from A. */
  columnWidths: number[];
}

/**
 * A workbook to write (template, or the nine tables built from budget lines).
 *
 * @example
 * ```ts
 * const spec: WorkbookSpec = templateWorkbook({ department: "某部门", year: 2025 });
 * ```
 */
export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/**
 * The number format of amount cells.
 *
 * @example
 * ```ts
 * cell.numberFormat === AMOUNT_FORMAT; // "#,##0.00"
 * ```
 */
export const AMOUNT_FORMAT = "#,##0.00";

/**
 * What a host would read back from a written {@link WorkbookSpec}: one sheet per sheet spec, each
 * cell with its value and its displayed text (amounts under "#,##0.00", formulas with the result
 * the spec carries). Nothing is evaluated. Used to check built workbooks with the recognizer.
 *
 * @example
 * ```ts
 * const grid = workbookSpecToGrid(templateWorkbook({ department: "某部门", year: 2025 }), "template.xlsx");
 * console.log(grid.sheets.length); // 9
 * ```
 */
export function workbookSpecToGrid(spec: WorkbookSpec, name = "workbook.xlsx"): Grid {
  const sheets: Sheet[] = spec.sheets.map((s) => {
    const rows: (Cell | undefined)[][] = [];
    for (const c of s.cells) {
      const row = rows[c.row] ?? [];
      rows[c.row] = row;
      const text = displayText(c);
      row[c.col] = {
        address: cellAddress(c.row, c.col),
        row: c.row,
        col: c.col,
        value: c.value,
        text,
        ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
        ...(c.formula !== undefined ? { formula: c.formula } : {}),
        ...(c.formula !== undefined && c.value === null ? { formulaWithoutResult: true } : {}),
      };
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: s.name, rows, merges: s.merges };
  });
  return { source: { kind: "xlsx", name }, sheets };
}

function displayText(c: CellSpec): string {
  if (c.value === null) return "";
  if (c.kind === "amount" && /^-?\d+(\.\d+)?$/.test(c.value)) return formatAmount(Amount.of(c.value));
  return c.value;
}

/** Characters a sheet name may not hold. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/**
 * Whether a sheet name is one Excel accepts: 1–31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe.
 *
 * @example
 * ```ts
 * isValidSheetName("表1 财务收支预算总表"); // true
 * isValidSheetName("a/b"); // false
 * ```
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !BAD_SHEET_CHARS.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}
