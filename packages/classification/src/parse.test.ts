import { describe, expect, it } from "vitest";
import { parseCode, type ParsedCode } from "./parse";

function ok(r: ParsedCode): Extract<ParsedCode, { ok: true }> {
  if (!r.ok) throw new Error(`expected a code, got: ${r.reason}`);
  return r;
}

function bad(r: ParsedCode): Extract<ParsedCode, { ok: false }> {
  if (r.ok) throw new Error(`expected a failure, got code ${r.code}`);
  return r;
}

describe("parseCode: printed forms", () => {
  it("reads a joined code", () => {
    const r = ok(parseCode("2019999"));
    expect(r).toEqual({
      ok: true,
      code: "2019999",
      scheme: "functional",
      level: "项",
      normalised: ["joined"],
    });
  });

  it("reads 类 and 款 codes joined", () => {
    expect(ok(parseCode("201")).level).toBe("类");
    expect(ok(parseCode("20199")).level).toBe("款");
  });

  it("reads a code split into level columns", () => {
    const r = ok(parseCode(["201", "99", "99"]));
    expect(r.code).toBe("2019999");
    expect(r.level).toBe("项");
    expect(r.normalised).toEqual(["split"]);
  });

  it("takes the 项 digits from the name cell", () => {
    const r = ok(parseCode(["201", "99"], { nameCell: "99 其他一般公共服务支出" }));
    expect(r.code).toBe("2019999");
    expect(r.name).toBe("其他一般公共服务支出");
    expect(r.normalised).toEqual(["split", "from-name-cell"]);
  });

  it("takes 项 digits glued to the name (no space)", () => {
    const r = ok(parseCode(["204", "02"], { nameCell: "20执法办案" }));
    expect(r.code).toBe("2040220");
    expect(r.name).toBe("执法办案");
  });

  it("leaves a 款 row's name alone when the name has no leading digits", () => {
    const r = ok(parseCode(["201", "99", ""], { nameCell: "其他一般公共服务支出" }));
    expect(r.code).toBe("20199");
    expect(r.level).toBe("款");
    expect(r.name).toBe("其他一般公共服务支出");
    expect(r.normalised).not.toContain("from-name-cell");
  });

  it("reads a whole code printed in the name cell", () => {
    const r = ok(parseCode(["", "", ""], { nameCell: "2010301 行政运行" }));
    expect(r.code).toBe("2010301");
    expect(r.name).toBe("行政运行");
    expect(r.normalised).toEqual(["from-name-cell"]);
  });

  it("strips 项 digits printed twice (in their column and before the name)", () => {
    const r = ok(parseCode(["201", "99", "99"], { nameCell: "99 其他一般公共服务支出" }));
    expect(r.code).toBe("2019999");
    expect(r.name).toBe("其他一般公共服务支出");
  });

  it("pads a one-digit 款 and flags it", () => {
    const r = ok(parseCode(["301", "2"], { scheme: "economic-dept" }));
    expect(r.code).toBe("30102");
    expect(r.level).toBe("款");
    expect(r.normalised).toEqual(["split", "padded-kuan"]);
  });

  it("reads full-width digits", () => {
    const r = ok(parseCode("２０１"));
    expect(r.code).toBe("201");
    expect(r.normalised).toEqual(["joined", "full-width"]);
  });

  it("reads full-width digits in the name cell", () => {
    const r = ok(parseCode(["201", "99"], { nameCell: "９９ 其他一般公共服务支出" }));
    expect(r.code).toBe("2019999");
    expect(r.normalised).toContain("full-width");
  });

  it("reads a code split by spaces, including ideographic spaces", () => {
    const r = ok(parseCode("201 99 99"));
    expect(r.code).toBe("2019999");
    expect(r.normalised).toEqual(["split", "spaces"]);
    expect(ok(parseCode("201\u300099")).code).toBe("20199");
  });

  it("ignores empty trailing parts", () => {
    const r = ok(parseCode(["212", "01", ""]));
    expect(r.code).toBe("21201");
    expect(r.level).toBe("款");
    expect(r.normalised).toEqual(["split"]);
  });

  it("trims surrounding spaces without flagging them", () => {
    const r = ok(parseCode(" 2010301 "));
    expect(r.code).toBe("2010301");
    expect(r.normalised).toEqual(["joined"]);
  });

  it("reads economic codes", () => {
    const r = ok(parseCode("30102", { scheme: "economic-dept" }));
    expect(r).toMatchObject({ code: "30102", scheme: "economic-dept", level: "款" });
    expect(ok(parseCode("50101", { scheme: "economic-gov" })).level).toBe("款");
  });

  it("reads revenue codes down to 目", () => {
    expect(ok(parseCode("101010101", { scheme: "revenue" })).level).toBe("目");
    expect(ok(parseCode(["101", "01", "01", "01"], { scheme: "revenue" })).code).toBe("101010101");
  });
});

describe("parseCode: bad input", () => {
  it("rejects empty input", () => {
    expect(bad(parseCode("")).reason).toBe("编码为空");
    expect(bad(parseCode(["", "", ""])).reasonEn).toMatch(/empty/);
    expect(bad(parseCode("   ")).ok).toBe(false);
  });

  it("rejects non-digits", () => {
    const r = bad(parseCode("20l99"));
    expect(r.input).toBe("20l99");
    expect(r.reason).toContain("非数字");
    expect(bad(parseCode("合计")).ok).toBe(false);
  });

  it("rejects a length that is no level", () => {
    expect(bad(parseCode("2019")).reason).toContain("4位");
    expect(bad(parseCode("20")).ok).toBe(false);
  });

  it("rejects a code of another scheme", () => {
    const r = bad(parseCode("30102"));
    expect(r.reason).toContain("不以2开头");
    expect(r.reasonEn).toContain("functional");
    expect(bad(parseCode("2010301", { scheme: "economic-dept" })).ok).toBe(false);
  });

  it("rejects a code below the scheme's lowest level", () => {
    expect(bad(parseCode("3010201", { scheme: "economic-dept" })).ok).toBe(false);
    expect(bad(parseCode(["301", "02", "01"], { scheme: "economic-dept" })).reason).toContain("最低一级");
    expect(bad(parseCode("201999999")).ok).toBe(false);
  });

  it("rejects a missing 类 part", () => {
    expect(bad(parseCode(["", "01", "01"])).reason).toContain("缺少类编码");
  });

  it("rejects an empty part between parts", () => {
    expect(bad(parseCode(["201", "", "99"])).reason).toContain("第2段为空");
  });

  it("rejects parts of the wrong length", () => {
    expect(bad(parseCode(["201", "999"])).reason).toContain("应为2位");
    expect(bad(parseCode(["201", "99", "9"])).ok).toBe(false);
    expect(bad(parseCode(["2011", "01"])).reason).toContain("第1段");
  });

  it("never throws on odd input", () => {
    for (const input of ["-201", "201.0", "２０１ｘ", "\u200b201", "201\n99"]) {
      expect(() => parseCode(input)).not.toThrow();
    }
    expect(ok(parseCode("201\n99")).code).toBe("20199");
    expect(bad(parseCode("201.0")).ok).toBe(false);
  });
});
