import { describe, expect, it } from "vitest";
import { cellAddress, type Grid } from "./grid";
import type { Finding } from "./report";
import type { RuleId } from "./rules/registry";
import { applyWaivers, readWaivers, WAIVER_SHEET, waiverSheetRows } from "./waivers";

function gridOf(rows: (string | null)[][], name = WAIVER_SHEET): Grid {
  return {
    source: { kind: "xlsx", name: "a.xlsx" },
    sheets: [
      { name: "表1", rows: [] },
      {
        name,
        hidden: true,
        rows: rows.map((row, r) =>
          row.map((v, c) => ({ address: cellAddress(r, c), row: r, col: c, value: v, text: v ?? "" })),
        ),
      },
    ],
  };
}

const FP1 = "0123456789abcdef";
const FP2 = "fedcba9876543210";

function finding(fingerprint: string, rule: RuleId = "A3.row-identity"): Finding {
  return { rule, severity: "error", message: "m", table: "T3", fingerprint };
}

describe("waivers", () => {
  it("round-trips through the sheet rows", () => {
    const waivers = [
      { fingerprint: FP1, rule: "A3.row-identity" as const, reason: "尾差", by: "张三", date: "2025-01-10" },
      { fingerprint: FP2, reason: "已说明" },
    ];
    const rows = waiverSheetRows(waivers);
    expect(rows[0]).toEqual(["fingerprint", "rule", "reason", "by", "date"]);
    expect(readWaivers(gridOf(rows))).toEqual(waivers);
  });

  it("finds columns in any order, tolerates missing columns and skips bad rows", () => {
    const grid = gridOf([
      ["reason", "Fingerprint"],
      ["尾差", FP1.toUpperCase()],
      ["no fingerprint", "xyz"],
      ["", FP2],
      [null, null],
    ]);
    expect(readWaivers(grid)).toEqual([{ fingerprint: FP1, reason: "尾差" }]);
  });

  it("has no waivers without the sheet or without a fingerprint column", () => {
    expect(
      readWaivers(
        gridOf(
          [
            ["fingerprint", "reason"],
            [FP1, "x"],
          ],
          "其他",
        ),
      ),
    ).toEqual([]);
    expect(
      readWaivers(
        gridOf([
          ["rule", "reason"],
          ["A1", "x"],
        ]),
      ),
    ).toEqual([]);
  });

  it("marks matching findings and leaves the rest", () => {
    const out = applyWaivers([finding(FP1), finding(FP2)], [{ fingerprint: FP1, reason: "尾差" }]);
    expect(out[0]!.waived).toEqual({ reason: "尾差" });
    expect(out[1]!.waived).toBeUndefined();
  });

  it("leaves out a waiver whose rule no registry holds (it accepts nothing)", () => {
    const grid = gridOf([
      ["fingerprint", "rule", "reason"],
      [FP1, "B1.t1-t3", "x"],
      [FP2, "B1.t1-t2-t3", "y"],
    ]);
    expect(readWaivers(grid)).toEqual([{ fingerprint: FP2, rule: "B1.t1-t2-t3", reason: "y" }]);
  });

  it("requires the rule to match when the waiver names one", () => {
    const out = applyWaivers(
      [finding(FP1, "B1.t1-t2-t3")],
      [{ fingerprint: FP1, rule: "A3.row-identity", reason: "x" }],
    );
    expect(out[0]!.waived).toBeUndefined();
  });
});
