import { describe, expect, it } from "vitest";
import type { CellPatch, Finding, Grid, TableSummary } from "@yusuan/disclosure";
import {
  changedLines,
  changedSummary,
  contentIn,
  countBySeverity,
  fillButtons,
  groupFindings,
  isoDate,
  locationLabel,
  marksFor,
  MARK_COLORS,
  writesFor,
} from "../src/taskpane/view-model";
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
    expect(groups[1]).toMatchObject({
      title: "2025年部门支出预算总表",
      counts: { error: 1, warning: 0, info: 0 },
    });
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
      {
        location: { sheet: "T3", cell: "E7" },
        table: "T3",
        oldValue: "",
        newValue: "38233551.78",
        reason: "合计 = 基本支出 + 项目支出",
        rule: "A3.row-identity",
      },
      {
        location: { line: 4 },
        table: "T3",
        oldValue: "",
        newValue: "1",
        reason: "x",
        rule: "A3.row-identity",
      },
    ];
    expect(writesFor(patches)).toEqual([{ sheet: "T3", cell: "E7", value: "38233551.78" }]);
    expect(locationLabel({ line: 4 }, "zh-CN")).toBe("第 4 行");
    expect(locationLabel({ line: 4 }, "en")).toBe("line 4");
    expect(locationLabel({ sheet: "T3", cell: "E7" }, "en")).toBe("T3!E7");
    expect(isoDate(new Date(2025, 0, 2))).toBe("2025-01-02");
    expect(countBySeverity([finding({}), finding({ severity: "info" })])).toEqual({
      error: 1,
      warning: 0,
      info: 1,
    });
  });
});

describe("fill buttons and refusals", () => {
  it("应用 is on for an unapplied preview with cells and off once applied; 撤销 while something can be undone", () => {
    expect(fillButtons({ previewed: 0, applied: false, undoDepth: 0 })).toEqual({
      apply: false,
      undo: false,
    });
    expect(fillButtons({ previewed: 3, applied: false, undoDepth: 0 })).toEqual({ apply: true, undo: false });
    expect(fillButtons({ previewed: 3, applied: true, undoDepth: 1 })).toEqual({ apply: false, undo: true });
    // A new preview after an undo: 应用 on again, the earlier fills still undoable.
    expect(fillButtons({ previewed: 2, applied: false, undoDepth: 2 })).toEqual({ apply: true, undo: true });
    expect(fillButtons({ previewed: 2, applied: true, undoDepth: 0 })).toEqual({ apply: false, undo: false });
  });

  it("each write carries what its cell held in the grid of the preview", () => {
    const grid: Grid = {
      source: { kind: "excel", name: "Book1" },
      sheets: [
        {
          name: "T3",
          rows: [
            [
              { address: "A1", row: 0, col: 0, value: 300, text: "300.00" },
              { address: "B1", row: 0, col: 1, value: null, text: "", formula: "SUM(A1)" },
            ],
          ],
        },
      ],
    };
    const patch = (cell: string): CellPatch => ({
      location: { sheet: "T3", cell },
      table: "T3",
      oldValue: "",
      newValue: "1",
      reason: "x",
      rule: "A3.row-identity",
    });
    expect(writesFor([patch("A1"), patch("C9")], grid)).toEqual([
      { sheet: "T3", cell: "A1", value: "1", expected: { value: 300, text: "300.00" } },
      { sheet: "T3", cell: "C9", value: "1", expected: { value: null, text: "" } },
    ]);
    expect(contentIn(grid, { sheet: "T3", cell: "B1" })).toEqual({
      value: null,
      formula: "SUM(A1)",
      text: "",
    });
    expect(contentIn(grid, { sheet: "其他", cell: "A1" })).toEqual({ value: null, text: "" });
  });

  it("lists the cells that stopped a fill: sheet!A1, then → now, in Chinese or English", () => {
    const changed = [
      {
        sheet: "T3",
        cell: "E7",
        reason: "changed" as const,
        was: { value: null, text: "" },
        now: { value: 12345, text: "12,345.00" },
      },
      { sheet: "T3", cell: "E8", reason: "formula" as const, now: { value: null, formula: "SUM(E1:E6)" } },
    ];
    expect(changedLines(changed, "zh-CN")).toEqual([
      "T3!E7：（空） → 12,345.00",
      "T3!E8：公式 =SUM(E1:E6)，不覆盖",
    ]);
    expect(changedLines(changed, "en")).toEqual([
      "T3!E7: (blank) → 12,345.00",
      "T3!E8: formula =SUM(E1:E6), never overwritten",
    ]);
    const many = Array.from({ length: 7 }, (_, i) => ({ ...changed[0]!, cell: `E${i + 1}` }));
    expect(changedSummary(many, "zh-CN", 2)).toBe(
      "T3!E1：（空） → 12,345.00；T3!E2：（空） → 12,345.00；另有 5 个",
    );
    expect(changedSummary(many, "en", 1)).toBe("T3!E1: (blank) → 12,345.00; and 6 more");
    expect(t("zh-CN", "applyRefused", { n: 1, cells: "T3!E7：（空） → 1" })).toBe(
      "未写入任何单元格：1 个单元格已不是预览时的内容（T3!E7：（空） → 1）。请重新点击“填充”生成新的预览。",
    );
    expect(t("en", "undoRefused", { n: 1, cells: "T3!E7: 1 → 2" })).toBe(
      "Not undone: 1 cell was changed after Apply (T3!E7: 1 → 2). Undoing would overwrite those changes, so no cell was changed.",
    );
  });
});

describe("i18n", () => {
  it("is Chinese unless Office's language is English", () => {
    expect(langOf("zh-CN")).toBe("zh-CN");
    expect(langOf(undefined)).toBe("zh-CN");
    expect(langOf("en-GB")).toBe("en");
    expect(t("zh-CN", "check")).toBe("检查");
    expect(t("en", "marked", { n: 3 })).toBe("Marked 3 cells.");
    expect(t("zh-CN", "checked", { errors: 1, warnings: 2, infos: 0 })).toBe(
      "检查完成：1 个错误，2 个警告，0 个提示。",
    );
  });
});
