import { Amount, pow10String, type RoundingMode, type Unit } from "./amount";

/** One unit of the last displayed place, 10^−decimals. */
function step(decimals: number, unit: Unit): Amount {
  return Amount.of(pow10String(-decimals), unit);
}

/**
 * A closed range of amounts: what a displayed, rounded figure stands for. A value shown with d
 * decimals (half-up) is any exact value in [v − ½·10^−d, v + ½·10^−d]; a sum of such figures is
 * the sum of their intervals; two sides agree when their intervals overlap (the idea of XBRL
 * Calculations 1.1).
 *
 * @example
 * ```ts
 * const shown = Interval.ofDisplayed(Amount.of("5812.12", "万元"), 2); // [5812.115, 5812.125] 万元
 * shown.contains(Amount.of("58121209.78"));                            // true
 * ```
 */
export class Interval {
  /** Lowest value, inclusive. */
  readonly low: Amount;
  /** Highest value, inclusive, in the unit of `low`. */
  readonly high: Amount;

  private constructor(low: Amount, high: Amount) {
    this.low = low;
    this.high = high.to(low.unit);
    Object.freeze(this);
  }

  /** The unit of both ends. */
  get unit(): Unit {
    return this.low.unit;
  }

  /**
   * The interval of an exact value: [a, a].
   *
   * @example
   * ```ts
   * Interval.exact(Amount.of("38233551.78")).low.toString(); // "38233551.78"
   * ```
   */
  static exact(a: Amount): Interval {
    return new Interval(a, a);
  }

  /**
   * The interval [low, high] (ends may be given in either order).
   *
   * @example
   * ```ts
   * Interval.between(Amount.of("1"), Amount.of("2")).contains(Amount.of("1.5")); // true
   * ```
   */
  static between(low: Amount, high: Amount): Interval {
    return low.compare(high) <= 0 ? new Interval(low, high) : new Interval(high, low);
  }

  /**
   * What a figure displayed with `decimals` places stands for. Half-up and half-even:
   * [v − ½·10^−d, v + ½·10^−d]. Truncate: [v, v + 10^−d] for positive v, [v − 10^−d, v] for negative v,
   * [−10^−d, 10^−d] for zero (the open end is treated as closed).
   *
   * @example
   * ```ts
   * const i = Interval.ofDisplayed(Amount.of("3823.35", "万元"), 2);
   * i.low.toString();  // "3823.345"
   * i.high.toString(); // "3823.355"
   * ```
   */
  static ofDisplayed(a: Amount, decimals: number, mode: RoundingMode = "half-up"): Interval {
    const u = step(decimals, a.unit);
    if (mode !== "truncate") {
      const half = u.times("0.5");
      return new Interval(a.minus(half), a.plus(half));
    }
    if (a.isPositive()) return new Interval(a, a.plus(u));
    if (a.isNegative()) return new Interval(a.minus(u), a);
    return new Interval(u.negate(), u);
  }

  /**
   * The interval of a sum: [low + o.low, high + o.high], in this unit.
   *
   * @example
   * ```ts
   * const a = Interval.ofDisplayed(Amount.of("1988.77", "万元"), 2);
   * const b = Interval.ofDisplayed(Amount.of("3823.35", "万元"), 2);
   * a.plus(b).high.toString(); // "5812.13"
   * ```
   */
  plus(o: Interval): Interval {
    return new Interval(this.low.plus(o.low), this.high.plus(o.high));
  }

  /**
   * The interval of a sum of intervals, in `unit` (default: the first one's unit, else 元).
   *
   * @example
   * ```ts
   * Interval.sum([Interval.exact(Amount.of("1")), Interval.exact(Amount.of("2"))]).low.toString(); // "3"
   * ```
   */
  static sum(xs: Iterable<Interval>, unit?: Unit): Interval {
    let total: Interval | undefined;
    for (const x of xs) {
      const y = unit === undefined ? x : x.to(unit);
      total = total === undefined ? y : total.plus(y);
    }
    return total ?? Interval.exact(Amount.zero(unit ?? "元"));
  }

