import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate";
import { Amount, type RoundingMode, type Unit } from "./amount";

const strings = (xs: Amount[]) => xs.map((x) => x.toString());

describe("allocate", () => {
  it("makes the sample's 基本支出 and 项目支出 add up to 5812.12 万元", () => {
    const r = allocate([Amount.of("19887658.00"), Amount.of("38233551.78")], 2, { unit: "万元" });
    expect(strings(r.rounded)).toEqual(["1988.77", "3823.35"]);
    expect(r.rounded.every((x) => x.unit === "万元")).toBe(true);
    expect(r.total.toString()).toBe("5812.12");
    expect(r.total.unit).toBe("万元");
    expect(r.residue.toString()).toBe("-0.01");
    expect(r.absorbedBy).toEqual([1]);
  });

  it("changes nothing when the naive rounding already adds up", () => {
    const r = allocate([Amount.of("1.11"), Amount.of("2.22")], 1);
    expect(strings(r.rounded)).toEqual(["1.1", "2.2"]);
    expect(r.total.toString()).toBe("3.3");
    expect(r.residue.isZero()).toBe(true);
    expect(r.absorbedBy).toEqual([]);
  });

  it("hands out missing units to the largest remainders", () => {
    // thirds of 100: 33.333…; the total 100.00 needs one more cent
    const third = Amount.of("100").dividedBy("3");
    const r = allocate([third, third, third], 2);
    expect(strings(r.rounded)).toEqual(["33.34", "33.33", "33.33"]);
    expect(r.total.toString()).toBe("100");
    expect(r.residue.toString()).toBe("0.01");
    expect(r.absorbedBy).toEqual([0]);
  });

  it("breaks ties by larger part, then lower index", () => {
    const r = allocate([Amount.of("0.5"), Amount.of("1.5"), Amount.of("2.5"), Amount.of("1.5")], 0);
    // exact total 6 → 6; truncated 0 + 1 + 2 + 1 = 4; two units go to the two largest parts: 2.5, then 1.5 at index 1
    expect(strings(r.rounded)).toEqual(["0", "2", "3", "1"]);
    expect(r.total.toString()).toBe("6");
    // naive half-up: 1 + 2 + 3 + 2 = 8
    expect(r.residue.toString()).toBe("-2");
    expect(r.absorbedBy).toEqual([0, 3]);
  });

  it("rounds negative parts toward zero first and takes units away from the most negative remainders", () => {
    const r = allocate([Amount.of("-1.006"), Amount.of("-2.006"), Amount.of("-0.002")], 2);
    // exact −3.014 → −3.01; truncated −1.00 − 2.00 − 0.00 = −3.00; one unit to take: tie at −0.006, larger part −2.006 first
    expect(strings(r.rounded)).toEqual(["-1", "-2.01", "0"]);
    expect(r.total.toString()).toBe("-3.01");
    expect(r.residue.toString()).toBe("0.01");
    expect(r.absorbedBy).toEqual([0]);
  });

  it("handles mixed signs", () => {
    const r = allocate([Amount.of("10.6"), Amount.of("-3.4"), Amount.of("2.6")], 0);
    expect(r.total.toString()).toBe("10");
    expect(Amount.sum(r.rounded).toString()).toBe("10");
  });

  it("defaults the unit to the first part's and honours a rounding mode", () => {
    const r = allocate([Amount.of("1.25", "万元"), Amount.of("10000")], 1, { mode: "half-even" });
    expect(r.total.unit).toBe("万元");
    expect(r.total.toString()).toBe("2.2");
    expect(strings(r.rounded)).toEqual(["1.2", "1"]);
  });

  it("gives empty results for no parts", () => {
    const r = allocate([], 2);
    expect(r.rounded).toEqual([]);
    expect(r.total.isZero()).toBe(true);
    expect(r.total.unit).toBe("元");
    expect(r.absorbedBy).toEqual([]);
  });

  it("keeps the total and each part within one unit (property)", () => {
    const amounts = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
      .map(([n, k]) => Amount.of(n).times(k === 0 ? "1" : `0.${"0".repeat(k - 1)}1`));
    fc.assert(
      fc.property(
        fc.array(amounts, { maxLength: 10 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<Unit>("元", "万元"),
        fc.constantFrom<RoundingMode>("half-up", "half-even", "truncate"),
        (parts, decimals, unit, mode) => {
          const r = allocate(parts, decimals, { unit, mode });
          const u = Amount.of(decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`, unit);
          const exactTotal = Amount.sum(parts, unit);
          if (!r.total.equals(exactTotal.round(decimals, mode))) return false;
          if (!Amount.sum(r.rounded, unit).equals(r.total)) return false;
          return parts.every((p, i) => {
            const x = r.rounded[i];
            return (
              x !== undefined &&
              x.unit === unit &&
              x.decimalPlaces() <= decimals &&
              x.minus(p).abs().compare(u) < 0
            );
          });
        },
      ),
    );
  });
});
