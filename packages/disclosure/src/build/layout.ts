/**
 * The standard layout of the nine tables (as the sample prints them): title, 编制部门 and 单位 lines,
 * two- or three-row merged headers, data rows, 合计 row, notes. Shared by the empty template and
 * the tables built from budget lines; amounts arrive computed, formulas are written beside them.
 */
import { Amount } from "@yusuan/money";
import { cellAddress, type CellRange } from "../grid";
import { tableDefinition, tableTitle, type StandardTableId } from "../tables";
import { AMOUNT_FORMAT, type CellSpec, type SheetSpec } from "./spec";

/**
 * Who and when a workbook is for.
 *
 * @example
 * ```ts
 * const o: WorkbookOptions = { department: "某部门", year: 2025, kind: "部门" };
 * ```
 */
export interface WorkbookOptions {
  readonly department: string;
  readonly year: number;
  readonly kind?: "部门" | "单位";
}

/**
 * A classified row: code, name, and one amount per column (undefined: zero).
 *
 * @example
 * ```ts
 * const row: LayoutRow = { code: "201", name: "一般公共服务支出", amounts: { 合计: Amount.of("100") } };
 * ```
 */
export interface LayoutRow {
  readonly code: string;
  readonly name: string;
  readonly amounts: Readonly<Record<string, Amount | undefined>>;
}

/**
 * Sheet name of a table (at most 31 characters).
 *
 * @example
 * ```ts
 * sheetName("T1"); // "表1 财务收支预算总表"
 * ```
 */
export function sheetName(id: StandardTableId): string {
  return `表${id.slice(1)} ${tableDefinition(id).name}`.slice(0, 31);
}

const CN_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/**
 * Chinese ordinal for the list markers of T1/T4 lines.
 *
 * @example
 * ```ts
 * chineseOrdinal(12); // "十二"
 * ```
 */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
}

/**
 * Builds one sheet's cells and merges.
 *
 * @example
 * ```ts
 * const w = new SheetWriter("表9 “三公”经费和机关运行经费预算表", [14]);
 * w.text(0, 0, "2025年部门“三公”经费和机关运行经费预算表", { bold: true });
 * const sheet = w.spec();
 * ```
 */
export class SheetWriter {
  private readonly cells = new Map<string, CellSpec>();
  private readonly merges: CellRange[] = [];
  constructor(
    private readonly name: string,
    private readonly widths: number[],
  ) {}

  text(row: number, col: number, value: string, extra: Partial<CellSpec> = {}): void {
    this.cells.set(`${row},${col}`, { row, col, value, kind: "text", ...extra });
  }

  /** An amount cell. Zero is left blank, as the tables print it, unless the cell holds a formula
   *  or `printZero` asks for "0.00". A formula over blank cells is saved with its result, 0: a formula
   *  without a result is one no checker (nor Excel's protected view) can read. */
  amount(
    row: number,
    col: number,
    value: Amount | undefined,
    formula?: string,
    printZero = formula !== undefined,
  ): void {
    const result = value ?? (formula !== undefined ? Amount.zero() : undefined);
    const shown = result === undefined || (result.isZero() && !printZero) ? null : result.toFixed(2);
    const cell: CellSpec = {
      row,
      col,
      value: shown,
      kind: "amount",
      numberFormat: AMOUNT_FORMAT,
      align: "right",
    };
    if (formula !== undefined) cell.formula = formula;
    this.cells.set(`${row},${col}`, cell);
  }

