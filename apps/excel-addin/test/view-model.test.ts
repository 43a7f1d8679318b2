import { describe, expect, it } from "vitest";
import type { CellPatch, Finding, TableSummary } from "@yusuan/disclosure";
import { countBySeverity, groupFindings, isoDate, locationLabel, marksFor, MARK_COLORS, writesFor } from "../src/taskpane/view-model";
import { langOf, t } from "../src/taskpane/i18n";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "A3.row-identity",
  severity: "error",
  message: "合计不等于基本支出加项目支出",
  table: "T3",
  fingerprint: Math.random().toString(36),
  ...over,
});

describe("groupFindings", () => {
  it("groups by table in table order with titles and counts, waived ones not counted", () => {
    const tables: TableSummary[] = [
      { id: "T3", title: "2025年部门支出预算总表", found: true },
      { id: "T1", title: "2025年部门财务收支预算总表", found: true },
    ];
    const groups = groupFindings(
      [
        finding({ table: "N", severity: "warning" }),
        finding({ table: "T3" }),
        finding({ table: "T3", severity: "info", waived: { reason: "尾差" } }),
        finding({ table: "T1", severity: "warning" }),
      ],
      tables,
      { N: "编制说明" },
    );
    expect(groups.map((g) => g.table)).toEqual(["T1", "T3", "N"]);
    expect(groups[1]).toMatchObject({ title: "2025年部门支出预算总表", counts: { error: 1, warning: 0, info: 0 } });
    expect(groups[1]?.findings).toHaveLength(2);
    expect(groups[2]?.title).toBe("编制说明");
  });
});

describe("marksFor", () => {
  it("marks each sheet cell once with its most severe colour, skipping waived, text-line and already marked cells", () => {
    const marks = marksFor(
      [
        finding({ severity: "info", location: { sheet: "T3", cell: "E7" } }),
        finding({ severity: "error", location: { sheet: "T3", cell: "E7" } }),
        finding({ severity: "warning", location: { sheet: "T5", cell: "C4" } }),
        finding({ severity: "error", location: { sheet: "T5", cell: "C5" }, waived: { reason: "x" } }),
        finding({ severity: "error", location: { line: 12 } }),
        finding({ severity: "error", location: { sheet: "T8", cell: "B2" } }),
      ],
      [{ sheet: "T8", cell: "B2", color: "#FFFFFF", pattern: "None" }],
    );
    expect(marks).toEqual([
      { sheet: "T3", cell: "E7", color: MARK_COLORS.error },
      { sheet: "T5", cell: "C4", color: MARK_COLORS.warning },
    ]);
  });
});

describe("writesFor / labels", () => {
  it("turns sheet patches into writes and drops text-line patches", () => {
    const patches: CellPatch[] = [
      { location: { sheet: "T3", cell: "E7" }, table: "T3", oldValue: "", newValue: "38233551.78", reason: "合计 = 基本支出 + 项目支出", rule: "A3.row-identity" },
      { location: { line: 4 }, table: "T3", oldValue: "", newValue: "1", reason: "x", rule: "A3.row-identity" },
    ];
    expect(writesFor(patches)).toEqual([{ sheet: "T3", cell: "E7", value: "38233551.78" }]);
    expect(locationLabel({ line: 4 }, "zh-CN")).toBe("第 4 行");
    expect(locationLabel({ line: 4 }, "en")).toBe("line 4");
    expect(locationLabel({ sheet: "T3", cell: "E7" }, "en")).toBe("T3!E7");
    expect(isoDate(new Date(2025, 0, 2))).toBe("2025-01-02");
    expect(countBySeverity([finding({}), finding({ severity: "info" })])).toEqual({ error: 1, warning: 0, info: 1 });
  });
});

describe("i18n", () => {
  it("is Chinese unless Office's language is English", () => {
    expect(langOf("zh-CN")).toBe("zh-CN");
    expect(langOf(undefined)).toBe("zh-CN");
    expect(langOf("en-GB")).toBe("en");
    expect(t("zh-CN", "check")).toBe("检查");
    expect(t("en", "marked", { n: 3 })).toBe("Marked 3 cells.");
    expect(t("zh-CN", "checked", { errors: 1, warnings: 2, infos: 0 })).toBe("检查完成：1 个错误，2 个警告，0 个提示。");
  });
});
