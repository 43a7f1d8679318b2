import { describe, expect, it } from "vitest";
import {
  ancestorsOf,
  codeLength,
  isScheme,
  levelOf,
  parentOf,
  schemeInfo,
  schemeOf,
  SCHEMES,
} from "./scheme";

describe("levelOf", () => {
  it("gives the levels of functional codes", () => {
    expect(levelOf("201", "functional")).toBe("类");
    expect(levelOf("20103", "functional")).toBe("款");
    expect(levelOf("2010301", "functional")).toBe("项");
    expect(levelOf("201030101", "functional")).toBeUndefined();
  });

  it("gives the levels of economic codes, which stop at 款", () => {
    expect(levelOf("301", "economic-dept")).toBe("类");
    expect(levelOf("30102", "economic-dept")).toBe("款");
    expect(levelOf("3010201", "economic-dept")).toBeUndefined();
    expect(levelOf("501", "economic-gov")).toBe("类");
    expect(levelOf("50101", "economic-gov")).toBe("款");
    expect(levelOf("5010101", "economic-gov")).toBeUndefined();
  });

  it("gives the levels of revenue codes down to 目", () => {
    expect(levelOf("101", "revenue")).toBe("类");
    expect(levelOf("10101", "revenue")).toBe("款");
    expect(levelOf("1010101", "revenue")).toBe("项");
    expect(levelOf("101010101", "revenue")).toBe("目");
  });

  it("rejects codes of another scheme, bad lengths and non-digits", () => {
    expect(levelOf("30102", "functional")).toBeUndefined();
    expect(levelOf("20102", "economic-dept")).toBeUndefined();
    expect(levelOf("2010", "functional")).toBeUndefined();
    expect(levelOf("20a", "functional")).toBeUndefined();
    expect(levelOf("", "functional")).toBeUndefined();
  });

  it("takes the scheme from the leading digit when none is given", () => {
    expect(levelOf("30102")).toBe("款");
    expect(levelOf("2010301")).toBe("项");
    expect(levelOf("101010101")).toBe("目");
    expect(levelOf("401")).toBeUndefined();
  });
});

describe("parentOf and ancestorsOf", () => {
  it("walks up functional codes", () => {
    expect(parentOf("2010301")).toBe("20103");
    expect(parentOf("20103")).toBe("201");
    expect(parentOf("201")).toBeUndefined();
    expect(ancestorsOf("2010301")).toEqual(["20103", "201"]);
    expect(ancestorsOf("201")).toEqual([]);
  });

  it("walks up economic codes", () => {
    expect(parentOf("30102", "economic-dept")).toBe("301");
    expect(ancestorsOf("30102", "economic-dept")).toEqual(["301"]);
    expect(parentOf("50101", "economic-gov")).toBe("501");
    expect(ancestorsOf("50101", "economic-gov")).toEqual(["501"]);
  });

  it("walks up revenue codes, nearest first", () => {
    expect(parentOf("101010101", "revenue")).toBe("1010101");
    expect(ancestorsOf("101010101", "revenue")).toEqual(["1010101", "10101", "101"]);
  });

  it("gives nothing for invalid codes", () => {
    expect(parentOf("3010201", "economic-dept")).toBeUndefined();
    expect(ancestorsOf("2010301", "economic-dept")).toEqual([]);
    expect(ancestorsOf("abc")).toEqual([]);
  });
});

describe("scheme helpers", () => {
  it("maps leading digits to schemes", () => {
    expect(schemeOf("1")).toBe("revenue");
    expect(schemeOf("2")).toBe("functional");
    expect(schemeOf("3")).toBe("economic-dept");
    expect(schemeOf("5")).toBe("economic-gov");
    expect(schemeOf("4")).toBeUndefined();
  });

  it("describes every scheme consistently", () => {
    for (const s of SCHEMES) {
      expect(isScheme(s)).toBe(true);
      expect(schemeInfo(s).scheme).toBe(s);
      expect(schemeOf(schemeInfo(s).leadingDigit)).toBe(s);
    }
    expect(isScheme("功能")).toBe(false);
    expect(codeLength("目")).toBe(9);
  });
});
