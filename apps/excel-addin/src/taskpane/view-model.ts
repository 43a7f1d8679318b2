/**
 * Pure helpers between the engine's results and the task pane: grouping, cell references, marks and
 * writes. No DOM, no Office.
 */
import type { CellPatch, Finding, Grid, Location, Severity, TableSummary } from "@yusuan/disclosure";
import type { CellContent, CellRef, CellWrite, ChangedCell, PriorFill } from "../adapter";
import { parseRect } from "../a1";
import { t, type Lang } from "./i18n";

/** Findings of one table, with counts by severity. */
export interface FindingGroup {
  readonly table: string;
  readonly title: string;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly findings: ReadonlyArray<Finding>;
}

const ORDER = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "N", "P", "D"];

/**
 * Names of the groups that are not one of the nine tables: the same words as the CLI's reports.
 * @example CHAPTER_NAMES.en.P // "Projects and performance targets"
 */
export const CHAPTER_NAMES: Readonly<Record<"zh-CN" | "en", Readonly<Record<"N" | "P" | "D", string>>>> = {
  "zh-CN": { N: "编制说明", P: "项目情况与绩效目标", D: "文档" },
  en: { N: "Narrative", P: "Projects and performance targets", D: "Document" },
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Groups findings by table in the engine's table order, titled from the table summaries.
 * @example groupFindings(analysis.findings, analysis.tables)[0]?.table // "T1"
 */
export function groupFindings(
  findings: ReadonlyArray<Finding>,
  tables: ReadonlyArray<TableSummary>,
  otherTitles: Readonly<Record<string, string>> = {},
): FindingGroup[] {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byTable.get(f.table);
    if (list) list.push(f);
    else byTable.set(f.table, [f]);
  }
  return [...byTable.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([table, list]) => ({
      table,
      title: tables.find((t) => t.id === table)?.title ?? otherTitles[table] ?? table,
      counts: countBySeverity(list),
      // Errors first, then warnings, then notes; the engine's order within each severity.
      findings: list
        .map((f, i) => ({ f, i }))
        .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
        .map((x) => x.f),
    }));
}

function rank(table: string): number {
  const i = ORDER.indexOf(table);
  return i < 0 ? ORDER.length : i;
}

/**
 * Counts of findings by severity, waived ones left out.
 * @example countBySeverity([]) // { error: 0, warning: 0, info: 0 }
 */
export function countBySeverity(findings: ReadonlyArray<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.waived) counts[f.severity]++;
  return counts;
}

/**
 * The sheet cell of a location, when it is one (a text document's line is not).
 * @example refOfLocation({ sheet: "T3", cell: "E7" }) // { sheet: "T3", cell: "E7" }
 */
export function refOfLocation(location: Location | undefined): CellRef | undefined {
  return location && "sheet" in location ? { sheet: location.sheet, cell: location.cell } : undefined;
}

/** Fill colours of marks by severity (Fluent's light tints of red, yellow and blue). */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: "#FDE7E9",
  warning: "#FFF4CE",
  info: "#DEECF9",
};

/**
 * The cells to mark for the findings: one per cell, the most severe finding's colour, skipping
 * waived findings and cells already marked (whose previous fill is already remembered).
 * @example marksFor(findings, []) // [{ sheet: "T3", cell: "E7", color: "#FDE7E9" }, …]
 */
export function marksFor(
  findings: ReadonlyArray<Finding>,
  already: ReadonlyArray<PriorFill>,
): (CellRef & { color: string })[] {
  const weight: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const done = new Set(already.map((p) => `${p.sheet}!${p.cell}`));
  const best = new Map<string, { ref: CellRef; severity: Severity }>();
  for (const f of findings) {
    const ref = refOfLocation(f.location);
    if (!ref || f.waived) continue;
    const k = `${ref.sheet}!${ref.cell}`;
    if (done.has(k)) continue;
    const prev = best.get(k);
    if (!prev || weight[f.severity] > weight[prev.severity]) best.set(k, { ref, severity: f.severity });
  }
  return [...best.values()].map(({ ref, severity }) => ({ ...ref, color: MARK_COLORS[severity] }));
}

/**
 * The writes of fill patches on sheet cells (a text document's patches have no cell to write). Given
 * the grid the patches were computed from, each write carries what its cell held there, so that
 * writing is refused when the cell has changed since.
 * @example writesFor(patches) // [{ sheet: "T3", cell: "E7", value: "38233551.78" }]
 */
export function writesFor(patches: ReadonlyArray<CellPatch>, grid?: Grid): CellWrite[] {
  return patches.flatMap((p) => {
    const ref = refOfLocation(p.location);
    if (!ref) return [];
    return [
      grid ? { ...ref, value: p.newValue, expected: contentIn(grid, ref) } : { ...ref, value: p.newValue },
    ];
  });
}

/**
 * What a cell of a grid holds, as a write compares it (an empty content when the grid has no such cell).
 * @example contentIn(grid, { sheet: "T3", cell: "E7" }) // { value: 300, text: "300.00" }
 */
