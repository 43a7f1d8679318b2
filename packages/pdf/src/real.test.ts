/**
 * The development set: eight published PDFs against their reference text (tests/fixtures/real/tsv).
 * Every cell of every recognised table must equal the reference (amounts compared as parsed
 * decimals, labels with white space removed and full-width/half-width forms folded), the narrative
 * figures must match, and the findings for the PDF must be the findings for the reference text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, readTextDocument, recognize, type Grid, type StandardTableId } from "@yusuan/disclosure";
import { parseAmount } from "@yusuan/money";
import { beforeAll, describe, expect, test } from "vitest";
import { readPdf } from "./index";

const DIR = join(__dirname, "../../../tests/fixtures/real");
const DOCS = [
  "wanli_2023_bumen",
  "wanli_2024_bumen",
  "wanli_2025_bumen",
  "qufuban_2025_bumen",
  "shangwuwei_2025_bumen",
  "shangwuwei_2025_danwei",
  "ptczj_2025_bumen",
  "shegongbu_2024_juesuan",
] as const;
const BUDGETS = DOCS.filter((d) => !d.includes("juesuan"));
const TABLES: StandardTableId[] = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];


function referenceGrid(name: string): Grid {
  const r = readTextDocument(readFileSync(join(DIR, "tsv", `${name}.txt`)), `${name}.txt`);
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

/** A cell as compared: an amount as its decimal value, anything else folded. */
function comparable(text: string): string {
  const t = text.trim();
  if (/^[\s\d,，.．\-—－–()（）０-９]+$/.test(t) && /\d|[０-９]/.test(t)) {
    const p = parseAmount(t);
    if (p.ok && !p.blank) return `#${p.amount.toString()}`;
  }
  return fold(t);
}

/** The rows of table `id` as lists of non-empty comparable cells; lines above the header as one cell. */
function tableRows(grid: Grid, id: StandardTableId): string[][] | undefined {
  const table = recognize(grid).disclosure.tables[id];
  if (!table) return undefined;
  const sheet = grid.sheets[0]!;
  const out: string[][] = [];
  for (let r = table.rows[0]; r <= table.rows[1]; r++) {
    const cells = (sheet.rows[r] ?? []).map((c) => c?.text ?? "").filter((t) => t.trim() !== "");
    if (cells.length === 0) continue;
    // Title, 编制部门 and 单位 lines: one line of text however it was split into cells.
    if (/^(编制|单位[:：])/.test(cells[0]!.trim()) || out.length === 0) out.push([fold(cells.join(""))]);
    else out.push(cells.map(comparable));
  }
  return out;
}

/** Narrative lines (outside the tables) that state an amount in 万元, folded. */
function wanLines(grid: Grid): Set<string> {
  const { disclosure } = recognize(grid);
  return new Set(disclosure.text.map((l) => fold(l.text)).filter((t) => t.includes("万元")));
}

function findingKeys(grid: Grid): string[] {
  return [...new Set(analyze(grid).findings.map((f) => `${f.severity} ${f.rule} ${f.table} ${f.row ?? ""} ${f.column ?? ""}`))].sort();
}

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
    for (let r = 1; r < sheet.rows.length; r++) expect(sheet.pages![r]!).toBeGreaterThanOrEqual(sheet.pages![r - 1]!);
    expect(sheet.lines!.every((l) => l >= 1)).toBe(true);
  });

  test("every cell of every table equals the reference", () => {
    const pdf = pdfGrids.get(name)!;
    const ref = referenceGrid(name);
    let cells = 0;
    for (const id of TABLES) {
      const expected = tableRows(ref, id);
      const actual = tableRows(pdf, id);
      expect(actual === undefined, `${id} found in one and not the other`).toBe(expected === undefined);
      if (!expected || !actual) continue;
      expect(actual, `${name} ${id}`).toEqual(expected);
      cells += expected.flat().length;
    }
    if ((BUDGETS as readonly string[]).includes(name)) {
      const found = analyze(pdf).tables.filter((t) => t.found).map((t) => t.id);
      expect(found).toEqual(TABLES);
      expect(cells).toBeGreaterThan(300);
    }
  });

  // The reference of the 决算 document keeps every printed line of its narrative apart; only the
  // budgets' references join wrapped lines into paragraphs.
  test.skipIf(!(BUDGETS as readonly string[]).includes(name))("narrative lines stating 万元 figures match the reference", () => {
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
