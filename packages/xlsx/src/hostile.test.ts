import { beforeAll, describe, expect, it } from "vitest";
import { costlyInputs, hostileInputs, minimalXlsx, type HostileInput } from "@yusuan/testing";
import { writePatches } from "./write";
import { readXlsx } from "./read";

describe("hostile inputs", () => {
  let inputs: HostileInput[] = [];
  beforeAll(async () => {
    inputs = await hostileInputs();
  });

  it("the minimal workbook they are built from reads fine", async () => {
    const result = await readXlsx(await minimalXlsx(), "minimal.xlsx");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = result.grid.sheets[0]?.rows[0];
    expect(row?.[0]?.text).toBe("预算");
    expect(row?.[1]?.value).toBe(1234.5);
  });

  it("has at least twenty kinds, with distinct names, both codes, and bytes that are really bad", async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(inputs.map((i) => i.name)).size).toBe(inputs.length);
    expect(new Set(inputs.map((i) => i.expect))).toEqual(new Set(["input.unreadable", "input.too-large"]));
    expect(inputs.find((i) => i.name === "empty.xlsx")?.bytes.length).toBe(0);
  });

  it("catches each bomb and huge sheet for the reason it was built for", async () => {
    const reasons: Record<string, RegExp> = {
      "zip-bomb-ratio.xlsx": /compression ratio/,
      "zip-lying-size.xlsx": /declared size/,
      "dimension-huge.xlsx": /A1:Z100000/,
      "million-cells.xlsx": /more than 2000000 cells/,
      "billion-laughs.xlsx": /sharedStrings\.xml.*DOCTYPE/,
      "ole-encrypted.xlsx": /encrypted/,
      "ole-old-xls.xlsx": /97-2003/,
    };
    for (const [name, reason] of Object.entries(reasons)) {
      const input = inputs.find((i) => i.name === name)!;
      const result = await readXlsx(input.bytes, input.name);
      expect(result.ok ? "ok" : result.messageEn, name).toMatch(reason);
    }
  });

  it("every one gives its expected code, a message naming the file, without throwing, each within 5 s", async () => {
    for (const input of inputs) {
      const started = performance.now();
      const result = await readXlsx(input.bytes, input.name);
      const elapsed = performance.now() - started;
      expect(result.ok, input.name).toBe(false);
      if (result.ok) continue;
      expect(result.code, `${input.name}: ${result.messageEn}`).toBe(input.expect);
      expect(result.message).toContain(input.name);
      expect(result.messageEn).toContain(input.name);
      expect(elapsed, input.name).toBeLessThan(5000);
    }
  });
});

describe("costly inputs", () => {
  it("read within their time bound, with the stray far cells set aside and named", async () => {
    const inputs = await costlyInputs();
    expect(inputs.map((i) => i.name)).toEqual(["giant-merge.xlsx", "far-cells-40-sheets.xlsx"]);
    for (const input of inputs) {
      const started = performance.now();
      const r = await readXlsx(input.bytes, input.name);
      expect(performance.now() - started, input.name).toBeLessThan(input.seconds * 1000);
      expect(r.ok, input.name).toBe(true);
      if (!r.ok) continue;
      for (const sheet of r.grid.sheets)
        expect(sheet.rows.length, `${input.name} ${sheet.name}`).toBeLessThan(10);
      if (input.name.startsWith("far")) {
        expect(r.grid.sheets).toHaveLength(40);
        expect(r.warnings.join("\n")).toMatch(/XFD1048576/);
      }
    }
  });

  it("the writer writes a giant merge back without materialising it, and refuses by name merges too many to hold", async () => {
    const input = (await costlyInputs())[0]!;
    const patch = {
      location: { sheet: "Sheet1", cell: "A1" },
      table: "T1" as const,
      column: "预算数",
      oldValue: "1",
      newValue: "1.00",
      reason: "",
      rule: "A1.parent-sum" as const,
    };
    const out = await writePatches(input.bytes, [patch], { name: "大合并.xlsx" });
    const back = await readXlsx(out, "大合并.xlsx");
    expect(back.ok && back.grid.sheets[0]!.merges).toEqual([
      { top: 0, left: 0, bottom: 1048575, right: 16383 },
    ]);
    // Eleven merges of 100,000 cells each: none is set aside, together they are more than the parser holds.
    const letters = ["A", "K", "U", "AE", "AO", "AY", "BI", "BS", "CC", "CM", "CW"];
    const ends = ["J", "T", "AD", "AN", "AX", "BH", "BR", "CB", "CL", "CV", "DF"];
    const merges = letters.map((l, i) => `<mergeCell ref="${l}1:${ends[i]}10000"/>`).join("");
    const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const many = await minimalXlsx({
      "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="11">${merges}</mergeCells></worksheet>`,
    });
    await expect(writePatches(many, [patch], { name: "多合并.xlsx" })).rejects.toMatchObject({
      code: "input.unwritable",
      message: expect.stringMatching(/多合并\.xlsx.*Sheet1/),
    });
  });
});
