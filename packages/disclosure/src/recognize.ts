import { parseAmount as parseAmountUncached, type ParsedAmount } from "@yusuan/money";
import { getCatalog, parseCode } from "@yusuan/classification";
import { cellAddress, type Cell, type Grid, type Sheet } from "./grid";
import type {
  ClassifiedRow,
  ClassifiedTable,
  Disclosure,
  Figure,
  LineItem,
  Location,
  SingleRowTable,
  Table,
  TextLine,
  TwoSidedTable,
} from "./model";
import { TABLE_DEFINITIONS, type StandardTableId, type TableDefinition } from "./tables";
import { norm, stripListMarker } from "./text-norm";

/** Something recognition could not place; turned into an info finding by the checker. */
export interface RecognitionIssue {
  readonly kind: "unplaced-row" | "duplicate-table" | "no-header" | "bad-amount";
  readonly table: StandardTableId;
  readonly label: string;
  readonly location?: Location;
  readonly detail?: string;
}

/** What {@link recognize} returns. */
export interface Recognition {
  readonly disclosure: Disclosure;
  readonly issues: RecognitionIssue[];
}

// The same cell texts are parsed several times while a table is located and read.
const parsed = new Map<string, ParsedAmount>();
function parseAmount(text: string): ParsedAmount {
  let p = parsed.get(text);
  if (!p) {
    if (parsed.size > 50_000) parsed.clear();
    p = parseAmountUncached(text);
    parsed.set(text, p);
  }
  return p;
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

function firstCol(view: SheetView, r: number): number {
  const t = view.texts(r);
  const i = t.findIndex((c) => c !== "");
  return Math.max(i , 0);
}

/** Cell texts of a sheet, with locations. */
class SheetView {
  readonly rowCount: number;
  private readonly cache = new Map<number, string[]>();
  constructor(readonly sheet: Sheet) {
    this.rowCount = sheet.rows.length;
  }
  texts(r: number): string[] {
    let t = this.cache.get(r);
    if (!t) {
      const row = this.sheet.rows[r] ?? [];
      t = Array.from(row, (c: Cell | undefined) => (c ? cellText(c) : ""));
      while (t.length > 0 && t[t.length - 1] === "") t.pop();
      this.cache.set(r, t);
    }
    return t;
  }
  loc(r: number, c: number): Location {
    const line = this.sheet.lines?.[r];
    const page = this.sheet.pages?.[r];
    if (line !== undefined && page !== undefined) {
      return (this.sheet.rows[r]?.length ?? 0) > 1 ? { page, line, column: c + 1 } : { page, line };
    }
    if (line !== undefined) return { line };
    const cell = this.sheet.rows[r]?.[c];
    return { sheet: this.sheet.name, cell: cell?.address ?? cellAddress(r, c) };
  }
}

function cellText(c: Cell): string {
  if (c.text !== "") return c.text.trim();
  if (c.value === null || c.value === undefined) return "";
  return String(c.value).trim();
}

interface TitleHit {
  readonly row: number;
  readonly def: TableDefinition;
  readonly title: string;
}

const NAMES = TABLE_DEFINITIONS.flatMap((def) =>
  [def.name, ...def.aliases].map((n) => ({ def, name: norm(n) })),
).sort((a, b) => b.name.length - a.name.length);

/** A title row: one or two cells, ends with a table name, is not a table-of-contents entry, and is
 *  followed within a few rows by the 编制部门 / 单位 lines or a header. */
function findTitles(view: SheetView): TitleHit[] {
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

interface TableHead {
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

function readHead(view: SheetView, def: TableDefinition, titleRow: number, end: number): TableHead {
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

function baseOf(view: SheetView, head: TableHead, titleRow: number) {
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

/** Reads a figure from a cell text; undefined when the cell holds no amount at all (a label). */
function figure(text: string, location: Location): Figure | { bad: string } {
  const p = parseAmount(text);
  if (!p.ok) return { bad: text };
  if (p.blank) return { value: "0", decimals: 0, text, blank: true, location };
  return { value: p.amount.toString(), decimals: p.decimals, text, blank: false, location };
}

function isFigure(f: Figure | { bad: string }): f is Figure {
  return !("bad" in f);
}

const CODE_PART = /^[0-9０-９]{1,7}$/;
const HEADER_WORDS =
  /项目|科目|编码|名称|^类$|^款$|^项$|合计|基本支出|项目支出|人员经费|公用经费|收入|支出|预算数/;

/**
 * Finds each column's header cell, searching the header rows from the last (most specific) up and
 * never giving one cell to two columns. With `partial`, a header that merely contains the word counts
 * ("2025年机关运行经费预算数"), except a combined one ("公务用车购置及运行费").
 */
function findHeaderPositions(
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

function readClassified(
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
        amounts: readAmounts(view, r, t, nameCol, offsets, def, issues, "合计"),
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
        amounts: readAmounts(view, r, t, nameCol, offsets, def, issues, parsed.code),
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

function firstNonEmpty(t: string[]): number {
  return t.findIndex((c) => c !== "");
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

function looksLikeAmount(text: string): boolean {
  const p = parseAmount(text);
  return p.ok && !p.blank;
}

function readAmounts(
  view: SheetView,
  r: number,
  t: string[],
  nameCol: number,
  offsets: Map<string, number>,
  def: TableDefinition,
  issues: RecognitionIssue[],
  label: string,
): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const [key, off] of offsets) {
    const c = nameCol + off;
    const text = t[c] ?? "";
    const f = figure(text, view.loc(r, c));
    if (isFigure(f)) out[key] = f;
    else
      issues.push({
        kind: "bad-amount",
        table: def.id,
        label: `${label} ${key}`,
        location: view.loc(r, c),
        detail: text,
      });
  }
  return out;
}

/** Income line keys, most specific first. */
const INCOME_KEYS: readonly [RegExp, string][] = [
  [/一般公共预算/, "一般公共预算资金"],
  [/政府性基金/, "政府性基金"],
  [/国有资本经营/, "国有资本经营预算"],
  [/财政拨款/, "财政拨款收入"],
  [/事业单位经营收入|经营收入/, "事业单位经营收入"],
  [/事业收入/, "事业收入"],
  [/其他收入/, "其他收入"],
  [/上年结转|结转/, "上年结转"],
];

/** Header words that a page break repeats inside a two-sided table. */
const REPEATED_HEADER = /^(项目|本年收入|本年支出|财政拨款支出|收入|支出)$/;
const LIST_ITEM = /^\s*(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.、．])/;

function incomeKey(label: string): string {
  const n = norm(stripListMarker(label));
  return INCOME_KEYS.find(([re]) => re.test(n))?.[1] ?? n;
}

let classNames: Map<string, string> | undefined;
/** Expenditure labels in T1/T4 name a functional 类: "一、一般公共服务支出" → "201". */
function expenditureKey(label: string): string {
  if (!classNames) {
    classNames = new Map();
    for (const e of getCatalog("functional").entries()) {
      if (e.level === "类") {
        classNames.set(norm(e.name), e.code);
        for (const f of e.formerNames ?? []) classNames.set(norm(f.name), e.code);
      }
    }
  }
  // "其中：人员经费" in a 单位 version names a breakdown line by its last words.
  const n = norm(stripListMarker(label)).replace(/^其中:/, "");
  return classNames.get(n) ?? n;
}

function readTwoSided(
  view: SheetView,
  def: TableDefinition,
  titleRow: number,
  end: number,
  head: TableHead,
  issues: RecognitionIssue[],
): TwoSidedTable {
  const base = baseOf(view, head, titleRow);
  // the header row names 项目 twice (left: income, right: expenditure)
  let headerRow = -1;
  for (let r = head.bodyStart; r <= Math.min(end, head.bodyStart + 4); r++) {
    if (view.texts(r).filter((c) => norm(c) === "项目").length >= 2) {
      headerRow = r;
      break;
    }
  }
  let leftLabel = 0;
  let rightLabel = 2;
  let leftAmounts: [string, number][] = [["预算数", 1]];
  let rightAmounts: [string, number][] =
    def.id === "T1"
      ? [["预算数", 3]]
      : [
          ["合计", 3],
          ["一般公共预算", 4],
          ["政府性基金预算", 5],
          ["国有资本经营预算", 6],
        ];
  if (headerRow >= 0) {
    const t = view.texts(headerRow);
    const idx = t.map((c, i) => (norm(c) === "项目" ? i : -1)).filter((i) => i >= 0);
    leftLabel = idx[0]!;
    rightLabel = idx[1]!;
    const keyOf = (cell: string): string | undefined =>
      def.columns.find((col) => col.headers.some((h) => norm(h) === norm(cell)))?.key;
    leftAmounts = [];
    rightAmounts = [];
    t.forEach((cell, i) => {
      const key = keyOf(cell);
      if (!key) return;
      if (i > leftLabel && i < rightLabel) leftAmounts.push([key, i]);
      else if (i > rightLabel) rightAmounts.push([key, i]);
    });
    if (leftAmounts.length === 0) leftAmounts = [["预算数", leftLabel + 1]];
    if (rightAmounts.length === 0) rightAmounts = [["预算数", rightLabel + 1]];
    // A 单位 version splits the expenditure amount under sub-headers: 合计 | 基本支出 (人员经费, 公用经费) | 项目支出.
    if (def.id === "T1") {
      const split = splitColumns(view, headerRow, end, leftLabel, rightLabel);
      if (split) {
        rightAmounts = [
          ...rightAmounts.filter(([k, c]) => k !== "预算数" || c !== split.total),
          ...split.columns,
        ];
        headerRow = split.lastRow;
      }
    }
  } else {
    issues.push({ kind: "no-header", table: def.id, label: head.title, location: head.location });
  }
  base.columns = [...new Set([...leftAmounts, ...rightAmounts].map(([k]) => k))];
  const table: TwoSidedTable = {
    ...base,
    shape: "two-sided",
    id: def.id as TwoSidedTable["id"],
    income: [],
    expenditure: [],
  };
  let last = headerRow >= 0 ? headerRow : head.bodyStart;
  const read = (r: number, t: string[], labelCol: number, cols: [string, number][]): LineItem | undefined => {
    const label = t[labelCol] ?? "";
    if (label === "") return undefined;
    const amounts: Record<string, Figure> = {};
    for (const [key, c] of cols) {
      const f = figure(t[c] ?? "", view.loc(r, c));
      if (isFigure(f)) amounts[key] = f;
      else
        issues.push({
          kind: "bad-amount",
          table: def.id,
          label: `${label} ${key}`,
          location: view.loc(r, c),
          detail: t[c] ?? "",
        });
    }
    return { label, key: "", amounts, location: view.loc(r, labelCol) };
  };
  for (let r = (headerRow >= 0 ? headerRow : head.bodyStart) + 1; r <= end; r++) {
    const t = view.texts(r);
    const nonEmpty = t.filter((c) => c !== "");
    if (nonEmpty.length === 0) continue;
    if (/^注[:：]/.test(norm(nonEmpty[0]!))) {
      table.notes.push({ text: nonEmpty.join(""), location: view.loc(r, t.indexOf(nonEmpty[0]!)) });
      last = r;
      continue;
    }
    if (table.incomeTotal || table.expenditureTotal) break;
    // a lone cell that is no income line ends the table (the narrative goes on)
    if (
      nonEmpty.length === 1 &&
      t.length <= leftLabel + 1 &&
      !LIST_ITEM.test(nonEmpty[0]!) &&
      !INCOME_KEYS.some(([re]) => re.test(nonEmpty[0]!))
    )
      break;
    const left = read(r, t, leftLabel, leftAmounts);
    const right = read(r, t, rightLabel, rightAmounts);
    if (left) {
      const n = norm(left.label);
      if (/^(收入总计|收入合计|总计)$/.test(n)) table.incomeTotal = { ...left, key: "收入总计" };
      else if (!REPEATED_HEADER.test(n)) table.income.push({ ...left, key: incomeKey(left.label) });
    }
    if (right) {
      const n = norm(right.label);
      if (/^(支出总计|支出合计)$/.test(n)) table.expenditureTotal = { ...right, key: "支出总计" };
      else if (!REPEATED_HEADER.test(n))
        table.expenditure.push({ ...right, key: expenditureKey(right.label) });
    }
    last = r;
  }
  table.rows = [titleRow, last];
  return table;
}

/** Sub-header words of a 单位 version's Table 1 expenditure side, and the column key each names. */
const T1_SPLIT: readonly [RegExp, string][] = [
  [/^(合计|小计|预算数)$/, "预算数"],
  [/^人员经费$/, "人员经费"],
  [/^公用经费$/, "公用经费"],
  [/^项目支出$/, "项目支出"],
];

/**
 * The rows under Table 1's header that carry no labels, only sub-headers on the expenditure side
 * ("合计 | 基本支出 | | 项目支出", then "人员经费 | 公用经费"): the columns they name, the column of 合计,
 * and the last such row. Undefined when there are none (the 部门 version).
 */
function splitColumns(
  view: SheetView,
  headerRow: number,
  end: number,
  leftLabel: number,
  rightLabel: number,
): { columns: [string, number][]; total: number; lastRow: number } | undefined {
  const columns = new Map<string, number>();
  let lastRow = -1;
  for (let r = headerRow + 1; r <= Math.min(end, headerRow + 3); r++) {
    const t = view.texts(r);
    if ((t[leftLabel] ?? "") !== "" || (t[rightLabel] ?? "") !== "" || t.length <= rightLabel + 1) break;
    const words = t.map((c, i) => (i > rightLabel ? norm(c) : "")).filter((c) => c !== "");
    if (words.length === 0 || words.some((w) => looksLikeAmount(w))) break;
    t.forEach((cell, i) => {
      if (i <= rightLabel) return;
      const key = T1_SPLIT.find(([re]) => re.test(norm(cell)))?.[1];
      if (key && !columns.has(key)) columns.set(key, i);
    });
    lastRow = r;
  }
  if (lastRow < 0 || !columns.has("人员经费") || !columns.has("公用经费")) return undefined;
  const total = columns.get("预算数") ?? rightLabel + 1;
  columns.set("预算数", total);
  return { columns: [...columns], total, lastRow };
}

function readSingleRow(
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
    def.columns.forEach((col, i) => {
      const c = positions.get(col.key) ?? i;
      const f = figure(t[c] ?? "", view.loc(dataRow, c));
      if (isFigure(f)) table.amounts[col.key] = f;
      else
        issues.push({
          kind: "bad-amount",
          table: "T9",
          label: col.key,
          location: view.loc(dataRow, c),
          detail: t[c] ?? "",
        });
    });
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

function isBlankMark(text: string): boolean {
  const p = parseAmount(text);
  return p.ok && p.blank;
}

/** The document's title: "YYYY年…部门预算", "…单位决算" (after norm: no spaces, half-width). */
const DOCUMENT_TITLE = /((?:19|20)\d{2})年度?(?:[^,，。;；:：]{0,20}?)(部门|单位)(预算|决算)/;
/** Words of a text about budget disclosures that is not one: an inspection checklist, a notice. */
const NOT_A_DISCLOSURE = /检查|考核|评分|评价|自查|清单|通知|审核|指标|问题/;
/** A table title of a final-accounts document: "收入支出决算总表", "一般公共预算财政拨款支出决算表". */
const FINAL_ACCOUNTS_TABLE = /决算(?:明细)?(?:总)?表$/;
/** A place name only: the first part of "上海市普陀区2025年区级部门预算" is no department. */
const PLACE_ONLY = /(?:省|市|区|县|镇|乡|街道|自治州|自治区)$/;
const LEADING_MARK = /^(?:附件\d*|第[一二三四五六七八九十]+部分)/;

interface TitleMatch {
  readonly text: string;
  readonly year: number;
  readonly unit: "部门" | "单位";
  readonly kind: "预算" | "决算";
  /** Text before the year: the department in "X 2024 年度部门决算", a place in "上海市普陀区2025年…". */
  readonly before: string;
}

/** The first line (or two or three lines joined: covers wrap) of the document's start that is its title. */
function documentTitle(text: TextLine[]): TitleMatch | undefined {
  const head = text.slice(0, 15).filter((l) => !l.cells);
  for (let i = 0; i < head.length; i++) {
    for (let span = 1; span <= 3 && i + span <= head.length; span++) {
      const lines = head.slice(i, i + span);
      if (span > 1 && lines.some((l) => /[:：。]/.test(l.text))) break;
      const joined = norm(lines.map((l) => l.text).join(""));
      if (joined.length > 60 || /^目录/.test(joined)) break;
      const m = DOCUMENT_TITLE.exec(joined);
      if (!m) continue;
      // A title ends with its kind: "…部门预算" or "…部门预算（草案）", not "…部门预算公开检查表".
      const rest = joined.slice(m.index + m[0].length);
      if (
        NOT_A_DISCLOSURE.test(joined) ||
        rest.replace(/[(（][^)）]*[)）]/g, "").replace(/^(?:公开|情况|说明|表)/, "").length > 4
      )
        continue;
      return {
        text: lines.map((l) => l.text.trim()).join(""),
        year: Number(m[1]),
        unit: m[2] as "部门" | "单位",
        kind: m[3] as "预算" | "决算",
        before: joined.slice(0, m.index).replace(LEADING_MARK, ""),
      };
    }
  }
  return undefined;
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

/**
 * Whether a recognised table is evidence of a budget: it has its 编制部门 or 单位 line, or figures. A
 * checklist row that names a table ("4 | 部门财务收支预算总表 | 收支平衡 | 否") has neither.
 */
function isBudgetTable(t: Table): boolean {
  if (t.unit !== undefined || t.department !== undefined) return true;
  const figures = (amounts: Record<string, Figure>) => Object.values(amounts).some((f) => !f.blank);
  switch (t.shape) {
    case "classified":
      return t.items.length > 0 || (t.total !== undefined && figures(t.total.amounts));
    case "two-sided":
      return [...t.income, ...t.expenditure].some((i) => figures(i.amounts));
    case "single-row":
      return figures(t.amounts);
  }
}

function documentInfo(
  tables: Partial<Record<StandardTableId, Table>>,
  text: TextLine[],
): Disclosure["document"] {
  const all = (Object.values(tables) as Table[]).filter(isBudgetTable);
  const title = documentTitle(text);
  // Evidence of a final-accounts document: its tables' titles (in the body and the table of contents).
  const finalTables = text.filter((l) => {
    const n = norm(l.text);
    return n.length <= 40 && FINAL_ACCOUNTS_TABLE.test(n);
  }).length;
  const tableKinds = all.map((t) => t.kind).filter((k) => k !== undefined);
  const tableUnit = tableKinds.length > 0 && mostCommon(tableKinds) === "单位" ? "单位" : "部门";
  let kind: Disclosure["document"]["kind"];
  if (all.length >= 2 && !(title?.kind === "决算" && finalTables >= all.length)) {
    kind = `${title?.kind === "预算" ? title.unit : tableUnit}预算`;
  } else if (title?.kind === "决算" || finalTables >= 2) {
    kind = `${title?.unit ?? (text.some((l) => /单位决算/.test(norm(l.text))) ? "单位" : "部门")}决算`;
  } else if (title?.kind === "预算" || all.length > 0) {
    kind = `${title?.unit ?? tableUnit}预算`;
  } else {
    kind = "其他";
  }
  let year = title?.year;
  const tableYears = all.map((t) => t.year).filter((y): y is number => y !== undefined);
  if (year === undefined && tableYears.length > 0) year = mostCommon(tableYears);
  let department: string | undefined;
  for (const line of text.slice(0, 30)) {
    department = departmentOf(line.text);
    if (department) break;
  }
  if (!department) {
    const depts = all.map((t) => t.department).filter((d): d is string => !!d);
    if (depts.length > 0) department = mostCommon(depts);
  }
  // "中共上海市普陀区委社会工作部 2024 年度部门决算": the department stands before the year.
  if (!department && title && title.before.length >= 4 && !PLACE_ONLY.test(title.before))
    department = title.before;
  const doc: Disclosure["document"] = { kind };
  if (department) doc.department = department;
  if (year !== undefined) doc.year = year;
  const level = title ? /(区级|镇级|市级|县级|街道)/.exec(title.text)?.[1] : undefined;
  if (level) doc.level = level;
  if (title) doc.title = title.text;
  return doc;
}

function mostCommon<T>(xs: T[]): T {
  const counts = new Map<T, number>();
  let best = xs[0] as T;
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > (counts.get(best) ?? 0)) best = x;
  }
  return best;
}
