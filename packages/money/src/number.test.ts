import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Amount } from "./amount";
import { MoneyError } from "./errors";
import { decimalFromNumber } from "./number";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe("decimalFromNumber", () => {
  test("writes the shortest round-trip decimal without exponent", () => {
    expect(decimalFromNumber(38233551.78)).toBe("38233551.78");
    expect(decimalFromNumber(0.1)).toBe("0.1");
    expect(decimalFromNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(decimalFromNumber(1.5e-7)).toBe("0.00000015");
    expect(decimalFromNumber(-1.5e-7)).toBe("-0.00000015");
    expect(decimalFromNumber(1e21)).toBe("1000000000000000000000");
    expect(decimalFromNumber(-2.5e22)).toBe("-25000000000000000000000");
    expect(decimalFromNumber(1.2345e21)).toBe("1234500000000000000000");
    expect(decimalFromNumber(5e-324)).toBe(`0.${"0".repeat(323)}5`);
    expect(decimalFromNumber(1234.005)).toBe("1234.005");
    expect(decimalFromNumber(42)).toBe("42");
  });

  test("zero has no sign", () => {
    expect(decimalFromNumber(-0)).toBe("0");
    expect(decimalFromNumber(0)).toBe("0");
  });

  test("NaN and infinities are a programming error, with a stable code", () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => decimalFromNumber(n)).toThrow(MoneyError);
      expect(() => decimalFromNumber(n)).toThrow(expect.objectContaining({ code: "NOT_FINITE" }));
    }
  });

  test("property: reads back as the same number, with no exponent", () => {
    fc.assert(
      fc.property(finite, (x) => {
        const s = decimalFromNumber(x);
        expect(s).not.toMatch(/e/i);
        expect(s).toMatch(/^-?\d+(?:\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  test("property: as many significant digits as String(x), no more", () => {
    const significant = (s: string): string =>
      s.replace(/^-/, "").replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
    fc.assert(
      fc.property(finite, (x) => {
        expect(significant(decimalFromNumber(x))).toBe(significant(String(x)));
      }),
    );
  });

  test("property: Amount keeps the order of the numbers", () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const c = Amount.of(decimalFromNumber(a)).compare(Amount.of(decimalFromNumber(b)));
        expect(c).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});
