/**
 * What every table reader shares: finding table titles in a sheet, reading the lines under a title
 * (year, 部门/单位, 编制部门, 单位：元) and locating amount columns by their header words. Also the
 * issue type the readers report into.
 */
import type { Figure, Location } from "../model";
import { TABLE_DEFINITIONS, type StandardTableId, type TableDefinition } from "../tables";
import { norm } from "../text-norm";
import { figure, firstCol, isFigure, type SheetView } from "./cells";

/** Something recognition could not place; turned into an info finding by the checker. */
export interface RecognitionIssue {
  readonly kind: "unplaced-row" | "duplicate-table" | "no-header" | "bad-amount";
  readonly table: StandardTableId;
  readonly label: string;
  readonly location?: Location;
  readonly detail?: string;
}

/** A table title found in a sheet: its row, its table and the title as printed. */
export interface TitleHit {
  readonly row: number;
  readonly def: TableDefinition;
  readonly title: string;
}

const NAMES = TABLE_DEFINITIONS.flatMap((def) =>
  [def.name, ...def.aliases].map((n) => ({ def, name: norm(n) })),
).sort((a, b) => b.name.length - a.name.length);

/** A title row: one or two cells, ends with a table name, is not a table-of-contents entry, and is
 *  followed within a few rows by the 编制部门 / 单位 lines or a header. */
export function findTitles(view: SheetView): TitleHit[] {
  const hits: TitleHit[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const cells = view.texts(r).filter((c) => c !== "");
    if (cells.length === 0 || cells.length > 2) continue;
    const joined = norm(cells.join(""));
    if (joined.length > 60 || /^\d+[.、]/.test(joined)) continue;
    const hit = NAMES.find((n) => joined.endsWith(n.name));
    if (!hit) continue;
    if (!/(部门|单位|\d{4}年)/.test(joined.slice(0, joined.length - hit.name.length)) && joined !== hit.name)
      continue;
    if (!followedByTableHead(view, r)) continue;
    hits.push({ row: r, def: hit.def, title: cells.join("") });
  }
  return hits;
}

function followedByTableHead(view: SheetView, r: number): boolean {
  for (let k = r + 1; k < Math.min(view.rowCount, r + 7); k++) {
    const joined = norm(view.texts(k).join(""));
    if (
      /^(编制部门|编制单位|单位[:：])/.test(joined) ||
      /单位[:：](元|万元)$/.test(joined) ||
      /^项目/.test(joined) ||
      view.texts(k).length > 2
    )
      return true;
  }
  return false;
}

/** A table's title and the 编制部门 / 单位 lines under it. */
export interface TableHead {
  title: string;
  year?: number;
  kind?: "部门" | "单位";
  department?: string;
  unit?: string;
  unitLocation?: Location;
  location: Location;
  /** First row after the title and its 编制部门/单位 lines. */
  bodyStart: number;
}

/** Reads a table's title and the lines under it (year, 部门/单位, 编制部门, 单位) up to its body. */
export function readHead(view: SheetView, def: TableDefinition, titleRow: number, end: number): TableHead {
  const title = view
    .texts(titleRow)
    .filter((c) => c !== "")
    .join("");
  const n = norm(title);
  // A year printed on its own line just above the title ("2025年" / "部门财务收支预算总表") still titles it.
  const above = titleRow > 0 ? norm(view.texts(titleRow - 1).join("")) : "";
  const year = /((?:19|20)\d{2})年/.exec(n)?.[1] ?? /^((?:19|20)\d{2})年度?$/.exec(above)?.[1];
  const kind = /单位/.test(n.replace(norm(def.name), "")) ? "单位" : /部门/.test(n) ? "部门" : undefined;
  const head: TableHead = {
    title,
    location: view.loc(titleRow, firstCol(view, titleRow)),
    bodyStart: titleRow + 1,
  };
  if (year) head.year = Number(year);
  if (kind) head.kind = kind;
  for (let r = titleRow + 1; r <= Math.min(end, titleRow + 4); r++) {
    const cells = view.texts(r).filter((c) => c !== "");
    if (cells.length === 0) continue;
    let matched = false;
    for (const cell of cells) {
      const c = norm(cell);
      if (/^(?:编制部门|编制单位)/.test(c)) {
        const dept = departmentOf(c.replace(/^(编制部门|编制单位)(?![:：])/, "$1:"));
        if (dept) head.department = dept;
        matched = true;
      }
      const unit = /单位[:：](元|万元|亿元)$/.exec(c);
      if (unit) {
        head.unit = unit[1]!;
        head.unitLocation = view.loc(r, view.texts(r).indexOf(cell));
        matched = true;
      }
    }
    if (!matched) break;
    head.bodyStart = r + 1;
  }
  return head;
}

