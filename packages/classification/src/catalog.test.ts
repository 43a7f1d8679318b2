import { describe, expect, it } from "vitest";
import { createCatalog, toCatalogData, type CatalogData } from "./catalog";
import { nameDifference, normaliseName } from "./name";
import { builtInCatalog } from "./registry";

const functional = builtInCatalog("functional");
const economic = builtInCatalog("economic-dept");

describe("normaliseName", () => {
  it("maps full-width punctuation to half-width and drops spaces", () => {
    expect(normaliseName("因公出国（境）费用")).toBe("因公出国(境)费用");
    expect(normaliseName(" 行政\u3000运行 ")).toBe("行政运行");
    expect(normaliseName("政府办公厅（室）及相关机构事务")).toBe("政府办公厅(室)及相关机构事务");
  });

  it("maps Kangxi radicals from PDF extraction to ordinary characters", () => {
    // U+2F40 is the Kangxi radical 支, which some PDF extractors emit for 支.
    expect(normaliseName("⼀般公共服务\u2f40出")).toBe("一般公共服务支出");
  });

  it("keeps different names different", () => {
    expect(normaliseName("行政运行")).not.toBe(normaliseName("事业运行"));
  });

  it("tells a spaces difference from a width difference", () => {
    expect(nameDifference("行政 运行", "行政运行")).toBe("spaces");
    expect(nameDifference("因公出国（境）费用", "因公出国(境)费用")).toBe("width");
    expect(nameDifference("因公出国（境） 费用", "因公出国(境)费用")).toBe("both");
  });
});

describe("lookup", () => {
  it("finds entries by code", () => {
    expect(functional.get("2019999")).toEqual({ code: "2019999", name: "其他一般公共服务支出", level: "项" });
    expect(economic.get("30102")?.name).toBe("津贴补贴");
    expect(functional.has("201")).toBe(true);
    expect(functional.has("2010101")).toBe(false);
    expect(functional.get("30102")).toBeUndefined();
  });

  it("lists children in code order", () => {
    expect(functional.children("20103").map((e) => e.code)).toEqual([
      "2010301",
      "2010302",
      "2010350",
      "2010399",
    ]);
    expect(economic.children("310").every((e) => e.code.startsWith("310") && e.level === "款")).toBe(true);
    expect(functional.children("2010301")).toEqual([]);
  });

  it("finds entries by name, ignoring width and spaces", () => {
    const found = economic.findByName("因公出国(境)费用");
    expect(found.map((e) => e.code)).toEqual(["30212"]);
    expect(functional.findByName("行政运行").length).toBeGreaterThan(3);
    expect(functional.findByName("行政 运行").length).toBe(functional.findByName("行政运行").length);
    expect(functional.findByName("不存在的科目")).toEqual([]);
  });

  it("finds by former names only when asked", () => {
    expect(functional.findByName("医疗卫生与计划生育支出")).toEqual([]);
    expect(
      functional.findByName("医疗卫生与计划生育支出", { includeFormer: true }).map((e) => e.code),
    ).toEqual(["210"]);
  });

  it("reports its size and iterates all entries", () => {
    expect(functional.size).toBe(116);
    expect(economic.size).toBe(66);
    expect([...functional.entries()].length).toBe(116);
  });
});

describe("checkName", () => {
  it("matches the catalog name", () => {
    expect(functional.checkName("2010301", "行政运行")).toEqual({ status: "match" });
  });

  it("treats full-width brackets as equivalent", () => {
    const r = economic.checkName("30212", "因公出国(境)费用");
    expect(r.status).toBe("equivalent");
    if (r.status === "equivalent") {
      expect(r.note).toContain("全角/半角");
      expect(r.noteEn).toContain("full-width");
    }
  });

  it("treats spaces as equivalent", () => {
    const r = functional.checkName("2010301", "行政 运行");
    expect(r).toMatchObject({ status: "equivalent", note: "名称仅空格不同" });
  });

  it("reports the obsolete name of 210", () => {
    expect(functional.checkName("210", "医疗卫生与计划生育支出")).toEqual({
      status: "obsolete",
      current: "卫生健康支出",
      former: "医疗卫生与计划生育支出",
      until: 2018,
    });
  });

  it("accepts the former name of 210 in a document of 2018 or before", () => {
    expect(functional.checkName("210", "医疗卫生与计划生育支出", { year: 2018 })).toEqual({
      status: "match",
    });
    expect(functional.checkName("210", "医疗卫生与计划生育支出", { year: 2019 }).status).toBe("obsolete");
  });

  it("reports a name from the older economic list as obsolete without a year", () => {
    expect(economic.checkName("30202", "咨询费")).toEqual({
      status: "obsolete",
      current: "印刷费",
      former: "咨询费",
    });
  });

  it("reports a mismatch with a Chinese suggestion", () => {
    const r = functional.checkName("2010301", "人员培训");
    expect(r.status).toBe("mismatch");
    if (r.status === "mismatch") {
      expect(r.expected).toBe("行政运行");
      expect(r.suggestion).toBe("编码2010301的科目名称应为“行政运行”，实际为“人员培训”");
      expect(r.suggestionEn).toContain('"行政运行"');
      expect(r.otherCodes).toEqual([]);
    }
  });

  it("points at the sibling code a mismatched name belongs to, not at cousins", () => {
    const r = functional.checkName("2010301", "一般行政管理事务");
    expect(r.status === "mismatch" && r.otherCodes).toEqual(["2010302"]);
  });

  it("points at the code a mismatched economic name belongs to", () => {
    const r = economic.checkName("30112", "住房公积金");
    expect(r.status).toBe("mismatch");
    if (r.status === "mismatch") {
      expect(r.otherCodes).toEqual(["30113"]);
      expect(r.suggestion).toContain("30113");
    }
  });

  it("says unknown-code for a code the catalog does not hold", () => {
    expect(functional.checkName("2010101", "行政运行")).toEqual({ status: "unknown-code" });
    expect(builtInCatalog("revenue").checkName("101", "税收收入")).toEqual({ status: "unknown-code" });
  });
});

describe("createCatalog and toCatalogData", () => {
  const data: CatalogData = {
    scheme: "functional",
    year: 2025,
    source: "test",
    entries: [
      { code: "201", name: "一般公共服务支出", level: "类" },
      { code: "20101", name: "人大事务", level: "款" },
      { code: "20101", name: "重复", level: "款" },
      { code: "2010101", name: "行政运行", level: "项", formerNames: [{ name: "旧名", until: 2020 }] },
    ],
  };

  it("keeps the first of duplicate codes", () => {
    const c = createCatalog(data);
    expect(c.size).toBe(3);
    expect(c.get("20101")?.name).toBe("人大事务");
  });

  it("is not changed when the input data changes later", () => {
    const copy = structuredClone(data);
    const c = createCatalog(copy);
    (copy.entries[0] as { name: string }).name = "changed";
    expect(c.get("201")?.name).toBe("一般公共服务支出");
    expect(Object.isFrozen(c.get("201"))).toBe(true);
  });

  it("gives back its data", () => {
    const back = toCatalogData(createCatalog(data));
    expect(back.year).toBe(2025);
    expect(back.entries).toHaveLength(3);
    expect(back.entries[2]).toEqual({
      code: "2010101",
      name: "行政运行",
      level: "项",
      formerNames: [{ name: "旧名", until: 2020 }],
    });
  });
});
