/**
 * What the narrative checks share: message helpers, figures as rounding intervals, and the table
 * amount a narrative subject stands for.
 */
import { Amount, Interval } from "@yusuan/money";
import type { Disclosure, Figure, Location } from "../model";
import type { RelatedLocation, TableId } from "../report";
import { format, type Template } from "../i18n";
import type { RuleContext } from "../rules/engine";
import type { Subject } from "./model";
import { DETAILS, LABELS } from "./texts";

/**
 * A template in both languages.
 *
 * @example
 * ```ts
 * t("编制说明金额与表格不符", "Narrative figure differs from the table").en;
 * ```
 */
export const t = (zh: string, en: string): Template => ({ "zh-CN": zh, en });

/**
 * The unit of narrative figures.
 *
 * @example
 * ```ts
 * Amount.of("5812.12", WAN);
 * ```
 */
export const WAN = "万元" as const;

/**
 * A subject's or field's name in the run's language.
 *
 * @example
 * ```ts
 * label(ctx, "财政拨款收入"); // "财政拨款收入" or "fiscal appropriation income"
 * ```
 */
export function label(ctx: RuleContext, key: string): string {
  const l = LABELS[key];
  return l ? l[ctx.lang] : key;
}

/**
 * A detail text of a rule that reports several kinds of problem, filled with its parameters.
 *
 * @example
 * ```ts
 * detail(ctx, "wrongYear", { text: "比2023年预算", year: 2023, expectedYear: 2024 });
 * ```
 */
export function detail(ctx: RuleContext, key: string, params: Record<string, string | number>): string {
  const tpl = DETAILS[key];
  return tpl ? format(tpl, ctx.lang, params) : key;
}

/**
 * A narrative figure as an amount in 万元.
 *
 * @example
 * ```ts
 * wanOf({ value: "5812.12" }).toString(); // "5812.12"
 * ```
 */
export function wanOf(f: { value: string }): Amount {
  return Amount.of(f.value, WAN);
}

/**
 * What a printed narrative figure stands for: [v − ½·10^−d, v + ½·10^−d] 万元. A printed zero
 * ("事业收入0万元") means nothing was budgeted, so it is exact, like a blank table cell.
 *
 * @example
 * ```ts
 * shownInterval({ value: "3823.35", decimals: 2 }).low.toString(); // "3823.345"
 * ```
 */
export function shownInterval(f: { value: string; decimals: number }): Interval {
  const v = wanOf(f);
  return v.isZero() ? Interval.exact(v) : Interval.ofDisplayed(v, f.decimals);
}

/**
 * One unit of the last printed decimal, in 万元.
 *
 * @example
 * ```ts
 * one(2).toString(); // "0.01"
 * ```
 */
export function one(decimals: number): Amount {
  return Amount.of(decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`, WAN);
}

/** A table cell a narrative figure is compared with. */
export interface TableRef {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  readonly figure: Figure | undefined;
}

/**
 * The table amount a narrative subject stands for (收入预算 → T1 收入总计, 一般公共预算拨款支出预算 → T5 合计 …).
 *
 * @example
 * ```ts
 * refOf(disclosure, "收入预算")?.table; // "T1"
 * ```
 */
export function refOf(d: Disclosure, s: Subject): TableRef | undefined {
  const T = d.tables;
  const t1Income = (key: string) => T.T1?.income.find((l) => l.key === key);
  switch (s) {
    case "收入预算":
      if (T.T1?.incomeTotal)
        return { table: "T1", row: "收入总计", column: "预算数", figure: T.T1.incomeTotal.amounts.预算数 };
      if (T.T2) return { table: "T2", row: "合计", column: "合计", figure: T.T2.total?.amounts.合计 };
      return undefined;
    case "财政拨款收入":
    case "事业收入":
    case "事业单位经营收入":
    case "其他收入":
      if (T.T2?.columns.includes(s))
        return { table: "T2", row: "合计", column: s, figure: T.T2.total?.amounts[s] };
      if (t1Income(s)) return { table: "T1", row: s, column: "预算数", figure: t1Income(s)?.amounts.预算数 };
      return undefined;
    case "支出预算":
      if (T.T3) return { table: "T3", row: "合计", column: "合计", figure: T.T3.total?.amounts.合计 };
      if (T.T1?.expenditureTotal)
        return {
          table: "T1",
          row: "支出总计",
          column: "预算数",
          figure: T.T1.expenditureTotal.amounts.预算数,
        };
      return undefined;
    case "财政拨款支出预算":
      if (T.T4?.expenditureTotal)
        return {
          table: "T4",
          row: "支出总计",
          column: "合计",
          figure: T.T4.expenditureTotal.amounts.合计,
        };
      return undefined;
    case "一般公共预算拨款支出预算":
      if (T.T5) return { table: "T5", row: "合计", column: "合计", figure: T.T5.total?.amounts.合计 };
      return undefined;
    case "政府性基金拨款支出预算":
      if (T.T6) return { table: "T6", row: "合计", column: "合计", figure: T.T6.total?.amounts.合计 };
      return undefined;
    case "国有资本经营预算拨款支出预算":
      if (T.T7) return { table: "T7", row: "合计", column: "合计", figure: T.T7.total?.amounts.合计 };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * A table reference as a related place of a finding.
 *
 * @example
 * ```ts
 * related({ table: "T5", row: "2120101", column: "合计", figure: undefined }); // { table: "T5", row: "2120101", column: "合计" }
 * ```
 */
export function related(r: TableRef): RelatedLocation {
  return {
    table: r.table,
    row: r.row,
    column: r.column,
    ...(r.figure?.location ? { location: r.figure.location } : {}),
  };
}

/**
 * Where a narrative figure was printed.
 *
 * @example
 * ```ts
 * loc(n.figures[0]!); // { line: 87 }
 * ```
 */
export function loc(f: { position: { location?: Location | undefined } }): Location | undefined {
  return f.position.location;
}
