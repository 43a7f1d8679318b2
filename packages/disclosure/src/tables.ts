/**
 * The nine standard tables of a department budget disclosure (domain §3): titles, units, the
 * columns each carries and the header words that identify those columns. Recognition works from
 * these labels, never from fixed cell positions.
 */

/** Identifier of one of the nine tables. */
export type StandardTableId = "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7" | "T8" | "T9";

/** How a table's rows are shaped. */
export type TableShape = "two-sided" | "classified" | "single-row";

/** One amount column: a stable key and the header words that name it. */
export interface ColumnDefinition {
  readonly key: string;
  /** Header texts that identify the column, most specific first (compared after removing spaces). */
  readonly headers: readonly string[];
}

/** One of the nine tables. */
export interface TableDefinition {
  readonly id: StandardTableId;
  /** Title after "YYYY年部门" / "YYYY年单位", e.g. "财务收支预算总表". */
  readonly name: string;
  /** Alternative title endings seen in real documents. */
  readonly aliases: readonly string[];
  readonly unit: "元" | "万元";
  readonly shape: TableShape;
  /** For classified tables: which classification the codes follow. */
  readonly scheme?: "functional" | "economic-dept";
  readonly columns: readonly ColumnDefinition[];
  /** For T6/T7: the funding whose absence the empty-table note explains. */
  readonly emptyNoteSubject?: string;
}

const EXPENDITURE_COLUMNS: readonly ColumnDefinition[] = [
  { key: "合计", headers: ["合计", "小计"] },
  { key: "基本支出", headers: ["基本支出"] },
  { key: "项目支出", headers: ["项目支出"] },
];

/**
 * The nine tables in their published order.
 *
 * @example
 * ```ts
 * TABLE_DEFINITIONS.map((t) => t.id); // ["T1", "T2", …, "T9"]
 * TABLE_DEFINITIONS.filter((t) => t.unit === "万元").map((t) => t.id); // ["T9"]
 * ```
 */
export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  {
    id: "T1",
    name: "财务收支预算总表",
    aliases: ["收支预算总表", "财务收支总表"],
    unit: "元",
    shape: "two-sided",
    columns: [{ key: "预算数", headers: ["预算数", "金额"] }],
  },
  {
    id: "T2",
    name: "收入预算总表",
    aliases: [],
    unit: "元",
    shape: "classified",
    scheme: "functional",
    columns: [
      { key: "合计", headers: ["合计"] },
      { key: "财政拨款收入", headers: ["财政拨款收入", "财政拨款"] },
      { key: "事业收入", headers: ["事业收入"] },
      { key: "事业单位经营收入", headers: ["事业单位经营收入", "经营收入"] },
      { key: "其他收入", headers: ["其他收入"] },
    ],
  },
  {
    id: "T3",
    name: "支出预算总表",
    aliases: [],
    unit: "元",
    shape: "classified",
    scheme: "functional",
    columns: EXPENDITURE_COLUMNS,
  },
  {
    id: "T4",
    name: "财政拨款收支预算总表",
    aliases: [],
    unit: "元",
    shape: "two-sided",
    columns: [
      { key: "预算数", headers: ["预算数"] },
      { key: "合计", headers: ["合计"] },
      { key: "一般公共预算", headers: ["一般公共预算"] },
      { key: "政府性基金预算", headers: ["政府性基金预算", "政府性基金"] },
      { key: "国有资本经营预算", headers: ["国有资本经营预算", "国有资本经营"] },
    ],
  },
  {
    id: "T5",
    name: "一般公共预算支出功能分类预算表",
    aliases: ["一般公共预算支出预算表"],
    unit: "元",
    shape: "classified",
    scheme: "functional",
    columns: EXPENDITURE_COLUMNS,
  },
  {
    id: "T6",
    name: "政府性基金预算支出功能分类预算表",
    aliases: ["政府性基金预算支出预算表"],
    unit: "元",
    shape: "classified",
    scheme: "functional",
    columns: EXPENDITURE_COLUMNS,
    emptyNoteSubject: "政府性基金",
  },
  {
    id: "T7",
    name: "国有资本经营预算支出功能分类预算表",
    aliases: ["国有资本经营预算支出预算表"],
    unit: "元",
    shape: "classified",
    scheme: "functional",
    columns: EXPENDITURE_COLUMNS,
    emptyNoteSubject: "国有资本经营",
  },
  {
    id: "T8",
    name: "一般公共预算基本支出部门预算经济分类预算表",
    aliases: [
      "一般公共预算基本支出单位预算经济分类预算表",
      "一般公共预算基本支出经济分类预算表",
      "一般公共预算基本支出预算表",
    ],
    unit: "元",
    shape: "classified",
    scheme: "economic-dept",
    columns: [
      { key: "合计", headers: ["合计"] },
      { key: "人员经费", headers: ["人员经费"] },
      { key: "公用经费", headers: ["公用经费"] },
    ],
  },
  {
    id: "T9",
    name: "“三公”经费和机关运行经费预算表",
    aliases: ['"三公"经费和机关运行经费预算表', "三公经费和机关运行经费预算表", "“三公”经费预算表"],
    unit: "万元",
    shape: "single-row",
    columns: [
      { key: "合计", headers: ["合计"] },
      { key: "因公出国(境)费", headers: ["因公出国(境)费", "因公出国（境）费", "因公出国"] },
      { key: "公务接待费", headers: ["公务接待费"] },
      { key: "公务用车小计", headers: ["小计"] },
      { key: "购置费", headers: ["购置费", "公务用车购置费"] },
      { key: "运行费", headers: ["运行费", "公务用车运行费"] },
      { key: "机关运行经费", headers: ["机关运行经费"] },
    ],
  },
];

/**
 * The definition of one table.
 *
 * @example
 * ```ts
 * tableDefinition("T3").columns.map((c) => c.key); // ["合计", "基本支出", "项目支出"]
 * ```
 */
export function tableDefinition(id: StandardTableId): TableDefinition {
  return TABLE_DEFINITIONS.find((t) => t.id === id)!;
}

/**
 * The full title of a table for a year and kind.
 *
 * @example
 * ```ts
 * tableTitle("T1", 2025); // "2025年部门财务收支预算总表"
 * tableTitle("T2", 2025, "单位"); // "2025年单位收入预算总表"
 * ```
 */
export function tableTitle(id: StandardTableId, year: number, kind: "部门" | "单位" = "部门"): string {
  return `${year}年${kind}${tableDefinition(id).name}`;
}
