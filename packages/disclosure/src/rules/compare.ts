import { Amount, Interval, decimalSumEquals, smallestAdjustment } from "@yusuan/money";
import type { Figure, Location } from "../model";
import type { RelatedLocation, TableId } from "../report";
import { amountOf, intervalOf, isExactFigure, type RuleContext } from "./engine";
import type { RuleId } from "./registry";

/** One side of a comparison: a printed figure in a table. */
export interface Side {
  readonly table: TableId;
  readonly row?: string | undefined;
  readonly column?: string | undefined;
  readonly figure: Figure | undefined;
  readonly unit?: "元" | "万元";
  /**
   * The decimals a rounded figure stands for when it was printed with fewer: Table 9 prints "15" beside
   * "21.56" because trailing zeros were dropped, so "15" is 15.00 ± 0.005, not 15 ± 0.5.
   */
  readonly decimals?: number;
}

/** A side's figure as an interval in `unit`, with the side's precision when it has one. */
function intervalOfSide(s: Side, unit: "元" | "万元"): Interval {
  const own = s.unit ?? unit;
  const f = s.figure;
  if (f && s.decimals !== undefined && !isExactFigure(f, own) && f.decimals < s.decimals) {
    return Interval.ofDisplayed(amountOf(f, own), s.decimals).to(unit);
  }
  return intervalOf(f, own).to(unit);
}

/** The reported figure (`actual`) must equal the sum of `parts`, rounding-aware; emits `rule` when not. */
export function expectSum(
  ctx: RuleContext,
  rule: RuleId,
  actual: Side,
  parts: ReadonlyArray<Side>,
  params: Record<string, string | number> = {},
  key?: string,
): boolean {
  if (!ctx.enabled(rule)) return true;
  const unit = actual.unit ?? "元";
  if (allExact([actual, ...parts], unit) && decimalSumEquals(printedValue(actual), parts.map(printedValue)))
    return true;
  const exact = Amount.sum(
    parts.map((p) => amountOf(p.figure, p.unit ?? unit).to(unit)),
    unit,
  );
  const partsInterval = Interval.sum(
    parts.map((p) => intervalOfSide(p, unit)),
    unit,
  );
  return report(ctx, rule, actual, exact, partsInterval, parts, params, key);
}

/** Two printed figures must be equal, rounding-aware; `actual` is the side the finding points at. */
export function expectEqual(
  ctx: RuleContext,
  rule: RuleId,
  actual: Side,
  other: Side,
  params: Record<string, string | number> = {},
  key?: string,
): boolean {
  if (!ctx.enabled(rule)) return true;
  const unit = actual.unit ?? "元";
  if (allExact([actual, other], unit) && decimalSumEquals(printedValue(actual), [printedValue(other)]))
    return true;
  const exact = amountOf(other.figure, other.unit ?? unit).to(unit);
  return report(ctx, rule, actual, exact, intervalOfSide(other, unit), [other], params, key);
}

/**
 * Most identities hold: decide those on the printed decimal strings alone, without decimal objects.
 * Only sides that stand for exact values qualify (see isExactFigure: every 元 figure, whole or not).
 */
function allExact(sides: ReadonlyArray<Side>, unit: "元" | "万元"): boolean {
  return sides.every((s) => (s.unit ?? unit) === unit && isExactFigure(s.figure, unit));
}

/** Decimals to show amounts with: those the figures were printed with (whole 元 stay whole), at least 2 in 万元. */
function shownDecimals(unit: "元" | "万元", sides: ReadonlyArray<Side>): number {
  let d = 0;
  for (const s of sides)
    if (s.figure && !s.figure.blank && (s.unit ?? unit) === unit) d = Math.max(d, s.figure.decimals);
  return unit === "元" ? Math.min(d, 2) : Math.max(2, d);
}

/** The printed decimal string of a side; a blank or missing figure is "0". */
function printedValue(s: Side): string {
  return s.figure && !s.figure.blank ? s.figure.value : "0";
}

function report(
  ctx: RuleContext,
  rule: RuleId,
  actual: Side,
  expectedExact: Amount,
  expectedInterval: Interval,
  related: ReadonlyArray<Side>,
  params: Record<string, string | number>,
  key: string | undefined,
): boolean {
  const unit = actual.unit ?? "元";
  const actualAmount = amountOf(actual.figure, unit);
  const actualInterval = intervalOfSide(actual, unit);
  if (agreeHalfOpen(actualInterval, expectedInterval)) return true;
  const difference = actualAmount.minus(expectedExact);
  if (difference.abs().compare(ctx.tolerance(rule)) <= 0) return true;
  const decimals = shownDecimals(unit, [actual, ...related]);
  const loc = actual.figure?.location;
  const suggestion = smallestAdjustment(
    actualAmount,
    actual.figure?.blank ? decimals : (actual.figure?.decimals ?? decimals),
    [expectedInterval],
  );
  const isSlip = unitSlip(actualAmount, expectedExact);
  ctx.emit(isSlip && ctx.enabled("D4.unit-slip") ? "D4.unit-slip" : rule, {
    table: actual.table,
    row: actual.row,
    column: actual.column,
    location: loc,
    expected: expectedExact.toFixed(decimals),
    actual: actualAmount.toFixed(decimals),
    difference: difference.toFixed(decimals),
    unit,
    suggestion: suggestion.isZero() ? undefined : actualAmount.plus(suggestion).toFixed(decimals),
    related: related.map((s) => relatedOf(s)),
    params: { ...params, rule },
    key,
  });
  return false;
}

/** A figure 10,000× off the other: somebody typed 元 where 万元 was meant, or the reverse. */
function unitSlip(a: Amount, b: Amount): boolean {
  if (a.isZero() || b.isZero()) return false;
  const tenK = "10000";
  const close = (x: Amount, y: Amount) => x.minus(y).abs().compare(y.abs().dividedBy("1000")) <= 0;
  return close(a.times(tenK), b) || close(b.times(tenK), a);
}

/** A side as a related location of a finding. */
export function relatedOf(s: Side): RelatedLocation {
  const loc: Location | undefined = s.figure?.location;
  return {
    table: s.table,
    ...(s.row !== undefined ? { row: s.row } : {}),
    ...(s.column !== undefined ? { column: s.column } : {}),
    ...(loc ? { location: loc } : {}),
  };
}

/**
 * Rounding-aware agreement under half-up rounding: a figure shown as v with d decimals stands for
 * [v − ½·10^−d, v + ½·10^−d) — the upper bound itself would have been rounded up. Two figures agree
 * when their intervals share a point; exact values are degenerate intervals.
 */
export function agreeHalfOpen(a: Interval, b: Interval): boolean {
  const aExact = a.low.equals(a.high);
  const bExact = b.low.equals(b.high);
  if (aExact && bExact) return a.low.equals(b.low);
  if (aExact) return b.low.compare(a.low) <= 0 && a.low.compare(b.high) < 0;
  if (bExact) return a.low.compare(b.low) <= 0 && b.low.compare(a.high) < 0;
  return a.low.compare(b.high) < 0 && b.low.compare(a.high) < 0;
}
