import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAddress, type Cell } from "@yusuan/disclosure";
import {
  BUILTIN_FORMATS,
  holdsDate,
  moveFormula,
  parseRange,
  readDate1904,
  readSharedStrings,
  readStyles,
  readWorksheet,
  unescapeExcel,
  type SheetContent,
  plainCell,
} from "./sheet-xml";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

describe("readSharedStrings", () => {
  it("reads plain and rich text, leaves out phonetic runs, decodes entities and _xHHHH_ escapes", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="6" uniqueCount="6">` +
      `<si><t>一般公共预算</t></si>` +
      `<si><r><rPr><b/></rPr><t>公共</t></r><r><t xml:space="preserve"> 预算 </t></r></si>` +
      `<si><t>A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#25991;&#x5B57;</t></si>` +
      `<si><t>行一_x000D_行二</t><rPh sb="0" eb="1"><t>ギョウ</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si><t>_x005F_x0041_</t></si>` +
      `<si/>` +
      `</sst>`;
    const r = readSharedStrings(xml);
    expect(r).toEqual({
      ok: true,
      value: ["一般公共预算", "公共 预算 ", `A&B <C> "D" 'E' 文字`, "行一\r行二", "_x0041_", ""],
    });
  });

  it("reads a prefixed table and refuses a broken one", () => {
    const r = readSharedStrings(
      `<x:sst xmlns:x="u"><x:si><x:t>甲</x:t></x:si><x:si><x:r><x:t>乙</x:t></x:r></x:si></x:sst>`,
    );
    expect(r).toEqual({ ok: true, value: ["甲", "乙"] });
    expect(readSharedStrings(`<sst><si><t>甲</si></sst>`).ok).toBe(false);
  });
});

describe("readStyles", () => {
  it("maps each cell style to its number format: custom codes, built-in ids, General as undefined", () => {
    const xml =
      `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00_ ;[Red]\\-#,##0.00\\ "/>` +
      `<numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts>` +
      `<cellStyleXfs count="1"><xf numFmtId="4"/></cellStyleXfs>` +
      `<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="4"/>` +
      `<xf numFmtId="49"/><xf numFmtId="14"/><xf numFmtId="31"/><xf/></cellXfs>` +
      `<dxfs><dxf><numFmt numFmtId="166" formatCode="0.0"/></dxf></dxfs></styleSheet>`;
    expect(readStyles(xml)).toEqual({
      ok: true,
      value: [
        undefined,
        "#,##0.00_ ;[Red]\\-#,##0.00\\ ",
        '0.00"万元"',
        "#,##0.00",
        "@",
        "mm-dd-yy",
        undefined,
        undefined,
      ],
    });
  });

  it("has the fixed built-in formats and none for locale-dependent ids", () => {
    expect([0, 1, 2, 3, 4, 9, 10, 14, 49].map((id) => BUILTIN_FORMATS[id])).toEqual([
      "General",
      "0",
      "0.00",
      "#,##0",
      "#,##0.00",
      "0%",
      "0.00%",
      "mm-dd-yy",
      "@",
    ]);
    expect(BUILTIN_FORMATS[31]).toBeUndefined();
  });
});

describe("readDate1904", () => {
  it("reads workbookPr date1904 and refuses broken XML", () => {
    expect(readDate1904(`<workbook ${NS}><workbookPr date1904="1"/><sheets/></workbook>`)).toEqual({
      ok: true,
      value: true,
    });
    expect(readDate1904(`<x:workbook xmlns:x="u"><x:workbookPr date1904="true"/></x:workbook>`)).toEqual({
      ok: true,
      value: true,
    });
    expect(readDate1904(`<workbook><workbookPr defaultThemeVersion="124226"/></workbook>`)).toEqual({
      ok: true,
      value: false,
    });
    expect(readDate1904(`<workbook><sheets></workbook>`).ok).toBe(false);
  });
});

const context = {
  strings: ["项目", "金额", ""],
  formats: [undefined, "#,##0.00", "yyyy-mm-dd", "@", "0.0%"],
  date1904: false,
  maxCells: 1000,
};

