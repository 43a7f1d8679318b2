import type { ClassifiedRow, ClassifiedTable, Disclosure, Figure, LineItem } from "../model";
import { defineRules, type RuleContext } from "./engine";
import { expectEqual, expectSum, type Side } from "./compare";
import {
  FISCAL_SOURCES,
  ROW_PARTS,
  T1_AMOUNT,
  T1_SPLIT_COLUMNS,
  T4_BUDGETS,
  T4_COLUMNS,
  T9_SUMS,
  TOTAL,
} from "./identities";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** Rules A1–A6: identities inside one table. */
export const tableRules = defineRules([
  {
    id: "A1.parent-sum",
    severity: "error",
    title: T("上级科目等于下级科目之和", "A parent row equals the sum of its children"),
    description: T(
      "功能分类每个“类”等于其下各“款”之和，每个“款”等于其下各“项”之和；经济分类每个“类”等于其下各“款”之和（每个金额列）。",
      "In functional tables each 类 equals the sum of its 款 and each 款 the sum of its 项; in T8 each 类 the sum of its 款 (every amount column).",
    ),
    message: T(
      "{table}“{row} {name}”的“{column}”为 {actual} 元，而其下级科目之和为 {expected} 元，相差 {difference} 元。",
      "{table} row {row} {name}, column {column}: {actual} but its children add up to {expected} (difference {difference}).",
    ),
    examples: {
      firing: [
        {
          find: "201\t\t一般公共服务支出\t58,121,209.78\t19,887,658.00",
          replace: "201\t\t一般公共服务支出\t58,121,209.87\t19,887,658.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "A2.total-row",
    severity: "error",
    title: T("合计行等于各类之和", "The total row equals the sum of the 类 rows"),
    description: T(
      "合计行的每个金额列等于各“类”行之和。",
      "Each amount column of the 合计 row equals the sum of the 类 rows.",
    ),
    message: T(
      "{table}合计行的“{column}”为 {actual} 元，而各类之和为 {expected} 元，相差 {difference} 元。",
      "{table} total row, column {column}: {actual} but the 类 rows add up to {expected} (difference {difference}).",
    ),
    examples: {
      firing: [
        {
          find: "合计\t\t\t\t105,767,210.12\t27,981,878.00",
          replace: "合计\t\t\t\t105,767,210.12\t27,981,887.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "A3.row-identity",
    severity: "error",
    title: T("行内合计等于各分项之和", "A row's total equals its parts"),
    description: T(
      "表2 合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入；表3、表5—表7 合计 = 基本支出 + 项目支出；表8 合计 = 人员经费 + 公用经费。",
      "T2 合计 = the four sources; T3/T5–T7 合计 = 基本支出 + 项目支出; T8 合计 = 人员经费 + 公用经费.",
    ),
    message: T(
      "{table}“{row} {name}”的合计为 {actual} 元，而 {parts} 为 {expected} 元，相差 {difference} 元。",
      "{table} row {row} {name}: 合计 is {actual} but {parts} make {expected} (difference {difference}).",
    ),
    examples: {
      firing: [
        {
          find: "204\t02\t20 执法办案\t24,763,610.00\t—",
          replace: "204\t02\t20 执法办案\t24,763,610.00\t100.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "A4.t1-totals",
    severity: "error",
    title: T("表1收支总计平衡", "Table 1 totals add up and balance"),
    description: T(
      "表1 收入总计等于各收入项之和，支出总计等于各支出项之和，收入总计等于支出总计，财政拨款收入等于其三项来源之和。",
      "T1 收入总计 = Σ income lines; 支出总计 = Σ expenditure lines; 收入总计 = 支出总计; 财政拨款收入 = Σ its three sources.",
    ),
    message: T(
      "表1“{row}”为 {actual} 元，而{what}为 {expected} 元，相差 {difference} 元。",
      "Table 1 {row}: {actual}, but {what} is {expected} (difference {difference}).",
    ),
    messages: {
      incomeLines: T("各收入项之和", "the sum of the income lines"),
      expenditureLines: T("各支出项之和", "the sum of the expenditure lines"),
      incomeTotal: T("收入总计", "收入总计"),
      split: T("人员经费、公用经费与项目支出之和", "人员经费 + 公用经费 + 项目支出"),
      splitColumn: T("各支出项“{column}”之和", "the sum of the expenditure lines' {column}"),
      fiscalSources: T("三项来源之和", "the sum of its three sources"),
    },
    examples: {
      firing: [{ find: "收入总计\t105,767,210.12", replace: "收入总计\t105,767,211.12" }],
      quiet: [],
    },
  },
  {
    id: "A4.fiscal-sources-blank",
    severity: "warning",
    title: T("表1财政拨款收入的来源未填列", "Table 1 leaves the sources of 财政拨款收入 blank"),
    description: T(
      "表1 财政拨款收入有金额，但其下“一般公共预算资金”“政府性基金”“国有资本经营预算”三行均为空，读者无法看出资金来源。",
      "T1 shows 财政拨款收入 but leaves all three source lines blank, so readers cannot see where the money comes from.",
    ),
    message: T(
      "表1 财政拨款收入为 {actual} 元，但其三项来源均未填列（应合计 {actual} 元）。",
      "Table 1: 财政拨款收入 is {actual} but its three source lines are blank.",
    ),
    examples: {
      firing: [],
      quiet: [{ find: "1. 一般公共预算资金\t", replace: "1. 一般公共预算资金\t105,767,210.12" }],
    },
  },
  {
    id: "A5.t4-totals",
    severity: "error",
    title: T("表4收支总计平衡", "Table 4 totals add up and balance"),
    description: T(
      "表4 收入总计等于各收入项之和，支出总计（每列）等于各支出行之和，收入总计等于支出总计。",
      "T4 收入总计 = Σ income lines; 支出总计 (each column) = Σ expenditure rows; 收入总计 = 支出总计.",
    ),
    message: T(
      "表4“{row}”的“{column}”为 {actual} 元，而{what}为 {expected} 元，相差 {difference} 元。",
      "Table 4 {row}, {column}: {actual}, but {what} is {expected} (difference {difference}).",
    ),
    messages: {
      incomeLines: T("各收入项之和", "the sum of the income lines"),
      expenditureRows: T("各支出行之和", "the sum of the expenditure rows"),
      incomeTotal: T("收入总计", "收入总计"),
    },
    examples: {
      firing: [
        {
          find: "支出总计\t105,767,210.12\t105,767,210.12",
          replace: "支出总计\t105,767,210.12\t105,767,211.12",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "A5.t4-row-identity",
    severity: "error",
    title: T("表4每行合计等于三类预算之和", "Each Table 4 row: 合计 = the three budgets"),
    description: T(
      "表4 每个支出行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算。",
      "Each T4 expenditure row: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算.",
    ),
    message: T(
      "表4“{row}”的合计为 {actual} 元，而三类预算之和为 {expected} 元，相差 {difference} 元。",
      "Table 4 {row}: 合计 {actual} but the three budgets add up to {expected} (difference {difference}).",
    ),
    examples: {
      firing: [
        {
          find: "四、卫生健康支出\t1,230,607.00\t1,230,607.00",
          replace: "四、卫生健康支出\t1,230,607.00\t1,230,600.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "A6.t9-identity",
    severity: "error",
    title: T("表9“三公”经费合计与小计", "Table 9 三公 total and subtotal"),
    description: T(
      "表9 “三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费小计；小计 = 购置费 + 运行费（万元，按显示位数比较）。",
      "T9 三公 total = 出国 + 接待 + 公务用车 subtotal; subtotal = 购置费 + 运行费 (万元, rounding-aware).",
    ),
    message: T(
      "表9“{column}”为 {actual} 万元，而{what}为 {expected} 万元，相差 {difference} 万元。",
      "Table 9 {column}: {actual} 万元, but {what} is {expected} 万元 (difference {difference}).",
    ),
    messages: {
      total: T("因公出国（境）费、公务接待费与公务用车小计之和", "出国 + 接待 + 公务用车小计"),
      subtotal: T("购置费与运行费之和", "购置费 + 运行费"),
    },
    examples: {
      firing: [{ find: "0.80\t\t0.80", replace: "0.90\t\t0.80" }],
      quiet: [],
    },
  },
]);

function side(t: ClassifiedTable, row: ClassifiedRow | undefined, column: string): Side {
  return {
    table: t.id,
    row: row ? row.code : "合计",
    column,
    figure: row ? row.amounts[column] : t.total?.amounts[column],
  };
}

/** Children of each code within a table (one pass, no quadratic scans). */
export function childrenIndex(t: ClassifiedTable): Map<string, ClassifiedRow[]> {
  const byParent = new Map<string, ClassifiedRow[]>();
  const present = new Set(t.items.map((r) => r.code));
  for (const row of t.items) {
    if (row.code.length <= 3) continue;
    const parent = row.code.slice(0, row.code.length - 2);
    if (!present.has(parent)) continue;
    const list = byParent.get(parent) ?? [];
    list.push(row);
    byParent.set(parent, list);
  }
  return byParent;
}

function checkClassified(ctx: RuleContext, t: ClassifiedTable): void {
  const children = childrenIndex(t);
  const columns = t.columns;
  for (const row of t.items) {
    const kids = children.get(row.code);
    if (kids && kids.length > 0) {
      for (const column of columns) {
        expectSum(
          ctx,
          "A1.parent-sum",
          side(t, row, column),
          kids.map((k) => side(t, k, column)),
          { name: row.name },
        );
      }
    }
  }
  const classes = t.items.filter((r) => r.code.length === 3);
  if (t.total) {
    for (const column of columns) {
      expectSum(
        ctx,
        "A2.total-row",
        side(t, undefined, column),
        classes.map((k) => side(t, k, column)),
      );
    }
  }
  const parts: readonly string[] = ROW_PARTS[t.id];
  const partNames = parts.join(" + ");
  for (const row of [...t.items, undefined]) {
    if (!row && !t.total) continue;
    expectSum(
      ctx,
      "A3.row-identity",
      side(t, row, TOTAL),
      parts.map((p) => side(t, row, p)),
      {
        name: row ? row.name : "",
        parts: partNames,
      },
    );
  }
}

function lineSide(table: "T1" | "T4", item: LineItem | undefined, column: string, label?: string): Side {
  return { table, row: label ?? item?.label ?? "", column, figure: item?.amounts[column] };
}

const isFiscalSource = (key: string): boolean => (FISCAL_SOURCES as readonly string[]).includes(key);

/**
 * The lines that make up 支出总计: the functional 类 lines. A 单位 version also prints a breakdown
 * (人员经费, 公用经费 …) of the same money, which must not be added twice.
 */
export function expenditureLines(t: { expenditure: LineItem[] }): LineItem[] {
  const classes = t.expenditure.filter((i) => /^\d{3}$/.test(i.key));
  return classes.length > 0 ? classes : t.expenditure;
}

function isBlank(f: Figure | undefined): boolean {
  return !f || f.blank || /^-?0(\.0+)?$/.test(f.value);
}

function checkT1(ctx: RuleContext, d: Disclosure): void {
  const t = d.tables.T1;
  if (!t) return;
  const col = T1_AMOUNT;
  const top = t.income.filter((i) => !isFiscalSource(i.key));
  if (t.incomeTotal) {
    expectSum(
      ctx,
      "A4.t1-totals",
      lineSide("T1", t.incomeTotal, col, "收入总计"),
      top.map((i) => lineSide("T1", i, col, i.key)),
      {
        what: ctx.text("A4.t1-totals", "incomeLines"),
      },
      "income",
    );
  }
  if (t.expenditureTotal) {
    expectSum(
      ctx,
      "A4.t1-totals",
      lineSide("T1", t.expenditureTotal, col, "支出总计"),
      expenditureLines(t).map((i) => lineSide("T1", i, col, i.key)),
      {
        what: ctx.text("A4.t1-totals", "expenditureLines"),
      },
      "expenditure",
    );
    if (t.incomeTotal) {
      expectEqual(
        ctx,
        "A4.t1-totals",
        lineSide("T1", t.expenditureTotal, col, "支出总计"),
        lineSide("T1", t.incomeTotal, col, "收入总计"),
        {
          what: ctx.text("A4.t1-totals", "incomeTotal"),
        },
        "balance",
      );
    }
  }
  // A 单位 version splits each expenditure line into 人员经费 / 公用经费 / 项目支出 columns.
  const split = T1_SPLIT_COLUMNS.filter((c) => t.columns.includes(c));
  if (split.length === T1_SPLIT_COLUMNS.length) {
    for (const item of [...expenditureLines(t), ...(t.expenditureTotal ? [t.expenditureTotal] : [])]) {
      // A line that leaves the split blank shows no breakdown, which contradicts nothing.
      if (split.every((c) => isBlank(item.amounts[c]))) continue;
      expectSum(
        ctx,
        "A4.t1-totals",
        lineSide("T1", item, col, item.key),
        split.map((c) => lineSide("T1", item, c, item.key)),
        {
          what: ctx.text("A4.t1-totals", "split"),
        },
        `split-${item.key}`,
      );
    }
    if (t.expenditureTotal) {
      for (const c of split) {
        expectSum(
          ctx,
          "A4.t1-totals",
          lineSide("T1", t.expenditureTotal, c, "支出总计"),
          expenditureLines(t).map((i) => lineSide("T1", i, c, i.key)),
          {
            what: ctx.text("A4.t1-totals", "splitColumn", { column: c }),
          },
          `expenditure-${c}`,
        );
      }
    }
  }
  const fiscal = t.income.find((i) => i.key === "财政拨款收入");
  const sources = t.income.filter((i) => isFiscalSource(i.key));
  if (fiscal && sources.length > 0) {
    if (sources.every((s) => isBlank(s.amounts[col])) && !isBlank(fiscal.amounts[col])) {
      if (ctx.enabled("A4.fiscal-sources-blank")) {
        ctx.emit("A4.fiscal-sources-blank", {
          table: "T1",
          row: "财政拨款收入",
          column: col,
          location: sources[0]!.amounts[col]?.location ?? sources[0]!.location,
          actual: fiscal.amounts[col]!.value,
          related: [
            {
              table: "T1",
              row: "财政拨款收入",
              ...(fiscal.amounts[col]?.location ? { location: fiscal.amounts[col]!.location! } : {}),
            },
          ],
        });
      }
    } else {
      expectSum(
        ctx,
        "A4.t1-totals",
        lineSide("T1", fiscal, col, "财政拨款收入"),
        sources.map((s) => lineSide("T1", s, col, s.key)),
        {
          what: ctx.text("A4.t1-totals", "fiscalSources"),
        },
        "fiscal",
      );
    }
  }
}

function checkT4(ctx: RuleContext, d: Disclosure): void {
  const t = d.tables.T4;
  if (!t) return;
  if (t.incomeTotal) {
    expectSum(
      ctx,
      "A5.t4-totals",
      lineSide("T4", t.incomeTotal, "预算数", "收入总计"),
      t.income.map((i) => lineSide("T4", i, "预算数", i.key)),
      {
        what: ctx.text("A5.t4-totals", "incomeLines"),
      },
      "income",
    );
  }
  if (t.expenditureTotal) {
    for (const column of T4_COLUMNS) {
      if (!t.columns.includes(column)) continue;
      expectSum(
        ctx,
        "A5.t4-totals",
        lineSide("T4", t.expenditureTotal, column, "支出总计"),
        t.expenditure.map((i) => lineSide("T4", i, column, i.key)),
        {
          what: ctx.text("A5.t4-totals", "expenditureRows"),
        },
        `expenditure-${column}`,
      );
    }
    if (t.incomeTotal) {
      expectEqual(
        ctx,
        "A5.t4-totals",
        lineSide("T4", t.expenditureTotal, TOTAL, "支出总计"),
        lineSide("T4", t.incomeTotal, "预算数", "收入总计"),
        {
          what: ctx.text("A5.t4-totals", "incomeTotal"),
        },
        "balance",
      );
    }
  }
  for (const item of [...t.expenditure, ...(t.expenditureTotal ? [t.expenditureTotal] : [])]) {
    expectSum(
      ctx,
      "A5.t4-row-identity",
      lineSide("T4", item, TOTAL, item.key),
      T4_BUDGETS.map((c) => lineSide("T4", item, c, item.key)),
    );
  }
}

function checkT9(ctx: RuleContext, d: Disclosure): void {
  const t = d.tables.T9;
  if (!t || Object.keys(t.amounts).length === 0) return;
  // The row's precision is its most precise figure: "15" beside "21.56" is 15.00 with its trailing zeros dropped.
  const decimals = Math.max(0, ...Object.values(t.amounts).map((f) => (f.blank ? 0 : f.decimals)));
  const s = (column: string): Side => ({
    table: "T9",
    row: "三公经费",
    column,
    figure: t.amounts[column],
    unit: "万元",
    decimals,
  });
  for (const sum of T9_SUMS) {
    expectSum(
      ctx,
      "A6.t9-identity",
      s(sum.total),
      sum.parts.map(s),
      { what: ctx.text("A6.t9-identity", sum.key) },
      sum.key,
    );
  }
}

/**
 * A1–A6 as units the engine runs one by one (a failure in one does not stop the others): A1–A3 per
 * classified table, A4 on Table 1, A5 on Table 4, A6 on Table 9.
 *
 * @example
 * ```ts
 * for (const c of tableChecks) c.run(ctx);
 * ```
 */
export const tableChecks: ReadonlyArray<{ readonly name: string; readonly run: (ctx: RuleContext) => void }> =
  [
    ...(["T2", "T3", "T5", "T6", "T7", "T8"] as const).map((id) => ({
      name: `A1–A3 ${id}`,
      run: (ctx: RuleContext) => {
        const t = ctx.d.tables[id];
        if (t) checkClassified(ctx, t);
      },
    })),
    { name: "A4", run: (ctx) => checkT1(ctx, ctx.d) },
    { name: "A5", run: (ctx) => checkT4(ctx, ctx.d) },
    { name: "A6", run: (ctx) => checkT9(ctx, ctx.d) },
  ];

/**
 * Runs A1–A6.
 *
 * @example
 * ```ts
 * checkTables(ctx);
 * ```
 */
export function checkTables(ctx: RuleContext): void {
  for (const c of tableChecks) c.run(ctx);
}
