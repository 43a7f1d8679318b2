import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { CellPatch, Grid, Sheet } from "@yusuan/disclosure";
import { XlsxError } from "./errors";
import { readXlsx } from "./read";
import type { WorkbookSpec } from "./spec";
import { amountCell, gridToWorkbook, writePatches, writeWaivers, writeWorkbook } from "./write";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function workbookXml(bytes: Uint8Array): Promise<string> {
  return await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
}

function cell(sheet: Sheet | undefined, address: string) {
  for (const row of sheet?.rows ?? []) for (const c of row) if (c?.address === address) return c;
  return undefined;
}

async function original(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("T1");
  ws.getColumn(1).width = 33;
  ws.getColumn(2).width = 17;
  ws.getCell("A1").value = "财务收支预算总表";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = "基本支出";
  ws.getCell("B2").value = 100.5;
  ws.getCell("A3").value = "项目支出";
  ws.getCell("B3").value = 200.25;
  ws.getCell("A4").value = "合计";
  ws.getCell("B4").numFmt = "#,##0.00";
  ws.getCell("B4").border = { top: { style: "thin" } };
  ws.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("C2").value = { formula: "B2*2", result: 201 };
  ws.getCell("C3").value = 7;
  wb.addWorksheet("T2").getCell("A1").value = "另一张表";
  return bytesOf(wb);
}

const patch = (sheet: string, address: string, newValue: string): CellPatch => ({
  location: { sheet, cell: address },
  table: "T1",
  oldValue: "",
  newValue,
  reason: "合计 = 基本支出 + 项目支出",
  rule: "A3.row-identity",
});

