import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Amount, type Unit, UNITS, isUnit } from "./amount";
import { MoneyError } from "./errors";

/** Amounts with up to 6 decimals and up to 15 integer digits, in any unit. */
const amounts = fc
  .tuple(
    fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }),
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom<Unit>(...UNITS),
  )
  .map(([n, k, unit]) => Amount.of(n, unit).times(k === 0 ? "1" : `0.${"0".repeat(k - 1)}1`));

describe("Amount.of", () => {
  it("reads plain decimal strings and bigints", () => {
    expect(Amount.of("1234.50").toString()).toBe("1234.5");
    expect(Amount.of("-12").toString()).toBe("-12");
    expect(Amount.of("+7.0").toString()).toBe("7");
    expect(Amount.of("000123").toString()).toBe("123");
    expect(Amount.of(123456789012345678901234567890n).toString()).toBe("123456789012345678901234567890");
    expect(Amount.of("1").unit).toBe("元");
    expect(Amount.of("1", "万元").unit).toBe("万元");
  });

  it("converts a given Amount only when a unit is asked for", () => {
    const a = Amount.of("1.5", "万元");
    expect(Amount.of(a)).toBe(a);
    expect(Amount.of(a, "元").toString()).toBe("15000");
  });

  it.each(["abc", "1,234", "1e5", "", " 1", "1.", ".5", "--1", "NaN", "Infinity", "１２"])(
    "throws a TypeError (MoneyError INVALID_DECIMAL) on %j",
    (s) => {
      expect(() => Amount.of(s)).toThrow(TypeError);
      try {
        Amount.of(s);
      } catch (e) {
        expect(e).toBeInstanceOf(MoneyError);
        expect((e as MoneyError).code).toBe("INVALID_DECIMAL");
        expect((e as MoneyError).messageEn).toContain("not a decimal");
      }
    },
  );

  it("throws on a non-string, non-bigint value and on a bad unit", () => {
    expect(() => Amount.of(12 as unknown as string)).toThrow(MoneyError);
    expect(() => Amount.of("1", "千元" as Unit)).toThrow(expect.objectContaining({ code: "UNIT" }));
  });

  it("has no negative zero", () => {
    const z = Amount.of("-0.00");
    expect(z.toString()).toBe("0");
    expect(z.isNegative()).toBe(false);
    expect(z.isZero()).toBe(true);
    expect(Amount.of("5").minus(Amount.of("5")).negate().toString()).toBe("0");
  });

  it("is immutable", () => {
    const a = Amount.of("1");
    expect(Object.isFrozen(a)).toBe(true);
    a.plus(Amount.of("2"));
    expect(a.toString()).toBe("1");
  });
});

describe("units", () => {
  it("knows the three units", () => {
    expect(UNITS).toEqual(["元", "万元", "亿元"]);
    expect(isUnit("亿元")).toBe(true);
    expect(isUnit("千元")).toBe(false);
  });

  it("converts exactly between 元, 万元 and 亿元", () => {
    expect(Amount.of("38233551.78").to("万元").toString()).toBe("3823.355178");
    expect(Amount.of("38233551.78").to("亿元").toString()).toBe("0.3823355178");
    expect(Amount.of("3", "亿元").to("万元").toString()).toBe("30000");
    expect(Amount.of("0.0001", "万元").to("元").toString()).toBe("1");
  });

  it("sums in the first amount's unit or the given one", () => {
    const xs = [Amount.of("1", "万元"), Amount.of("2500")];
    expect(Amount.sum(xs).toString()).toBe("1.25");
    expect(Amount.sum(xs).unit).toBe("万元");
    expect(Amount.sum(xs, "元").toString()).toBe("12500");
    expect(Amount.sum([]).equals(Amount.zero())).toBe(true);
    expect(Amount.sum([], "万元").unit).toBe("万元");
  });

  it("combines across units in this amount's unit", () => {
    const wan = Amount.of("1", "万元");
    expect(wan.plus(Amount.of("1")).toString()).toBe("1.0001");
    expect(wan.plus(Amount.of("1")).unit).toBe("万元");
    expect(Amount.of("1").plus(wan).toString()).toBe("10001");
    expect(wan.minus(Amount.of("10000")).isZero()).toBe(true);
  });

  it("compares unit-aware", () => {
    expect(Amount.of("1", "万元").equals(Amount.of("10000.00"))).toBe(true);
    expect(Amount.of("1", "万元").compare(Amount.of("9999.99"))).toBe(1);
    expect(Amount.of("-1").compare(Amount.of("0"))).toBe(-1);
    expect(Amount.of("2.50").compare(Amount.of("2.5"))).toBe(0);
  });

  it("makes equal values structurally equal, and different values not", () => {
    expect(Amount.of("1.50")).toEqual(Amount.of("1.5"));
    expect(Amount.of("1.5")).not.toEqual(Amount.of("1.6"));
    expect(Amount.of("1", "万元")).not.toEqual(Amount.of("1"));
  });
});