  /**
   * Whether the two intervals share at least one value (ends included).
   *
   * @example
   * ```ts
   * const t = Interval.ofDisplayed(Amount.of("5812.12", "万元"), 2);
   * t.overlaps(Interval.exact(Amount.of("58121209.78"))); // true
   * ```
   */
  overlaps(o: Interval): boolean {
    return this.low.compare(o.high) <= 0 && o.low.compare(this.high) <= 0;
  }

  /**
   * Whether `a` lies inside (ends included).
   *
   * @example
   * ```ts
   * Interval.ofDisplayed(Amount.of("12"), 0).contains(Amount.of("12.5")); // true
   * ```
   */
  contains(a: Amount): boolean {
    return this.low.compare(a) <= 0 && a.compare(this.high) <= 0;
  }

  /**
   * The same interval in another unit, exactly.
   *
   * @example
   * ```ts
   * Interval.exact(Amount.of("10000")).to("万元").low.toString(); // "1"
   * ```
   */
  to(unit: Unit): Interval {
    return unit === this.unit ? this : new Interval(this.low.to(unit), this.high.to(unit));
  }

  /**
   * "[low, high] unit", for messages and debugging.
   *
   * @example
   * ```ts
   * Interval.ofDisplayed(Amount.of("1.2"), 1).toString(); // "[1.15, 1.25] 元"
   * ```
   */
  toString(): string {
    return `[${this.low.toString()}, ${this.high.toString()}] ${this.unit}`;
  }
}

/**
 * Whether two sides agree in the rounding-aware sense: their intervals overlap.
 *
 * @example
 * ```ts
 * const narrative = Interval.ofDisplayed(Amount.of("3823.36", "万元"), 2);
 * agree(narrative, Interval.exact(Amount.of("38233551.78"))); // true
 * ```
 */
export function agree(a: Interval, b: Interval): boolean {
  return a.overlaps(b);
}

/**
 * The smallest change, in steps of 10^−decimals, to a reported total displayed with `decimals`
 * places so that its interval overlaps the sum of the parts' intervals; zero when they already
 * agree. The result is in the total's unit and is signed (add it to the total).
 *
 * @example
 * ```ts
 * const parts = [Amount.of("19887658.00"), Amount.of("38233551.78")].map((a) => Interval.exact(a));
 * smallestAdjustment(Amount.of("5812.13", "万元"), 2, parts).toString(); // "-0.01"
 * ```
 */
export function smallestAdjustment(
  reportedTotal: Amount,
  decimals: number,
  parts: Iterable<Interval>,
  mode: RoundingMode = "half-up",
): Amount {
  const unit = reportedTotal.unit;
  const sum = Interval.sum(parts, unit);
  const shown = (v: Amount): Interval => Interval.ofDisplayed(v, decimals, mode);
  if (shown(reportedTotal).overlaps(sum)) return Amount.zero(unit);

  const u = step(decimals, unit);
  const margin = u.times("3");
  // Start at most a few steps beyond the parts' sum on the total's side, then walk toward the sum
  // until the intervals meet: the first meeting point is the closest one to the reported total.
  const tooHigh = shown(reportedTotal).low.compare(sum.high) > 0;
  let c: Amount;
  if (tooHigh) {
    const start = sum.high.round(decimals, "truncate").plus(margin);
    c = start.compare(reportedTotal) < 0 ? start : reportedTotal;
  } else {
    const start = sum.low.round(decimals, "truncate").minus(margin);
    c = start.compare(reportedTotal) > 0 ? start : reportedTotal;
  }
  for (let guard = 0; guard < 16; guard++) {
    if (shown(c).overlaps(sum)) return c.minus(reportedTotal);
    c = tooHigh ? c.minus(u) : c.plus(u);
  }
  throw new Error("smallestAdjustment: no agreeing total found near the parts' sum");
}
