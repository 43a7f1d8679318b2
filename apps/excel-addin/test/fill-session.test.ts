/**
 * 填充 / 应用 / 撤销 never lose work: over the fake Excel, a value the user types into a target cell at
 * any moment (after the check, after the preview, after 应用) is never overwritten; 应用 writes all
 * cells or none, once per preview; 撤销 is a stack that returns exactly to each earlier state.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fillGrid, readTextDocument, type CellPatch, type Grid } from "@yusuan/disclosure";
import { readWorkbook, type ExcelRun } from "../src/adapter";
import { FillSession } from "../src/taskpane/fill-session";
import { FakeExcel, fakeExcelFromGrid } from "./fake-excel";

const runOf = (excel: FakeExcel) => excel.run as unknown as ExcelRun;
const samplePath = join(import.meta.dirname, "..", "..", "..", "examples", "sample.txt");

/** Content and formatting: the whole state a fill or an undo may touch. */
const state = (excel: FakeExcel) => `${excel.contentSnapshot()}\n${excel.formatSnapshot()}`;

/** A {@link state} without some cells (the snapshots key cells by "row,col" within each sheet). */
function without(snapshot: string, cells: ReadonlyArray<{ sheet: string; cell: string }>): string {
  const keys = new Set(
    cells.map((c) => {
      const m = /^([A-Z]+)(\d+)$/.exec(c.cell)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return `${c.sheet}|${Number(m[2]) - 1},${col}`;
    }),
  );
  return snapshot
    .split("\n")
    .map((part) =>
      JSON.stringify(
        (JSON.parse(part) as [string, [string, ...unknown[]][]][]).map(([sheet, entries]) => [
          sheet,
          entries.filter(([k]) => !keys.has(`${sheet}|${k}`)),
        ]),
      ),
    )
    .join("\n");
}

/** A hand-made patch (the session does not care which rule derived it). */
const patch = (sheet: string, cell: string, newValue: string): CellPatch => ({
  location: { sheet, cell },
  table: "T3",
  oldValue: "",
  newValue,
  reason: "合计 = 基本支出 + 项目支出",
  rule: "A3.row-identity",
});

/** What the pane does on 填充: read the workbook afresh and preview the engine's patches. */
async function previewFresh(excel: FakeExcel, session: FillSession): Promise<Grid> {
  const grid = await readWorkbook(runOf(excel));
  session.preview(fillGrid(grid).patches, grid);
  return grid;
}

