import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Amount, type RoundingMode, type Unit } from "./amount";
import { Interval, agree, smallestAdjustment } from "./interval";

const wan = (v: string) => Amount.of(v, "万元");
const ends = (i: Interval) => [i.low.toString(), i.high.toString(), i.unit];

describe("Interval", () => {
  it("of an exact value is a point", () => {
    const i = Interval.exact(Amount.of("38233551.78"));
    expect(ends(i)).toEqual(["38233551.78", "38233551.78", "元"]);
    expect(i.contains(Amount.of("38233551.78"))).toBe(true);
    expect(i.contains(Amount.of("38233551.79"))).toBe(false);
  });

  it("of a displayed half-up figure is ± half a unit", () => {
    expect(ends(Interval.ofDisplayed(wan("3823.35"), 2))).toEqual(["3823.345", "3823.355", "万元"]);
    expect(ends(Interval.ofDisplayed(Amount.of("12"), 0))).toEqual(["11.5", "12.5", "元"]);
    expect(ends(Interval.ofDisplayed(Amount.of("-1.2"), 1, "half-even"))).toEqual(["-1.25", "-1.15", "元"]);
    expect(ends(Interval.ofDisplayed(Amount.of("12300"), -2))).toEqual(["12250", "12350", "元"]);
  });

  it("of a truncated figure extends away from zero", () => {
    expect(ends(Interval.ofDisplayed(Amount.of("1.23"), 2, "truncate"))).toEqual(["1.23", "1.24", "元"]);
    expect(ends(Interval.ofDisplayed(Amount.of("-1.23"), 2, "truncate"))).toEqual(["-1.24", "-1.23", "元"]);
    expect(ends(Interval.ofDisplayed(Amount.of("0"), 2, "truncate"))).toEqual(["-0.01", "0.01", "元"]);
  });

  it("adds, sums and converts", () => {
    const a = Interval.ofDisplayed(wan("1988.77"), 2);
    const b = Interval.ofDisplayed(wan("3823.35"), 2);
    expect(ends(a.plus(b))).toEqual(["5812.11", "5812.13", "万元"]);
    expect(ends(Interval.sum([a, b]))).toEqual(["5812.11", "5812.13", "万元"]);
    expect(ends(Interval.sum([a, b], "元"))).toEqual(["58121100", "58121300", "元"]);
    expect(ends(Interval.sum([]))).toEqual(["0", "0", "元"]);
    expect(ends(Interval.sum([], "万元"))).toEqual(["0", "0", "万元"]);
    expect(ends(a.to("元"))).toEqual(["19887650", "19887750", "元"]);
  });

  it("builds from two ends in any order", () => {
    expect(ends(Interval.between(Amount.of("2"), Amount.of("1")))).toEqual(["1", "2", "元"]);
    expect(Interval.ofDisplayed(Amount.of("1.2"), 1).toString()).toBe("[1.15, 1.25] 元");
  });

  it("overlaps inclusively, across units", () => {
    const shown = Interval.ofDisplayed(wan("5812.12"), 2);
    expect(shown.overlaps(Interval.exact(Amount.of("58121209.78")))).toBe(true);
    expect(shown.overlaps(Interval.exact(Amount.of("58121250")))).toBe(true);
    expect(shown.overlaps(Interval.exact(Amount.of("58121250.01")))).toBe(false);
    expect(agree(Interval.ofDisplayed(wan("3823.36"), 2), Interval.exact(Amount.of("38233551.78")))).toBe(
      true,
    );
    expect(agree(Interval.ofDisplayed(wan("3823.35"), 2), Interval.exact(Amount.of("38233551.78")))).toBe(
      false,
    );
  });

  it("shows the sample's residue: 1988.77 + 3823.35 agrees with 5812.12, 1988.77 + 3823.36 does not", () => {
    const total = Interval.ofDisplayed(wan("5812.12"), 2);
    const adjusted = Interval.sum(["1988.77", "3823.35"].map((v) => Interval.ofDisplayed(wan(v), 2)));
    const honest = Interval.sum(["1988.77", "3823.36"].map((v) => Interval.ofDisplayed(wan(v), 2)));
    // Both sums of rounded parts carry ±0.01 of slack, so both agree with the total:
    // this is why the narrative's shifted 0.01 is a residue, not a contradiction.
    expect(agree(total, adjusted)).toBe(true);
    expect(agree(total, honest)).toBe(true);
    expect(
      agree(total, Interval.sum(["1988.77", "3823.38"].map((v) => Interval.ofDisplayed(wan(v), 2)))),
    ).toBe(false);
  });
});

