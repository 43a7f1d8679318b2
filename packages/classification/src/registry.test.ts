import { afterEach, describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import {
  builtInCatalog,
  getCatalog,
  registerCatalog,
  registeredCatalogs,
  unregisterCatalog,
} from "./registry";

function official(year: number, name = "行政运行") {
  return createCatalog({
    scheme: "functional",
    year,
    source: `official ${year}`,
    entries: [
      { code: "201", name: "一般公共服务支出", level: "类" },
      { code: "20101", name: "人大事务", level: "款" },
      { code: "2010101", name, level: "项" },
    ],
  });
}

afterEach(() => {
  for (const c of registeredCatalogs("functional")) unregisterCatalog("functional", c.year);
});

describe("getCatalog", () => {
  it("returns the built-in observed catalog when nothing is registered", () => {
    const c = getCatalog("functional", 2025);
    expect(c).toBe(builtInCatalog("functional"));
    expect(c.source).toContain("observed");
    expect(c.year).toBe(2023);
    expect(getCatalog("functional")).toBe(c);
  });

  it("returns an empty catalog for schemes without built-in data", () => {
    const c = getCatalog("economic-gov", 2025);
    expect(c.size).toBe(0);
    expect(c.scheme).toBe("economic-gov");
    expect(c.checkName("50101", "工资奖金津补贴")).toEqual({ status: "unknown-code" });
  });

  it("picks the newest registered catalog not after the requested year", () => {
    registerCatalog(official(2024));
    registerCatalog(official(2026));
    expect(getCatalog("functional", 2025).year).toBe(2024);
    expect(getCatalog("functional", 2026).year).toBe(2026);
    expect(getCatalog("functional", 2030).year).toBe(2026);
    expect(getCatalog("functional").year).toBe(2026);
    expect(getCatalog("functional", 2023)).toBe(builtInCatalog("functional"));
  });

  it("does not mix schemes", () => {
    registerCatalog(official(2026));
    expect(getCatalog("economic-dept", 2026)).toBe(builtInCatalog("economic-dept"));
  });
});

describe("registerCatalog", () => {
  it("makes a registered year usable at once", () => {
    expect(getCatalog("functional", 2026).has("2010101")).toBe(false);
    registerCatalog(official(2026));
    expect(getCatalog("functional", 2026).checkName("2010101", "行政运行")).toEqual({ status: "match" });
  });

  it("replaces a catalog registered for the same year", () => {
    registerCatalog(official(2026, "旧"));
    registerCatalog(official(2026, "新"));
    expect(registeredCatalogs("functional")).toHaveLength(1);
    expect(getCatalog("functional", 2026).get("2010101")?.name).toBe("新");
  });

  it("can be undone", () => {
    registerCatalog(official(2026));
    expect(unregisterCatalog("functional", 2026)).toBe(true);
    expect(unregisterCatalog("functional", 2026)).toBe(false);
    expect(getCatalog("functional", 2026)).toBe(builtInCatalog("functional"));
  });
});
