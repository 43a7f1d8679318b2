/**
 * The identities the nine tables obey (domain §4, rules A1–A6 and B1–B3), as linear equations
 * `lhs = Σ parts` between cells of the document model. Fill solves them; nothing here reads a grid.
 */
import type { Amount } from "@yusuan/money";
import { expenditureLines } from "../rules/tables-a";
import {
  BUDGETS,
  classifiedColumns,
  FISCAL_SOURCES,
  IDENTITY_RULES,
  ROW_PARTS,
  T1_AMOUNT,
  T4_BUDGETS,
  T4_COLUMNS,
  T9_COLUMNS,
  T9_SUMS,
  TOTAL,
  type IdentityRule,
} from "../rules/identities";
import { parentOf } from "@yusuan/classification";
import type { ClassifiedTable, Disclosure, Figure, LineItem, Location, TwoSidedTable } from "../model";
import type { Template } from "../i18n";
import type { StandardTableId } from "../tables";

/**
 * The rule ids an identity can belong to (those of the checks that compare the same cells).
 *
 * @example
 * ```ts
 * const r: FillRule = "A3.row-identity";
 * ```
 */
export type FillRule = IdentityRule;

const R = IDENTITY_RULES;

/**
 * One amount cell of the document, present in the layout or not.
 *
 * @example
 * ```ts
 * const cell = identitySystem(d).cells.values().next().value; // { table: "T2", row: "201", column: "合计", … }
 * ```
 */
export interface CellRef {
  readonly key: string;
  readonly table: StandardTableId;
  /** Code, line key, "合计", "收入总计"/"支出总计"; undefined for T9's single row. */
  readonly row: string | undefined;
  readonly column: string;
  readonly unit: "元" | "万元";
  /** The printed figure; undefined when the layout has no such cell. */
  readonly figure: Figure | undefined;
  readonly location: Location | undefined;
}

/**
 * How an identity's terms are named in a reason: by column only, by row and column, or with the table too.
 *
 * @example
 * ```ts
 * const m: LabelMode = "column"; // "合计 = 基本支出 + 项目支出"
 * ```
 */
export type LabelMode = "column" | "row" | "full";

/**
 * `lhs = Σ parts` between cells; `when` makes it hold only under a condition on the current values.
 *
 * @example
 * ```ts
 * const a2 = identitySystem(d).identities.find((i) => i.rule === "A2.total-row");
 * ```
 */
export interface Identity {
  readonly rule: FillRule;
  readonly lhs: string;
  readonly parts: readonly string[];
  readonly mode: LabelMode;
  /** Reasons for long sums: when the lhs is solved, and when a part is. */
  readonly summary?: { readonly lhs: Template; readonly part: Template };
  readonly when?: (value: (key: string) => Amount | undefined) => boolean;
}

/**
 * All cells and identities of a disclosure.
 *
 * @example
 * ```ts
 * const { cells, identities }: IdentitySystem = identitySystem(d);
 * ```
 */
export interface IdentitySystem {
  readonly cells: ReadonlyMap<string, CellRef>;
  readonly identities: readonly Identity[];
}

/**
 * Row key of a classified table's 合计 row.
 *
 * @example
 * ```ts
 * patch.row === TOTAL_ROW; // the patch is in the 合计 row
 * ```
 */
export const TOTAL_ROW = TOTAL;

function keyOf(table: string, side: string, row: string | undefined, column: string): string {
  return [table, side, row ?? "", column].join("\u0001");
}

class Builder {
  readonly cells = new Map<string, CellRef>();
  readonly identities: Identity[] = [];

  cell(
    table: StandardTableId,
    side: string,
    row: string | undefined,
    column: string,
    figure?: Figure,
  ): string {
    const key = keyOf(table, side, row, column);
    const existing = this.cells.get(key);
    if (existing && (existing.figure || !figure)) return key;
    this.cells.set(key, {
      key,
      table,
      row,
      column,
      unit: table === "T9" ? "万元" : "元",
      figure,
      location: figure?.location,
    });
    return key;
  }

  add(identity: Identity): void {
    this.identities.push(identity);
  }
}

/**
 * Every amount cell of a disclosure and the identities between them, in the order fill tries them:
 * inside tables first (A1–A6), then between tables (B1–B3).
 *
 * @example
 * ```ts
 * const { cells, identities } = identitySystem(recognize(grid).disclosure);
 * identities.filter((i) => i.rule === "A2.total-row").length; // one per column of every classified table
 * ```
 */
