/**
 * The development set: eight published PDFs against their reference text (tests/fixtures/real/tsv).
 * Every cell of every recognised table must equal the reference (amounts compared as parsed
 * decimals, labels with white space removed and full-width/half-width forms folded), the narrative
 * figures must match, and the findings for the PDF must be the findings for the reference text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, type Grid } from "@yusuan/disclosure";
import { beforeAll, describe, expect, test } from "vitest";
import { readPdf } from "./index";
import {
  BUDGETS,
  DIR,
  DOCS,
  TABLES,
  expectTablesLikeReference,
  findingKeys,
  referenceGrid,
  wanLines,
} from "./real.test-util";

const pdfGrids = new Map<string, Grid>();

beforeAll(async () => {
  for (const name of DOCS) {
    const r = await readPdf(new Uint8Array(readFileSync(join(DIR, "pdf", `${name}.pdf`))), `${name}.pdf`);
    if (!r.ok) throw new Error(r.error.messageEn);
    pdfGrids.set(name, r.grid);
  }
}, 300_000);

describe.each(DOCS)("%s", (name) => {
  test("reads: one sheet, a page and a printed line for every row", () => {
    const grid = pdfGrids.get(name)!;
    expect(grid.source).toEqual({ kind: "pdf", name: `${name}.pdf` });
    expect(grid.sheets).toHaveLength(1);
    const sheet = grid.sheets[0]!;
    expect(sheet.rows.length).toBeGreaterThan(100);
    expect(sheet.pages).toHaveLength(sheet.rows.length);
    expect(sheet.lines).toHaveLength(sheet.rows.length);
    for (let r = 1; r < sheet.rows.length; r++)
      expect(sheet.pages![r]!).toBeGreaterThanOrEqual(sheet.pages![r - 1]!);
    expect(sheet.lines!.every((l) => l >= 1)).toBe(true);
  });

  test("every cell of every table equals the reference", () => {
    const pdf = pdfGrids.get(name)!;
    const ref = referenceGrid(name);
    const cells = expectTablesLikeReference(pdf, ref, name);
    if ((BUDGETS as readonly string[]).includes(name)) {
      const found = analyze(pdf)
        .tables.filter((t) => t.found)
        .map((t) => t.id);
      expect(found).toEqual(TABLES);
      expect(cells).toBeGreaterThan(300);
    }
  });

  // The reference of the 决算 document keeps every printed line of its narrative apart; only the
  // budgets' references join wrapped lines into paragraphs.
  if ((BUDGETS as readonly string[]).includes(name))
    test("narrative lines stating 万元 figures match the reference", () => {
      const expected = wanLines(referenceGrid(name));
      const actual = wanLines(pdfGrids.get(name)!);
      const missing = [...expected].filter((l) => !actual.has(l));
      const extra = [...actual].filter((l) => !expected.has(l));
      // Allowed: one paragraph the reference joins across a page break and the PDF reading keeps
      // apart (ptczj, 三公 (二): the last line of the page stops short of the margin).
      expect(missing.length, missing.join("\n")).toBeLessThanOrEqual(1);
      expect(extra.length, extra.join("\n")).toBeLessThanOrEqual(2);
    });

  test("findings equal the findings for the reference text", () => {
    expect(findingKeys(pdfGrids.get(name)!)).toEqual(findingKeys(referenceGrid(name)));
  });
});
