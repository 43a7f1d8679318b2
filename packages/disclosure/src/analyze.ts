import type { Grid } from "./grid";
import type { Disclosure } from "./model";
import type { DocumentInfo, Finding, TableSummary } from "./report";
import { recognize, type RecognitionIssue } from "./recognize";
import { RuleContext, type CheckOptions, type RuleSpec } from "./rules/engine";
import { tableChecks } from "./rules/tables-a";
import { crossChecks } from "./rules/cross-b";
import {
  checkUnreadable,
  tableCells,
  unreadableTables,
  withoutTables,
  type UnreadableTable,
} from "./rules/unreadable";
import { checkDocumentKind, formChecks, tablesInOtherUnit } from "./rules/form-d";
import { narrativeChecks } from "./narrative/rules";
import { RULES } from "./rules/registry";
import { parseNarrative } from "./narrative/parse";
import type { Narrative } from "./narrative/model";
import { TABLE_DEFINITIONS, tableTitle } from "./tables";
import { cellAddress } from "./grid";
import { readWaivers } from "./waivers";
import { explainCulprits } from "./culprit";
import { FORMULA_WITHOUT_RESULT_RULE, formulaCells, restsOnUnknown, unknownCellNames } from "./formula-cells";

/**
 * Every rule the engine knows, with its default severity and texts (the registry).
 *
 * @example
 * ```ts
 * RULES.find((r) => r.id === "A3.row-identity")?.title["zh-CN"]; // "行内合计等于各分项之和"
 * ```
 */
export { RULES };

/**
 * A unit of checking whose failure is isolated: a crash in one (a defect of yusuan) is reported as
 * `engine.rule-failed` naming it, and every other unit still runs.
 */
interface Unit {
  readonly name: string;
  /** The completeness and form rules (D), which read titles, notes and codes, not amounts. */
  readonly form?: true;
  readonly run: (
    ctx: RuleContext,
    issues: ReadonlyArray<RecognitionIssue>,
    narrative: () => Narrative,
  ) => void;
}

const units: ReadonlyArray<Unit> = [
  ...tableChecks.map((c) => ({ name: c.name, run: (ctx: RuleContext) => c.run(ctx) })),
  ...crossChecks.map((c) => ({ name: c.name, run: (ctx: RuleContext) => c.run(ctx) })),
  ...formChecks.map((c) => ({
    name: c.name,
    form: true as const,
    run: (ctx: RuleContext, issues: ReadonlyArray<RecognitionIssue>) => c.run(ctx, issues),
  })),
  ...narrativeChecks.map((c) => ({
    name: c.name,
    run: (ctx: RuleContext, _issues: ReadonlyArray<RecognitionIssue>, narrative: () => Narrative) =>
      c.run(ctx, narrative()),
  })),
];

let specMap: Map<string, RuleSpec> | undefined;
function specs(): Map<string, RuleSpec> {
  specMap ??= new Map(RULES.map((r) => [r.id, r]));
  return specMap;
}

/**
 * Runs every selected rule on a recognized disclosure. Never throws on user data. A table found
 * whose cells could not be read (`unreadable`, by default found from the disclosure's text lines)
 * gets one D2.table-unreadable finding and is left out of every other rule. A table printed in
 * another unit than the template's (万元 for Tables 1–8, 元 for Table 9) gets D4.unit and is left out
 * of the rules on amounts: its figures are on another scale than theirs, and every sum or comparison
 * they made with it would be one false error more.
 *
 * @example
 * ```ts
 * const { disclosure, issues } = recognize(grid);
 * const findings = check(disclosure, { lang: "en" }, issues);
 * ```
 */
export function check(
  d: Disclosure,
  options: CheckOptions = {},
  issues: ReadonlyArray<RecognitionIssue> = [],
  narrative?: Narrative,
  unreadable: ReadonlyArray<UnreadableTable> = unreadableTables(d),
): Finding[] {
  // A table found whose cells could not be read gets one finding and is left out of every other
  // rule: unknown, never zero.
  const checked = withoutTables(
    d,
    unreadable.map((u) => u.id),
  );
  const otherUnit = tablesInOtherUnit(checked);
  const ctx = new RuleContext(withoutTables(checked, otherUnit), specs(), options);
  // The form rules see those tables: their titles, notes, codes and the unit itself are still checked.
  const formCtx = otherUnit.length > 0 ? new RuleContext(checked, specs(), options) : ctx;
  // An unreadable table has no header to find: D2.table-unreadable says all there is to say.
  const unreadableIds = new Set<string>(unreadable.map((u) => u.id));
  const tableIssues = issues.filter((i) => !(i.kind === "no-header" && unreadableIds.has(i.table)));
  let parsed = narrative;
  const narrativeOf = () => (parsed ??= parseNarrative(checked));
  // A final account or a text that is no budget disclosure gets one finding saying so, nothing else.
  const budget = checkDocumentKind(ctx);
  for (const unit of budget ? units : []) {
    const unitCtx = unit.form ? formCtx : ctx;
    try {
      unit.run(unitCtx, tableIssues, narrativeOf);
    } catch (error) {
      unitCtx.emit("engine.rule-failed", {
        table: "D",
        params: { family: unit.name, error: error instanceof Error ? error.message : String(error) },
        key: unit.name,
      });
    }
  }
  if (formCtx !== ctx) ctx.findings.push(...formCtx.findings);
  if (unreadable.length > 0) {
    if (budget) checkUnreadable(ctx, unreadable);
    const ids = new Set<string>(unreadable.map((u) => u.id));
    for (let i = ctx.findings.length - 1; i >= 0; i--)
      if (ctx.findings[i]!.rule === "D1.table-missing" && ids.has(ctx.findings[i]!.table))
        ctx.findings.splice(i, 1);
  }
  const waivers = new Map((options.waivers ?? []).map((w) => [w.fingerprint, w]));
  const findings = withCauses(d, ctx.findings).map((f) => {
    const w = waivers.get(f.fingerprint);
    return w ? { ...f, waived: { reason: w.reason } } : f;
  });
  return sortFindings(findings);
}