export function identitySystem(d: Disclosure): IdentitySystem {
  const b = new Builder();
  const t = d.tables;
  const classified = [t.T2, t.T3, t.T5, t.T6, t.T7, t.T8].filter(
    (x): x is ClassifiedTable => x !== undefined,
  );
  for (const table of classified) registerClassified(b, table);
  if (t.T1) registerTwoSided(b, t.T1);
  if (t.T4) registerTwoSided(b, t.T4);
  if (t.T9) for (const c of T9_COLUMNS) b.cell("T9", "", undefined, c, t.T9.amounts[c]);

  for (const table of classified) parentSums(b, table);
  for (const table of classified) totalRows(b, table);
  for (const table of classified) rowIdentities(b, table);
  if (t.T1) t1Totals(b, t.T1);
  if (t.T4) t4Identities(b, t.T4);
  if (t.T9) t9Identities(b);
  t1FromOthers(b, d);
  t5FromT3(b, d);
  t4FromT5(b, d);
  return { cells: b.cells, identities: b.identities };
}

function registerClassified(b: Builder, table: ClassifiedTable): void {
  const columns = classifiedColumns(table.id);
  for (const item of table.items)
    for (const c of columns) b.cell(table.id, "", item.code, c, item.amounts[c]);
  if (table.total) for (const c of columns) b.cell(table.id, "", TOTAL_ROW, c, table.total.amounts[c]);
}

function lineColumns(table: TwoSidedTable, side: "in" | "out"): readonly string[] {
  if (table.id === "T1" || side === "in") return [T1_AMOUNT];
  return T4_COLUMNS;
}

function registerTwoSided(b: Builder, table: TwoSidedTable): void {
  const reg = (line: LineItem | undefined, side: "in" | "out") => {
    if (!line) return;
    for (const c of lineColumns(table, side)) b.cell(table.id, side, line.key, c, line.amounts[c]);
  };
  // A key printed twice (an unrecognised label) keeps its first line.
  for (const line of table.income) reg(line, "in");
  for (const line of table.expenditure) reg(line, "out");
  reg(table.incomeTotal, "in");
  reg(table.expenditureTotal, "out");
}

const PARENT_SUM: { lhs: Template; part: Template } = {
  lhs: { "zh-CN": "{row} {column} = 下级科目之和", en: "{row} {column} = sum of its sub-items" },
  part: {
    "zh-CN": "{row} {column} = 上级科目 {parent} − 其他下级科目",
    en: "{row} {column} = parent {parent} − the other sub-items",
  },
};
const TOTAL_SUM: { lhs: Template; part: Template } = {
  lhs: { "zh-CN": "合计 {column} = 各类之和", en: "Total {column} = sum of the 类 rows" },
  part: { "zh-CN": "{row} {column} = 合计 − 其他各类", en: "{row} {column} = total − the other 类 rows" },
};
const LINES_SUM: { lhs: Template; part: Template } = {
  lhs: { "zh-CN": "{row} = 各行之和", en: "{row} = sum of the lines" },
  part: { "zh-CN": "{row} = 总计 − 其他各行", en: "{row} = total − the other lines" },
};