describe("smallestAdjustment", () => {
  const exactParts = [Amount.of("19887658.00"), Amount.of("38233551.78")].map((a) => Interval.exact(a));

  it("is zero when the total already agrees", () => {
    const adj = smallestAdjustment(wan("5812.12"), 2, exactParts);
    expect(adj.isZero()).toBe(true);
    expect(adj.unit).toBe("万元");
  });

  it("moves a total that is too high down to the nearest agreeing figure", () => {
    expect(smallestAdjustment(wan("5812.13"), 2, exactParts).toString()).toBe("-0.01");
    expect(smallestAdjustment(wan("5900"), 2, exactParts).toString()).toBe("-87.88");
  });

  it("moves a total that is too low up", () => {
    expect(smallestAdjustment(wan("5812.11"), 2, exactParts).toString()).toBe("0.01");
    expect(smallestAdjustment(Amount.of("58121200.00"), 2, exactParts).toString()).toBe("9.78");
  });

  it("accounts for the parts' own rounding slack", () => {
    const parts = ["1988.77", "3823.36"].map((v) => Interval.ofDisplayed(wan(v), 2));
    // parts stand for [5812.12, 5812.14]; 5812.15 shows [5812.145, 5812.155]: one step too high.
    expect(smallestAdjustment(wan("5812.15"), 2, parts).toString()).toBe("-0.01");
    expect(smallestAdjustment(wan("5812.14"), 2, parts).isZero()).toBe(true);
    expect(smallestAdjustment(wan("5812.10"), 2, parts).toString()).toBe("0.02");
  });

  it("works with truncated display and negative totals", () => {
    const parts = [Interval.exact(Amount.of("-10.555"))];
    expect(smallestAdjustment(Amount.of("-10.55"), 2, parts, "truncate").isZero()).toBe(true);
    expect(smallestAdjustment(Amount.of("-10.50"), 2, parts, "truncate").toString()).toBe("-0.05");
    expect(smallestAdjustment(Amount.of("-10.60"), 2, parts).toString()).toBe("0.04");
  });

  it("is minimal and makes the total agree (property)", () => {
    const cents = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((n) => Amount.of(n).times("0.01"));
    fc.assert(
      fc.property(
        fc.array(cents, { maxLength: 6 }),
        cents,
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<RoundingMode>("half-up", "half-even", "truncate"),
        fc.constantFrom<Unit>("元", "万元"),
        (parts, totalYuan, decimals, mode, unit) => {
          const total = totalYuan.to(unit).round(decimals, mode);
          const ivs = parts.map((p) => Interval.exact(p));
          const sum = Interval.sum(ivs, unit);
          const shown = (v: Amount) => Interval.ofDisplayed(v, decimals, mode);
          const adj = smallestAdjustment(total, decimals, ivs, mode);
          if (!shown(total.plus(adj)).overlaps(sum)) return false;
          if (adj.isZero()) return shown(total).overlaps(sum);
          const u = Amount.of(decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`, unit);
          const oneLess = adj.isPositive() ? adj.minus(u) : adj.plus(u);
          return !shown(total.plus(oneLess)).overlaps(sum);
        },
      ),
    );
  });
});

describe("Interval.sum of displayed parts (property)", () => {
  it("contains the exact sum, for every rounding mode", () => {
    const amounts = fc
      .tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 6 }))
      .map(([n, k]) => Amount.of(n).times(k === 0 ? "1" : `0.${"0".repeat(k - 1)}1`));
    fc.assert(
      fc.property(
        fc.array(amounts, { maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<RoundingMode>("half-up", "half-even", "truncate"),
        fc.constantFrom<Unit>("元", "万元"),
        (parts, decimals, mode, unit) => {
          const displayed = parts.map((p) =>
            Interval.ofDisplayed(p.to(unit).round(decimals, mode), decimals, mode),
          );
          return Interval.sum(displayed, unit).contains(Amount.sum(parts, unit));
        },
      ),
    );
  });
});
