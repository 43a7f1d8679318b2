/**
 * Reading the classified tables (Tables 2, 3, 5–8): rows of a classification code split over 类/款/项
 * columns (类/款 for the economic classification of Table 8), a name, and amounts under header words,
 * closed by a 合计 row. Amount columns are placed by their offset from the name column, because a row's
 * cells shift when its code parts or name cell do.
 */
import { parseCode } from "@yusuan/classification";
import type { ClassifiedRow, ClassifiedTable, Figure } from "../model";
import type { TableDefinition } from "../tables";
import { norm } from "../text-norm";
import { firstNonEmpty, looksLikeAmount, type SheetView } from "./cells";
import { baseOf, findHeaderPositions, rowFigures, type RecognitionIssue, type TableHead } from "./head";

const CODE_PART = /^[0-9０-９]{1,7}$/;
const HEADER_WORDS =
  /项目|科目|编码|名称|^类$|^款$|^项$|合计|基本支出|项目支出|人员经费|公用经费|收入|支出|预算数/;

/** Header rows map column keys to column offsets relative to the name column. */
function headerColumns(
  view: SheetView,
  def: TableDefinition,
  from: number,
  to: number,
): { offsets: Map<string, number>; nameCol: number } {
  const offsets = new Map<string, number>();
  let nameCol = -1;
  const positions = new Map<string, number>();
  const taken = new Set<number>();
  for (let r = to; r >= from; r--) {
    const t = view.texts(r);
    t.forEach((cell, c) => {
      const n = norm(cell);
      if (nameCol < 0 && /名称$/.test(n)) nameCol = c;
    });
  }
  findHeaderPositions(view, def, from, to, positions, taken, false);
  if (nameCol < 0) nameCol = 2;
  // Columns whose header was lost (PDF extraction drops some): the next free columns, in order.
  let next = nameCol + 1;
  for (const col of def.columns) {
    const p = positions.get(col.key);
    if (p !== undefined) {
      offsets.set(col.key, p - nameCol);
      next = p + 1;
    } else {
      while (taken.has(next)) next++;
      offsets.set(col.key, next - nameCol);
      taken.add(next);
      next++;
    }
  }
  return { offsets, nameCol };
}