export function contentIn(grid: Grid, ref: CellRef): CellContent {
  const rect = parseRect(ref.cell);
  const sheet = grid.sheets.find((s) => s.name === ref.sheet);
  const cell = rect && sheet ? sheet.rows[rect.top]?.[rect.left] : undefined;
  if (!cell) return { value: null, text: "" };
  return {
    value: cell.value,
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    text: cell.text,
  };
}

/** Where the fill of the pane stands: how many cells the preview would write, whether it was applied, how many fills can be undone. */
export interface FillState {
  readonly previewed: number;
  readonly applied: boolean;
  readonly undoDepth: number;
}

/**
 * Which of the fill buttons are enabled: 应用 while a preview with cells is not yet applied (a new
 * preview enables it again), 撤销 while some fill can be undone.
 * @example fillButtons({ previewed: 3, applied: true, undoDepth: 1 }) // { apply: false, undo: true }
 */
export function fillButtons(state: FillState): { apply: boolean; undo: boolean } {
  return { apply: state.previewed > 0 && !state.applied, undo: state.undoDepth > 0 };
}

/** What a cell shows in a message: its formula, else its text, else its value; "（空）" when empty. */
function shown(content: CellContent | undefined, lang: Lang): string {
  if (!content) return "?";
  if (content.formula !== undefined) return `=${content.formula}`;
  if (content.text) return content.text;
  return content.value === null || content.value === "" ? t(lang, "blankCell") : String(content.value);
}

/**
 * One line per cell that stopped a fill or an undo: "T3!E7：（空）→ 42" (what it held then → now), or
 * that it holds a formula, which is never overwritten.
 * @example changedLines([{ sheet: "T3", cell: "E7", reason: "changed", was: { value: null }, now: { value: 42, text: "42" } }], "zh-CN") // ["T3!E7：（空）→ 42"]
 */
export function changedLines(changed: ReadonlyArray<ChangedCell>, lang: Lang): string[] {
  return changed.map((c) => {
    const cell = `${c.sheet}!${c.cell}`;
    if (c.reason === "formula") return t(lang, "formulaCell", { cell, formula: shown(c.now, lang) });
    return t(lang, "changedCell", { cell, was: shown(c.was, lang), now: shown(c.now, lang) });
  });
}

/**
 * The cells of {@link changedLines} for a status message: the first `max`, then "等 N 个" / "and N more".
 * @example changedSummary(changed, "en", 2) // "T3!E7: (blank) → 42; T3!E8: (blank) → 7; and 3 more"
 */
export function changedSummary(changed: ReadonlyArray<ChangedCell>, lang: Lang, max = 5): string {
  const lines = changedLines(changed.slice(0, max), lang);
  if (changed.length > max) lines.push(t(lang, "moreCells", { n: changed.length - max }));
  return lines.join(lang === "en" ? "; " : "；");
}

/**
 * A location as a short label: "T3!E7" or "第 12 行" / "line 12".
 * @example locationLabel({ sheet: "T3", cell: "E7" }, "zh-CN") // "T3!E7"
 */
export function locationLabel(location: Location | undefined, lang: "zh-CN" | "en"): string {
  if (!location) return "";
  if ("sheet" in location) return `${location.sheet}!${location.cell}`;
  if ("page" in location) {
    const { page, line, column } = location;
    if (lang === "en")
      return column === undefined
        ? `page ${page}, line ${line}`
        : `page ${page}, line ${line}, column ${column}`;
    return column === undefined ? `第 ${page} 页第 ${line} 行` : `第 ${page} 页第 ${line} 行第 ${column} 列`;
  }
  return lang === "en" ? `line ${location.line}` : `第 ${location.line} 行`;
}

/**
 * Today's date as YYYY-MM-DD (for a waiver's date column).
 * @example isoDate(new Date(2025, 0, 2)) // "2025-01-02"
 */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A decimal string with thousands separators, digits unchanged: "-38233551.78" → "-38,233,551.78".
 * Anything that is not a plain decimal is returned as it is.
 * @example groupDigits("38233551.78") // "38,233,551.78"
 */
export function groupDigits(value: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!m) return value;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/**
 * True when the engine recognised none of the nine tables: the workbook is not a budget disclosure (or
 * not yet one), and listing nine missing tables would say nothing useful.
 * @example noTablesFound([{ id: "T1", title: "…", found: false }]) // true
 */
export function noTablesFound(tables: ReadonlyArray<Pick<TableSummary, "found">>): boolean {
  return tables.length > 0 && tables.every((t) => !t.found);
}

/**
 * For each marked cell, the messages of the findings behind it (waived ones left out), joined: the text
 * of the comment that tells a colleague without the add-in why the cell is marked.
 * @example notesFor(findings, [{ sheet: "T3", cell: "E7" }]) // ["表3 … 应为 …"]
 */
export function notesFor(findings: ReadonlyArray<Finding>, cells: ReadonlyArray<CellRef>): string[] {
  return cells.map((c) =>
    findings
      .filter(
        (f) =>
          !f.waived &&
          f.location &&
          "sheet" in f.location &&
          f.location.sheet === c.sheet &&
          f.location.cell === c.cell,
      )
      .map((f) => f.message)
      .join("；"),
  );
}