function sheet(rows: string, tail = "", root = "worksheet", prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : NS;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}${root} ${ns}><${p}dimension ref="A1:D9"/><${p}sheetData>${rows}</${p}sheetData>${tail}</${p}${root}>`;
}

function read(xml: string, ctx = context): SheetContent {
  const r = readWorksheet(xml, ctx);
  if (!r.ok) throw new Error(r.reason);
  if (!r.value) throw new Error("not a worksheet");
  return r.value;
}

const at = (content: SheetContent, address: string): Cell | undefined => {
  for (const row of content.rows) for (const c of row) if (c?.address === address) return c;
  return undefined;
};

describe("readWorksheet", () => {
  it("reads numbers, shared and inline strings, booleans, errors and str cells with their text", () => {
    const c = read(
      sheet(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1234567.5</v></c><c r="C1" s="4"><v>0.125</v></c><c r="D1"><v>42</v></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t>内联&amp;</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr/><t>文本</t></r><rPh><t>x</t></rPh></is></c>` +
          `<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c></row>` +
          `<row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="B3" t="str"><v>文字</v></c><c r="C3" s="3" t="s"><v>2</v></c><c r="D3" s="1"/></row>`,
      ),
    );
    expect(plainCell(at(c, "A1")!)).toEqual({
      address: "A1",
      row: 0,
      col: 0,
      value: "项目",
      text: "项目",
      numberFormat: "General",
    });
    expect(at(c, "B1")).toMatchObject({ value: 1234567.5, text: "1,234,567.50", numberFormat: "#,##0.00" });
    expect(at(c, "C1")).toMatchObject({ value: 0.125, text: "12.5%" });
    expect(at(c, "D1")).toMatchObject({ value: 42, text: "42" });
    expect(at(c, "A2")).toMatchObject({ value: "内联&", text: "内联&" });
    expect(at(c, "B2")).toMatchObject({ value: "富文本" });
    expect([at(c, "C2")?.value, at(c, "C2")?.text, at(c, "D2")?.text]).toEqual([true, "TRUE", "FALSE"]);
    expect(at(c, "A3")).toMatchObject({ value: "#N/A", text: "#N/A" });
    expect(at(c, "B3")).toMatchObject({ value: "文字" });
    // An empty shared string is a cell; a styled cell with no value is not.
    expect(at(c, "C3")).toMatchObject({ value: "", text: "", numberFormat: "@" });
    expect(at(c, "D3")).toBeUndefined();
    expect(c.cells).toBe(11);
  });

  it("turns numbers under date formats into date serials shown as dates, in both date systems", () => {
    const xml = sheet(
      `<row r="1"><c r="A1" s="2"><v>45306</v></c><c r="B1" t="d"><v>2024-01-15T00:00:00Z</v></c></row>`,
    );
    expect(at(read(xml), "A1")).toMatchObject({
      value: 45306,
      text: "2024/1/15",
      numberFormat: "yyyy-mm-dd",
    });
    expect(at(read(xml), "B1")).toMatchObject({ value: 45306, text: "2024/1/15" });
    expect(at(read(xml, { ...context, date1904: true }), "A1")).toMatchObject({
      value: 45306,
      text: "2028/1/16",
    });
    expect(holdsDate("yyyy-mm-dd")).toBe(true);
    expect(holdsDate('#,##0.00"元"')).toBe(false);
    expect(holdsDate("[Red]0.00")).toBe(false);
  });

  it("keeps formulas with their results, counts those without, and moves shared formulas to each clone", () => {
    const c = read(
      sheet(
        `<row r="1"><c r="A1"><f>B1+C1</f><v>3</v></c><c r="B1"><f>1/0</f><v></v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
          `<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
          `<row r="2"><c r="A2"><f t="shared" ref="A2:C3" si="0">$A$1+B1*2</f><v>1</v></c><c r="B2"><f t="shared" si="0"/><v>2</v></c>` +
          `<c r="C2" t="b"><f t="shared" si="0"/><v>1</v></c></row>` +
          `<row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c><c r="B3"><f t="shared" si="0">OWN()</f><v>5</v></c>` +
          `<c r="C3"><f t="shared" si="7"/><v>6</v></c><c r="D3"><f t="array" ref="D3">SUM(A1:A2)</f></c></row>`,
      ),
    );
    expect(at(c, "A1")).toMatchObject({ formula: "B1+C1", value: 3, text: "3" });
    expect(at(c, "A1")?.formulaWithoutResult).toBeUndefined();
    expect(at(c, "B1")).toMatchObject({ formula: "1/0", value: null, text: "", formulaWithoutResult: true });
    expect(at(c, "C1")).toMatchObject({ formula: `"a"&"b"`, value: "ab" });
    expect(at(c, "D1")).toMatchObject({ value: "#DIV/0!" });
    expect(at(c, "A2")).toMatchObject({ formula: "$A$1+B1*2" });
    expect(at(c, "B2")).toMatchObject({ formula: "$A$1+C1*2", value: 2 });
    expect(at(c, "C2")).toMatchObject({ formula: "$A$1+D1*2", value: true });
    expect(at(c, "A3")).toMatchObject({ formula: "$A$1+B2*2" });
    // A clone with text of its own keeps it; one whose master never came has no formula text.
    expect(at(c, "B3")?.formula).toBe("OWN()");
    expect(at(c, "C3")).toMatchObject({ formula: "", value: 6 });
    expect(at(c, "D3")).toMatchObject({ formula: "SUM(A1:A2)", formulaWithoutResult: true });
    expect(c.formulasWithoutResult).toBe(2);
  });

  it("reads a sheet whose elements carry a namespace prefix, and cells without addresses", () => {
    const c = read(
      sheet(
        `<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c t="s"><x:v>1</x:v></x:c></x:row>`,
        "",
        "worksheet",
        "x",
      ),
    );
    expect(at(c, "B2")?.value).toBe(1);
    expect(at(c, "C2")).toMatchObject({ row: 1, col: 2, value: 2 });
    expect(at(c, "A3")).toMatchObject({ row: 2, col: 0, value: "金额" });
    expect(c.rows.length).toBe(3);
    expect(c.rows[0]).toEqual([]);
  });

  it("ignores look-alike elements outside sheetData", () => {
    const tail =
      `<extLst><ext uri="x"><x14:dataValidations xmlns:x14="y" xmlns:xm="z"><x14:dataValidation><x14:formula1><xm:f>Sheet2!$A$1</xm:f></x14:formula1>` +
      `<xm:sqref>A1</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const c = read(sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, tail));
    expect(c.cells).toBe(1);
    expect(at(c, "A1")?.formula).toBeUndefined();
  });

  it("empties the cells a merge covers, keeps its top-left, and keeps hidden rows that hold something", () => {
    const c = read(
      sheet(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>9</v></c><c r="D1"><v>1</v></c></row>` +
          `<row r="2" hidden="1"><c r="A2"><v>7</v></c></row><row r="3" hidden="1"/><row r="4" hidden="true" spans="1:4"/>` +
          `<row r="5" hidden="1"><c r="B5" s="1"/></row>`,
        `<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A4"/></mergeCells>`,
      ),
    );
    expect(c.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
    expect(at(c, "A1")?.value).toBe("项目");
    expect(at(c, "B1")).toBeUndefined();
    expect(at(c, "D1")?.value).toBe(1);
    // Row 3 holds only the lone top-left of A3:A4, row 5 only a styled blank: neither counts.
    expect(c.hiddenRows).toEqual([1, 3]);
    expect(c.cells).toBe(3);
  });

  it.each([
    ["an invalid cell address", `<row r="1"><c r="!!"><v>1</v></c></row>`, "", /invalid cell address/],
    ["a negative row number", `<row r="-5"><c r="A1"><v>1</v></c></row>`, "", /invalid row number/],
    ["a column beyond XFD", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, "", /invalid cell address/],
    [
      "a missing shared string",
      `<row r="1"><c r="A1" t="s"><v>99</v></c></row>`,
      "",
      /missing shared string/,
    ],
    [
      "overlapping merges",
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c></row>`,
      `<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B1:C1"/></mergeCells>`,
      /overlap/,
    ],
  ])("refuses %s", (_what, rows, tail, reason) => {
    const r = readWorksheet(sheet(rows, tail), context);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("refuses XML that is not well-formed", () => {
    const r = readWorksheet(sheet(`<row r="1"><c r="A1"><v>1</v></c>`), context);
    expect(r).toMatchObject({ ok: false });
  });

  it("stops at the cell cap, and skips a part that is not a worksheet", () => {
    const rows = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="1"/></row>`;
    expect(readWorksheet(sheet(rows), { ...context, maxCells: 2 }).ok).toBe(true);
    expect(readWorksheet(sheet(rows), { ...context, maxCells: 1 })).toMatchObject({
      ok: false,
      tooManyCells: true,
    });
    expect(
      readWorksheet(`<chartsheet ${NS}><drawing r:id="rId1" xmlns:r="r"/></chartsheet>`, context),
    ).toEqual({ ok: true, value: undefined });
  });
});

describe("readWorksheet on mangled input", () => {
  it("returns a result, never throws, and places every cell where its address says", () => {
    const base = sheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>2</v></c></row>` +
        `<row r="2" hidden="1"><c r="B2"><f t="shared" si="0"/></c><c t="inlineStr"><is><r><t>x&amp;y</t></r></is></c></row>`,
      `<mergeCells><mergeCell ref="A1:A2"/></mergeCells>`,
    );
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(12), fc.string({ maxLength: 12 }), (at, cut, insert) => {
        const r = readWorksheet(base.slice(0, at) + insert + base.slice(at + cut), context);
        if (!r.ok || !r.value) return true;
        return r.value.rows.every((row, i) =>
          row.every(
            (c, j) => c === undefined || (c.row === i && c.col === j && c.address === cellAddress(i, j)),
          ),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe("moveFormula", () => {
  it.each([
    ["B6*2+$B$6", 0, 1, "C6*2+$B$6"],
    ["SUM(B2:B5)", 3, 0, "SUM(B5:B8)"],
    ["$A1+A$1", 2, 2, "$A3+C$1"],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ["Sheet2!A1+'预算 表'!B2", 1, 1, "Sheet2!B2+'预算 表'!C3"],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["SUM(A:A)+SUM(1:1)+SUM($A:$A)", 1, 1, "SUM(B:B)+SUM(2:2)+SUM($A:$A)"],
    ["A1-1.5E+3+XFE1", 1, 0, "A2-1.5E+3+XFE1"],
    ["A1", -1, 0, "#REF!"],
    ["Table1[金额]*A1", 0, 1, "Table1[金额]*B1"],
  ])("moves %s by (%i, %i)", (formula, rows, cols, expected) => {
    expect(moveFormula(formula, rows, cols)).toBe(expected);
  });
});

describe("helpers", () => {
  it("unescapes _xHHHH_ and parses ranges", () => {
    expect(unescapeExcel("a_x0009_b_x005f_c")).toBe("a\tb_c");
    expect(parseRange("$B$2:A1")).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseRange("C3")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRange("A1:B")).toBeUndefined();
  });
});
