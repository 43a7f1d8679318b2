import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Sheet } from "@yusuan/disclosure";
import { minimalXlsx } from "@yusuan/testing";
import { readXlsx, readXlsxFile } from "./read";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function sample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("T1 收支总表");
  ws.getCell("A1").value = "2024年部门预算";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = "项目";
  ws.getCell("B2").value = 1234567.5;
  ws.getCell("B2").numFmt = "#,##0.00";
  ws.getCell("C2").value = 1234.005;
  ws.getCell("C2").numFmt = "#,##0.00";
  ws.getCell("D2").value = 0.125;
  ws.getCell("D2").numFmt = "0.0%";
  ws.getCell("A3").value = 42;
  ws.getCell("B3").value = 1234.5;
  ws.getCell("B3").numFmt = "0";
  ws.getCell("C3").value = new Date(Date.UTC(2024, 0, 15));
  ws.getCell("C3").numFmt = "yyyy-mm-dd";
  ws.getCell("D3").value = "2010101";
  ws.getCell("D3").numFmt = "@";
  ws.getCell("A4").value = { formula: "B2+C2", result: 1235801.505 };
  ws.getCell("A4").numFmt = "#,##0.00";
  ws.getCell("B4").value = { formula: "B2*2" } as ExcelJS.CellFormulaValue;
  ws.getCell("C4").value = { richText: [{ text: "一般" }, { text: "公共预算", font: { bold: true } }] };
  ws.getCell("D4").value = true;
  ws.getCell("A5").value = "隐藏行";
  ws.getRow(5).hidden = true;
  ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("B6").value = 5;
  ws.getCell("C6").value = { formula: "B6*2", result: 10 };
  ws.getCell("D6").value = { sharedFormula: "C6", result: 20 } as ExcelJS.CellSharedFormulaValue;
  const hidden = wb.addWorksheet("底稿", { state: "hidden" });
  hidden.getCell("A1").value = "不公开";
  return bytesOf(wb);
}

function cell(sheet: Sheet | undefined, address: string) {
  for (const row of sheet?.rows ?? []) for (const c of row) if (c?.address === address) return c;
  return undefined;
}

describe("readXlsx", () => {
  it("reads values, displayed text and number formats", async () => {
    const result = await readXlsx(await sample(), "预算.xlsx");
    if (!result.ok) throw new Error(result.message);
    expect(result.grid.source).toEqual({ kind: "xlsx", name: "预算.xlsx" });
    const s = result.grid.sheets[0];
    expect(s?.name).toBe("T1 收支总表");
    expect(cell(s, "B2")).toMatchObject({
      row: 1,
      col: 1,
      value: 1234567.5,
      text: "1,234,567.50",
      numberFormat: "#,##0.00",
    });
    expect(cell(s, "C2")?.text).toBe("1,234.01");
    expect(cell(s, "D2")?.text).toBe("12.5%");
    expect(cell(s, "A3")).toMatchObject({ value: 42, text: "42", numberFormat: "General" });
    expect(cell(s, "B3")?.text).toBe("1235");
    expect(cell(s, "C3")).toMatchObject({ value: 45306, text: "2024/1/15" });
    expect(cell(s, "D3")).toMatchObject({ value: "2010101", text: "2010101", numberFormat: "@" });
    expect(cell(s, "C4")?.text).toBe("一般公共预算");
    expect(cell(s, "D4")).toMatchObject({ value: true, text: "TRUE" });
  });

  it("keeps formulas with their cached results and marks those without one", async () => {
    const result = await readXlsx(await sample(), "预算.xlsx");
    if (!result.ok) throw new Error(result.message);
    const s = result.grid.sheets[0];
    expect(cell(s, "A4")).toMatchObject({ formula: "B2+C2", value: 1235801.505, text: "1,235,801.51" });
    expect(cell(s, "A4")?.formulaWithoutResult).toBeUndefined();
    expect(cell(s, "B4")).toMatchObject({
      formula: "B2*2",
      value: null,
      text: "",
      formulaWithoutResult: true,
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("T1 收支总表!B4");
    expect(result.warnings[0]).toContain("不按 0 处理");
    expect(cell(s, "A6")).toMatchObject({ formula: "1/0", value: "#DIV/0!", text: "#DIV/0!" });
    // A shared formula's clone gets the master's formula moved to its own place.
    expect(cell(s, "D6")).toMatchObject({ formula: "C6*2", value: 20, text: "20" });
  });

  it("keeps merges (covered cells empty), hidden sheets and hidden rows", async () => {
    const result = await readXlsx(await sample(), "预算.xlsx");
    if (!result.ok) throw new Error(result.message);
    const [s, hidden] = result.grid.sheets;
    expect(s?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(cell(s, "A1")?.text).toBe("2024年部门预算");
    expect(cell(s, "B1")).toBeUndefined();
    expect(s?.hiddenRows).toEqual([4]);
    expect(s?.hidden).toBeUndefined();
    expect(hidden).toMatchObject({ name: "底稿", hidden: true });
    expect(cell(hidden, "A1")?.text).toBe("不公开");
  });

  it("indexes rows by row number, with no holes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C5").value = 1;
    const result = await readXlsx(await bytesOf(wb), "s.xlsx");
    if (!result.ok) throw new Error(result.message);
    const rows = result.grid.sheets[0]!.rows;
    expect(rows.length).toBe(5);
    expect(rows.every((r) => Array.isArray(r))).toBe(true);
    expect(rows[4]?.[2]?.address).toBe("C5");
  });

  it("refuses more cells than maxCells, counted while scanning", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    for (let r = 1; r <= 10; r++) ws.getCell(r, 1).value = r;
    const bytes = await bytesOf(wb);
    const ok = await readXlsx(bytes, "big.xlsx", { maxCells: 10 });
    expect(ok.ok).toBe(true);
    const refused = await readXlsx(bytes, "big.xlsx", { maxCells: 9 });
    expect(refused).toMatchObject({ ok: false, code: "input.too-large" });
    if (!refused.ok) expect(refused.message).toContain("大表");
  });

  it("refuses a file above maxBytes and a total above maxUncompressed", async () => {
    const bytes = await minimalXlsx();
    expect(await readXlsx(bytes, "a.xlsx", { maxBytes: bytes.length - 1 })).toMatchObject({
      ok: false,
      code: "input.too-large",
    });
    expect(await readXlsx(bytes, "a.xlsx", { maxUncompressed: 500 })).toMatchObject({
      ok: false,
      code: "input.too-large",
    });
    expect((await readXlsx(bytes, "a.xlsx", { maxBytes: bytes.length })).ok).toBe(true);
  });

  it("refuses a large entry above maxRatio but accepts it under a looser one", async () => {
    const bytes = await minimalXlsx({ "xl/media/image1.png": new Uint8Array(3 * 1024 * 1024) });
    expect(await readXlsx(bytes, "z.xlsx")).toMatchObject({ ok: false, code: "input.too-large" });
    expect((await readXlsx(bytes, "z.xlsx", { maxRatio: 2000 })).ok).toBe(true);
  });

  it("reads a sheet whose XML uses a namespace prefix, counting its cells", async () => {
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = await minimalXlsx({ "xl/worksheets/sheet1.xml": sheet });
    expect(await readXlsx(bytes, "p.xlsx", { maxCells: 1 })).toMatchObject({
      ok: false,
      code: "input.too-large",
    });
  });
});

