import { Amount } from "@yusuan/money";
import type { ClassifiedTable, Figure, LineItem } from "../model";
import { amountOf, defineRules, tableName, type RuleContext } from "./engine";
import { BUDGETS, FISCAL_SOURCES, ROW_PARTS, SANGONG_CEILINGS } from "./identities";
import { expectEqual, expectSum, relatedOf, type Side } from "./compare";
import { catalogFor, namedAsOtherCode } from "./form-d";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** How the other side of a comparison is named in B1–B4 messages. */
const OTHER = {
  otherCell: T("{table}“{row}”的“{column}”", "{table} {row} {column}"),
  otherRow: T("{table}“{row}”", "{table} {row}"),
};

/** Rules B1–B6: agreement between tables (勾稽关系). */
export const crossRules = defineRules([
  {
    id: "B1.t1-t2-t3",
    severity: "error",
    title: T("表1、表2、表3总额一致", "Tables 1, 2 and 3 agree"),
    description: T(
      "表1 收入总计 = 表2 合计 = 表3 合计；表1 每个支出功能分类“类” = 表3 该类合计。",
      "T1 收入总计 = T2 合计 = T3 合计; each T1 expenditure 类 = that 类's 合计 in T3.",
    ),
    message: T(
      "{table}“{row}”的“{column}”为 {actual} 元，而{other}为 {expected} 元，相差 {difference} 元。",
      "{table} {row}, {column}: {actual}, but {other} is {expected} (difference {difference}).",
    ),
    messages: { ...OTHER, basicParts: T("表1 人员经费与公用经费之和", "Table 1 人员经费 + 公用经费") },
    examples: {
      firing: [{ find: "二、公共安全支出\t24,763,610.00", replace: "二、公共安全支出\t24,763,601.00" }],
      quiet: [],
    },
  },
  {
    id: "B2.fiscal-income",
    severity: "error",
    title: T("财政拨款收入在表1、表2、表4中一致", "财政拨款收入 agrees across Tables 1, 2 and 4"),
    description: T(
      "表1 财政拨款收入 = 表2 财政拨款收入合计 = 表4 收入总计；表1 一般公共预算资金 = 表4 一般公共预算资金。",
      "T1 财政拨款收入 = T2 财政拨款收入 total = T4 收入总计; T1 一般公共预算资金 = T4 一般公共预算资金.",
    ),
    message: T(
      "{table}“{row}”为 {actual} 元，而{other}为 {expected} 元，相差 {difference} 元。",
      "{table} {row}: {actual}, but {other} is {expected} (difference {difference}).",
    ),
    messages: { ...OTHER },
    examples: {
      firing: [
        {
          find: "收入总计\t105,767,210.12\t支出总计\t105,767,210.12\t105,767,210.12",
          replace: "收入总计\t105,767,200.12\t支出总计\t105,767,210.12\t105,767,210.12",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "B3.t4-t5-t7",
    severity: "error",
    title: T("表4各预算列与表5—表7一致", "Table 4 budget columns agree with Tables 5–7"),
    description: T(
      "表4 一般公共预算列（按类及合计）= 表5；政府性基金预算列 = 表6；国有资本经营预算列 = 表7。",
      "T4's 一般公共预算 column (by 类 and in total) = T5; 政府性基金 = T6; 国有资本经营 = T7.",
    ),
    message: T(
      "{table}“{row}”的“{column}”为 {actual} 元，而{other}为 {expected} 元，相差 {difference} 元。",
      "{table} {row}, {column}: {actual}, but {other} is {expected} (difference {difference}).",
    ),
    messages: { ...OTHER },
    examples: {
      firing: [
        {
          find: "六、住房保障支出\t905,823.00\t905,823.00",
          replace: "六、住房保障支出\t905,833.00\t905,833.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "B4.t5-t8",
    severity: "error",
    title: T("表5基本支出合计等于表8合计", "Table 5 basic expenditure equals Table 8 total"),
    description: T(
      "表5 基本支出合计 = 表8 合计；单位版本中表1 的人员经费、公用经费 = 表8 的人员经费、公用经费。",
      "T5 基本支出 total = T8 合计; in a unit version, T1 人员经费 / 公用经费 = T8's.",
    ),
    message: T(
      "{table}“{row}”的“{column}”为 {actual} 元，而{other}为 {expected} 元，相差 {difference} 元。",
      "{table} {row}, {column}: {actual}, but {other} is {expected} (difference {difference}).",
    ),
    messages: { ...OTHER },
    examples: {
      firing: [
        { find: "合计\t\t\t27,981,878.00\t27,256,592.00", replace: "合计\t\t\t27,981,888.00\t27,256,602.00" },
      ],
      quiet: [],
    },
  },
  {
    id: "B5.functional-economic",
    severity: "warning",
    title: T("功能分类与经济分类对应科目一致", "Paired functional and economic codes agree"),
    description: T(
      "均为基本支出时应一致：2080505 = 30108，2080506 = 30109，2210201 = 30113，21011 行政事业单位医疗 ≈ 30110（+30111）。项目支出也可能列支此类费用，故为提示。20805 离退休与 30301 离休费、30302 退休费并非一一对应（功能分类的离退休还含生活补助等经济分类在别处的支出），不作比较。",
      "When all basic expenditure: 2080505 = 30108, 2080506 = 30109, 2210201 = 30113, 21011 ≈ 30110 (+30111). Projects can also carry such costs, so a warning. 20805 离退休 is not one-to-one with 30301/30302 (it also carries 生活补助 and other items classed elsewhere), so it is not compared.",
    ),
    message: T(
      "表5 功能分类“{row}”基本支出为 {expected} 元，而表8 经济分类“{econ}”为 {actual} 元，相差 {difference} 元。",
      "T5 functional {row} basic expenditure is {expected} but T8 economic {econ} is {actual} (difference {difference}).",
    ),
    examples: {
      firing: [
        {
          find: "301\t08\t机关事业单位基本养老保险缴费\t2,187,740.00\t2,187,740.00",
          replace: "301\t08\t机关事业单位基本养老保险缴费\t2,187,700.00\t2,187,700.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "B6.sangong-ceiling",
    severity: "error",
    title: T("表8“三公”科目不超过表9", "Table 8 三公 lines do not exceed Table 9"),
    description: T(
      "表8 30217 公务接待费 ≤ 表9 公务接待费；30231 公务用车运行维护费 ≤ 表9 运行费；30212 因公出国（境）费用 ≤ 表9 因公出国（境）费（“三公”也可在项目支出中列支，故为“不超过”）。",
      "T8 30217 ≤ T9 接待; 30231 ≤ T9 运行费; 30212 ≤ T9 出国 (三公 can also sit in projects, hence ≤).",
    ),
    message: T(
      "表8“{row}”为 {actual} 元，超过表9“{column}” {expected} 元（{expectedWan} 万元），超出 {difference} 元。",
      "T8 {row} is {actual}, more than T9 {column} {expected} ({expectedWan} 万元) by {difference}.",
    ),
    examples: {
      firing: [
        {
          find: "302\t17\t公务接待费\t8,000.00\t\t8,000.00",
          replace: "302\t17\t公务接待费\t8,100.00\t\t8,100.00",
        },
      ],
      quiet: [],
    },
  },
]);

function totalSide(t: ClassifiedTable, column: string): Side {
  return { table: t.id, row: "合计", column, figure: t.total?.amounts[column] };
}
function rowSide(t: ClassifiedTable, code: string, column: string): Side | undefined {
  const row = t.items.find((r) => r.code === code);
  return row ? { table: t.id, row: code, column, figure: row.amounts[column] } : undefined;
}
function line(table: "T1" | "T4", items: LineItem[], key: string, column: string): Side | undefined {
  const item = items.find((i) => i.key === key);
  return item ? { table, row: key, column, figure: item.amounts[column] } : undefined;
}
function otherName(ctx: RuleContext, rule: CrossRule, s: Side): string {
  const params = { table: tableName(s.table, ctx.lang), row: s.row ?? "", column: s.column ?? "" };
  return ctx.text(rule, s.column ? "otherCell" : "otherRow", params);
}

type CrossRule = "B1.t1-t2-t3" | "B2.fiscal-income" | "B3.t4-t5-t7" | "B4.t5-t8";

function eq(
  ctx: RuleContext,
  rule: CrossRule,
  actual: Side | undefined,
  other: Side | undefined,
  key: string,
): void {
  if (!actual || !other) return;
  expectEqual(ctx, rule, actual, other, { other: otherName(ctx, rule, other) }, key);
}

function checkB1(ctx: RuleContext): void {
  const { T1, T2, T3 } = ctx.d.tables;
  if (T1?.incomeTotal) {
    const t1 = {
      table: "T1" as const,
      row: "收入总计",
      column: "预算数",
      figure: T1.incomeTotal.amounts.预算数,
    };
    if (T2?.total) eq(ctx, "B1.t1-t2-t3", totalSide(T2, "合计"), t1, "t2-total");
    if (T3?.total) eq(ctx, "B1.t1-t2-t3", totalSide(T3, "合计"), t1, "t3-total");
  }
  if (T1 && T3) {
    for (const item of T1.expenditure) {
      if (!/^\d{3}$/.test(item.key)) continue;
      const t3 = rowSide(T3, item.key, "合计");
      const t1: Side = { table: "T1", row: item.key, column: "预算数", figure: item.amounts.预算数 };
      if (t3) eq(ctx, "B1.t1-t2-t3", t1, t3, "class");
      else if (!isZero(item.amounts.预算数))
        eq(
          ctx,
          "B1.t1-t2-t3",
          t1,
          { table: "T3", row: item.key, column: "合计", figure: undefined },
          "class",
        );
    }
  }
  checkB1Unit(ctx);
}

function checkB2(ctx: RuleContext): void {
  const { T1, T2, T4 } = ctx.d.tables;
  const t1Fiscal = T1 ? line("T1", T1.income, "财政拨款收入", "预算数") : undefined;
  if (t1Fiscal && T2?.total) eq(ctx, "B2.fiscal-income", totalSide(T2, "财政拨款收入"), t1Fiscal, "t2");
  if (T4?.incomeTotal && t1Fiscal) {
    eq(
      ctx,
      "B2.fiscal-income",
      { table: "T4", row: "收入总计", column: "预算数", figure: T4.incomeTotal.amounts.预算数 },
      t1Fiscal,
      "t4",
    );
  }
  if (T1 && T4) {
    const sources = FISCAL_SOURCES;
    const t1Sources = sources.map((k) => line("T1", T1.income, k, "预算数"));
    // When T1 leaves all three blank, A4.fiscal-sources-blank already says so.
    if (!t1Sources.every((s) => !s || isZero(s.figure))) {
      for (const [i, k] of sources.entries())
        eq(ctx, "B2.fiscal-income", t1Sources[i], line("T4", T4.income, k, "预算数"), `source-${k}`);
    }
  }
}

function checkB3(ctx: RuleContext): void {
  const { T4 } = ctx.d.tables;
  if (T4) {
    for (const budget of BUDGETS) {
      const column: string = budget.column;
      const t: ClassifiedTable | undefined = ctx.d.tables[budget.table];
      if (!T4.columns.includes(column)) continue;
      const total = T4.expenditureTotal
        ? { table: "T4" as const, row: "支出总计", column, figure: T4.expenditureTotal.amounts[column] }
        : undefined;
      if (t) {
        eq(
          ctx,
          "B3.t4-t5-t7",
          total,
          t.total ? totalSide(t, "合计") : { table: t.id, row: "合计", column: "合计", figure: undefined },
          `total-${column}`,
        );
        const seen = new Set<string>();
        for (const item of T4.expenditure) {
          if (!/^\d{3}$/.test(item.key)) continue;
          seen.add(item.key);
          const t4: Side = { table: "T4", row: item.key, column, figure: item.amounts[column] };
          const other = rowSide(t, item.key, "合计") ?? {
            table: t.id,
            row: item.key,
            column: "合计",
            figure: undefined,
          };
          eq(ctx, "B3.t4-t5-t7", t4, other, `class-${column}`);
        }
        for (const row of t.items) {
          if (row.code.length !== 3 || seen.has(row.code) || isZero(row.amounts.合计)) continue;
          eq(
            ctx,
            "B3.t4-t5-t7",
            { table: "T4", row: row.code, column, figure: undefined },
            { table: t.id, row: row.code, column: "合计", figure: row.amounts.合计 },
            `class-${column}`,
          );
        }
      }
    }
  }
}

function checkB4(ctx: RuleContext): void {
  const { T1, T3, T5, T8 } = ctx.d.tables;
  if (T5?.total && T8?.total) eq(ctx, "B4.t5-t8", totalSide(T5, "基本支出"), totalSide(T8, "合计"), "total");
  // B4, unit version: Table 1's 人员经费 / 公用经费 (as lines "其中：人员经费", or as columns of the
  // expenditure side) equal Table 8's columns — when all basic expenditure is 一般公共预算 (T3's basic
  // total is T5's), since T8 shows only that budget's.
  const allBasicIsGeneral =
    !T3?.total ||
    !T5?.total ||
    amountOf(T3.total.amounts.基本支出).equals(amountOf(T5.total.amounts.基本支出));
  if (T1 && T8?.total && allBasicIsGeneral) {
    for (const column of ROW_PARTS.T8) {
      const asLine = line("T1", T1.expenditure, column, "预算数");
      const asColumn =
        T1.columns.includes(column) && T1.expenditureTotal
          ? { table: "T1" as const, row: "支出总计", column, figure: T1.expenditureTotal.amounts[column] }
          : undefined;
      eq(ctx, "B4.t5-t8", asLine ?? asColumn, totalSide(T8, column), `t1-${column}`);
    }
  }
}

/** B1, unit version. */
function checkB1Unit(ctx: RuleContext): void {
  const { T1, T3 } = ctx.d.tables;
  // B1, unit version: each 类's 人员经费 + 公用经费 in Table 1 is that 类's 基本支出 in Table 3, its 项目支出 the same.
  if (
    T1 &&
    T3 &&
    T1.columns.includes("人员经费") &&
    T1.columns.includes("公用经费") &&
    T1.columns.includes("项目支出")
  ) {
    for (const item of T1.expenditure) {
      if (!/^\d{3}$/.test(item.key)) continue;
      const basic = rowSide(T3, item.key, "基本支出");
      const project = rowSide(T3, item.key, "项目支出");
      const parts = ROW_PARTS.T8.map(
        (c): Side => ({ table: "T1", row: item.key, column: c, figure: item.amounts[c] }),
      );
      if ([...parts, { figure: item.amounts.项目支出 }].every((p) => isZero(p.figure))) continue;
      if (basic && ctx.enabled("B1.t1-t2-t3")) {
        expectSum(
          ctx,
          "B1.t1-t2-t3",
          basic,
          parts,
          { other: ctx.text("B1.t1-t2-t3", "basicParts") },
          "class-basic",
        );
      }
      if (project)
        eq(
          ctx,
          "B1.t1-t2-t3",
          { table: "T1", row: item.key, column: "项目支出", figure: item.amounts.项目支出 },
          project,
          "class-project",
        );
    }
  }
}

function checkB6(ctx: RuleContext): void {
  const { T8, T9 } = ctx.d.tables;
  if (T8 && T9 && Object.keys(T9.amounts).length > 0) {
    for (const { code, column } of SANGONG_CEILINGS) {
      const t8 = rowSide(T8, code, "合计");
      if (!t8 || !ctx.enabled("B6.sangong-ceiling")) continue;
      // A row printed with another code's name (30217 named 公务用车运行维护费) is a code/name mismatch
      // (D3.code-name-mismatch), not a breach of this ceiling: which item it is cannot be told.
      const name = T8.items.find((r) => r.code === code)?.name ?? "";
      if (namedAsOtherCode(catalogFor(ctx, "economic-dept"), code, name, ctx.d.document.year).length > 0)
        continue;
      const limitWan = T9.amounts[column];
      const limit = amountOf(limitWan, "万元").to("元");
      // T9 prints 万元 with 2 decimals: the ceiling is the top of its rounding interval.
      const halfUnit = Amount.of("0.005", "万元").to("元");
      const spent = amountOf(t8.figure);
      if (spent.compare(limit.plus(halfUnit)) > 0) {
        ctx.emit("B6.sangong-ceiling", {
          table: "T8",
          row: code,
          column,
          location: t8.figure?.location,
          expected: limit.toFixed(2),
          actual: spent.toFixed(2),
          difference: spent.minus(limit).toFixed(2),
          related: [relatedOf({ table: "T9", row: "三公经费", column, figure: limitWan })],
          params: { expectedWan: limitWan ? Amount.of(limitWan.value).toFixed(2) : "0.00" },
        });
      }
    }
  }
}

/**
 * B1–B6 as units the engine runs one by one (a failure in one does not stop the others).
 *
 * @example
 * ```ts
 * for (const c of crossChecks) c.run(ctx);
 * ```
 */
export const crossChecks: ReadonlyArray<{ readonly name: string; readonly run: (ctx: RuleContext) => void }> =
  [
    { name: "B1", run: checkB1 },
    { name: "B2", run: checkB2 },
    { name: "B3", run: checkB3 },
    { name: "B4", run: checkB4 },
    {
      name: "B5",
      run: (ctx) => {
        const { T5, T8 } = ctx.d.tables;
        if (T5 && T8) checkPairs(ctx, T5, T8);
      },
    },
    { name: "B6", run: checkB6 },
  ];

/**
 * Runs B1–B6.
 *
 * @example
 * ```ts
 * checkCross(ctx);
 * ```
 */
export function checkCross(ctx: RuleContext): void {
  for (const c of crossChecks) c.run(ctx);
}

function isZero(f: Figure | undefined): boolean {
  return !f || f.blank || Amount.of(f.value).isZero();
}

/**
 * Functional ↔ economic pairs (basic expenditure). `functional` lists codes, or a 款 whose 项 all count
 * ("21011": every 21011xx); `economic` lists the acceptable economic sums, any of which may match
 * (行政事业单位医疗 is 30110, or 30110 + 30111 where 公务员医疗补助 is paid).
 */
const PAIRS: { functional: string[]; economic: string[][]; key?: string }[] = [
  { functional: ["2080505"], economic: [["30108"]] },
  { functional: ["2080506"], economic: [["30109"]] },
  { functional: ["2210201"], economic: [["30113"]] },
  // The key keeps the fingerprint this pair had when it listed 2101101–2101103.
  { functional: ["21011"], economic: [["30110"], ["30110", "30111"]], key: "2101101+2101102+2101103" },
  // No 2080501/2080502 ↔ 30301/30302: see the rule's description.
];

function checkPairs(ctx: RuleContext, T5: ClassifiedTable, T8: ClassifiedTable): void {
  if (!ctx.enabled("B5.functional-economic")) return;
  const t8 = new Map(T8.items.map((r) => [r.code, r]));
  for (const pair of PAIRS) {
    const fRows = T5.items.filter(
      (r) =>
        r.level === "项" &&
        pair.functional.some((c) => r.code === c || (c.length === 5 && r.code.startsWith(c))),
    );
    const options = pair.economic.map((codes) => codes.map((c) => t8.get(c)).filter((r) => r !== undefined));
    const eRows = options[options.length - 1]!;
    if (fRows.length === 0 || options[0]!.length === 0) continue;
    // Only a pure-basic functional line must match: a project may carry such costs too.
    if (fRows.some((r) => !isZero(r.amounts.项目支出))) continue;
    const basic = Amount.sum(fRows.map((r) => amountOf(r.amounts.基本支出)));
    const sums = options.map((rows) => Amount.sum(rows.map((r) => amountOf(r.amounts.合计))));
    if (sums.some((e) => basic.equals(e))) continue;
    const econ = sums[sums.length - 1]!;
    const first = eRows[0]!;
    ctx.emit("B5.functional-economic", {
      table: "T8",
      row: first.code,
      column: "合计",
      location: first.amounts.合计?.location,
      expected: basic.toFixed(2),
      actual: econ.toFixed(2),
      difference: econ.minus(basic).toFixed(2),
      related: fRows.map((r) =>
        relatedOf({ table: "T5", row: r.code, column: "基本支出", figure: r.amounts.基本支出 }),
      ),
      params: {
        econ: eRows.map((r) => `${r.code} ${r.name}`).join("、"),
        row: fRows.map((r) => `${r.code} ${r.name}`).join("、"),
      },
      key: pair.key ?? pair.functional.join("+"),
    });
  }
}
