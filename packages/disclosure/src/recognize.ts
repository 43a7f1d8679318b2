/**
 * Table recognition: finds the nine tables in a grid by their titles and hands each to the reader for
 * its shape (`recognize/classified`, `recognize/two-sided`, `recognize/single-row`); what no table
 * claims stays text, and the document's kind, year and department are read last (`recognize/document`).
 */
import type { Grid } from "./grid";
import type { Disclosure, Location, Table, TextLine } from "./model";
import type { StandardTableId, TableDefinition } from "./tables";
import { firstCol, SheetView } from "./recognize/cells";
import { readClassified } from "./recognize/classified";
import { documentInfo } from "./recognize/document";
import { findTitles, readHead, type RecognitionIssue } from "./recognize/head";
import { readSingleRow } from "./recognize/single-row";
import { readTwoSided } from "./recognize/two-sided";

export { departmentOf, type RecognitionIssue } from "./recognize/head";

/** What {@link recognize} returns. */
export interface Recognition {
  readonly disclosure: Disclosure;
  readonly issues: RecognitionIssue[];
}

/** Sheets that hold data of the tool itself (waivers, marks), never part of the document. */
const INTERNAL_SHEET = /^yusuan_/;

/**
 * Finds the nine tables in a grid by their labels (titles, header words, code columns), wherever
 * they are — one per sheet, several per sheet, or a whole text document — and reads them into the
 * typed model with a location for every value. Everything that is not a table is kept as text lines.
 * Never throws on user data: what it cannot place is reported in `issues`.
 *
 * @example
 * ```ts
 * const text = readTextDocument(sampleText, "sample.txt");
 * if (text.ok) {
 *   const { disclosure } = recognize(text.grid);
 *   console.log(disclosure.tables.T3?.total?.amounts["合计"]?.value); // "105767210.12"
 * }
 * ```
 */
export function recognize(grid: Grid): Recognition {
  const issues: RecognitionIssue[] = [];
  const tables: Partial<Record<StandardTableId, Table>> = {};
  const text: TextLine[] = [];

  for (const sheet of grid.sheets) {
    if (INTERNAL_SHEET.test(sheet.name)) continue;
    const view = new SheetView(sheet);
    const titles = findTitles(view);
    const claimed = new Set<number>();
    titles.forEach((t, i) => {
      const end = i + 1 < titles.length ? titles[i + 1]!.row - 1 : view.rowCount - 1;
      const table = readTable(view, t.def, t.row, end, issues);
      for (let r = table.rows[0]; r <= table.rows[1]; r++) claimed.add(r);
      if (tables[t.def.id]) {
        issues.push({
          kind: "duplicate-table",
          table: t.def.id,
          label: table.title,
          ...locOpt(table.location),
        });
      } else {
        tables[t.def.id] = table;
      }
    });
    for (let r = 0; r < view.rowCount; r++) {
      if (claimed.has(r)) continue;
      const cells = view.texts(r).filter((c) => c !== "");
      if (cells.length === 0) continue;
      const line: TextLine = {
        text: cells.join(cells.length > 1 ? "\t" : ""),
        sheet: sheet.name,
        row: r,
        location: view.loc(r, firstCol(view, r)),
      };
      text.push(cells.length > 1 ? { ...line, cells } : line);
    }
  }

  const disclosure: Disclosure = {
    document: documentInfo(tables, text),
    tables: tables as Disclosure["tables"],
    text,
  };
  return { disclosure, issues };
}

function locOpt(location: Location | undefined): { location?: Location } {
  return location ? { location } : {};
}

function readTable(
  view: SheetView,
  def: TableDefinition,
  titleRow: number,
  end: number,
  issues: RecognitionIssue[],
): Table {
  const head = readHead(view, def, titleRow, end);
  switch (def.shape) {
    case "classified":
      return readClassified(view, def, titleRow, end, head, issues);
    case "two-sided":
      return readTwoSided(view, def, titleRow, end, head, issues);
    case "single-row":
      return readSingleRow(view, def, titleRow, end, head, issues);
  }
}
