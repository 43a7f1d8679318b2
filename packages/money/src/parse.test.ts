import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Amount, type Unit, UNITS } from "./amount";
import { MoneyError } from "./errors";
import { formatAmount } from "./format";
import { type ParseNote, parseAmount, parsePercent } from "./parse";

function ok(text: string, options?: { unit?: Unit }) {
  const r = parseAmount(text, options);
  if (!r.ok || r.blank)
    throw new Error(`expected a number from ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r;
}

describe("parseAmount: numbers", () => {
  const cases: [string, string, number, Unit, ParseNote[]][] = [
    ["1,234.50", "1234.5", 2, "元", ["thousands-separator"]],
    ["1234.5", "1234.5", 1, "元", []],
    ["0.00", "0", 2, "元", []],
    ["0.80", "0.8", 2, "元", []],
    ["58,121,209.78", "58121209.78", 2, "元", ["thousands-separator"]],
    ["１２３．４５", "123.45", 2, "元", ["full-width"]],
    ["１，２３４．５０", "1234.5", 2, "元", ["full-width", "thousands-separator"]],
    ["1，234.50", "1234.5", 2, "元", ["full-width", "thousands-separator"]],
    ["493. 3642", "493.3642", 4, "元", ["inner-space"]],
    ["493 .3642", "493.3642", 4, "元", ["inner-space"]],
    ["1, 234.00", "1234", 2, "元", ["thousands-separator", "inner-space"]],
    ["-12.00", "-12", 2, "元", []],
    ["−12", "-12", 0, "元", []],
    ["–12", "-12", 0, "元", []],
    ["－12", "-12", 0, "元", ["full-width"]],
    ["- 12", "-12", 0, "元", ["inner-space"]],
    ["+12", "12", 0, "元", []],
    ["(12.00)", "-12", 2, "元", ["parentheses-negative"]],
    ["（12.00）", "-12", 2, "元", ["full-width", "parentheses-negative"]],
    ["(1,234.5)", "-1234.5", 1, "元", ["parentheses-negative", "thousands-separator"]],
    ["12.5万元", "12.5", 1, "万元", ["unit-suffix"]],
    ["9万元", "9", 0, "万元", ["unit-suffix"]],
    ["12.5 万元", "12.5", 1, "万元", ["unit-suffix"]],
    ["12.5万", "12.5", 1, "万元", ["unit-suffix"]],
    ["105,767,210.12元", "105767210.12", 2, "元", ["unit-suffix", "thousands-separator"]],
    ["3亿元", "3", 0, "亿元", ["unit-suffix"]],
    ["-3.5亿", "-3.5", 1, "亿元", ["unit-suffix"]],
    ["(12.00)元", "-12", 2, "元", ["unit-suffix", "parentheses-negative"]],
    ["12.", "12", 0, "元", ["trailing-dot"]],
    [".5", "0.5", 1, "元", []],
    ["  1234.50\t", "1234.5", 2, "元", []],
    ["\u00a01234\u3000", "1234", 0, "元", ["full-width"]],
    ["007", "7", 0, "元", []],
    ["123", "123", 0, "元", []],
  ];
  it.each(cases)("%j → %s (%i decimals, %s)", (text, value, decimals, unit, notes) => {
    const r = ok(text);
    expect(r.amount.toString()).toBe(value);
    expect(r.amount.unit).toBe(unit);
    expect(r.unit).toBe(unit);
    expect(r.decimals).toBe(decimals);
    expect([...r.notes].sort()).toEqual([...notes].sort());
  });

  it("keeps the displayed decimals in `normalized`", () => {
    expect(ok("(1,234.50)").normalized).toBe("-1234.50");
    expect(ok("0.00").normalized).toBe("0.00");
    expect(ok("-0.00").normalized).toBe("0.00");
    expect(ok("12.").normalized).toBe("12");
    expect(ok("9万元").normalized).toBe("9");
    expect(ok("00012.30").normalized).toBe("12.30");
  });

  it("uses options.unit when there is no suffix, and the suffix over it", () => {
    expect(ok("5812.12", { unit: "万元" }).amount.equals(Amount.of("58121200"))).toBe(true);
    expect(ok("5812.12", { unit: "万元" }).unit).toBe("万元");
    expect(ok("12元", { unit: "万元" }).unit).toBe("元");
  });

  it("throws only on a bad options.unit (a programming error)", () => {
    expect(() => parseAmount("1", { unit: "千元" as Unit })).toThrow(MoneyError);
  });
});

describe("parseAmount: blanks", () => {
  const blanks: [string, "empty" | "dash" | "zero-word", ParseNote[]][] = [
    ["", "empty", []],
    ["  ", "empty", []],
    ["\t", "empty", []],
    ["—", "dash", ["dash-as-zero"]],
    ["——", "dash", ["dash-as-zero"]],
    ["–", "dash", ["dash-as-zero"]],
    ["-", "dash", ["dash-as-zero"]],
    ["－", "dash", ["full-width", "dash-as-zero"]],
    ["−", "dash", ["dash-as-zero"]],
    [" — ", "dash", ["dash-as-zero"]],
    ["零", "zero-word", []],
    ["无", "zero-word", []],
  ];
  it.each(blanks)("%j is a blank (%s)", (text, kind, notes) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(true);
    if (!r.ok || !r.blank) throw new Error("expected a blank");
    expect(r.blankKind).toBe(kind);
    expect(r.amount.isZero()).toBe(true);
    expect(r.decimals).toBe(0);
    expect(r.unit).toBe("元");
    expect(r.notes).toEqual(notes);
  });

  it("gives a blank zero in the requested unit", () => {
    const r = parseAmount("—", { unit: "万元" });
    expect(r.ok && r.amount.unit).toBe("万元");
  });

  it("tells a real zero from a blank", () => {
    const r = parseAmount("0");
    expect(r.ok && r.blank).toBe(false);
  });
});

describe("parseAmount: garbage", () => {
  const garbage: [string, string][] = [
    ["abc", "invalid-character"],
    ["１２a", "invalid-character"],
    ["12a", "invalid-character"],
    ["1e5", "invalid-character"],
    ["¥12", "invalid-character"],
    ["12%", "invalid-character"],
    ["1.2.3", "multiple-points"],
    ["12,34", "bad-grouping"],
    ["1,2345", "bad-grouping"],
    [",123", "bad-grouping"],
    ["1.234,5", "bad-grouping"],
    ["1 234", "ambiguous-space"],
    ["12 34.5", "ambiguous-space"],
    ["12-", "misplaced-sign"],
    ["--12", "misplaced-sign"],
    ["(-12)", "misplaced-sign"],
    ["(12", "unbalanced-parentheses"],
    ["12)", "unbalanced-parentheses"],
    ["()", "no-digits"],
    [".", "no-digits"],
    ["-.", "no-digits"],
    ["元", "unit-only"],
    ["万元", "unit-only"],
    ["千元", "invalid-character"],
  ];
  it.each(garbage)("%j is rejected (%s) with a reason in both languages", (text, code) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.input).toBe(text);
    expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(r.reasonEn).toMatch(/[a-z]/);
  });

  it("names the offending character", () => {
    const r = parseAmount("12x4");
    expect(!r.ok && r.reason).toContain("x");
  });

  it("does not throw on a non-string from untyped callers", () => {
    const r = parseAmount(12 as unknown as string);
    expect(r.ok).toBe(false);
  });
});

describe("parsePercent", () => {
  it.each([
    ["17.62%", "17.62", 2, undefined],
    ["100%", "100", 0, undefined],
    ["１００％", "100", 0, undefined],
    ["≥90%", "90", 0, "≥"],
    [">=90%", "90", 0, "≥"],
    ["＞＝90%", "90", 0, "≥"],
    ["≤5%", "5", 0, "≤"],
    ["<=5.0%", "5.0", 1, "≤"],
    ["> 80 %", "80", 0, ">"],
    ["<1%", "1", 0, "<"],
    ["=100%", "100", 0, "="],
    ["不低于95%", "95", 0, "≥"],
    ["-3.5%", "-3.5", 1, undefined],
    ["0.80%", "0.80", 2, undefined],
  ] as const)("%j → %s", (text, value, decimals, comparator) => {
    const r = parsePercent(text);
    expect(r).toEqual(
      comparator === undefined ? { ok: true, value, decimals } : { ok: true, value, decimals, comparator },
    );
  });

  it.each([
    ["90", "missing-percent"],
    ["", "no-digits"],
    ["%", "no-digits"],
    ["abc%", "invalid-character"],
    ["9.0.1%", "multiple-points"],
    ["≥", "no-digits"],
  ])("%j is rejected (%s)", (text, code) => {
    const r = parsePercent(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
    expect(!r.ok && r.reason.length > 0 && r.reasonEn.length > 0).toBe(true);
  });
});

describe("parse ∘ format (property)", () => {
  const amounts = fc
    .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, k]) => Amount.of(n).times(k === 0 ? "1" : `0.${"0".repeat(k - 1)}1`));

  it("formatAmount then parseAmount gives the same value and decimals", () => {
    fc.assert(
      fc.property(
        amounts,
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.constantFrom<Unit>(...UNITS),
        (a, decimals, thousands, unit) => {
          const shown = formatAmount(a, { decimals, thousands });
          const r = parseAmount(shown, { unit });
          if (!r.ok || r.blank) return false;
          return (
            r.decimals === decimals && r.amount.toString() === a.round(decimals).toString() && r.unit === unit
          );
        },
      ),
    );
  });

  it("reading the normalized text again gives the same result", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 4 }), (a, decimals) => {
        const first = parseAmount(formatAmount(a, { decimals }));
        if (!first.ok || first.blank) return false;
        const second = parseAmount(first.normalized);
        return (
          second.ok && !second.blank && second.normalized === first.normalized && second.notes.length === 0
        );
      }),
    );
  });
});
