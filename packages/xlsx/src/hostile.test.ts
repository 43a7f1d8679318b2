import { beforeAll, describe, expect, it } from "vitest";
import { hostileInputs, minimalXlsx, type HostileInput } from "./hostile";
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