describe("writePatches", () => {
  it("writes the number and keeps the cell's style and format", async () => {
    const out = await writePatches(await original(), [patch("T1", "B4", "300.75")]);
    const ws = (await load(out)).getWorksheet("T1")!;
    expect(ws.getCell("B4").value).toBe(300.75);
    expect(ws.getCell("B4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("B4").border?.top?.style).toBe("thin");
    expect((ws.getCell("B4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    const read = await readXlsx(out, "out.xlsx");
    if (!read.ok) throw new Error(read.message);
    expect(cell(read.grid.sheets[0], "B4")?.text).toBe("300.75");
  });

  it("leaves untouched cells, styles, merges, widths, formulas and other sheets as they were", async () => {
    const out = await writePatches(await original(), [
      patch("T1", "B4", "300.75"),
      { ...patch("T1", "B4", "1"), location: { line: 3 } },
    ]);
    const wb = await load(out);
    const ws = wb.getWorksheet("T1")!;
    expect(ws.getColumn(1).width).toBe(33);
    expect(ws.getColumn(2).width).toBe(17);
    expect(ws.model.merges).toEqual(["A1:C1"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(16);
    expect(ws.getCell("B2").value).toBe(100.5);
    expect(ws.getCell("B3").value).toBe(200.25);
    expect(ws.getCell("C2").formula).toBe("B2*2");
    expect(ws.getCell("C2").result).toBe(201);
    expect(ws.getCell("C3").value).toBe(7);
    expect(wb.getWorksheet("T2")!.getCell("A1").value).toBe("另一张表");
  });

  it("asks Excel to recalculate on open, unless told not to", async () => {
    const bytes = await original();
    expect(await workbookXml(await writePatches(bytes, []))).toMatch(/fullCalcOnLoad="1"/);
    expect(await workbookXml(await writePatches(bytes, [], { recalcOnOpen: false }))).not.toMatch(
      /fullCalcOnLoad/,
    );
  });

  it("throws XlsxError for a missing sheet, a bad address, a value that is not decimal, and an unreadable original", async () => {
    const bytes = await original();
    await expect(writePatches(bytes, [patch("T9", "A1", "1")])).rejects.toMatchObject({
      code: "patch.unknown-sheet",
    });
    await expect(writePatches(bytes, [patch("T1", "1A", "1")])).rejects.toMatchObject({
      code: "patch.bad-cell",
    });
    await expect(writePatches(bytes, [patch("T1", "B4", "1,234.00")])).rejects.toMatchObject({
      code: "patch.bad-value",
    });
    await expect(writePatches(new Uint8Array([1, 2, 3]), [])).rejects.toBeInstanceOf(XlsxError);
  });
});

describe("writeWaivers", () => {
  it("stores waivers in a hidden sheet, replacing what it held", async () => {
    const first = await writeWaivers(await original(), [{ fingerprint: "old", reason: "旧" }]);
    const out = await writeWaivers(first, [
      {
        fingerprint: "0a1b2c",
        rule: "C2.year-comparison",
        reason: "口径调整",
        by: "张三",
        date: "2024-03-01",
      },
      { fingerprint: "ffee00", reason: "已说明" },
    ]);
    const read = await readXlsx(out, "w.xlsx");
    if (!read.ok) throw new Error(read.message);
    const sheets = read.grid.sheets.filter((s) => s.name === "yusuan_waivers");
    expect(sheets).toHaveLength(1);
    const s = sheets[0]!;
    expect(s.hidden).toBe(true);
    expect(s.rows[0]?.map((c) => c?.text)).toEqual(["fingerprint", "rule", "reason", "by", "date"]);
    expect(s.rows[1]?.map((c) => c?.text)).toEqual([
      "0a1b2c",
      "C2.year-comparison",
      "口径调整",
      "张三",
      "2024-03-01",
    ]);
    expect(s.rows[2]?.[0]?.text).toBe("ffee00");
    expect(s.rows[2]?.[2]?.text).toBe("已说明");
    expect(s.rows).toHaveLength(3);
    expect(read.grid.sheets.map((x) => x.name)).toEqual(["T1", "T2", "yusuan_waivers"]);
  });
});

describe("writeWorkbook", () => {
  const spec: WorkbookSpec = {
    sheets: [
      {
        name: "T1 财务收支预算总表",
        cells: [
          { row: 0, col: 0, value: "财务收支预算总表", bold: true, align: "center" },
          { row: 1, col: 0, value: "基本支出" },
          { row: 1, col: 1, value: "1234567.5", kind: "amount" },
          { row: 2, col: 0, value: "项目支出" },
          { row: 2, col: 1, value: "0.1", kind: "amount" },
          { row: 3, col: 0, value: "合计", bold: true },
          { row: 3, col: 1, value: null, kind: "amount", formula: "B2+B3" },
          { row: 4, col: 1, value: "12", kind: "amount", numberFormat: "0" },
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        columnWidths: [30, 18, 10],
      },
      { name: "a/b:c?", cells: [], merges: [], columnWidths: [] },
    ],
  };

  it("writes values, amount formats, formulas without results, styles, merges and widths", async () => {
    const out = await writeWorkbook(spec);
    const wb = await load(out);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("T1 财务收支预算总表");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
    expect(ws.model.merges).toEqual(["A1:C1"]);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(18);
    expect(ws.getCell("B2").value).toBe(1234567.5);
    expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("B5").numFmt).toBe("0");
    expect(ws.getCell("B4").formula).toBe("B2+B3");
    expect(wb.worksheets[1]!.name).toBe("a_b_c_");
    expect(await workbookXml(out)).toMatch(/fullCalcOnLoad="1"/);
    const read = await readXlsx(out, "t.xlsx");
    if (!read.ok) throw new Error(read.message);
    const s = read.grid.sheets[0];
    expect(cell(s, "B2")?.text).toBe("1,234,567.50");
    expect(cell(s, "B3")?.text).toBe("0.10");
    // Saved without a result, then worked out on reading: B2 + B3.
    expect(cell(s, "B4")).toMatchObject({ formula: "B2+B3", value: 1234567.6, text: "1,234,567.60" });
    expect(cell(s, "B4")?.formulaWithoutResult).toBeUndefined();
  });

  it("saves formula results unless told not to; a formula it cannot work out stays unknown", async () => {
    const withValue: WorkbookSpec = {
      sheets: [
        {
          name: "S",
          cells: [{ row: 0, col: 0, value: "1234.5", kind: "amount", formula: "ROUND(1234.5,0)" }],
          merges: [],
          columnWidths: [],
        },
      ],
    };
    const plain = await readXlsx(await writeWorkbook(withValue, { cacheFormulaResults: false }), "a.xlsx");
    const cached = await readXlsx(await writeWorkbook(withValue), "b.xlsx");
    if (!plain.ok || !cached.ok) throw new Error("unreadable");
    expect(plain.grid.sheets[0]?.rows[0]?.[0]).toMatchObject({
      formula: "ROUND(1234.5,0)",
      formulaWithoutResult: true,
      text: "",
    });
    expect(plain.warnings.join("")).toContain("S!A1");
    expect(cached.grid.sheets[0]?.rows[0]?.[0]).toMatchObject({
      formula: "ROUND(1234.5,0)",
      value: 1234.5,
      text: "1,234.50",
    });
    expect(cached.grid.sheets[0]?.rows[0]?.[0]?.formulaWithoutResult).toBeUndefined();
  });

  it("refuses an amount that is not a decimal string", async () => {
    const bad: WorkbookSpec = {
      sheets: [
        {
          name: "S",
          cells: [{ row: 0, col: 0, value: "一百", kind: "amount" }],
          merges: [],
          columnWidths: [],
        },
      ],
    };
    await expect(writeWorkbook(bad)).rejects.toMatchObject({ code: "spec.invalid" });
  });
});

describe("amountCell", () => {
  it.each([
    ["1,234.50", 1234.5, "#,##0.00"],
    ["38,233,551.78", 38233551.78, "#,##0.00"],
    ["1234.50", 1234.5, "0.00"],
    ["-12.00", -12, "0.00"],
    ["1,234", 1234, "#,##0"],
  ])("%s becomes a number shown the same way", (text, value, numberFormat) => {
    expect(amountCell(text)).toEqual({ value, numberFormat });
  });
  it.each(["2010101", "2024", "12.5%", "基本支出", "1.2.3", "", "—", "12.3", "1,23.00"])(
    "%s stays text",
    (text) => {
      expect(amountCell(text)).toBeUndefined();
    },
  );
});

describe("gridToWorkbook", () => {
  const mk = (row: number, col: number, text: string) => ({
    address: `${String.fromCharCode(65 + col)}${row + 1}`,
    row,
    col,
    value: text,
    text,
  });
  const grid: Grid = {
    source: { kind: "text", name: "预算.txt" },
    sheets: [
      {
        name: "文本",
        rows: [
          [mk(0, 0, "某某局2024年部门预算")],
          [mk(1, 0, "收支总表")],
          [mk(2, 0, "项目"), mk(2, 1, "金额")],
          [mk(3, 0, "2010101"), mk(3, 1, "1,234,567.50")],
          [mk(4, 0, "合计"), mk(4, 1, "1234.50")],
          [mk(5, 0, "说明文字：增长 12.5%")],
        ],
        merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
        lines: [1, 2, 3, 4, 5, 6],
      },
    ],
  };

  it("splits row ranges into sheets, the rest to 说明, and keeps displayed text on reading back", async () => {
    const out = await gridToWorkbook(grid, [{ sheetName: "T1 收支总表", rows: [1, 4] }]);
    const read = await readXlsx(out, "g.xlsx");
    if (!read.ok) throw new Error(read.message);
    expect(read.grid.sheets.map((s) => s.name)).toEqual(["说明", "T1 收支总表"]);
    const [notes, t1] = read.grid.sheets;
    expect(notes?.rows.map((r) => r[0]?.text)).toEqual(["某某局2024年部门预算", "说明文字：增长 12.5%"]);
    expect(t1?.rows.map((r) => r.map((c) => c?.text ?? ""))).toEqual([
      ["收支总表"],
      ["项目", "金额"],
      ["2010101", "1,234,567.50"],
      ["合计", "1234.50"],
    ]);
    expect(t1?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(cell(t1, "B3")).toMatchObject({ value: 1234567.5, numberFormat: "#,##0.00" });
    expect(cell(t1, "A3")).toMatchObject({ value: "2010101" });
  });

  it("without split writes every sheet as it is", async () => {
    const out = await gridToWorkbook(grid);
    const read = await readXlsx(out, "g.xlsx");
    if (!read.ok) throw new Error(read.message);
    expect(read.grid.sheets.map((s) => s.name)).toEqual(["文本"]);
    expect(read.grid.sheets[0]?.rows.map((r) => r.map((c) => c?.text ?? ""))).toEqual(
      grid.sheets[0]!.rows.map((r) => r.map((c) => c?.text ?? "")),
    );
  });
});

describe("a merge too large for the writer's parser (A1:XFD1048576)", () => {
  it("is written back without materialising it: the patch lands, the merge stays, waivers too", async () => {
    const { costlyInputs } = await import("@yusuan/testing");
    const giant = (await costlyInputs()).find((c) => c.name === "giant-merge.xlsx")!;
    const patch: CellPatch = {
      location: { sheet: "Sheet1", cell: "A1" },
      table: "T1",
      oldValue: "1",
      newValue: "1234.5",
      reason: "test",
      rule: "A2.total-row",
    };
    const started = Date.now();
    const out = await writePatches(giant.bytes, [patch], { name: "giant-merge.xlsx" });
    expect(Date.now() - started).toBeLessThan(giant.seconds * 1000);
    const sheetXml = await (await JSZip.loadAsync(out)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<mergeCells count="1"><mergeCell ref="A1:XFD1048576"\/><\/mergeCells>/);
    const read = await readXlsx(out, "out.xlsx");
    if (!read.ok) throw new Error(read.message);
    const sheet = read.grid.sheets[0]!;
    expect(sheet.rows[0]?.[0]?.value).toBe(1234.5);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
    const waived = await writeWaivers(
      giant.bytes,
      [{ fingerprint: "0123456789abcdef", reason: "ok", rule: "A2.total-row" }],
      { name: "giant-merge.xlsx" },
    );
    const again = await readXlsx(waived, "w.xlsx");
    expect(again.ok && again.grid.sheets.find((s) => s.name === "Sheet1")?.merges).toEqual([
      { top: 0, left: 0, bottom: 1048575, right: 16383 },
    ]);
  });
});
