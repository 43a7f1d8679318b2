/**
 * The host-neutral description of a workbook to write, the same shape as @yusuan/disclosure's
 * `WorkbookSpec` (templates and the nine tables built from budget lines), so either can be passed.
 */
import type { CellRange } from "@yusuan/disclosure";

/**
 * One cell to write. `row` and `col` are 0-based.
 *
 * @example
 * ```ts
 * const cell: CellSpec = { row: 6, col: 4, value: "1234.50", kind: "amount" };
 * ```
 */
export interface CellSpec {
  readonly row: number;
  readonly col: number;
  /** Text, or a plain decimal string in 元 for an amount; null for an empty (styled) cell. */
  readonly value: string | null;
  readonly kind?: "text" | "amount";
  /** Formula without the leading "="; `value` is its result ("" for empty text, null for none). */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly align?: "left" | "center" | "right";
}

/**
 * One sheet to write.
 *
 * @example
 * ```ts
 * const sheet: SheetSpec = { name: "T1 财务收支预算总表", cells: [], merges: [], columnWidths: [30, 16] };
 * ```
 */
export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ . */
  readonly name: string;
  readonly cells: ReadonlyArray<CellSpec>;
  readonly merges: ReadonlyArray<CellRange>;
  /** Widths in characters, by 0-based column. */
  readonly columnWidths: ReadonlyArray<number>;
}

/**
 * A whole workbook to write.
 *
 * @example
 * ```ts
 * const spec: WorkbookSpec = { sheets: [{ name: "说明", cells: [{ row: 0, col: 0, value: "2024年部门预算" }], merges: [], columnWidths: [40] }] };
 * ```
 */
export interface WorkbookSpec {
  readonly sheets: ReadonlyArray<SheetSpec>;
}
