/**
 * The development set and how a grid read from one of its PDFs is compared with the reference text
 * (tests/fixtures/real/tsv): shared by the tests on the PDFs as published and on copies without rules.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, readTextDocument, recognize, type Grid, type StandardTableId } from "@yusuan/disclosure";
import { parseAmount } from "@yusuan/money";
import { expect } from "vitest";

export const DIR = join(__dirname, "../../../tests/fixtures/real");
export const DOCS = [
  "wanli_2023_bumen",
  "wanli_2024_bumen",
  "wanli_2025_bumen",
  "qufuban_2025_bumen",
  "shangwuwei_2025_bumen",
  "shangwuwei_2025_danwei",
  "ptczj_2025_bumen",
  "shegongbu_2024_juesuan",
] as const;
export const BUDGETS = DOCS.filter((d) => !d.includes("juesuan"));
export const TABLES: StandardTableId[] = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];

export function referenceGrid(name: string): Grid {
  const r = readTextDocument(readFileSync(join(DIR, "tsv", `${name}.txt`)), `${name}.txt`);
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

const fold = (s: string) =>
  s.normalize("NFKC").replace(/\s+/g, "").replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

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
export function tableRows(grid: Grid, id: StandardTableId): string[][] | undefined {
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
export function wanLines(grid: Grid): Set<string> {
  const { disclosure } = recognize(grid);
  return new Set(disclosure.text.map((l) => fold(l.text)).filter((t) => t.includes("万元")));
}

export function findingKeys(grid: Grid): string[] {
  return [
    ...new Set(
      analyze(grid).findings.map(
        (f) => `${f.severity} ${f.rule} ${f.table} ${f.row ?? ""} ${f.column ?? ""}`,
      ),
    ),
  ].sort();
}

/**
 * Asserts that every table found in the reference is found in `grid` with the same rows and cells (and no
 * other); returns how many cells were compared.
 */
export function expectTablesLikeReference(grid: Grid, ref: Grid, label: string): number {
  let cells = 0;
  for (const id of TABLES) {
    const expected = tableRows(ref, id);
    const actual = tableRows(grid, id);
    expect(actual === undefined, `${id} found in one and not the other`).toBe(expected === undefined);
    if (!expected || !actual) continue;
    expect(actual, `${label} ${id}`).toEqual(expected);
    cells += expected.flat().length;
  }
  return cells;
}