/**
 * The department named by a labelled line ("预算主管部门：X", "编制单位：X 单位：元"), without the unit
 * that often shares its line. Undefined when the line names none.
 *
 * @example
 * ```ts
 * departmentOf("编制部门：上海市普陀区人民政府办公室 单位：元"); // "上海市普陀区人民政府办公室"
 * departmentOf("预算单位：上海市普陀区商务委员会"); // "上海市普陀区商务委员会"
 * departmentOf("单位：元"); // undefined
 * ```
 */
export function departmentOf(line: string): string | undefined {
  const m = /^(?:预算主管部门|主管部门|部门名称|单位名称|预算单位|编制部门|编制单位)[:：](.*)$/.exec(
    norm(line),
  );
  if (!m) return undefined;
  const name = m[1]!.replace(/(?:计量)?单位[:：](?:元|万元|亿元)$/, "").replace(/[:：]$/, "");
  return name.length >= 2 ? name : undefined;
}

/** The fields every table shape starts from, filled from its head; rows and columns are set by the reader. */
export function baseOf(view: SheetView, head: TableHead, titleRow: number) {
  const base: {
    title: string;
    sheet: string;
    rows: [number, number];
    columns: string[];
    notes: { text: string; location?: Location }[];
    location: Location;
    year?: number;
    kind?: "部门" | "单位";
    department?: string;
    unit?: string;
    unitLocation?: Location;
  } = {
    title: head.title,
    sheet: view.sheet.name,
    rows: [titleRow, titleRow],
    columns: [],
    notes: [],
    location: head.location,
  };
  if (head.year !== undefined) base.year = head.year;
  if (head.kind) base.kind = head.kind;
  if (head.department !== undefined) base.department = head.department;
  if (head.unit !== undefined) base.unit = head.unit;
  if (head.unitLocation) base.unitLocation = head.unitLocation;
  return base;
}

/**
 * Finds each column's header cell, searching the header rows from the last (most specific) up and
 * never giving one cell to two columns. With `partial`, a header that merely contains the word counts
 * ("2025年机关运行经费预算数"), except a combined one ("公务用车购置及运行费").
 */
export function findHeaderPositions(
  view: SheetView,
  def: TableDefinition,
  from: number,
  to: number,
  positions: Map<string, number>,
  taken: Set<number>,
  partial: boolean,
): void {
  for (const col of def.columns) {
    let found = -1;
    for (let r = to; r >= from && found < 0; r--) {
      const t = view.texts(r);
      for (const h of col.headers) {
        const want = norm(h);
        let i = t.findIndex((cell, c) => !taken.has(c) && norm(cell) === want);
        if (i < 0 && partial)
          i = t.findIndex(
            (cell, c) => !taken.has(c) && norm(cell).includes(want) && !norm(cell).includes("及"),
          );
        if (i >= 0) {
          found = i;
          break;
        }
      }
    }
    if (found >= 0) {
      positions.set(col.key, found);
      taken.add(found);
    }
  }
}

/**
 * The figures of one printed row in the given columns, keyed by column key. A cell that holds text
 * other than an amount or a blank mark is left out and reported as a `bad-amount` issue labelled
 * `<row label> <key>` (or the key alone when the row has no label).
 */
export function rowFigures(
  view: SheetView,
  r: number,
  columns: Iterable<readonly [key: string, col: number]>,
  where: { readonly table: RecognitionIssue["table"]; readonly label: string },
  issues: RecognitionIssue[],
): Record<string, Figure> {
  const t = view.texts(r);
  const out: Record<string, Figure> = {};
  for (const [key, c] of columns) {
    const text = t[c] ?? "";
    const f = figure(text, view.loc(r, c));
    if (isFigure(f)) out[key] = f;
    else
      issues.push({
        kind: "bad-amount",
        table: where.table,
        label: where.label === "" ? key : `${where.label} ${key}`,
        location: view.loc(r, c),
        detail: text,
      });
  }
  return out;
}
