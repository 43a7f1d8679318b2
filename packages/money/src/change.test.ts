import { describe, expect, it } from "vitest";
import { Amount } from "./amount";
import { percentChange } from "./change";

describe("percentChange", () => {
  it("gives direction, signed difference and percent", () => {
    const up = percentChange(Amount.of("100"), Amount.of("117.62"));
    expect(up.direction).toBe("增加");
    expect(up.difference.toString()).toBe("17.62");
    expect(up.percent).toBe("17.62");

    const down = percentChange(Amount.of("200"), Amount.of("150"));
    expect(down.direction).toBe("减少");
    expect(down.difference.toString()).toBe("-50");
    expect(down.percent).toBe("25.00");

    const flat = percentChange(Amount.of("12.30"), Amount.of("12.3"));
    expect(flat.direction).toBe("持平");
    expect(flat.difference.isZero()).toBe(true);
    expect(flat.percent).toBe("0.00");
  });

  it("has no percent when the base is zero", () => {
    const r = percentChange(Amount.zero(), Amount.of("5"));
    expect(r.direction).toBe("增加");
    expect(r.percent).toBeNull();
    expect(percentChange(Amount.zero(), Amount.zero()).direction).toBe("持平");
  });

  it("rounds exactly, half-up by default", () => {
    // 1/3 = 33.333…%, 2/3 = 66.666…%
    expect(percentChange(Amount.of("3"), Amount.of("4")).percent).toBe("33.33");
    expect(percentChange(Amount.of("3"), Amount.of("5")).percent).toBe("66.67");
    expect(percentChange(Amount.of("3"), Amount.of("5"), 2, "truncate").percent).toBe("66.66");
    // 1/8 = 12.5% exactly: the tie goes up, or to even
    expect(percentChange(Amount.of("8"), Amount.of("9"), 0).percent).toBe("13");
    expect(percentChange(Amount.of("8"), Amount.of("9"), 0, "half-even").percent).toBe("12");
    expect(percentChange(Amount.of("8"), Amount.of("9"), 3).percent).toBe("12.500");
  });

  it("uses magnitudes, so a negative base still gives a positive percent", () => {
    const r = percentChange(Amount.of("-100"), Amount.of("-50"));
    expect(r.direction).toBe("增加");
    expect(r.percent).toBe("50.00");
  });

  it("compares across units", () => {
    const r = percentChange(Amount.of("10000"), Amount.of("1.5", "万元"));
    expect(r.difference.toString()).toBe("0.5");
    expect(r.difference.unit).toBe("万元");
    expect(r.percent).toBe("50.00");
  });

  it("handles amounts with many decimals", () => {
    const r = percentChange(Amount.of("38233551.78"), Amount.of("58121209.78"));
    // 19887658 / 38233551.78 = 0.520156…
    expect(r.percent).toBe("52.02");
  });

  it("rejects a negative number of decimals", () => {
    expect(() => percentChange(Amount.of("1"), Amount.of("2"), -1)).toThrow(RangeError);
  });
});
