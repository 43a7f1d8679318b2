import { describe, expect, it } from "vitest";
import { Amount } from "./amount";
import { formatAmount, formatWan } from "./format";

describe("formatAmount", () => {
  it.each([
    ["58121209.78", "58,121,209.78"],
    ["0", "0.00"],
    ["12", "12.00"],
    ["-12", "-12.00"],
    ["123", "123.00"],
    ["1234", "1,234.00"],
    ["123456", "123,456.00"],
    ["1234567.005", "1,234,567.01"],
    ["-1234567.005", "-1,234,567.01"],
    ["999.995", "1,000.00"],
    ["-0.004", "0.00"],
  ])("%s → %s", (v, want) => {
    expect(formatAmount(Amount.of(v))).toBe(want);
  });

  it("takes decimals, thousands and mode", () => {
    const a = Amount.of("1234567.125");
    expect(formatAmount(a, { decimals: 0 })).toBe("1,234,567");
    expect(formatAmount(a, { decimals: 4 })).toBe("1,234,567.1250");
    expect(formatAmount(a, { thousands: false })).toBe("1234567.13");
    expect(formatAmount(a, { mode: "half-even" })).toBe("1,234,567.12");
    expect(formatAmount(a, { mode: "truncate", decimals: 1 })).toBe("1,234,567.1");
  });

  it("formats in the amount's own unit", () => {
    expect(formatAmount(Amount.of("58121209.78").to("万元"))).toBe("5,812.12");
  });
});

describe("formatWan", () => {
  it("gives the 万元 figure of the narrative", () => {
    expect(formatWan(Amount.of("58121209.78"))).toBe("5812.12");
    expect(formatWan(Amount.of("38233551.78"))).toBe("3823.36");
    expect(formatWan(Amount.of("19887658.00"))).toBe("1988.77");
    expect(formatWan(Amount.of("4933642"), 4)).toBe("493.3642");
    expect(formatWan(Amount.of("5812.12", "万元"))).toBe("5812.12");
    expect(formatWan(Amount.of("1.5", "亿元"), 0)).toBe("15000");
    expect(formatWan(Amount.of("-125"))).toBe("-0.01");
  });

  it("rounds half-up unless told otherwise", () => {
    expect(formatWan(Amount.of("50"))).toBe("0.01");
    expect(formatWan(Amount.of("50"), 2, "half-even")).toBe("0.00");
    expect(formatWan(Amount.of("199"), 2, "truncate")).toBe("0.01");
  });
});
