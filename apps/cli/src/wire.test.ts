import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, readTextDocument, type Grid } from "@yusuan/disclosure";
import { readXlsx } from "@yusuan/xlsx";
import { packGrid, unpackGrid } from "./wire";
import { stages } from "./pool";

const SAMPLE_TXT = fileURLToPath(new URL("../../../examples/sample.txt", import.meta.url));
const SAMPLE_XLSX = fileURLToPath(new URL("../../../examples/sample.xlsx", import.meta.url));

/** The reader's cells work out address and text when asked; as plain objects they compare with unpacked ones. */
const plain = (grid: Grid): Grid => ({
  ...grid,
  sheets: grid.sheets.map((s) => ({
    ...s,
    rows: s.rows.map((row) =>
      row.map((c) =>
        c === undefined
          ? c
          : {
              address: c.address,
              row: c.row,
              col: c.col,
              value: c.value,
              text: c.text,
              ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
              ...(c.formula !== undefined ? { formula: c.formula } : {}),
              ...(c.formulaWithoutResult ? { formulaWithoutResult: true } : {}),
            },
      ),
    ),
  })),
});

/** What a grid looks like after crossing to another thread: packed, cloned, unpacked. */
const across = (grid: Grid): Grid => unpackGrid(structuredClone(packGrid(grid)));

describe("packGrid / unpackGrid", () => {
  it("gives back the sample workbook's grid exactly, and the same findings", async () => {
    const read = await readXlsx(new Uint8Array(readFileSync(SAMPLE_XLSX)), "sample.xlsx");
    if (!read.ok) throw new Error(read.message);
    const back = across(read.grid);
    expect(back).toStrictEqual(plain(read.grid));
    expect(analyze(back).findings).toEqual(analyze(read.grid).findings);
  });

  it("gives back a text document's grid with its line numbers", () => {
    const doc = readTextDocument(readFileSync(SAMPLE_TXT), "sample.txt");
    if (!doc.ok) throw new Error(doc.message);
    const back = across(doc.grid);
    expect(back).toStrictEqual(doc.grid);
    expect(back.sheets[0]!.lines?.length).toBeGreaterThan(100);
  });

  it("keeps formulas, missing results, formats, merges, hidden sheets and rows, empty rows and trailing gaps", () => {
    const grid: Grid = {
      source: { kind: "xlsx", name: "x.xlsx" },
      sheets: [
        {
          name: "T1",
          merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
          hiddenRows: [2],
          rows: [
            [{ address: "A1", row: 0, col: 0, value: "收支总表", text: "收支总表" }],
            [],
            [
              undefined,
              { address: "B3", row: 2, col: 1, value: 1234.5, text: "1,234.50", numberFormat: "#,##0.00" },
              {
                address: "C3",
                row: 2,
                col: 2,
                value: null,
                text: "",
                numberFormat: "#,##0.00",
                formula: "SUM(B3:B3)",
                formulaWithoutResult: true,
              },
              { address: "D3", row: 2, col: 3, value: true, text: "TRUE", formula: "B3>0" },
              undefined,
            ],
          ],
        },
        { name: "yusuan_waivers", hidden: true, rows: [] },
      ],
    };
    const back = across(grid);
    expect(back).toEqual(grid);
    expect(back.sheets[0]!.rows[2]).toHaveLength(5);
    expect(back.sheets[0]!.rows[2]![2]).toStrictEqual(grid.sheets[0]!.rows[2]![2]);
    expect(back.sheets[1]!.hidden).toBe(true);
  });

  it("is smaller than the grid once serialised", async () => {
    const { serialize } = await import("node:v8");
    const read = await readXlsx(new Uint8Array(readFileSync(SAMPLE_XLSX)), "sample.xlsx");
    if (!read.ok) throw new Error(read.message);
    expect(serialize(packGrid(read.grid)).length).toBeLessThan(serialize(read.grid).length * 0.7);
  });
});

describe("stages", () => {
  it("gives reading ⌊N/2⌋ threads and checking the rest, never none to either", () => {
    expect([2, 3, 4, 5, 8].map((n) => stages(n))).toEqual([
      { readers: 1, checkers: 1 },
      { readers: 1, checkers: 2 },
      { readers: 2, checkers: 2 },
      { readers: 2, checkers: 3 },
      { readers: 4, checkers: 4 },
    ]);
    expect(stages(1)).toEqual({ readers: 1, checkers: 1 });
  });
});
