/**
 * A table whose title was found but whose cells could not be read (a text whose columns are neither
 * TAB-separated nor aligned in a way the reader recognises, a PDF page read as plain lines) is not an
 * empty table: it gets one clear finding, and no other rule compares against it as if it held zeros.
 */
import { cellAddress, type Grid } from "../grid";
import type { Disclosure, Location, Table } from "../model";
import type { StandardTableId } from "../tables";
import { defineRules, type RuleContext } from "./engine";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/**
 * The rule: a table found by its title whose cells could not be read.
 *
 * @example
 * ```ts
 * unreadableRules[0]!.id; // "D2.table-unreadable"
 * ```
 */
export const unreadableRules = defineRules([
  {
    id: "D2.table-unreadable",
    severity: "error",
    title: T("找到表格标题但未能读出单元格", "Table found but its cells could not be read"),
    description: T(
      "找到了表格的标题，但标题之后的行没有分成单元格（既没有制表符，也没有可辨认的列对齐），因此无法核对本表。本表不按空表处理，其他规则也不把它当作 0 来比较。请提供制表符分隔的文本、工作簿，或原始 PDF。",
      "The table's title was found, but the lines after it are not split into cells (no TABs and no recognisable column alignment), so the table cannot be checked. It is not treated as empty, and no other rule compares against it as zeros. Provide TAB-separated text, a workbook, or the original PDF.",
    ),
    message: T(
      "{table} 找到标题，但未能读出单元格：标题后的“{sample}”等 {count} 行没有分成单元格，无法核对本表（不按空表处理）。",
      "{table}: title found, but its cells could not be read: {count} line(s) after the title, such as “{sample}”, are not split into cells; the table cannot be checked (it is not treated as empty).",
    ),
  },
]);

/** A table found by its title whose cells could not be read, with the first line that shows it. */
export interface UnreadableTable {
  readonly id: StandardTableId;
  readonly title: string;
  readonly location?: Location;
  /** The first line after the title that holds figures but was not split into cells. */
  readonly sample: string;
  readonly sampleLocation?: Location;
  /** How many such lines follow the title. */
  readonly count: number;
}

/**
 * How many non-empty cells were read in a table's data rows: labels and printed figures of its rows,
 * its total row and its notes. Zero for a found table means nothing of it could be read.
 *
 * @example
 * ```ts
 * tableCells(disclosure.tables.T6!); // 2 for an empty table with its 合计 row and note
 * ```
 */
export function tableCells(t: Table): number {
  const figures = (amounts: Record<string, { blank: boolean }>) =>
    Object.values(amounts).filter((f) => !f.blank).length;
  let n = t.notes.length;
  switch (t.shape) {
    case "classified":
      for (const item of t.items) n += 1 + figures(item.amounts);
      if (t.total) n += 1 + figures(t.total.amounts);
      break;
    case "two-sided":
      for (const line of [
        ...t.income,
        ...t.expenditure,
        ...(t.incomeTotal ? [t.incomeTotal] : []),
        ...(t.expenditureTotal ? [t.expenditureTotal] : []),
      ]) {
        n += 1 + figures(line.amounts);
      }
      break;
    case "single-row":
      n += figures(t.amounts);
      break;
  }
  return n;
}

/** Printed figures read from a table (not counting blanks). */
function figuresRead(t: Table): number {
  const figures = (amounts: Record<string, { blank: boolean }>) =>
    Object.values(amounts).filter((f) => !f.blank).length;
  switch (t.shape) {
    case "classified":
      return t.items.reduce((n, item) => n + figures(item.amounts), t.total ? figures(t.total.amounts) : 0);
    case "two-sided":
      return [
        ...t.income,
        ...t.expenditure,
        ...(t.incomeTotal ? [t.incomeTotal] : []),
        ...(t.expenditureTotal ? [t.expenditureTotal] : []),
      ].reduce((n, l) => n + figures(l.amounts), 0);
    case "single-row":
      return figures(t.amounts);
  }
}

