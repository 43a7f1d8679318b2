import fc from "fast-check";
import { expect, test } from "vitest";
import { Amount } from "./amount";
import { decimalSumEquals } from "./exact";

test("decides exact sums of plain decimal strings", () => {
  expect(decimalSumEquals("58121209.78", ["19887658.00", "38233551.78"])).toBe(true);
  expect(decimalSumEquals("58121209.78", ["19887658", "38233551.78"])).toBe(true);
  expect(decimalSumEquals("0.3", ["0.1", "0.2"])).toBe(true);
  expect(decimalSumEquals("-1.5", ["-2", "0.5"])).toBe(true);
  expect(decimalSumEquals("0", [])).toBe(true);
  expect(decimalSumEquals("1", ["0.5", "0.6"])).toBe(false);
  expect(decimalSumEquals("1,000", ["1000"])).toBeUndefined();
  expect(decimalSumEquals("1000", ["1e3"])).toBeUndefined();
});

test("agrees with Amount arithmetic", () => {
  const dec = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
    .map(([n, d]) =>
      Amount.of(n)
        .dividedBy(10n ** BigInt(d))
        .toString(),
    );
  fc.assert(
    fc.property(dec, fc.array(dec, { maxLength: 6 }), (total, parts) => {
      const exact = Amount.sum(parts.map((p) => Amount.of(p))).equals(Amount.of(total));
      expect(decimalSumEquals(total, parts)).toBe(exact);
      const sum = Amount.sum(parts.map((p) => Amount.of(p))).toString();
      expect(decimalSumEquals(sum, parts)).toBe(true);
    }),
  );
});