describe("arithmetic", () => {
  it("negates, takes absolute values and tells signs", () => {
    expect(Amount.of("12").negate().toString()).toBe("-12");
    expect(Amount.of("-12.5").abs().toString()).toBe("12.5");
    expect(Amount.of("0.01").isPositive()).toBe(true);
    expect(Amount.of("-0.01").isNegative()).toBe(true);
    expect(Amount.zero().isPositive()).toBe(false);
    expect(Amount.zero().isNegative()).toBe(false);
  });

  it("multiplies exactly", () => {
    expect(Amount.of("100").times("0.175").toString()).toBe("17.5");
    expect(Amount.of("0.1").times("0.2").toString()).toBe("0.02");
    expect(Amount.of("12345678901234567.89").times(3n).toString()).toBe("37037036703703703.67");
    expect(() => Amount.of("1").times("x")).toThrow(MoneyError);
  });

  it("divides to 40 significant digits", () => {
    expect(Amount.of("1").dividedBy("3").toString()).toBe(`0.${"3".repeat(40)}`);
    expect(Amount.of("2").dividedBy("3").toString()).toBe(`0.${"6".repeat(39)}7`);
    expect(Amount.of("100").dividedBy("8").toString()).toBe("12.5");
    expect(Amount.of("100").dividedBy(4n).toString()).toBe("25");
  });

  it("keeps exactness after a division", () => {
    const third = Amount.of("1").dividedBy("3");
    const big = third.plus(Amount.of("1000000000000000000000000000000"));
    expect(big.toString()).toBe(`1000000000000000000000000000000.${"3".repeat(40)}`);
  });

  it("throws on division by zero", () => {
    expect(() => Amount.of("1").dividedBy("0.00")).toThrow(
      expect.objectContaining({ code: "DIVISION_BY_ZERO" }),
    );
    expect(() => Amount.of("1").dividedBy(0n)).toThrow(MoneyError);
  });

  it("adds like decimals, not like floats", () => {
    expect(Amount.of("0.1").plus(Amount.of("0.2")).toString()).toBe("0.3");
    expect(Amount.of("19887658.00").plus(Amount.of("38233551.78")).toString()).toBe("58121209.78");
  });
});

