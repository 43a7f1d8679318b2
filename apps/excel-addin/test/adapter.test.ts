import { describe, expect, it } from "vitest";
import {
  annotateCells,
  removeComments,
  addTextSheet,
  clearMarks,
  insertWorkbook,
  loadMarks,
  markCells,
  readWorkbook,
  restoreCells,
  saveMarks,
  selectCell,
  writeCells,
  writeTableSheet,
  type ExcelRun,
} from "../src/adapter";
import { FakeExcel, type FakeSheetSpec } from "./fake-excel";

const runOf = (excel: FakeExcel) => excel.run as unknown as ExcelRun;

function table(name: string, rowsCount = 5): FakeSheetSpec {
  const rows: FakeSheetSpec["rows"][number][] = [
    [`${name} 部门支出预算总表`],
    ["编码", "名称", "合计", "基本支出", "项目支出"],
  ];
  for (let i = 0; i < rowsCount; i++) {
    rows.push([
      `20101${String(i).padStart(2, "0")}`,
      "行政运行",
      { value: 300 + i, text: `${300 + i}.00`, numberFormat: "#,##0.00" },
      100,
      200 + i,
    ]);
  }
  return { name, rows };
}

describe("readWorkbook", () => {
  // Four syncs under 20,000 cells: sheets; which are empty; the others' extent and merges; the cells.
  it("reads one sheet in at most 4 syncs, with values, texts, formats and formulas", async () => {
    const excel = new FakeExcel({
      name: "预算.xlsx",
      sheets: [
        {
          name: "T3",
          rows: [
            [],
            [
              null,
              "合计",
              { value: 1234.5, text: "1,234.50", numberFormat: "#,##0.00" },
              { value: null, formula: "SUM(C3:C9)" },
            ],
          ],
          merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
        },
      ],
    });
    const grid = await readWorkbook(runOf(excel), { merges: true });
    expect(excel.syncCount).toBeLessThanOrEqual(4);
    expect(grid.source).toEqual({ kind: "excel", name: "预算.xlsx" });
    const sheet = grid.sheets[0]!;
    expect(sheet.name).toBe("T3");
    expect(sheet.rows[0]).toEqual([]);
    expect(sheet.rows[1]?.[0]).toBeUndefined();
    expect(sheet.rows[1]?.[1]).toMatchObject({ address: "B2", row: 1, col: 1, value: "合计", text: "合计" });
    expect(sheet.rows[1]?.[2]).toMatchObject({
      address: "C2",
      value: 1234.5,
      text: "1,234.50",
      numberFormat: "#,##0.00",
    });
    expect(sheet.rows[1]?.[3]).toMatchObject({ address: "D2", value: null, formula: "SUM(C3:C9)" });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("reads 30 sheets in at most 4 syncs, keeping empty and hidden sheets", async () => {
    const sheets = Array.from({ length: 30 }, (_, i) => table(`表${i + 1}`, 20));
    sheets.push(
      { name: "空表", rows: [] },
      { name: "yusuan_waivers", rows: [["fingerprint"]], hidden: true },
    );
    const excel = new FakeExcel({ sheets });
    const grid = await readWorkbook(runOf(excel));
    expect(excel.syncCount).toBeLessThanOrEqual(4);
    expect(grid.sheets).toHaveLength(32);
    expect(grid.sheets[29]?.rows[21]?.[4]?.value).toBe(219);
    expect(grid.sheets[30]).toEqual({ name: "空表", rows: [] });
    expect(grid.sheets[31]?.hidden).toBe(true);
    // Merged areas are not asked for without the requirement set.
    expect(grid.sheets[0]?.merges).toBeUndefined();
  });
});

describe("writeCells / restoreCells", () => {
  it("writes all fills in one sync and restores values and formulas exactly", async () => {
    const excel = new FakeExcel({
      sheets: [
        {
          name: "T3",
          rows: [
            [
              "合计",
              { value: null, formula: "SUM(B2:B3)" },
              { value: "58,121,209.78", text: "58,121,209.78" },
            ],
            ["a", { value: 1, numberFormat: "0.00" }, ""],
          ],
        },
      ],
    });
    const before = excel.contentSnapshot();
    const run = runOf(excel);
    const outcome = await writeCells(run, [
      { sheet: "T3", cell: "C1", value: "58121209.78" },
      { sheet: "T3", cell: "B2", value: "3" },
      { sheet: "T3", cell: "C2", value: "7.25" },
    ]);
    // One batch: a sync to read the cells, one to write them and read them back.
    expect(excel.syncCount).toBe(2);
    if (!outcome.ok) throw new Error("refused");
    expect(excel.cell("T3", "C1").value).toBe(58121209.78);
    expect(excel.cell("T3", "B2").value).toBe(3);
    expect(excel.cell("T3", "C2").value).toBe(7.25);
    expect(outcome.undo.prior).toContainEqual({
      sheet: "T3",
      cell: "C1",
      formula: "58,121,209.78",
      numberFormat: "General",
    });
    expect(outcome.undo.written).toContainEqual({
      sheet: "T3",
      cell: "B2",
      value: 3,
      numberFormat: "0.00",
      text: "3.00",
    });
    expect(excel.contentSnapshot()).not.toBe(before);

    expect(await restoreCells(run, outcome.undo)).toEqual({ ok: true });
    expect(excel.syncCount).toBe(4);
    expect(excel.contentSnapshot()).toBe(before);
    expect(excel.cell("T3", "C1").value).toBe("58,121,209.78");
  });

  it("never writes over a formula: the whole write is refused and nothing changes", async () => {
    const excel = new FakeExcel({
      sheets: [
        {
          name: "T3",
          rows: [
            ["合计", { value: null, formula: "SUM(B2:B3)" }],
            ["a", 1],
          ],
        },
      ],
    });
    const before = excel.contentSnapshot();
    const outcome = await writeCells(runOf(excel), [
      { sheet: "T3", cell: "B2", value: "2" },
      { sheet: "T3", cell: "B1", value: "10.5", expected: { value: null, formula: "SUM(B2:B3)" } },
    ]);
    expect(outcome).toMatchObject({
      ok: false,
      changed: [{ sheet: "T3", cell: "B1", reason: "formula", now: { formula: "SUM(B2:B3)" } }],
    });
    expect(excel.contentSnapshot()).toBe(before);
    // One sync: the read; no write was sent.
    expect(excel.syncCount).toBe(1);
  });
});

describe("markCells / clearMarks", () => {
  it("marks in one sync, remembers the previous fills, and clearing restores formats exactly", async () => {
    const excel = new FakeExcel({ sheets: [table("T3"), table("T5")] });
    const run = runOf(excel);
    // A cell that already has a fill of its own must get it back.
    await run(async (context) => {
      context.workbook.worksheets.getItem("T5").getRange("C4").format.fill.color = "#00FF00";
      await context.sync();
    });
    const before = excel.formatSnapshot();
    const syncsBefore = excel.syncCount;
    const prior = await markCells(run, [
      { sheet: "T3", cell: "C3", color: "#FDE7E9" },
      { sheet: "T5", cell: "C4", color: "#FFF4CE" },
      { sheet: "T5", cell: "H40", color: "#DEECF9" },
    ]);
    expect(excel.syncCount - syncsBefore).toBe(1);
    expect(excel.cell("T3", "C3").fillColor).toBe("#FDE7E9");
    expect(prior).toMatchObject([
      { sheet: "T3", cell: "C3", color: "#FFFFFF", pattern: "None" },
      { sheet: "T5", cell: "C4", color: "#00FF00", pattern: "Solid" },
      { sheet: "T5", cell: "H40", color: "#FFFFFF", pattern: "None" },
    ]);
    // Each marked cell is followed by a workbook name.
    expect(prior.every((p) => p.name?.startsWith("yusuan_mark_"))).toBe(true);
    expect(excel.names.size).toBe(3);
    expect(excel.formatSnapshot()).not.toBe(before);

    await saveMarks(run, prior);
    expect(await loadMarks(run)).toEqual(prior);

    const syncsBeforeClear = excel.syncCount;
    await clearMarks(run, prior);
    expect(excel.syncCount - syncsBeforeClear).toBe(2);
    expect(excel.formatSnapshot()).toBe(before);
    expect(await loadMarks(run)).toEqual([]);
    expect(excel.names.size).toBe(0);
  });

  it("marks survive rows inserted and deleted after marking: clearing restores the cells where they moved", async () => {
    const excel = new FakeExcel({ sheets: [table("T3", 8)] });
    const run = runOf(excel);
    await run(async (context) => {
      context.workbook.worksheets.getItem("T3").getRange("C6").format.fill.color = "#00FF00";
      await context.sync();
    });
    const prior = await markCells(run, [
      { sheet: "T3", cell: "C6", color: "#FDE7E9" },
      { sheet: "T3", cell: "C8", color: "#FFF4CE" },
      { sheet: "T3", cell: "C4", color: "#FFF4CE" },
    ]);
    await saveMarks(run, prior);
    // The user inserts two rows above row 5, then deletes the row that held C4 (now still row 4).
    excel.insertRows("T3", 4, 2);
    excel.deleteRows("T3", 3, 1);
    // C6 moved to C7 and C8 to C9; C4 is gone.
    expect(excel.cell("T3", "C7").fillColor).toBe("#FDE7E9");
    expect(excel.cell("T3", "C9").fillColor).toBe("#FFF4CE");
    await clearMarks(run, await loadMarks(run));
    expect(excel.cell("T3", "C7")).toMatchObject({ fillColor: "#00FF00", fillPattern: "Solid" });
    expect(excel.cell("T3", "C9")).toMatchObject({ fillColor: "#FFFFFF", fillPattern: "None" });
    // Nothing was painted at the old addresses, which now hold other rows.
    expect(excel.cell("T3", "C6").fillPattern).toBe("None");
    expect(excel.cell("T3", "C8").fillPattern).toBe("None");
    expect(excel.names.size).toBe(0);
  });

  it("clears marks saved before names were used (by address)", async () => {
    const excel = new FakeExcel({ sheets: [table("T3")] });
    const run = runOf(excel);
    const before = excel.formatSnapshot();
    const prior = await markCells(run, [{ sheet: "T3", cell: "C3", color: "#FDE7E9" }]);
    await clearMarks(
      run,
      prior.map(({ name: _name, ...old }) => old),
    );
    expect(excel.formatSnapshot()).toBe(before);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const excel = new FakeExcel({ sheets: [table("T3"), table("T5")] });
    await selectCell(runOf(excel), { sheet: "T5", cell: "E7" });
    expect(excel.selection).toEqual({ sheet: "T5", address: "E7" });
    expect(excel.activeSheet).toBe("T5");
  });
});

describe("writeTableSheet", () => {
  it("creates a hidden sheet of text rows, then replaces its content", async () => {
    const excel = new FakeExcel({ sheets: [table("T3")] });
    const run = runOf(excel);
    const header = ["fingerprint", "rule", "reason", "by", "date"];
    await writeTableSheet(
      run,
      "yusuan_waivers",
      [header, ["1e5", "A3.row-identity", "尾差", "", "2025-01-02"]],
      { hidden: true },
    );
    expect(excel.visibility("yusuan_waivers")).toBe("Hidden");
    // Text format keeps a fingerprint that looks like a number as text.
    expect(excel.cell("yusuan_waivers", "A2").value).toBe("1e5");
    await writeTableSheet(run, "yusuan_waivers", [header], { hidden: true });
    const grid = await readWorkbook(run);
    const waivers = grid.sheets.find((s) => s.name === "yusuan_waivers");
    expect(waivers?.rows).toHaveLength(1);
    expect(waivers?.rows[0]?.map((c) => c?.value)).toEqual(header);
  });
});

describe("insertWorkbook / addTextSheet", () => {
  it("inserts sheets with values, formulas, formats, merges and free names, in two syncs", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "T1 财务收支预算总表", rows: [["x"]] }] });
    const names = await insertWorkbook(runOf(excel), {
      sheets: [
        {
          name: "T1 财务收支预算总表",
          cells: [
            { row: 0, col: 0, value: "2025年部门财务收支预算总表", bold: true, align: "center" },
            { row: 2, col: 0, value: "201", kind: "text" },
            { row: 2, col: 1, value: "1234.50", kind: "amount", numberFormat: "#,##0.00" },
            { row: 3, col: 1, value: null, formula: "SUM(B3:B3)" },
          ],
          merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
          columnWidths: [12, 20],
        },
      ],
    });
    expect(excel.syncCount).toBe(2);
    expect(names).toEqual(["T1 财务收支预算总表 (2)"]);
    const sheet = names[0]!;
    expect(excel.cell(sheet, "A1")).toMatchObject({
      value: "2025年部门财务收支预算总表",
      bold: true,
      horizontalAlignment: "Center",
    });
    expect(excel.cell(sheet, "A3").value).toBe("201");
    expect(excel.cell(sheet, "B3")).toMatchObject({ value: 1234.5, numberFormat: "#,##0.00" });
    expect(excel.text(sheet, "B3")).toBe("1,234.50");
    expect(excel.cell(sheet, "B4").formula).toBe("SUM(B3:B3)");
    expect(excel.merges(sheet)).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  it("writes a narrative sheet, one paragraph per row", async () => {
    const excel = new FakeExcel({ sheets: [{ name: "预算编制说明", rows: [["旧"]] }] });
    const name = await addTextSheet(runOf(excel), "预算编制说明", ["收入预算5812.12万元。", "=不是公式"]);
    expect(name).toBe("预算编制说明 (2)");
    expect(excel.cell(name, "A1").value).toBe("收入预算5812.12万元。");
    expect(excel.cell(name, "A2").value).toBe("=不是公式");
    expect(excel.activeSheet).toBe(name);
  });
});

