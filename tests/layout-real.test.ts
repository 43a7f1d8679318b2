/**
 * pdftotext -layout output of the real development PDFs (tests/fixtures/real/layout/) read as text:
 * every table found, every table cell equal to the hand-checked TAB text of the same document
 * (tests/fixtures/real/tsv/), and the same findings.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze, readTextDocument, type Analysis, type Finding, type Grid } from "@yusuan/disclosure";
import { parseAmount } from "@yusuan/money";
import { describe, expect, test } from "vitest";
import { REAL_DOCUMENTS, type RealDocument } from "./fixtures/real-docs";

function read(kind: "tsv" | "layout", name: RealDocument): { grid: Grid; analysis: Analysis } {
  const bytes = readFileSync(fileURLToPath(new URL(`./fixtures/real/${kind}/${name}.txt`, import.meta.url)));
  const r = readTextDocument(bytes, `${name}.txt`);
  if (!r.ok) throw new Error(r.message);
  return { grid: r.grid, analysis: analyze(r.grid) };
}

/** A cell as compared: an amount as its decimal value (blank marks as ""), a label without white space. */
function cell(text: string): string {
  const p = parseAmount(text);
  if (p.ok) return p.blank ? "" : p.amount.toString();
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * The data rows of each found table: rows holding a figure, 合计/总计 rows and notes (header rows are
 * laid out differently by the two extractors and are not compared). Empty cells right after a 合计
 * label do not count: the TAB text keeps them where the printed line had them.
 */
function tableRows(grid: Grid, a: Analysis): Record<string, string[]> {
  const sheet = grid.sheets[0]!;
  const out: Record<string, string[]> = {};
  for (const [id, t] of Object.entries(a.disclosure.tables)) {
    if (!t) continue;
    const rows: string[] = [];
    for (let r = t.rows[0] + 1; r <= t.rows[1]; r++) {
      let cells = (sheet.rows[r] ?? []).map((c) => (c ? cell(c.text) : ""));
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      if (/^(合计|总计)$/.test(cells[0] ?? ""))
        cells = [
          cells[0]!,
          ...cells.slice(1).filter((c, i, all) => c !== "" || all.slice(0, i).some((x) => x !== "")),
        ];
      const data =
        cells.some((c) => /^-?\d+(\.\d+)?$/.test(c) && !/^(19|20)\d\d$/.test(c)) &&
        !cells.some((c) => /^\d{4}年/.test(c));
      const labels = cells.filter((c) => c !== "" && !/^-?\d+(\.\d+)?$/.test(c)).length;
      if (
        data ||
        (/^(合计|总计)$/.test(cells[0] ?? "") && labels === 1) ||
        /^(注|说明)[:：]/.test(cells[0] ?? "")
      )
        rows.push(cells.join(" | "));
    }
    out[id] = rows;
  }
  return out;
}

const key = (f: Finding) => `${f.rule} ${f.table} ${f.row ?? ""}`;

/**
 * Differences that come from what pdftotext -layout cannot show, not from the reader: in 万里 2023's
 * 项目绩效目标表, an 一级/二级指标 cell spans several rows and is printed once, in the middle of its
 * rows, so the rows above it cannot be told which 二级指标 they belong to.
 */
const LAYOUT_LIMITS: Partial<Record<RealDocument, string[]>> = {
  wanli_2023_bumen: ["E2.indicators P 各类工作经费", "E2.indicators P 公共服务设施运行经费"],
};

describe.each(REAL_DOCUMENTS)("%s as pdftotext -layout text", (name) => {
  const tsv = read("tsv", name);
  const layout = read("layout", name);

  test("finds the tables", () => {
    const found = layout.analysis.tables.filter((t) => t.found).map((t) => t.id);
    if (name.includes("juesuan")) {
      // a 决算: only required to read
      expect(layout.analysis.document.kind).toBe(tsv.analysis.document.kind);
      return;
    }
    expect(found).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
    for (const t of layout.analysis.tables) expect(t.cells, t.id).toBeGreaterThan(0);
  });

  test("reads every table cell as the TAB text has it", () => {
    expect(tableRows(layout.grid, layout.analysis)).toEqual(tableRows(tsv.grid, tsv.analysis));
  });

  test("gives the same findings", () => {
    const limits = new Set(LAYOUT_LIMITS[name] ?? []);
    const keys = (a: Analysis) =>
      a.findings
        .map(key)
        .filter((k) => !limits.has(k))
        .sort();
    expect(keys(layout.analysis)).toEqual(keys(tsv.analysis));
    expect(layout.analysis.document).toEqual(tsv.analysis.document);
  });
});