const AMOUNT_WORD = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/** A line of one cell that holds figures among other words: a table row whose cells were not split. */
function unsplitRow(cells: ReadonlyArray<string>): boolean {
  const filled = cells.filter((c) => c.trim() !== "");
  if (filled.length !== 1) return false;
  const words = filled[0]!.trim().split(/\s+/);
  if (words.length < 2) return false;
  const amounts = words.filter((w) => AMOUNT_WORD.test(w) && /\d{2}|,/.test(w)).length;
  return (
    amounts >= 1 &&
    (amounts >= 2 || /^\d{3}$/.test(words[0]!) || /^(合计|总计|收入总计|支出总计)$/.test(words[0]!))
  );
}

interface Candidate {
  readonly text: string;
  readonly location?: Location;
}

/** The lines from a table's title to the next table: from the grid when given, else the text lines. */
function linesAfter(d: Disclosure, t: Table, next: number, grid: Grid | undefined): Candidate[] {
  const sheet = grid?.sheets.find((s) => s.name === t.sheet);
  if (!sheet) {
    return d.text
      .filter(
        (l) => l.sheet === t.sheet && l.row > t.rows[1] && l.row < next && unsplitRow(l.cells ?? [l.text]),
      )
      .map((l) => ({ text: l.text, ...(l.location ? { location: l.location } : {}) }));
  }
  const out: Candidate[] = [];
  for (let r = t.rows[0] + 1; r < Math.min(next, sheet.rows.length, t.rows[0] + 400); r++) {
    const cells = (sheet.rows[r] ?? []).map((c) =>
      c ? c.text || (c.value === null ? "" : String(c.value)) : "",
    );
    if (!unsplitRow(cells)) continue;
    const c = cells.findIndex((x) => x.trim() !== "");
    const line = sheet.lines?.[r];
    const page = sheet.pages?.[r];
    const location: Location =
      line !== undefined && page !== undefined
        ? { page, line }
        : line !== undefined
          ? { line }
          : { sheet: sheet.name, cell: sheet.rows[r]?.[c]?.address ?? cellAddress(r, c) };
    out.push({ text: cells[c]!, location });
  }
  return out;
}

/**
 * The found tables from which no figure could be read while unsplit rows (figures among words in one
 * cell) follow their title. Given the grid, the rows inside the table's range count too.
 *
 * @example
 * ```ts
 * unreadableTables(disclosure, grid).map((u) => u.id); // ["T3"] when Table 3's rows stayed whole lines
 * ```
 */
export function unreadableTables(d: Disclosure, grid?: Grid): UnreadableTable[] {
  const out: UnreadableTable[] = [];
  const found = (Object.entries(d.tables) as [StandardTableId, Table | undefined][]).filter(
    (e): e is [StandardTableId, Table] => e[1] !== undefined,
  );
  for (const [id, t] of found) {
    if (figuresRead(t) > 0) continue;
    const next = Math.min(
      ...found.filter(([, o]) => o.sheet === t.sheet && o.rows[0] > t.rows[1]).map(([, o]) => o.rows[0]),
      Number.MAX_SAFE_INTEGER,
    );
    const rows = linesAfter(d, t, next, grid);
    if (rows.length === 0) continue;
    const first = rows[0]!;
    const sample = first.text.trim().replace(/\s+/g, " ");
    out.push({
      id,
      title: t.title,
      ...(t.location ? { location: t.location } : {}),
      sample: sample.length > 40 ? `${sample.slice(0, 40)}…` : sample,
      ...(first.location ? { sampleLocation: first.location } : {}),
      count: rows.length,
    });
  }
  return out;
}

/**
 * The disclosure without the given tables: what the other rules see, so that an unreadable table
 * counts as unknown, never as zero.
 *
 * @example
 * ```ts
 * const checked = withoutTables(disclosure, ["T3"]);
 * checked.tables.T3; // undefined
 * ```
 */
export function withoutTables(d: Disclosure, ids: ReadonlyArray<StandardTableId>): Disclosure {
  if (ids.length === 0) return d;
  const tables = { ...d.tables };
  for (const id of ids) delete tables[id];
  return { ...d, tables };
}

/**
 * Reports each unreadable table once.
 *
 * @example
 * ```ts
 * checkUnreadable(ctx, unreadableTables(disclosure));
 * ```
 */
export function checkUnreadable(ctx: RuleContext, tables: ReadonlyArray<UnreadableTable>): void {
  for (const u of tables) {
    ctx.emit("D2.table-unreadable", {
      table: u.id,
      location: u.sampleLocation ?? u.location,
      params: { title: u.title, sample: u.sample, count: u.count },
    });
  }
}
