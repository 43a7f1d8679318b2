import { Amount, pow10String, type RoundingMode, type Unit } from "./amount";

/**
 * Result of {@link allocate}.
 *
 * @example
 * ```ts
 * const r: Allocation = allocate([Amount.of("1.005")], 2);
 * ```
 */
export interface Allocation {
  /** The rounded parts, in order; they add up to `total` exactly. */
  rounded: Amount[];
  /** The exact total of the parts, rounded. */
  total: Amount;
  /** `total` minus the sum of the parts rounded each on its own (the 尾差 to absorb). */
  residue: Amount;
  /** Indexes of the parts whose rounded value differs from their own rounding, ascending. */
  absorbedBy: number[];
}

/**
 * Rounds parts so that they add up to their rounded total (largest-remainder method), as when a
 * narrative lists 基本支出 and 项目支出 in 万元 under a 万元 total. Every part starts rounded toward
 * zero; the units of 10^−decimals still missing go to the parts with the largest remainders (ties:
 * larger part first, then lower index). Each result lies within one unit of its exact value.
 *
 * `unit` defaults to the first part's unit (else 元); `mode` rounds the total and the naive parts
 * (half-up by default).
 *
 * @example
 * ```ts
 * const r = allocate([Amount.of("19887658.00"), Amount.of("38233551.78")], 2, { unit: "万元" });
 * r.rounded.map(String); // ["1988.77", "3823.35"]   (each on its own: 1988.77 + 3823.36 = 5812.13)
 * r.total.toString();    // "5812.12"
 * r.residue.toString();  // "-0.01"
 * r.absorbedBy;          // [1]
 * ```
 */
export function allocate(
  parts: Iterable<Amount>,
  decimals: number,
  options?: { unit?: Unit; mode?: RoundingMode },
): Allocation {
  const given = [...parts];
  const unit = options?.unit ?? given[0]?.unit ?? "元";
  const mode = options?.mode ?? "half-up";
  const ps = given.map((p) => p.to(unit));
  const total = Amount.sum(ps, unit).round(decimals, mode);
  const naive = ps.map((p) => p.round(decimals, mode));
  const rounded = ps.map((p) => p.round(decimals, "truncate"));
  const remainders = ps.map((p, i) => p.minus(rounded[i] as Amount));

  const u = Amount.of(pow10String(-decimals), unit);
  const missing = BigInt(total.minus(Amount.sum(rounded, unit)).times(pow10String(decimals)).toString());
  if (missing !== 0n) {
    const up = missing > 0n;
    // Rounding a part away from its truncation in the other direction would move it more than one
    // unit from its exact value, so only remainders of the right sign can take a unit.
    const candidates = remainders
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => (up ? r.isPositive() : r.isNegative()))
      .sort((a, b) => {
        const byRemainder = up ? b.r.compare(a.r) : a.r.compare(b.r);
        if (byRemainder !== 0) return byRemainder;
        const bySize = (ps[b.i] as Amount).abs().compare((ps[a.i] as Amount).abs());
        return bySize !== 0 ? bySize : a.i - b.i;
      });
    const count = Number(up ? missing : -missing);
    if (count > candidates.length) throw new Error("allocate: more units to hand out than parts can take");
    for (const { i } of candidates.slice(0, count)) {
      const r = rounded[i] as Amount;
      rounded[i] = up ? r.plus(u) : r.minus(u);
    }
  }

  const absorbedBy: number[] = [];
  rounded.forEach((r, i) => {
    if (!r.equals(naive[i] as Amount)) absorbedBy.push(i);
  });
  return { rounded, total, residue: total.minus(Amount.sum(naive, unit)), absorbedBy };
}