describe("readXlsx on hand-written parts", () => {
  const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  it("finds shared strings and styles through the workbook's relationships and reads a prefixed sheet", async () => {
    const bytes = await minimalXlsx({
      "xl/_rels/workbook.xml.rels":
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="/xl/strings/words.xml"/>` +
        `<Relationship Id="rId3" Type="${R}/styles" Target="look.xml"/></Relationships>`,
      "xl/workbook.xml":
        `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${NS}" xmlns:r="${R}"><x:workbookPr date1904="1"/>` +
        `<x:sheets><x:sheet name="收入&amp;支出" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/strings/words.xml": `<sst xmlns="${NS}"><si><t>项目</t></si><si><r><t>一般</t></r><r><t>公共预算</t></r></si></sst>`,
      "xl/look.xml": `<styleSheet xmlns="${NS}"><numFmts><numFmt numFmtId="170" formatCode="#,##0.00&quot;元&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      "xl/worksheets/sheet1.xml":
        `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>` +
        `<x:row r="2"><x:c r="A2" s="1"><x:v>1234.5</x:v></x:c><x:c r="B2" s="2"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    const result = await readXlsx(bytes, "手写.xlsx");
    if (!result.ok) throw new Error(result.messageEn);
    const s = result.grid.sheets[0];
    expect(s?.name).toBe("收入&支出");
    expect(cell(s, "A1")?.value).toBe("项目");
    expect(cell(s, "B1")?.value).toBe("一般公共预算");
    expect(cell(s, "A2")).toMatchObject({ value: 1234.5, text: "1,234.50元", numberFormat: '#,##0.00"元"' });
    // Serial 0 is 1904-01-01 in the 1904 date system.
    expect(cell(s, "B2")).toMatchObject({ value: 0, text: "1904/1/1", numberFormat: "mm-dd-yy" });
  });

  it("names the part when a sheet or the shared strings are not well-formed", async () => {
    const broken = await minimalXlsx({
      "xl/worksheets/sheet1.xml": `<worksheet xmlns="${NS}"><sheetData><row r="1"></sheetData></worksheet>`,
    });
    const r = await readXlsx(broken, "坏.xlsx");
    expect(r).toMatchObject({ ok: false, code: "input.unreadable" });
    if (!r.ok)
      expect(r.messageEn).toMatch(/part xl\/worksheets\/sheet1\.xml cannot be parsed \(.*mismatched/);
    const strings = await minimalXlsx({ "xl/sharedStrings.xml": `<sst xmlns="${NS}"><si><t>a</t></sst>` });
    const s = await readXlsx(strings, "坏.xlsx");
    if (!s.ok) expect(s.message).toContain("xl/sharedStrings.xml");
    expect(s.ok).toBe(false);
  });
});

describe("readXlsxFile", () => {
  it("reads from disk and reports a missing file as a failure", async () => {
    const dir = await mkdtemp(join(tmpdir(), "yusuan-xlsx-"));
    try {
      const path = join(dir, "预算.xlsx");
      await writeFile(path, await sample());
      const result = await readXlsxFile(path);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.grid.source.name).toBe("预算.xlsx");
      const missing = await readXlsxFile(join(dir, "无.xlsx"));
      expect(missing).toMatchObject({ ok: false, code: "input.unreadable" });
      if (!missing.ok) expect(missing.message).toContain("无.xlsx");
      expect(await readXlsxFile(path, { maxBytes: 10 })).toMatchObject({
        ok: false,
        code: "input.too-large",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
