import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, isDateFormat, plainDecimal, roundDecimal, shiftDecimal } from "./format";

describe("plainDecimal", () => {
  it("gives the shortest round-trip string without exponent", () => {
    expect(plainDecimal(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(plainDecimal(1.5e-7)).toBe("0.00000015");
    expect(plainDecimal(1e21)).toBe("1000000000000000000000");
    expect(plainDecimal(-2.5e22)).toBe("-25000000000000000000000");
    expect(plainDecimal(-0)).toBe("0");
  });
  it("reads back as the same double", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => Number(plainDecimal(n)) === n || (n === 0 && Object.is(n, -0))));
  });
});

describe("roundDecimal and shiftDecimal", () => {
  it("round half away from zero on the decimal string", () => {
    expect(roundDecimal("1.005", 2)).toBe("1.01");
    expect(roundDecimal("-2.5", 0)).toBe("-3");
    expect(roundDecimal("9.995", 2)).toBe("10");
    expect(roundDecimal("0.004", 2)).toBe("0");
    expect(roundDecimal("-0.004", 2)).toBe("0");
    expect(roundDecimal("12.3", 4)).toBe("12.3");
  });
  it("move the decimal point", () => {
    expect(shiftDecimal("0.125", 2)).toBe("12.5");
    expect(shiftDecimal("12.5", -3)).toBe("0.0125");
    expect(shiftDecimal("7", 3)).toBe("7000");
  });
});

describe("formatNumber", () => {
  it.each([
    [1234567.5, "General", "1234567.5"],
    [0.1 + 0.2, "General", "0.3"],
    [1234.5, undefined, "1234.5"],
    [1234.5, "0", "1235"],
    [1234.5, "0.00", "1234.50"],
    [1234567.5, "#,##0", "1,234,568"],
    [1234567.5, "#,##0.00", "1,234,567.50"],
    [1.005, "0.00", "1.01"],
    [1234.005, "#,##0.00", "1,234.01"],
    [38233551.78, "#,##0.00", "38,233,551.78"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"],
    [-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"],
    [0, "#,##0.00;-#,##0.00;\"-\"", "-"],
    [-0.001, "0.00", "0.00"],
    [0.125, "0%", "13%"],
    [0.125, "0.00%", "12.50%"],
    [1234567, "#,##0,", "1,235"],
    [1234.5, "¥#,##0.00", "¥1,234.50"],
    [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
    [1234.5, '#,##0.00"元"', "1,234.50元"],
    [1234.5, "#,##0.00_ ", "1,234.50 "],
    [0.5, "#.00", ".50"],
    [1234.5, "@", "1234.5"],
    [45306, "yyyy/m/d", "2024/1/15"],
    [45306, "yyyy-mm-dd", "2024/1/15"],
    [45306, 'yyyy"年"m"月"d"日"', "2024/1/15"],
    [45306.5, "yyyy/m/d h:mm", "2024/1/15 12:00"],
    [12345.678, "0.00E+00", "12345.678"],
  ])("%s under %s → %s", (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });

  it("gives the same text for a format however often and after however many other formats", () => {
    const first = [formatNumber(-1234.5, "#,##0.00;(#,##0.00)"), formatNumber(0, '0.00;-0.00;"零"')];
    // More distinct formats than the parsed-format cache keeps, then the first ones again.
    for (let places = 0; places < 700; places++) expect(formatNumber(1.5, `0.${"0".repeat(places % 30)}"${places}"`)).toMatch(new RegExp(`${places}$`));
    expect([formatNumber(-1234.5, "#,##0.00;(#,##0.00)"), formatNumber(0, '0.00;-0.00;"零"')]).toEqual(first);
    expect(first).toEqual(["(1,234.50)", "零"]);
    // An explicit negative section is shown as written, even when the value rounds to zero (as Excel does).
    expect(formatNumber(-0.001, '0.00;-0.00;"零"')).toBe("-0.00");
  });
});

describe("dates", () => {
  it("tells date formats from number formats", () => {
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat("[$-F800]dddd, mmmm dd, yyyy")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(true);
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat('#,##0.00"元"')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
  it("prints dates as yyyy/m/d", () => {
    expect(formatDate(new Date(Date.UTC(2024, 0, 5)), "yyyy-mm-dd")).toBe("2024/1/5");
    expect(formatDate(new Date(Date.UTC(2024, 0, 5, 9, 7)), "h:mm")).toBe("9:07");
  });
});
