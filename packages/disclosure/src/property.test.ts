import fc from "fast-check";
import { expect, test } from "vitest";
import { analyze, cellAddress, readTextDocument, type Cell, type Grid } from "./index";
import { sampleLines } from "../../../tests/fixtures/sample";

const cellText = fc.oneof(
  fc.constantFrom(
    "",
    "—",
    "-",
    "合计",
    "201",
    "99",
    "99 其他一般公共服务支出",
    "58,121,209.78",
    "0.80",
    "2025年部门支出预算总表",
    "单位：元",
    "项目",
    "基本支出",
    "注：无数据",
    "(12.00)",
    "１２３",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `${n.toLocaleString("en-US")}.00`),
);

const gridArb = fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 60 }).map(
  (rows): Grid => ({
    source: { kind: "xlsx", name: "random.xlsx" },
    sheets: [
      {
        name: "Sheet1",
        rows: rows.map((row, r) =>
          row.map(
            (text, c): Cell => ({
              address: cellAddress(r, c),
              row: r,
              col: c,
              value: text === "" ? null : text,
              text,
            }),
          ),
        ),
      },
    ],
  }),
);

test("analyze never throws and no rule fails on random grids", () => {
  fc.assert(
    fc.property(gridArb, (grid) => {
      const a = analyze(grid);
      expect(a.findings.filter((f) => f.rule === "engine.rule-failed")).toEqual([]);
      expect(a.tables).toHaveLength(9);
    }),
    { numRuns: 300 },
  );
});

test("analyze never throws on random text and on the sample with lines shuffled or cut", () => {
  const lines = sampleLines();
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 400 }),
        fc
          .array(fc.integer({ min: 0, max: lines.length - 1 }), { maxLength: 300 })
          .map((idx) => idx.map((i) => lines[i]).join("\n")),
        fc
          .tuple(fc.integer({ min: 0, max: lines.length }), fc.integer({ min: 0, max: lines.length }))
          .map(([a, b]) => lines.slice(Math.min(a, b), Math.max(a, b)).join("\n")),
      ),
      (text) => {
        const r = readTextDocument(text, "random.txt");
        if (!r.ok) return;
        const a = analyze(r.grid);
        expect(a.findings.filter((f) => f.rule === "engine.rule-failed")).toEqual([]);
      },
    ),
    { numRuns: 300 },
  );
});

test("readTextDocument never throws on random bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const r = readTextDocument(bytes, "random.txt");
      expect(typeof r.ok).toBe("boolean");
    }),
    { numRuns: 300 },
  );
});