describe("fill on the sample workbook", () => {
  let sample: Grid;
  /** Cells of the sample that the engine derives again when blanked alone. */
  const derivable: { sheet: string; cell: string; value: number }[] = [];

  beforeAll(async () => {
    const read = readTextDocument(readFileSync(samplePath), "sample.txt");
    if (!read.ok) throw new Error(read.message);
    sample = await readWorkbook(runOf(fakeExcelFromGrid(read.grid)));
    const sheet = sample.sheets[0]!;
    for (const row of sheet.rows) {
      for (const c of row) {
        if (!c || !/^[1-9][\d,]*\.\d\d$/.test(c.text) || c.formula !== undefined) continue;
        const rows = sheet.rows.map((r) => r.map((x) => (x === c ? undefined : x)));
        const blanked: Grid = { ...sample, sheets: [{ ...sheet, rows }, ...sample.sheets.slice(1)] };
        if (fillGrid(blanked).patches.some((p) => "cell" in p.location && p.location.cell === c.address)) {
          // 填充 writes the decimal, which Excel reads as a number.
          derivable.push({ sheet: sheet.name, cell: c.address, value: Number(c.text.replaceAll(",", "")) });
        }
        if (derivable.length === 3) return;
      }
    }
  });

  /** The sample with the first derivable cell blanked: 填充 has that cell to write. */
  function workbook(): { excel: FakeExcel; target: { sheet: string; cell: string; value: number } } {
    const excel = fakeExcelFromGrid(sample);
    const target = derivable[0]!;
    excel.typeInto(target.sheet, target.cell, "");
    return { excel, target };
  }

  it("finds cells to fill in the sample", () => {
    expect(derivable.length).toBeGreaterThan(0);
  });

  it("a value typed between the check and 应用 is kept: 应用 is refused, listing the cell, and nothing is written", async () => {
    const { excel, target } = workbook();
    const session = new FillSession(runOf(excel));
    // 检查 …
    const checked = await readWorkbook(runOf(excel));
    // … the user types into the blank cell …
    excel.typeInto(target.sheet, target.cell, "12345");
    const before = state(excel);
    // … and a preview made from that check's grid targets the cell as blank.
    session.preview(fillGrid(checked).patches, checked);
    expect(session.buttons.apply).toBe(true);
    const syncs = excel.syncCount;
    const result = await session.apply();
    expect(result).toMatchObject({
      status: "refused",
      changed: [
        {
          sheet: target.sheet,
          cell: target.cell,
          reason: "changed",
          was: { value: null },
          now: { value: 12345 },
        },
      ],
    });
    expect(excel.syncCount - syncs).toBe(1);
    expect(state(excel)).toBe(before);
    expect(excel.cell(target.sheet, target.cell).value).toBe(12345);
    expect(session.buttons).toEqual({ apply: true, undo: false });

    // 填充 again reads the workbook afresh: the typed cell is no longer a blank to fill.
    await previewFresh(excel, session);
    if (session.buttons.apply) expect(await session.apply()).toMatchObject({ status: "applied" });
    expect(excel.cell(target.sheet, target.cell).value).toBe(12345);
  });

  it("a value typed between the preview and 应用 is kept, and no other cell of the preview is written", async () => {
    const { excel, target } = workbook();
    const session = new FillSession(runOf(excel));
    const grid = await readWorkbook(runOf(excel));
    // Two more cells in the same preview: one changed cell stops them all.
    const others = [patch(target.sheet, "ZZ1", "1"), patch(target.sheet, "ZZ2", "2")];
    session.preview([...fillGrid(grid).patches, ...others], grid);
    excel.typeInto(target.sheet, target.cell, "'待核实");
    const before = state(excel);
    const result = await session.apply();
    expect(result.status).toBe("refused");
    expect(result.status === "refused" && result.changed.map((c) => `${c.sheet}!${c.cell}`)).toEqual([
      `${target.sheet}!${target.cell}`,
    ]);
    expect(state(excel)).toBe(before);
    expect(excel.cell(target.sheet, "ZZ1").value).toBeNull();
    expect(excel.cell(target.sheet, target.cell).value).toBe("待核实");
  });

  it("a value typed between 应用 and 撤销 is kept: 撤销 is refused, listing the cell, and stays possible", async () => {
    const { excel, target } = workbook();
    const original = state(excel);
    const session = new FillSession(runOf(excel));
    await previewFresh(excel, session);
    expect(await session.apply()).toMatchObject({ status: "applied" });
    expect(excel.cell(target.sheet, target.cell).value).toBe(target.value);
    excel.typeInto(target.sheet, target.cell, "777");
    const edited = state(excel);
    const result = await session.undo();
    expect(result).toMatchObject({
      status: "refused",
      changed: [
        { sheet: target.sheet, cell: target.cell, was: { value: target.value }, now: { value: 777 } },
      ],
    });
    expect(state(excel)).toBe(edited);
    expect(session.buttons.undo).toBe(true);
    // Once the user puts the filled value back, the undo goes through to the original.
    excel.typeInto(target.sheet, target.cell, String(target.value));
    expect(await session.undo()).toMatchObject({ status: "undone", left: 0 });
    expect(state(excel)).toBe(original);
  });

  it("应用 is off once applied, until a new preview; a second 应用 writes nothing", async () => {
    const { excel } = workbook();
    const session = new FillSession(runOf(excel));
    expect(session.buttons).toEqual({ apply: false, undo: false });
    await previewFresh(excel, session);
    expect(session.buttons).toEqual({ apply: true, undo: false });
    await session.apply();
    expect(session.buttons).toEqual({ apply: false, undo: true });
    const syncs = excel.syncCount;
    const after = state(excel);
    expect(await session.apply()).toEqual({ status: "nothing" });
    expect(excel.syncCount).toBe(syncs);
    expect(state(excel)).toBe(after);
    // A fresh preview of the filled workbook has nothing left to write.
    await previewFresh(excel, session);
    expect(session.buttons).toEqual({ apply: false, undo: true });
  });

  it("应用 → 撤销 → 应用 (new preview) → 撤销 → 撤销 returns to the original exactly", async () => {
    const { excel, target } = workbook();
    const original = state(excel);
    const session = new FillSession(runOf(excel));
    await previewFresh(excel, session);
    await session.apply();
    expect(await session.undo()).toMatchObject({ status: "undone", left: 0 });
    expect(state(excel)).toBe(original);
    expect(session.buttons.apply).toBe(false);
    await previewFresh(excel, session);
    expect(await session.apply()).toMatchObject({ status: "applied" });
    expect(excel.cell(target.sheet, target.cell).value).toBe(target.value);
    expect(await session.undo()).toMatchObject({ status: "undone" });
    expect(await session.undo()).toEqual({ status: "nothing" });
    expect(state(excel)).toBe(original);
  });

  it("three rounds of 填充 and 应用, each after the user blanked another cell, undo one by one to each earlier state", async () => {
    expect(derivable.length).toBe(3);
    const excel = fakeExcelFromGrid(sample);
    const session = new FillSession(runOf(excel));
    const before: string[] = [];
    for (const target of derivable) {
      excel.typeInto(target.sheet, target.cell, "");
      before.push(state(excel));
      await previewFresh(excel, session);
      expect(await session.apply()).toMatchObject({ status: "applied" });
      expect(excel.cell(target.sheet, target.cell).value).toBe(target.value);
    }
    for (let i = derivable.length - 1; i >= 0; i--) {
      expect(await session.undo()).toMatchObject({ status: "undone", left: i });
      // The state before round i, but for the cells the user blanked after it (their blanks are back too).
      const later = derivable.slice(i + 1);
      expect(without(state(excel), later)).toBe(without(before[i]!, later));
      for (const t of later) expect(excel.cell(t.sheet, t.cell).value).toBeNull();
    }
    // Exactly the sample with the three cells the user blanked, whatever the fills wrote in between.
    const blanked = fakeExcelFromGrid(sample);
    for (const t of derivable) blanked.typeInto(t.sheet, t.cell, "");
    expect(state(excel) === state(blanked)).toBe(true);
    expect(session.buttons.undo).toBe(false);
  });
});