/** The result of {@link analyze}. */
export interface Analysis {
  readonly document: DocumentInfo;
  readonly tables: TableSummary[];
  readonly findings: Finding[];
  readonly disclosure: Disclosure;
  /** The narrative chapters, their figures and the project sections, as read from the text lines. */
  readonly narrative: Narrative;
}

/**
 * Recognizes the tables of a grid and checks them: the one call every face (CLI, add-in, API) uses.
 * Never throws on user data.
 *
 * @example
 * ```ts
 * const text = readTextDocument(sampleText, "sample.txt");
 * if (text.ok) {
 *   const { findings } = analyze(text.grid);
 *   for (const f of findings) console.log(f.rule, f.message);
 * }
 * ```
 */
export function analyze(grid: Grid, options: CheckOptions = {}): Analysis {
  const { disclosure, issues } = recognize(grid);
  const stored = readWaivers(grid);
  const unreadable = unreadableTables(disclosure, grid);
  const narrative = parseNarrative(
    withoutTables(
      disclosure,
      unreadable.map((u) => u.id),
    ),
  );
  const checkOpts =
    stored.length > 0 ? { ...options, waivers: [...stored, ...(options.waivers ?? [])] } : options;
  let findings = check(disclosure, checkOpts, issues, narrative, unreadable);
  // A formula with an unknown result is neither 0 nor blank: what rests on it stays undecided.
  const unknown = unknownCellNames(formulaCells(grid));
  if (unknown.length > 0) {
    const cells = formulaCells(grid);
    const ctx = new RuleContext(disclosure, specs(), checkOpts);
    const more =
      unknown.length > 20
        ? ctx.text(FORMULA_WITHOUT_RESULT_RULE, "more", { rest: unknown.length - 20, count: unknown.length })
        : "";
    const [sheet, cell] = unknown[0]!.split("!") as [string, string];
    const cellsText = unknown.slice(0, 20).join(ctx.text(FORMULA_WITHOUT_RESULT_RULE, "separator"));
    ctx.emit(FORMULA_WITHOUT_RESULT_RULE, {
      table: "D",
      location: { sheet, cell },
      params: { cells: cellsText, more },
    });
    findings = sortFindings([...findings.filter((f) => !restsOnUnknown(f, cells)), ...ctx.findings]);
  }
  const doc = disclosure.document;
  const document: DocumentInfo = {
    kind: doc.kind,
    ...(doc.department !== undefined ? { department: doc.department } : {}),
    ...(doc.year !== undefined ? { year: doc.year } : {}),
  };
  return { document, tables: tableSummaries(grid, disclosure), findings, disclosure, narrative };
}

function tableSummaries(grid: Grid, d: Disclosure): TableSummary[] {
  const kind = d.document.kind.startsWith("单位") ? "单位" : "部门";
  return TABLE_DEFINITIONS.map((def) => {
    const t = d.tables[def.id];
    if (!t)
      return {
        id: def.id,
        title: d.document.year ? tableTitle(def.id, d.document.year, kind) : def.name,
        found: false,
      };
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    const [first, last] = t.rows;
    if (sheet?.lines) {
      const lines = [sheet.lines[first] ?? first + 1, sheet.lines[last] ?? last + 1] as const;
      const pages = sheet.pages ? { pages: [sheet.pages[first] ?? 1, sheet.pages[last] ?? 1] as const } : {};
      return {
        id: def.id,
        title: t.title,
        found: true,
        sheet: t.sheet,
        lines,
        ...pages,
        cells: tableCells(t),
      };
    }
    let width = 1;
    for (let r = first; r <= last; r++) width = Math.max(width, sheet?.rows[r]?.length ?? 0);
    return {
      id: def.id,
      title: t.title,
      found: true,
      sheet: t.sheet,
      range: `${cellAddress(first, 0)}:${cellAddress(last, width - 1)}`,
      cells: tableCells(t),
    };
  });
}

const TABLE_ORDER = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "N", "P", "D"];

function locationKey(f: Finding): [string, number, number] {
  const l = f.location;
  if (!l) return ["", 0, 0];
  if ("page" in l) return ["", l.page * 100_000 + l.line, l.column ?? 0];
  if ("line" in l) return ["", l.line, 0];
  const m = /^([A-Z]+)(\d+)$/.exec(l.cell);
  let col = 0;
  for (const ch of m?.[1] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
  return [l.sheet, Number(m?.[2] ?? 0), col];
}

/**
 * Findings in a stable order: by table, then by place, then by rule.
 *
 * @example
 * ```ts
 * const ordered = sortFindings([...analysis.findings]);
 * ordered.map((f) => f.table); // T1 … T9 first, then N, P and D findings
 * ```
 */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, k: locationKey(f), t: TABLE_ORDER.indexOf(f.table) }))
    .sort(
      (a, b) =>
        a.t - b.t ||
        a.k[0].localeCompare(b.k[0]) ||
        a.k[1] - b.k[1] ||
        a.k[2] - b.k[2] ||
        a.f.rule.localeCompare(b.f.rule) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

/** The smallest fix is an explanation on top of the findings; if it fails, the findings stand as they are. */
function withCauses(d: Disclosure, findings: Finding[]): Finding[] {
  try {
    return explainCulprits(d, findings);
  } catch {
    return findings;
  }
}