describe("readWorkbook on a large workbook", () => {
  /** 200,000 cells: 4 sheets of 5,000 rows × 10 columns of amounts with number formats. */
  function large(payloadLimit?: number): FakeExcel {
    const sheets: FakeSheetSpec[] = Array.from({ length: 4 }, (_, s) => ({
      name: `表${s + 1}`,
      rows: Array.from({ length: 5_000 }, (_, r) =>
        Array.from({ length: 10 }, (_, c) => ({
          value: r * 10 + c + 0.25,
          text: `${r * 10 + c}.25`,
          numberFormat: "#,##0.00",
        })),
      ),
    }));
    return new FakeExcel({ sheets, ...(payloadLimit ? { payloadLimit } : {}) });
  }
  const LIMIT = 5 * 1024 * 1024;

  it("the modelled limit bites: the whole used range of one sheet is too much for one response", async () => {
    const excel = large(LIMIT / 4);
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("表1").getUsedRangeOrNullObject(true);
        range.load("values,text,numberFormat,formulas");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("reads 200,000 cells in requests under Excel on the web's 5 MB limit, every cell intact", async () => {
    const excel = large(LIMIT);
    const grid = await readWorkbook(runOf(excel));
    expect(excel.largestResponse).toBeLessThanOrEqual(LIMIT);
    expect(excel.largestResponse).toBeGreaterThan(0);
    const cells = grid.sheets.flatMap((s) => s.rows.flat().filter((c) => c !== undefined));
    expect(cells).toHaveLength(200_000);
    const last = grid.sheets[3]!.rows[4_999]![9]!;
    expect(last).toMatchObject({
      address: "J5000",
      value: 49_999.25,
      text: "49999.25",
      numberFormat: "#,##0.00",
    });
    // 3 syncs to learn the sheets and their extent, then one per 20,000 cells (at most one partial block
    // per sheet).
    expect(excel.syncCount).toBeLessThanOrEqual(3 + 200_000 / 20_000 + 4);
    expect(excel.syncCount).toBeGreaterThanOrEqual(3 + 200_000 / 20_000);
  });

  it("a smaller chunk gives more, smaller requests and the same grid", async () => {
    const a = large();
    const b = large();
    const coarse = await readWorkbook(runOf(a));
    const fine = await readWorkbook(runOf(b), { chunkCells: 5_000 });
    expect(b.syncCount).toBeGreaterThan(a.syncCount);
    expect(b.largestResponse).toBeLessThan(a.largestResponse);
    expect(JSON.stringify(fine)).toBe(JSON.stringify(coarse));
  });
});

describe("annotateCells / removeComments", () => {
  it("adds a comment saying why to each marked cell, leaves a cell's own comment alone, and removes only its own", async () => {
    const excel = new FakeExcel({ sheets: [table("T3", 8)] });
    const run = runOf(excel);
    await run(async (context) => {
      context.workbook.comments.add("T3!C5", "我的批注");
      await context.sync();
    });
    const ids = await annotateCells(run, [
      { sheet: "T3", cell: "C3", text: "预算检查（yusuan）：合计不等于各项之和" },
      { sheet: "T3", cell: "C5", text: "预算检查（yusuan）：另一个问题" },
    ]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBeUndefined();
    expect(excel.commentAt("T3", "C3")).toBe("预算检查（yusuan）：合计不等于各项之和");
    expect(excel.commentAt("T3", "C5")).toBe("我的批注");
    // The comment moves with its cell.
    excel.insertRows("T3", 0, 1);
    expect(excel.commentAt("T3", "C4")).toBe("预算检查（yusuan）：合计不等于各项之和");
    await removeComments(run, [ids[0]!, "comment-that-the-user-deleted"]);
    expect(excel.commentAt("T3", "C4")).toBeUndefined();
    expect(excel.commentAt("T3", "C6")).toBe("我的批注");
  });

  it("needs ExcelApi 1.10", async () => {
    const excel = new FakeExcel({ sheets: [table("T3")], apiVersion: "1.9" });
    await expect(annotateCells(runOf(excel), [{ sheet: "T3", cell: "C3", text: "x" }])).rejects.toMatchObject(
      { code: "ApiNotFound" },
    );
  });
});