function parentSums(b: Builder, table: ClassifiedTable): void {
  const codes = new Set(table.items.map((i) => i.code));
  const children = new Map<string, string[]>();
  for (const code of codes) {
    const parent = parentOf(code);
    if (parent !== undefined && codes.has(parent))
      children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  for (const [parent, kids] of children) {
    for (const c of classifiedColumns(table.id)) {
      b.add({
        rule: R.parentSum,
        lhs: keyOf(table.id, "", parent, c),
        parts: kids.map((k) => keyOf(table.id, "", k, c)),
        mode: "row",
        summary: PARENT_SUM,
      });
    }
  }
}

function totalRows(b: Builder, table: ClassifiedTable): void {
  if (!table.total) return;
  const codes = new Set(table.items.map((i) => i.code));
  // Rows whose ancestors are not printed add up to the total (normally the 类 rows).
  const top = table.items.filter((i) => {
    for (let p = parentOf(i.code); p !== undefined; p = parentOf(p)) if (codes.has(p)) return false;
    return true;
  });
  for (const c of classifiedColumns(table.id)) {
    b.add({
      rule: R.totalRow,
      lhs: keyOf(table.id, "", TOTAL_ROW, c),
      parts: top.map((i) => keyOf(table.id, "", i.code, c)),
      mode: "row",
      summary: TOTAL_SUM,
    });
  }
}

function rowIdentities(b: Builder, table: ClassifiedTable): void {
  const parts: readonly string[] = ROW_PARTS[table.id];
  const rows = table.items.map((i) => i.code);
  if (table.total) rows.push(TOTAL_ROW);
  for (const row of rows) {
    b.add({
      rule: R.rowParts,
      lhs: keyOf(table.id, "", row, TOTAL),
      parts: parts.map((p) => keyOf(table.id, "", row, p)),
      mode: "column",
    });
  }
}

function t1Totals(b: Builder, t1: TwoSidedTable): void {
  const k = (side: string, row: string) => keyOf("T1", side, row, T1_AMOUNT);
  const sources: readonly string[] = FISCAL_SOURCES;
  const main = [...new Set(t1.income.map((l) => l.key))].filter((key) => !sources.includes(key));
  if (t1.incomeTotal) {
    b.add({
      rule: R.t1Totals,
      lhs: k("in", "收入总计"),
      parts: main.map((m) => k("in", m)),
      mode: "row",
      summary: LINES_SUM,
    });
  }
  if (t1.expenditureTotal) {
    const lines = [...new Set(expenditureLines(t1).map((l) => l.key))];
    b.add({
      rule: R.t1Totals,
      lhs: k("out", "支出总计"),
      parts: lines.map((m) => k("out", m)),
      mode: "row",
      summary: LINES_SUM,
    });
  }
  if (t1.incomeTotal && t1.expenditureTotal) {
    b.add({ rule: R.t1Totals, lhs: k("in", "收入总计"), parts: [k("out", "支出总计")], mode: "row" });
    b.add({ rule: R.t1Totals, lhs: k("out", "支出总计"), parts: [k("in", "收入总计")], mode: "row" });
  }
  const present = new Set(t1.income.map((l) => l.key));
  if (present.has("财政拨款收入") && FISCAL_SOURCES.every((s) => present.has(s))) {
    b.add({
      rule: R.t1Totals,
      lhs: k("in", "财政拨款收入"),
      parts: FISCAL_SOURCES.map((s) => k("in", s)),
      mode: "row",
    });
  }
}

function t4Identities(b: Builder, t4: TwoSidedTable): void {
  const lines = [...new Set(t4.expenditure.map((l) => l.key))];
  const rows = t4.expenditureTotal ? [...lines, "支出总计"] : lines;
  for (const row of rows) {
    b.add({
      rule: R.t4Row,
      lhs: keyOf("T4", "out", row, TOTAL),
      parts: T4_BUDGETS.map((p) => keyOf("T4", "out", row, p)),
      mode: "column",
    });
  }
  if (t4.expenditureTotal) {
    for (const c of T4_COLUMNS) {
      b.add({
        rule: R.t4Totals,
        lhs: keyOf("T4", "out", "支出总计", c),
        parts: lines.map((l) => keyOf("T4", "out", l, c)),
        mode: "row",
        summary: LINES_SUM,
      });
    }
  }
  const income = [...new Set(t4.income.map((l) => l.key))];
  if (t4.incomeTotal) {
    b.add({
      rule: R.t4Totals,
      lhs: keyOf("T4", "in", "收入总计", "预算数"),
      parts: income.map((l) => keyOf("T4", "in", l, "预算数")),
      mode: "row",
      summary: LINES_SUM,
    });
  }
  if (t4.incomeTotal && t4.expenditureTotal) {
    b.add({
      rule: R.t4Totals,
      lhs: keyOf("T4", "in", "收入总计", "预算数"),
      parts: [keyOf("T4", "out", "支出总计", "合计")],
      mode: "row",
    });
    b.add({
      rule: R.t4Totals,
      lhs: keyOf("T4", "out", "支出总计", "合计"),
      parts: [keyOf("T4", "in", "收入总计", "预算数")],
      mode: "row",
    });
  }
  // Without carry-over, each source's income is spent in the year: income by source = expenditure by source.
  if (t4.expenditureTotal && !income.includes("上年结转")) {
    for (const { income: inKey, column: outCol } of BUDGETS) {
      if (!income.includes(inKey)) continue;
      b.add({
        rule: R.t4Totals,
        lhs: keyOf("T4", "in", inKey, "预算数"),
        parts: [keyOf("T4", "out", "支出总计", outCol)],
        mode: "row",
      });
    }
  }
}

function t9Identities(b: Builder): void {
  const k = (c: string) => keyOf("T9", "", undefined, c);
  // The subtotal first: the total takes it as a part.
  for (const sum of [...T9_SUMS].reverse())
    b.add({ rule: R.t9, lhs: k(sum.total), parts: sum.parts.map(k), mode: "column" });
}

function t1FromOthers(b: Builder, d: Disclosure): void {
  const { T1, T2, T3, T4 } = d.tables;
  if (!T1) return;
  const t1 = (side: string, row: string) => keyOf("T1", side, row, "预算数");
  const incomeKeys = new Set(T1.income.map((l) => l.key));
  if (T2?.total) {
    if (T1.incomeTotal)
      b.add({
        rule: R.t1t2t3,
        lhs: t1("in", "收入总计"),
        parts: [keyOf("T2", "", TOTAL_ROW, "合计")],
        mode: "full",
      });
    for (const c of ROW_PARTS.T2) {
      if (!incomeKeys.has(c)) continue;
      b.add({
        rule: c === "财政拨款收入" ? R.fiscalIncome : R.t1t2t3,
        lhs: t1("in", c),
        parts: [keyOf("T2", "", TOTAL_ROW, c)],
        mode: "full",
      });
    }
  }
  if (T3?.total) {
    if (T1.expenditureTotal)
      b.add({
        rule: R.t1t2t3,
        lhs: t1("out", "支出总计"),
        parts: [keyOf("T3", "", TOTAL_ROW, "合计")],
        mode: "full",
      });
    const t3Codes = new Set(T3.items.map((i) => i.code));
    for (const line of T1.expenditure) {
      if (!/^\d{3}$/.test(line.key)) continue;
      b.add({
        rule: R.t1t2t3,
        lhs: t1("out", line.key),
        // A 类 that T3 does not print has nothing: the T1 line is zero.
        parts: t3Codes.has(line.key) ? [keyOf("T3", "", line.key, "合计")] : [],
        mode: "full",
      });
    }
  }
  if (T2?.total && T3?.total) {
    b.add({
      rule: R.t1t2t3,
      lhs: keyOf("T2", "", TOTAL_ROW, "合计"),
      parts: [keyOf("T3", "", TOTAL_ROW, "合计")],
      mode: "full",
    });
  }
  if (T4) {
    if (incomeKeys.has("财政拨款收入") && T4.incomeTotal) {
      b.add({
        rule: R.fiscalIncome,
        lhs: t1("in", "财政拨款收入"),
        parts: [keyOf("T4", "in", "收入总计", "预算数")],
        mode: "full",
      });
    }
    const t4Income = new Set(T4.income.map((l) => l.key));
    for (const s of FISCAL_SOURCES) {
      if (!incomeKeys.has(s) || !t4Income.has(s)) continue;
      b.add({
        rule: R.fiscalIncome,
        lhs: t1("in", s),
        parts: [keyOf("T4", "in", s, "预算数")],
        mode: "full",
      });
    }
  }
}

/** Zero, or the table is absent or has no rows. */
function emptyTable(table: ClassifiedTable | undefined, value: (key: string) => Amount | undefined): boolean {
  if (!table || table.items.length === 0) return true;
  const total = value(keyOf(table.id, "", TOTAL_ROW, "合计"));
  return total?.isZero() === true;
}

function t5FromT3(b: Builder, d: Disclosure): void {
  const { T2, T3, T5, T6, T7 } = d.tables;
  if (!T3 || !T5 || !T2?.total) return;
  // All money is 一般公共预算 when every yuan of income is a fiscal appropriation and the two other
  // budgets (T6, T7) spend nothing: then T5 repeats T3 row for row.
  const when = (value: (key: string) => Amount | undefined): boolean => {
    const total = value(keyOf("T2", "", TOTAL_ROW, "合计"));
    const fiscal = value(keyOf("T2", "", TOTAL_ROW, "财政拨款收入"));
    return (
      total !== undefined &&
      fiscal !== undefined &&
      !total.isZero() &&
      total.equals(fiscal) &&
      emptyTable(T6, value) &&
      emptyTable(T7, value)
    );
  };
  const t5Rows = new Set(T5.items.map((i) => i.code));
  const rows = T3.items.map((i) => i.code).filter((c) => t5Rows.has(c));
  if (T3.total && T5.total) rows.push(TOTAL_ROW);
  for (const row of rows) {
    for (const c of classifiedColumns("T5")) {
      b.add({
        rule: R.fiscalIncome,
        lhs: keyOf("T5", "", row, c),
        parts: [keyOf("T3", "", row, c)],
        mode: "full",
        when,
      });
    }
  }
}

function t4FromT5(b: Builder, d: Disclosure): void {
  const { T4 } = d.tables;
  if (!T4) return;
  for (const budget of BUDGETS) {
    const table: ClassifiedTable | undefined = d.tables[budget.table];
    const column: string = budget.column;
    if (!table) continue;
    const codes = new Set(table.items.map((i) => i.code));
    for (const line of T4.expenditure) {
      if (!/^\d{3}$/.test(line.key)) continue;
      b.add({
        rule: R.t4t5t7,
        lhs: keyOf("T4", "out", line.key, column),
        parts: codes.has(line.key) ? [keyOf(table.id, "", line.key, "合计")] : [],
        mode: "full",
      });
    }
    if (T4.expenditureTotal && table.total) {
      b.add({
        rule: R.t4t5t7,
        lhs: keyOf("T4", "out", "支出总计", column),
        parts: [keyOf(table.id, "", TOTAL_ROW, "合计")],
        mode: "full",
      });
    }
  }
}
