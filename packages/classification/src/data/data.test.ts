import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv";
import { levelOf } from "../scheme";
import { validateCatalogData } from "../validate";
import { ECONOMIC_DEPT_OBSERVED, ECONOMIC_DEPT_OBSERVED_YEARS } from "./economic-dept";
import { FUNCTIONAL_OBSERVED, FUNCTIONAL_OBSERVED_YEARS } from "./functional";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function csvRows(file: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(readFileSync(join(packageDir, "data", file), "utf8"));
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

describe("built-in observed data", () => {
  it("is up to date with data/*.csv", () => {
    expect(() =>
      execFileSync(process.execPath, [join(packageDir, "scripts", "generate-data.mjs"), "--check"], { stdio: "pipe" }),
    ).not.toThrow();
  });

  it("holds every functional code of the CSV with its name", () => {
    const rows = csvRows("functional-observed.csv");
    expect(FUNCTIONAL_OBSERVED).toHaveLength(116);
    expect(rows).toHaveLength(116);
    for (const row of rows) {
      expect(FUNCTIONAL_OBSERVED.find((e) => e.code === row.code)?.name).toBe(row.name);
    }
    const count = (level: string) => FUNCTIONAL_OBSERVED.filter((e) => e.level === level).length;
    expect([count("类"), count("款"), count("项")]).toEqual([12, 39, 65]);
  });

  it("keeps the second name of a conflicting economic code as a former name", () => {
    expect(ECONOMIC_DEPT_OBSERVED).toHaveLength(66);
    const conflicted = ECONOMIC_DEPT_OBSERVED.filter((e) => e.formerNames !== undefined);
    expect(conflicted).toHaveLength(13);
    const e30212 = ECONOMIC_DEPT_OBSERVED.find((e) => e.code === "30212");
    expect(e30212?.name).toBe("因公出国（境）费用");
    expect(e30212?.formerNames).toEqual([{ name: "机关事业单位退休人员活动费" }]);
    expect(ECONOMIC_DEPT_OBSERVED.find((e) => e.code === "303")?.formerNames).toEqual([{ name: "离退休人员经费" }]);
  });

  it("carries the known rename of 210", () => {
    expect(FUNCTIONAL_OBSERVED.find((e) => e.code === "210")).toEqual({
      code: "210",
      name: "卫生健康支出",
      level: "类",
      formerNames: [{ name: "医疗卫生与计划生育支出", until: 2018 }],
    });
  });

  it("has consistent codes, levels and parents", () => {
    for (const [scheme, entries] of [
      ["functional", FUNCTIONAL_OBSERVED],
      ["economic-dept", ECONOMIC_DEPT_OBSERVED],
    ] as const) {
      for (const e of entries) expect(levelOf(e.code, scheme)).toBe(e.level);
      expect(validateCatalogData({ scheme, year: 2023, source: "observed", entries: [...entries] })).toEqual({
        ok: true,
        warnings: [],
      });
    }
  });

  it("records the years observed", () => {
    expect(FUNCTIONAL_OBSERVED_YEARS).toEqual([2023, 2024, 2025, 2026]);
    expect(ECONOMIC_DEPT_OBSERVED_YEARS).toEqual([2023, 2024, 2025, 2026]);
  });
});