  /** A formula amount cell whose result is empty text (IF(…,"",…) over blank parts). */
  blankFormula(row: number, col: number, formula: string): void {
    this.cells.set(`${row},${col}`, {
      row,
      col,
      value: "",
      kind: "amount",
      numberFormat: AMOUNT_FORMAT,
      align: "right",
      formula,
    });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  spec(): SheetSpec {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return { name: this.name, cells, merges: this.merges, columnWidths: this.widths };
  }
}

/**
 * Writes the title, 编制部门 and 单位 lines (rows 0–1); returns the first free row.
 *
 * @example
 * ```ts
 * const first = head(w, "T3", { department: "某部门", year: 2025 }, 6); // 3
 * ```
 */
export function head(w: SheetWriter, id: StandardTableId, o: WorkbookOptions, lastCol: number): number {
  w.text(0, 0, tableTitle(id, o.year, o.kind ?? "部门"), { bold: true, align: "center" });
  w.merge(0, 0, 0, lastCol);
  w.text(1, 0, `编制${o.kind ?? "部门"}：${o.department}`, { align: "left" });
  w.merge(1, 0, 1, Math.max(0, lastCol - 1));
  w.text(1, lastCol, `单位：${tableDefinition(id).unit}`, { align: "right" });
  return 3;
}

/**
 * A1 reference of a 0-based cell.
 *
 * @example
 * ```ts
 * ref(6, 4); // "E7"
 * ```
 */
export function ref(row: number, col: number): string {
  return cellAddress(row, col);
}

/**
 * A SUM formula over single cells, or undefined when there are none.
 *
 * @example
 * ```ts
 * sumOf([[6, 4], [9, 4]]); // "SUM(E7,E10)"
 * ```
 */
export function sumOf(cells: readonly [number, number][]): string | undefined {
  if (cells.length === 0) return undefined;
  return `SUM(${cells.map(([r, c]) => ref(r, c)).join(",")})`;
}

/**
 * Columns and header words of a classified table.
 *
 * @example
 * ```ts
 * classifiedLayout("T8").firstAmount; // 3 (类, 款, name, then amounts)
 * ```
 */
export function classifiedLayout(id: "T2" | "T3" | "T5" | "T6" | "T7" | "T8") {
  const def = tableDefinition(id);
  const economic = id === "T8";
  const codeCols = economic ? 2 : 3;
  const group: Record<typeof id, string> = {
    T2: "收入预算",
    T3: "支出预算",
    T5: "一般公共预算支出",
    T6: "政府性基金预算支出",
    T7: "国有资本经营预算支出",
    T8: "一般公共预算基本支出",
  };
  return {
    economic,
    codeCols,
    nameCol: codeCols,
    firstAmount: codeCols + 1,
    columns: def.columns.map((c) => c.key),
    group: group[id],
    codeHeader: economic ? "部门预算经济分类科目编码" : "功能分类科目编码",
    nameHeader: economic ? "经济分类科目名称" : "功能分类科目名称",
  };
}

/**
 * Writes the three header rows of a classified table from row `r`; returns the first data row.
 *
 * @example
 * ```ts
 * const firstData = classifiedHeader(w, "T3", 3); // 6
 * ```
 */
export function classifiedHeader(
  w: SheetWriter,
  id: "T2" | "T3" | "T5" | "T6" | "T7" | "T8",
  r: number,
): number {
  const l = classifiedLayout(id);
  const last = l.firstAmount + l.columns.length - 1;
  const bold = { bold: true, align: "center" as const };
  w.text(r, 0, "项目", bold);
  w.merge(r, 0, r, l.nameCol);
  w.text(r, l.firstAmount, l.group, bold);
  w.merge(r, l.firstAmount, r, last);
  w.text(r + 1, 0, l.codeHeader, bold);
  w.merge(r + 1, 0, r + 1, l.codeCols - 1);
  w.text(r + 1, l.nameCol, l.nameHeader, bold);
  w.merge(r + 1, l.nameCol, r + 2, l.nameCol);
  l.columns.forEach((c, i) => {
    w.text(r + 1, l.firstAmount + i, c, bold);
    w.merge(r + 1, l.firstAmount + i, r + 2, l.firstAmount + i);
  });
  for (const [i, lv] of (l.economic ? ["类", "款"] : ["类", "款", "项"]).entries())
    w.text(r + 2, i, lv, bold);
  return r + 3;
}

/**
 * Column widths of a classified table, in characters.
 *
 * @example
 * ```ts
 * classifiedWidths("T3"); // [6, 6, 6, 36, 18, 18, 18]
 * ```
 */
export function classifiedWidths(id: "T2" | "T3" | "T5" | "T6" | "T7" | "T8"): number[] {
  const l = classifiedLayout(id);
  return [...Array.from({ length: l.codeCols }, () => 6), 36, ...l.columns.map(() => 18)];
}

/** Header and total labels: bold and centred. */
export const BOLD = { bold: true, align: "center" } as const;

const TWO_SIDED = {
  T1: {
    widths: [32, 18, 32, 18],
    left: "本年收入",
    right: "本年支出",
    headers: ["项目", "预算数", "项目", "预算数"],
  },
  T4: {
    widths: [28, 18, 28, 18, 18, 18, 18],
    left: "财政拨款收入",
    right: "财政拨款支出",
    headers: ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
  },
} as const;

/**
 * Starts a two-sided table (T1 or T4): title lines, then the merged 收入/支出 header row and the column
 * header row. Returns the writer and the first data row.
 *
 * @example
 * ```ts
 * const { w, r } = twoSidedStart("T1", { department: "某部门", year: 2025 }); // r: first data row
 * ```
 */
export function twoSidedStart(id: "T1" | "T4", o: WorkbookOptions): { w: SheetWriter; r: number } {
  const layout = TWO_SIDED[id];
  const last = layout.headers.length - 1;
  const w = new SheetWriter(sheetName(id), [...layout.widths]);
  const r = head(w, id, o, last);
  w.text(r, 0, layout.left, BOLD);
  w.merge(r, 0, r, 1);
  w.text(r, 2, layout.right, BOLD);
  w.merge(r, 2, r, last);
  for (const [i, h] of layout.headers.entries()) w.text(r + 1, i, h, BOLD);
  return { w, r: r + 2 };
}