describe("rounding", () => {
  const cases: [string, number, "half-up" | "half-even" | "truncate", string][] = [
    ["2.345", 2, "half-up", "2.35"],
    ["2.345", 2, "half-even", "2.34"],
    ["2.355", 2, "half-even", "2.36"],
    ["2.349", 2, "truncate", "2.34"],
    ["-2.345", 2, "half-up", "-2.35"],
    ["-2.345", 2, "half-even", "-2.34"],
    ["-2.349", 2, "truncate", "-2.34"],
    ["-2.5", 0, "half-up", "-3"],
    ["-2.5", 0, "half-even", "-2"],
    ["2.5", 0, "half-even", "2"],
    ["3.5", 0, "half-even", "4"],
    ["3823.355178", 2, "half-up", "3823.36"],
    ["1988.7658", 2, "half-up", "1988.77"],
    ["12345", -2, "half-up", "12300"],
    ["12350", -2, "half-up", "12400"],
    ["-0.004", 2, "half-up", "0"],
  ];
  it.each(cases)("round(%s, %i, %s) = %s", (v, d, mode, want) => {
    expect(Amount.of(v).round(d, mode).toString()).toBe(want);
  });

  it("rounds half-up by default", () => {
    expect(Amount.of("0.125").round(2).toString()).toBe("0.13");
    expect(Amount.of("0.125").toFixed(2)).toBe("0.13");
  });

  it("pads toFixed and never prints a negative zero", () => {
    expect(Amount.of("5812.120978").toFixed(2)).toBe("5812.12");
    expect(Amount.of("12").toFixed(2)).toBe("12.00");
    expect(Amount.of("-12").toFixed(2)).toBe("-12.00");
    expect(Amount.of("-0.001").toFixed(2)).toBe("0.00");
    expect(Amount.of("-2.345").toFixed(2, "half-even")).toBe("-2.34");
    expect(Amount.of("1.999").toFixed(0, "truncate")).toBe("1");
  });

  it("rejects a non-integer number of decimals", () => {
    expect(() => Amount.of("1").round(1.5)).toThrow(RangeError);
    expect(() => Amount.of("1").toFixed(Number.NaN)).toThrow(RangeError);
  });

  it("counts the decimals of the exact value", () => {
    expect(Amount.of("0.80").decimalPlaces()).toBe(1);
    expect(Amount.of("12").decimalPlaces()).toBe(0);
    expect(Amount.of("38233551.78").to("万元").decimalPlaces()).toBe(6);
  });
});

describe("text forms", () => {
  it("prints plain decimals without exponent or padding", () => {
    expect(Amount.of("38233551.78").toString()).toBe("38233551.78");
    expect(Amount.of("-0.5").toString()).toBe("-0.5");
    expect(Amount.of("0").toString()).toBe("0");
    expect(Amount.of("0.0000000001").toString()).toBe("0.0000000001");
    expect(Amount.of("100000000000000000000000").toString()).toBe("100000000000000000000000");
  });

  it("serialises to JSON as a string", () => {
    expect(JSON.stringify({ a: Amount.of("1.50") })).toBe('{"a":"1.5"}');
    expect(Amount.of("-3").toJSON()).toBe("-3");
  });
});

describe("laws (property)", () => {
  it("addition is commutative", () => {
    fc.assert(fc.property(amounts, amounts, (a, b) => a.plus(b).equals(b.plus(a))));
  });

  it("zero is the identity", () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom<Unit>(...UNITS), (a, u) => {
        const z = Amount.zero(u);
        return a.plus(z).equals(a) && a.minus(z).equals(a) && a.plus(z).unit === a.unit;
      }),
    );
  });

  it("a + b − b = a, exactly", () => {
    fc.assert(fc.property(amounts, amounts, (a, b) => a.plus(b).minus(b).toString() === a.toString()));
  });

  it("addition is associative", () => {
    fc.assert(
      fc.property(amounts, amounts, amounts, (a, b, c) =>
        a
          .plus(b)
          .plus(c)
          .equals(a.plus(b.plus(c))),
      ),
    );
  });

  it("a − b = −(b − a) and a + (−a) = 0", () => {
    fc.assert(
      fc.property(
        amounts,
        amounts,
        (a, b) => a.minus(b).equals(b.minus(a).negate()) && a.plus(a.negate()).isZero(),
      ),
    );
  });

  it("unit conversion round-trips exactly", () => {
    fc.assert(
      fc.property(
        amounts,
        fc.constantFrom<Unit>(...UNITS),
        (a, u) => a.to(u).to(a.unit).toString() === a.toString(),
      ),
    );
  });

  it("toString reads back through Amount.of", () => {
    fc.assert(fc.property(amounts, (a) => Amount.of(a.toString(), a.unit).equals(a)));
  });
});
