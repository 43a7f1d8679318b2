import { Amount, pow10String, type RoundingMode } from "./amount";

/**
 * The direction words of a year-on-year sentence: "比上年增加/减少…", or 持平 when equal.
 *
 * @example
 * ```ts
 * const d: Direction = "增加";
 * ```
 */
export type Direction = "增加" | "减少" | "持平";

/** The amount as an integer count of 10^−k. */
function scaled(a: Amount, k: number): bigint {
  return BigInt(a.times(pow10String(k)).toString());
}

/** n / d rounded to an integer, n ≥ 0, d > 0. */
function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const twice = (n % d) * 2n;
  if (mode === "truncate") return q;
  if (twice > d) return q + 1n;
  if (twice < d) return q;
  return mode === "half-up" || q % 2n === 1n ? q + 1n : q;
}

/**
 * The change from `from` to `to`: its direction, the signed difference `to − from` (in `to`'s unit)
 * and the relative size |to − from| / |from| × 100, rounded exactly (half-up by default) to
 * `decimals` places (default 2); `percent` is null when `from` is zero.
 *
 * @example
 * ```ts
 * const c = percentChange(Amount.of("100"), Amount.of("117.62"));
 * c.direction;              // "增加"
 * c.difference.toString();  // "17.62"
 * c.percent;                // "17.62"
 * ```
 */
export function percentChange(
  from: Amount,
  to: Amount,
  decimals = 2,
  mode: RoundingMode = "half-up",
): { direction: Direction; difference: Amount; percent: string | null } {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 1000) {
    throw new RangeError(`decimals must be an integer between 0 and 1000, got ${String(decimals)}`);
  }
  const difference = to.minus(from);
  const sign = difference.compare(Amount.zero(difference.unit));
  const direction: Direction = sign > 0 ? "增加" : sign < 0 ? "减少" : "持平";
  if (from.isZero()) return { direction, difference, percent: null };

  const x = difference.abs();
  const y = from.abs().to(x.unit);
  const k = Math.max(x.decimalPlaces(), y.decimalPlaces());
  const n = scaled(x, k) * 100n * 10n ** BigInt(decimals);
  const q = divideRounded(n, scaled(y, k), mode);
  const percent = Amount.of(q).times(pow10String(-decimals)).toFixed(decimals);
  return { direction, difference, percent };
}
