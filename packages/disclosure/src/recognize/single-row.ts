/**
 * Reading the single-row table, Table 9 (“三公”经费和机关运行经费预算表): one row of amounts in 万元
 * under two or three rows of header words, which name its columns only loosely ("2025年机关运行经费预算数").
 */
import type { SingleRowTable } from "../model";
import type { TableDefinition } from "../tables";
import { norm } from "../text-norm";
import { firstNonEmpty, isBlankMark, looksLikeAmount, type SheetView } from "./cells";
import { baseOf, findHeaderPositions, rowFigures, type RecognitionIssue, type TableHead } from "./head";

/** Reads the single-row Table 9 (三公 and 机关运行经费): its one row of figures and its notes. */
export function readSingleRow(
  view: SheetView,
  def: TableDefinition,
  titleRow: number,
  end: number,
  head: TableHead,
  issues: RecognitionIssue[],
): SingleRowTable {
  const base = baseOf(view, head, titleRow);
  let dataRow = -1;
  for (let r = head.bodyStart; r <= Math.min(end, head.bodyStart + 6); r++) {
    const t = view.texts(r);
    if (
      t.some((c) => looksLikeAmount(c)) &&
      !t.some((c) => c !== "" && !looksLikeAmount(c) && !isBlankMark(c))
    ) {
      dataRow = r;
      break;
    }
  }
  const headerEnd = dataRow < 0 ? Math.min(end, head.bodyStart + 3) : dataRow - 1;
  const positions = new Map<string, number>();
  findHeaderPositions(view, def, head.bodyStart, headerEnd, positions, new Set<number>(), true);
  base.columns = def.columns.map((c) => c.key);
  const table: SingleRowTable = { ...base, shape: "single-row", id: "T9", amounts: {} };
  if (dataRow >= 0) {
    const t = view.texts(dataRow);
    table.dataLocation = view.loc(dataRow, firstNonEmpty(t));
    const columns = def.columns.map((col, i) => [col.key, positions.get(col.key) ?? i] as const);
    table.amounts = rowFigures(view, dataRow, columns, { table: "T9", label: "" }, issues);
  }
  let last = Math.max(dataRow, headerEnd);
  for (let r = last + 1; r <= end; r++) {
    const nonEmpty = view.texts(r).filter((c) => c !== "");
    if (nonEmpty.length === 0) continue;
    if (/^注[:：]/.test(norm(nonEmpty[0]!))) {
      table.notes.push({ text: nonEmpty.join(""), location: view.loc(r, firstNonEmpty(view.texts(r))) });
      last = r;
      continue;
    }
    break;
  }
  table.rows = [titleRow, last];
  return table;
}
