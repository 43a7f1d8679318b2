import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, isDateFormat } from "./format";

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
    [0, '#,##0.00;-#,##0.00;"-"', "-"],
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
    for (let places = 0; places < 700; places++)
      expect(formatNumber(1.5, `0.${"0".repeat(places % 30)}"${places}"`)).toMatch(new RegExp(`${places}$`));
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