/** Reads a classified table (codes, names, amounts; Tables 2, 3, 5–8) from its header to its end. */
export function readClassified(
  view: SheetView,
  def: TableDefinition,
  titleRow: number,
  end: number,
  head: TableHead,
  issues: RecognitionIssue[],
): ClassifiedTable {
  const base = baseOf(view, head, titleRow);
  const items: ClassifiedRow[] = [];
  let total: ClassifiedTable["total"];
  let r = head.bodyStart;
  let firstData = -1;
  for (let k = r; k <= end; k++) {
    const t = view.texts(k);
    const first = t.find((c) => c !== "") ?? "";
    if (CODE_PART.test(first.trim()) || /^合计|^总计/.test(norm(first))) {
      firstData = k;
      break;
    }
    if (/^注[:：]/.test(norm(first))) break;
  }
  const headerEnd = firstData < 0 ? Math.min(end, head.bodyStart + 3) : firstData - 1;
  const { offsets, nameCol: headerNameCol } = headerColumns(view, def, head.bodyStart, headerEnd);
  base.columns = def.columns.map((c) => c.key);
  let last = headerEnd;
  const scheme = def.scheme ?? "functional";
  for (r = firstData < 0 ? headerEnd + 1 : firstData; r <= end; r++) {
    const t = view.texts(r);
    const nonEmpty = t.filter((c) => c !== "");
    if (nonEmpty.length === 0) continue;
    const first = nonEmpty[0]!;
    const nFirst = norm(first);
    if (/^注[:：]/.test(nFirst) || /^说明[:：]/.test(nFirst)) {
      base.notes.push({ text: nonEmpty.join(""), location: view.loc(r, t.indexOf(first)) });
      last = r;
      continue;
    }
    if (total) break; // after the total row only notes belong to the table
    const start = t.indexOf(first);
    if (/^(合计|总计)$/.test(nFirst)) {
      const nameCol = totalNameCol(t, start, offsets, headerNameCol);
      total = {
        amounts: readAmounts(view, r, nameCol, offsets, def, issues, "合计"),
        location: view.loc(r, start),
      };
      last = r;
      continue;
    }
    if (CODE_PART.test(first.trim()) && start === firstNonEmpty(t)) {
      // code parts, then the name cell, then amounts
      let c = start;
      const parts: string[] = [];
      while (c < t.length && (t[c] === "" || CODE_PART.test(t[c]!.trim())) && parts.length < 3) {
        parts.push(t[c]!);
        c++;
      }
      while (c < t.length && t[c] === "") c++;
      const nameCol = c;
      const nameCell = t[nameCol] ?? "";
      const parsed = parseCode(
        parts.filter((p) => p !== ""),
        { scheme, nameCell },
      );
      if (!parsed.ok || parsed.level === "目") {
        issues.push({
          kind: "unplaced-row",
          table: def.id,
          label: nonEmpty.slice(0, 3).join(" "),
          location: view.loc(r, start),
          detail: parsed.ok ? parsed.level : parsed.reason,
        });
        last = r;
        continue;
      }
      const row: ClassifiedRow = {
        code: parsed.code,
        level: parsed.level as ClassifiedRow["level"],
        name: parsed.name ?? nameCell.replace(/^\d+\s*/, ""),
        normalised: [...parsed.normalised],
        amounts: readAmounts(view, r, nameCol, offsets, def, issues, parsed.code),
        location: view.loc(r, start),
      };
      items.push(row);
      last = r;
      continue;
    }
    if (nonEmpty.some((c) => HEADER_WORDS.test(norm(c))) && !nonEmpty.some((c) => looksLikeAmount(c))) {
      last = r; // a header repeated after a page break
      continue;
    }
    if (nonEmpty.some((c) => looksLikeAmount(c)) && nonEmpty.length >= 2 && items.length > 0) {
      issues.push({
        kind: "unplaced-row",
        table: def.id,
        label: nonEmpty.slice(0, 3).join(" "),
        location: view.loc(r, start),
      });
      last = r;
      continue;
    }
    break;
  }
  base.rows = [titleRow, Math.max(last, headerEnd)];
  const table: ClassifiedTable = { ...base, shape: "classified", id: def.id as ClassifiedTable["id"], items };
  if (total) table.total = total;
  return table;
}

/**
 * The 合计 row has no name cell to align on. Take the header's layout unless the row's amounts sit
 * elsewhere (a row shifted by an extra empty cell): then the first alignment that places every
 * amount in an amount column.
 */
function totalNameCol(
  t: string[],
  start: number,
  offsets: Map<string, number>,
  headerNameCol: number,
): number {
  const amountCols = t.map((c, i) => (i > start && looksLikeAmount(c) ? i : -1)).filter((i) => i >= 0);
  if (amountCols.length === 0) return headerNameCol;
  const candidates = [headerNameCol, start, start + 1, start + 2, start + 3];
  const fits = candidates.filter((candidate) => {
    const mapped = new Set([...offsets.values()].map((o) => candidate + o));
    return amountCols.every((c) => mapped.has(c));
  });
  // A total row whose 合计 cell is filled is the common case: prefer the alignment that puts an amount there.
  const first = Math.min(...offsets.values());
  const withTotal = fits.find((candidate) => amountCols.includes(candidate + first));
  if (withTotal !== undefined) return withTotal;
  if (fits.length > 0) return fits[0]!;
  return Math.max(start, amountCols[0]! - Math.min(...offsets.values()));
}

/** A row's amounts, placed relative to its name cell. */
function readAmounts(
  view: SheetView,
  r: number,
  nameCol: number,
  offsets: Map<string, number>,
  def: TableDefinition,
  issues: RecognitionIssue[],
  label: string,
): Record<string, Figure> {
  const columns = [...offsets].map(([key, off]) => [key, nameCol + off] as const);
  return rowFigures(view, r, columns, { table: def.id, label }, issues);
}
