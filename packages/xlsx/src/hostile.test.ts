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
      for (const sheet of r.grid.sheets) expect(sheet.rows.length, `${input.name} ${sheet.name}`).toBeLessThan(10);
      if (input.name.startsWith("far")) {
        expect(r.grid.sheets).toHaveLength(40);
        expect(r.warnings.join("\n")).toMatch(/XFD1048576/);
      }
    }
  });

  it("the writer refuses a merge it would have to materialise, naming the file and the sheet", async () => {
    const input = (await costlyInputs())[0]!;
    const patch = { location: { sheet: "Sheet1", cell: "B2" }, table: "T1" as const, column: "预算数", oldValue: "", newValue: "1.00", reason: "", rule: "A1.parent-sum" as const };
    await expect(writePatches(input.bytes, [patch], { name: "大合并.xlsx" })).rejects.toMatchObject({ code: "input.unwritable", message: expect.stringMatching(/大合并\.xlsx.*Sheet1.*A1:XFD1048576/) });
  });
});