describe("the undo stack over cells that hold formats, text and earlier fills", () => {
  it("three rounds that overwrite each other's cells undo to each earlier state exactly", async () => {
    const excel = new FakeExcel({
      sheets: [
        {
          name: "T3",
          rows: [
            [
              null,
              { value: 5, numberFormat: "0.00" },
              { value: "12", numberFormat: "@" },
              { value: null, formula: "SUM(A1:C1)" },
            ],
            [{ value: "0012" }, null],
          ],
        },
      ],
    });
    const session = new FillSession(runOf(excel));
    const rounds: CellPatch[][] = [
      [patch("T3", "A1", "1"), patch("T3", "B1", "2.5")],
      [patch("T3", "A1", "10"), patch("T3", "C1", "3"), patch("T3", "A2", "4")],
      [patch("T3", "B1", "20"), patch("T3", "B2", "6")],
    ];
    const states = [state(excel)];
    for (const patches of rounds) {
      const grid = await readWorkbook(runOf(excel));
      session.preview(patches, grid);
      expect(await session.apply()).toMatchObject({ status: "applied", n: patches.length });
      states.push(state(excel));
    }
    expect(excel.cell("T3", "A1").value).toBe(10);
    expect(excel.cell("T3", "B1")).toMatchObject({ value: 20, numberFormat: "0.00" });
    // A text-formatted cell keeps what Excel makes of the write: text.
    expect(excel.cell("T3", "C1").value).toBe("3");
    for (let i = rounds.length - 1; i >= 0; i--) {
      expect(await session.undo()).toMatchObject({ status: "undone", left: i });
      expect(state(excel)).toBe(states[i]);
    }
    expect(excel.cell("T3", "A2").value).toBe("0012");
    expect(excel.cell("T3", "D1").formula).toBe("SUM(A1:C1)");
  });

  it("a number format changed after 应用 also stops the undo (it would be overwritten)", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "T3", rows: [[null, 1]] }] });
    const session = new FillSession(runOf(excel));
    session.preview([patch("T3", "A1", "1234.5")], await readWorkbook(runOf(excel)));
    await session.apply();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("T3").getRange("A1").numberFormat = [["#,##0.00"]];
      await context.sync();
    });
    const result = await session.undo();
    expect(result).toMatchObject({
      status: "refused",
      changed: [
        { cell: "A1", was: { numberFormat: "General" }, now: { numberFormat: "#,##0.00", text: "1,234.50" } },
      ],
    });
    expect(excel.cell("T3", "A1")).toMatchObject({ value: 1234.5, numberFormat: "#,##0.00" });
  });

  it("a formula typed into a target cell is never overwritten", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "T3", rows: [[null, 1, 2]] }] });
    const session = new FillSession(runOf(excel));
    session.preview([patch("T3", "A1", "3"), patch("T3", "D1", "4")], await readWorkbook(runOf(excel)));
    excel.typeInto("T3", "A1", "=B1+C1");
    const before = state(excel);
    expect(await session.apply()).toMatchObject({
      status: "refused",
      changed: [{ cell: "A1", reason: "formula", now: { formula: "B1+C1" } }],
    });
    expect(state(excel)).toBe(before);
  });
});
