import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { daxie, levelNameOf, nameOf, parentCodeOf, sumCheck, toAmount, wan } from "../src/functions-core";
import {
  yusuanDaxie,
  yusuanLevel,
  yusuanName,
  yusuanParent,
  yusuanSumcheck,
  yusuanWan,
} from "../src/functions";

describe("toAmount", () => {
  it("reads numbers, typed text and blanks", () => {
    const a = toAmount(0.1);
    expect(a.ok && a.value.toString()).toBe("0.1");
    const b = toAmount("1,234.50");
    expect(b.ok && b.value.toString()).toBe("1234.5");
    const c = toAmount("12.5万元");
    expect(c.ok && c.value.toString()).toBe("125000");
    const d = toAmount("—");
    expect(d.ok && d.value.isZero()).toBe(true);
    const e = toAmount(1e21);
    expect(e.ok && e.value.toString()).toBe("1000000000000000000000");
    expect(toAmount(-0)).toMatchObject({ ok: true });
    expect(toAmount(Number.NaN)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(toAmount(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(toAmount(true)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(toAmount("abc")).toMatchObject({ ok: false, error: "invalidValue" });
  });
});

describe("NAME", () => {
  it("looks up functional and economic codes by their shape", () => {
    expect(nameOf(2019999)).toEqual({ ok: true, value: "其他一般公共服务支出" });
    expect(nameOf("201 99 99")).toEqual({ ok: true, value: "其他一般公共服务支出" });
    expect(nameOf("30102")).toEqual({ ok: true, value: "津贴补贴" });
    expect(nameOf(301, 2025)).toEqual({ ok: true, value: "工资福利支出" });
  });
  it("#N/A for an unknown code, #VALUE! for a malformed code or year", () => {
    expect(nameOf("2999999")).toMatchObject({ ok: false, error: "notAvailable" });
    expect(nameOf("abc")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(nameOf("9010101")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(nameOf("3010201")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(nameOf(20.5)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(nameOf("")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(nameOf(2019999, 1800)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(nameOf(2019999, 2025.5)).toMatchObject({ ok: false, error: "invalidValue" });
  });
});

describe("WAN", () => {
  it("converts 元 to 万元, rounding half-up", () => {
    expect(wan(38233551.78)).toEqual({ ok: true, value: "3823.36" });
    expect(wan(19887700.5, 4)).toEqual({ ok: true, value: "1988.7701" });
    expect(wan(12345)).toEqual({ ok: true, value: "1.23" });
    expect(wan(15000, 0)).toEqual({ ok: true, value: "2" });
    // Exactly half: a binary double would make 0.125 万元 * 100 land below the half.
    expect(wan(1250, 1)).toEqual({ ok: true, value: "0.1" });
    expect(wan(1250, 2)).toEqual({ ok: true, value: "0.13" });
    expect(wan(-1250, 2)).toEqual({ ok: true, value: "-0.13" });
    expect(wan("58,121,209.78")).toEqual({ ok: true, value: "5812.12" });
  });
  it("#VALUE! for bad decimals or amounts", () => {
    expect(wan(1, -1)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(wan(1, 1.5)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(wan(1, 11)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(wan("x")).toMatchObject({ ok: false, error: "invalidValue" });
  });
});

describe("PARENT and LEVEL", () => {
  it("gives the code one level up and the level", () => {
    expect(parentCodeOf(2010199)).toEqual({ ok: true, value: "20101" });
    expect(parentCodeOf("20101")).toEqual({ ok: true, value: "201" });
    expect(parentCodeOf("30102")).toEqual({ ok: true, value: "301" });
    expect(levelNameOf(201)).toEqual({ ok: true, value: "类" });
    expect(levelNameOf("20101")).toEqual({ ok: true, value: "款" });
    expect(levelNameOf("201 01 99")).toEqual({ ok: true, value: "项" });
  });
  it("#N/A for a 类 code's parent, #VALUE! for a bad code", () => {
    expect(parentCodeOf(201)).toMatchObject({ ok: false, error: "notAvailable" });
    expect(parentCodeOf("x")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(levelNameOf("2010")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(levelNameOf(null)).toMatchObject({ ok: false, error: "invalidValue" });
  });
});

describe("DAXIE", () => {
  it("writes 大写金额", () => {
    expect(daxie(1004.05)).toEqual({ ok: true, value: "壹仟零肆元零伍分" });
    expect(daxie(10)).toEqual({ ok: true, value: "壹拾元整" });
    expect(daxie("105,767,210.12")).toEqual({ ok: true, value: "壹亿零伍佰柒拾陆万柒仟贰佰壹拾元壹角贰分" });
    expect(daxie(false)).toMatchObject({ ok: false, error: "invalidValue" });
  });
});

describe("SUMCHECK", () => {
  it("is total − Σ range, exactly, and 0 when they agree", () => {
    expect(sumCheck(0.3, [[0.1], [0.2]])).toEqual({ ok: true, value: "0" });
    expect(
      sumCheck(10, [
        [3, ""],
        [7.01, null],
      ]),
    ).toEqual({ ok: true, value: "-0.01" });
    expect(sumCheck("58,121,209.78", [["19,887,658.00"], [38233551.78]])).toEqual({ ok: true, value: "0" });
    expect(sumCheck(5, [])).toEqual({ ok: true, value: "5" });
  });
  it("#VALUE! for unreadable cells", () => {
    expect(sumCheck(1, [["abc"]])).toMatchObject({ ok: false, error: "invalidValue" });
    expect(sumCheck(true, [[1]])).toMatchObject({ ok: false, error: "invalidValue" });
  });
});

describe("the registered wrappers", () => {
  class FakeCfError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  beforeEach(() => {
    g.CustomFunctions = { Error: FakeCfError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
  });
  afterEach(() => {
    delete g.CustomFunctions;
  });

  it("return plain values for Excel (numbers for WAN and SUMCHECK)", () => {
    expect(yusuanName(2019999)).toBe("其他一般公共服务支出");
    expect(yusuanWan(38233551.78)).toBe(3823.36);
    expect(yusuanParent(2010199)).toBe("20101");
    expect(yusuanLevel(20101)).toBe("款");
    expect(yusuanDaxie(10)).toBe("壹拾元整");
    expect(yusuanSumcheck(10, [[3], [7]])).toBe(0);
    expect(yusuanSumcheck(0.3, [[0.1], [0.2]])).toBe(0);
  });

  it("throw CustomFunctions.Error with the Excel error code and a message", () => {
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const na = caught(() => yusuanName("2999999"));
    expect(na).toBeInstanceOf(FakeCfError);
    expect(na).toMatchObject({ code: "#N/A", message: expect.stringContaining("2999999") });
    expect(caught(() => yusuanWan("abc"))).toMatchObject({ code: "#VALUE!" });
    expect(caught(() => yusuanParent(201))).toMatchObject({ code: "#N/A" });
    expect(caught(() => yusuanSumcheck(1, [[true]]))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("limits of the custom functions", () => {
  it("PARENT and LEVEL reject codes with a 00 款 or 项", () => {
    expect(parentCodeOf("2010100")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(parentCodeOf(20100)).toMatchObject({ ok: false, error: "invalidValue" });
    expect(levelNameOf("2010100")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(parentCodeOf("2010101")).toEqual({ ok: true, value: "20101" });
  });

  it("DAXIE stops below 1 亿亿, where 大写 would need 亿亿", () => {
    expect(daxie("9999999999999999.99")).toMatchObject({ ok: true });
    expect(daxie("10000000000000000")).toMatchObject({ ok: false, error: "invalidValue" });
    expect(daxie("-10000000000000000")).toMatchObject({ ok: false, error: "invalidValue" });
  });

  it("NAME of a code missing from the built-in catalog says the catalog is partial and how to load a full one", () => {
    const r = nameOf("2081111");
    expect(r).toMatchObject({ ok: false, error: "notAvailable" });
    if (!r.ok) {
      expect(r.message).toContain("内置");
      expect(r.message).toContain("catalog import");
      expect(r.messageEn).toContain("built-in catalog");
    }
  });
});
