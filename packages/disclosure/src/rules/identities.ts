/**
 * The budget identities, declared once: which columns of a table add up to which, which lines make up
 * which total, and which tables must agree (domain §4). The A and B checks read them to compare what is
 * printed; `fill` reads them to derive what is missing. Column and line names are the model's keys.
 */
import type { ClassifiedTable } from "../model";
import type { RuleId } from "./registry";

/** The row total column of a classified table and the printed 合计 row's key. */
export const TOTAL = "合计";

/**
 * The parts of each classified table's 合计 column, per row (A3.row-identity).
 *
 * @example
 * ```ts
 * ROW_PARTS.T3; // ["基本支出", "项目支出"]
 * ```
 */
export const ROW_PARTS = {
  T2: ["财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
  T3: ["基本支出", "项目支出"],
  T5: ["基本支出", "项目支出"],
  T6: ["基本支出", "项目支出"],
  T7: ["基本支出", "项目支出"],
  T8: ["人员经费", "公用经费"],
} as const satisfies Record<ClassifiedTable["id"], readonly string[]>;

/**
 * The amount columns of a classified table: 合计 and its parts.
 *
 * @example
 * ```ts
 * classifiedColumns("T8"); // ["合计", "人员经费", "公用经费"]
 * ```
 */
export function classifiedColumns(id: ClassifiedTable["id"]): readonly string[] {
  return [TOTAL, ...ROW_PARTS[id]];
}

/**
 * Table 1's one amount column (a 部门 version; a 单位 version adds {@link T1_SPLIT_COLUMNS}).
 *
 * @example
 * ```ts
 * line.amounts[T1_AMOUNT];
 * ```
 */
export const T1_AMOUNT = "预算数";

/**
 * Table 1 income lines that make up 财政拨款收入 (A4), not the income total; Table 4 prints them too (B2).
 *
 * @example
 * ```ts
 * FISCAL_SOURCES.includes("政府性基金"); // true
 * ```
 */
export const FISCAL_SOURCES = ["一般公共预算资金", "政府性基金", "国有资本经营预算"] as const;

/**
 * The columns a 单位 version of Table 1 splits each expenditure line into (A4), adding up to 预算数.
 *
 * @example
 * ```ts
 * T1_SPLIT_COLUMNS.length; // 3
 * ```
 */
export const T1_SPLIT_COLUMNS = ["人员经费", "公用经费", "项目支出"] as const;

/**
 * Table 4's three budget columns, adding up to its 合计 column on every expenditure row (A5).
 *
 * @example
 * ```ts
 * T4_COLUMNS; // ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
 * ```
 */
export const T4_BUDGETS = ["一般公共预算", "政府性基金预算", "国有资本经营预算"] as const;

/**
 * Table 4's expenditure columns: 合计 and the three budgets.
 *
 * @example
 * ```ts
 * T4_COLUMNS[0]; // "合计"
 * ```
 */
export const T4_COLUMNS = [TOTAL, ...T4_BUDGETS] as const;

/**
 * Each budget: its Table 4 column, the table that details it (B3: the column equals that table, by 类 and
 * in total) and its income line in Tables 1 and 4 (B2).
 *
 * @example
 * ```ts
 * BUDGETS.find((b) => b.table === "T6")?.column; // "政府性基金预算"
 * ```
 */
export const BUDGETS = [
  { column: "一般公共预算", table: "T5", income: "一般公共预算资金" },
  { column: "政府性基金预算", table: "T6", income: "政府性基金" },
  { column: "国有资本经营预算", table: "T7", income: "国有资本经营预算" },
] as const;

/**
 * Table 9's columns (万元).
 *
 * @example
 * ```ts
 * T9_COLUMNS.includes("运行费"); // true
 * ```
 */
export const T9_COLUMNS = [
  "合计",
  "因公出国(境)费",
  "公务接待费",
  "公务用车小计",
  "购置费",
  "运行费",
  "机关运行经费",
] as const;

/**
 * Table 9's two sums (A6): the 三公 total and the 公务用车 subtotal; `key` distinguishes their findings.
 *
 * @example
 * ```ts
 * T9_SUMS[1].parts; // ["购置费", "运行费"]
 * ```
 */
export const T9_SUMS = [
  { key: "total", total: "合计", parts: ["因公出国(境)费", "公务接待费", "公务用车小计"] },
  { key: "subtotal", total: "公务用车小计", parts: ["购置费", "运行费"] },
] as const;

/**
 * The 三公 ceilings (B6): Table 8's economic line may not exceed Table 9's column.
 *
 * @example
 * ```ts
 * SANGONG_CEILINGS[0]; // { code: "30217", column: "公务接待费" }
 * ```
 */
export const SANGONG_CEILINGS = [
  { code: "30217", column: "公务接待费" },
  { code: "30231", column: "运行费" },
  { code: "30212", column: "因公出国(境)费" },
] as const;

/**
 * The rule each kind of identity belongs to; fill tags the cells it derives with these, so a patch
 * names the rule a reader can look up.
 *
 * @example
 * ```ts
 * IDENTITY_RULES.t4t5t7; // "B3.t4-t5-t7"
 * ```
 */
export const IDENTITY_RULES = {
  parentSum: "A1.parent-sum",
  totalRow: "A2.total-row",
  rowParts: "A3.row-identity",
  t1Totals: "A4.t1-totals",
  t4Totals: "A5.t4-totals",
  t4Row: "A5.t4-row-identity",
  t9: "A6.t9-identity",
  t1t2t3: "B1.t1-t2-t3",
  fiscalIncome: "B2.fiscal-income",
  t4t5t7: "B3.t4-t5-t7",
} as const satisfies Record<string, RuleId>;

/**
 * A rule an identity can belong to.
 *
 * @example
 * ```ts
 * const r: IdentityRule = "A3.row-identity";
 * ```
 */
export type IdentityRule = (typeof IDENTITY_RULES)[keyof typeof IDENTITY_RULES];
