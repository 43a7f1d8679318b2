import { Amount, formatAmount } from "@yusuan/money";
import type { Grid } from "../grid";
import type { Disclosure } from "../model";
import type { CellPatch, Finding, RelatedLocation } from "../report";
import { fingerprintOf } from "../fingerprint";
import { format, type Lang, type Template } from "../i18n";
import { recognize } from "../recognize";
import { identitySystem, TOTAL_ROW, type CellRef, type Identity } from "./identities";
import { tableName } from "../rules/engine";
import { fillRules } from "../rules/faces";
import { columnLabel } from "../rules/labels";
import type { RuleId } from "../rules/registry";
import { formulaCells, formulaKey, isUnknownAt, type FormulaCells } from "../formula-cells";

/**
 * Options of {@link fill} and {@link fillGrid}.
 *
 * @example
 * ```ts
 * fill(disclosure, { overwrite: true, lang: "en" });
 * ```
 */
export interface FillOptions {
  /** Replace non-empty cells that disagree with the derived value (default false: report them). */
  readonly overwrite?: boolean;
  /** Language of reasons and messages; zh-CN by default. */
  readonly lang?: Lang;
  /**
   * The grid's formula cells ({@link fillGrid} finds them): a formula is never patched, and the
   * identities that involve a formula with an unknown result are left out.
   */
  readonly formulas?: FormulaCells;
}

/**
 * What {@link fill} proposes.
 *
 * @example
 * ```ts
 * const { patches, conflicts }: FillResult = fill(disclosure);
 * ```
 */
export interface FillResult {
  /** Cells to write, in document order of the identities that derived them. */
  readonly patches: CellPatch[];
  /** Non-empty cells that disagree with the value the identities give (rule "fill.conflict"). */
  readonly conflicts: Finding[];
}

/**
 * Rule id of a conflict finding.
 *
 * @example
 * ```ts
 * conflicts.every((f) => f.rule === FILL_CONFLICT_RULE); // true
 * ```
 */
export const FILL_CONFLICT_RULE = "fill.conflict" satisfies RuleId;

const [CONFLICT_SPEC] = fillRules;
const CONFLICT_MESSAGE: Template = CONFLICT_SPEC.message;
const FORMULA_MESSAGE: Template = CONFLICT_SPEC.messages.formula;

const TOTAL_ROW_LABEL: Template = { "zh-CN": "合计行", en: "Total row" };

function word(w: string, lang: Lang): string {
  return columnLabel(w, lang);
}

/** A cell's name in a reason, as much as the identity's mode needs. */
function label(cell: CellRef | undefined, key: string, mode: Identity["mode"], lang: Lang): string {
  const c = cell ?? refFromKey(key);
  const col = word(c.column, lang);
  const row = c.row === undefined ? "" : c.row === TOTAL_ROW ? TOTAL_ROW_LABEL[lang] : word(c.row, lang);
  // Two-sided tables have one amount column per line; the line names the cell.
  const oneColumn = c.column === "预算数";
  const rowCol = c.row === undefined ? col : oneColumn ? row : `${row} ${col}`;
  if (mode === "column") return col;
  if (mode === "row") return rowCol;
  return `${tableName(c.table, lang)} ${rowCol}`;
}

function refFromKey(key: string): CellRef {
  const [table, , row, column] = key.split("\u0001");
  return {
    key,
    table: table as CellRef["table"],
    row: row === "" ? undefined : row,
    column: column ?? "",
    unit: table === "T9" ? "万元" : "元",
    figure: undefined,
    location: undefined,
  };
}

/** Why a term of an identity has the value it is solved for. */
function reasonOf(
  identity: Identity,
  solved: string,
  cells: ReadonlyMap<string, CellRef>,
  lang: Lang,
): string {
  const name = (k: string) => label(cells.get(k), k, identity.mode, lang);
  const isLhs = solved === identity.lhs;
  if (identity.summary && identity.parts.length > 3) {
    const c = cells.get(solved) ?? refFromKey(solved);
    const params = {
      row: c.row === undefined ? "" : word(c.row, lang),
      column: c.column === "预算数" ? "" : word(c.column, lang),
      parent: (cells.get(identity.lhs) ?? refFromKey(identity.lhs)).row ?? "",
    };
    return format(isLhs ? identity.summary.lhs : identity.summary.part, lang, params).replace(/\s+=/, " =");
  }
  if (identity.parts.length === 0) return `${name(solved)} = 0`;
  if (isLhs) return `${name(identity.lhs)} = ${identity.parts.map(name).join(" + ")}`;
  const others = identity.parts.filter((p) => p !== solved);
  return [`${name(solved)} = ${name(identity.lhs)}`, ...others.map(name)].join(" − ");
}

/** A cell is empty when it holds nothing a reader would take for a number: "", "—", "-". */
function isEmpty(cell: CellRef | undefined): boolean {
  return !cell?.figure || cell.figure.blank;
}

interface Derivation {
  readonly identity: Identity;
  readonly value: Amount;
}

/** Solves the identities to a fixed point from the printed (and `fixed`) values. */
function derive(
  cells: ReadonlyMap<string, CellRef>,
  identities: readonly Identity[],
  fixed: ReadonlyMap<string, Amount>,
): { values: Map<string, Amount>; derived: Map<string, Derivation> } {
  const values = new Map<string, Amount>();
  for (const [key, cell] of cells) {
    if (cell.figure && !cell.figure.blank) values.set(key, Amount.of(cell.figure.value, cell.unit));
  }
  for (const [key, v] of fixed) values.set(key, v);
  const derived = new Map<string, Derivation>();
  const get = (k: string) => values.get(k);
  const sum = (keys: readonly string[]) => Amount.sum(keys.map((k) => values.get(k)!));
  const set = (k: string, v: Amount, identity: Identity) => {
    values.set(k, v);
    derived.set(k, { identity, value: v });
  };
  const unitOf = (k: string) => (k.startsWith("T9") ? "万元" : "元");

  for (let guard = 0; guard < 100_000; guard++) {
    let changed = false;
    // After each derived cell, start again from the first identity, so that a cell is derived by
    // the earliest identity that can (inside its table before across tables) and the reason says so.
    for (const id of identities) {
      if (id.when && !id.when(get)) continue;
      const terms = [id.lhs, ...id.parts];
      const unknown = terms.filter((k) => !values.has(k));
      if (unknown.length !== 1) continue;
      const k = unknown[0]!;
      if (k === id.lhs) set(k, sum(id.parts).to(unitOf(k)), id);
      else set(k, values.get(id.lhs)!.minus(sum(id.parts.filter((p) => p !== k))), id);
      changed = true;
      break;
    }
    if (changed) continue;
    // Stuck: a printed blank means zero. Take that literally for the parts of one identity whose
    // total is still unknown, then go back to exact solving.
    for (const id of identities) {
      if (values.has(id.lhs) || (id.when && !id.when(get))) continue;
      const unknownParts = id.parts.filter((p) => !values.has(p));
      if (unknownParts.length === 0 || !unknownParts.every((p) => cells.get(p)?.figure?.blank === true))
        continue;
      for (const p of unknownParts) set(p, Amount.zero(unitOf(p)), id);
      set(id.lhs, sum(id.parts).to(unitOf(id.lhs)), id);
      changed = true;
      break;
    }
    if (!changed) break;
  }
  return { values, derived };
}

interface Conflict {
  readonly key: string;
  readonly expected: Amount;
  readonly identity: Identity;
}

/** Which printed cells disagree with the identities. The cell in the most failing identities is
 *  taken as wrong and corrected, the empty cells are derived again, and the search repeats: one
 *  wrong cell is reported once, not once per sum that contains it. */
function findConflicts(
  cells: ReadonlyMap<string, CellRef>,
  identities: readonly Identity[],
): { conflicts: Conflict[]; derived: Map<string, Derivation> } {
  const conflicts: Conflict[] = [];
  const fixed = new Map<string, Amount>();
  for (let round = 0; ; round++) {
    const { values, derived } = derive(cells, identities, fixed);
    if (round >= 100) return { conflicts, derived };
    const current = new Map(values);
    // What is still unknown and printed blank means zero.
    for (const [key, cell] of cells)
      if (!current.has(key) && cell.figure) current.set(key, Amount.zero(cell.unit));
    const get = (k: string) => current.get(k);
    const failing: Identity[] = [];
    for (const id of identities) {
      if (id.when && !id.when(get)) continue;
      if ([id.lhs, ...id.parts].some((k) => !current.has(k))) continue;
      if (
        !current.get(id.lhs)!.equals(
          Amount.sum(
            id.parts.map((k) => current.get(k)!),
            "元",
          ),
        )
      )
        failing.push(id);
    }
    const score = new Map<string, { n: number; lhs: boolean; first: Identity }>();
    for (const id of failing) {
      for (const k of [id.lhs, ...id.parts]) {
        const cell = cells.get(k);
        if (!cell || isEmpty(cell) || fixed.has(k)) continue;
        const s = score.get(k);
        score.set(
          k,
          s
            ? { n: s.n + 1, lhs: s.lhs || k === id.lhs, first: s.first }
            : { n: 1, lhs: k === id.lhs, first: id },
        );
      }
    }
    let best: [string, { n: number; lhs: boolean; first: Identity }] | undefined;
    for (const entry of score) {
      if (!best || entry[1].n > best[1].n || (entry[1].n === best[1].n && entry[1].lhs && !best[1].lhs))
        best = entry;
    }
    if (!best) return { conflicts, derived };
    const [key, { first }] = best;
    const sumOf = (ks: readonly string[]) =>
      Amount.sum(
        ks.map((k) => current.get(k)!),
        "元",
      );
    const expected = (
      key === first.lhs
        ? sumOf(first.parts)
        : current
            .get(first.lhs)!
            .to("元")
            .minus(sumOf(first.parts.filter((p) => p !== key)))
    ).to(cells.get(key)!.unit);
    conflicts.push({ key, expected, identity: first });
    fixed.set(key, expected);
  }
}

/** 元 tables print fen; T9 prints 万元 with two decimals as well. */
function decimalsOf(_cell: CellRef): number {
  return 2;
}

/**
 * Derives every cell the table identities determine (A1 parent sums, A2 合计 rows, A3 row
 * identities, A4 T1 totals, A5 T4, A6 T9, B1 T1↔T2/T3, B2 fiscal income and T5 = T3 when all money
 * is 一般公共预算, B3 T4↔T5–T7), to a fixed point. Empty cells ("", "—", "-") get a patch when the
 * derived value is not zero; a non-empty cell is never replaced unless `overwrite` is set — when it
 * disagrees it becomes a warning finding (rule "fill.conflict") instead. A cell the identities
 * blame is corrected before the empty cells are derived, so one wrong figure does not spread.
 *
 * @example
 * ```ts
 * const { disclosure } = recognize(grid);
 * const { patches, conflicts } = fill(disclosure);
 * for (const p of patches) console.log(p.location, p.oldValue, "→", p.newValue, p.reason);
 * ```
 */
export function fill(d: Disclosure, options: FillOptions = {}): FillResult {
  const lang = options.lang ?? "zh-CN";
  const system = identitySystem(d);
  const { cells } = system;
  const formulas = options.formulas;
  const isFormula = (k: string): boolean => {
    const l = cells.get(k)?.location;
    return (
      formulas !== undefined && l !== undefined && "sheet" in l && formulas.has(formulaKey(l.sheet, l.cell))
    );
  };
  // A formula with an unknown result is neither 0 nor blank: nothing is derived from it or for it.
  const identities = formulas?.size
    ? system.identities.filter(
        (id) => ![id.lhs, ...id.parts].some((k) => isUnknownAt(formulas, cells.get(k)?.location)),
      )
    : system.identities;
  const { conflicts, derived } = findConflicts(cells, identities);

  const patches: CellPatch[] = [];
  const findings: Finding[] = [];
  for (const [key, { identity, value }] of derived) {
    const cell = cells.get(key);
    if (!cell?.figure || !cell.location || value.isZero()) continue;
    if (isFormula(key)) {
      findings.push(formulaFinding(cell, key, identity, value, cells, lang));
      continue;
    }
    patches.push({
      location: cell.location,
      table: cell.table,
      ...(cell.row !== undefined ? { row: cell.row } : {}),
      column: cell.column,
      oldValue: "",
      newValue: value.toFixed(decimalsOf(cell)),
      reason: reasonOf(identity, key, cells, lang),
      rule: identity.rule,
    });
  }

  for (const c of conflicts) {
    const cell = cells.get(c.key)!;
    const reason = reasonOf(c.identity, c.key, cells, lang);
    const expected = c.expected.toFixed(decimalsOf(cell));
    if (isFormula(c.key)) {
      findings.push(formulaFinding(cell, c.key, c.identity, c.expected, cells, lang));
      continue;
    }
    if (options.overwrite) {
      if (!cell.location) continue;
      patches.push({
        location: cell.location,
        table: cell.table,
        ...(cell.row !== undefined ? { row: cell.row } : {}),
        column: cell.column,
        oldValue: cell.figure!.text,
        newValue: expected,
        reason,
        rule: c.identity.rule,
      });
      continue;
    }
    const actual = Amount.of(cell.figure!.value, cell.unit);
    const difference = actual.minus(c.expected).toFixed(decimalsOf(cell));
    const where = label(cell, c.key, "row", lang);
    const related: RelatedLocation[] = [];
    for (const k of [c.identity.lhs, ...c.identity.parts]) {
      if (k === c.key) continue;
      const o = cells.get(k);
      if (!o) continue;
      related.push({
        table: o.table,
        ...(o.row !== undefined ? { row: o.row } : {}),
        column: o.column,
        ...(o.location ? { location: o.location } : {}),
      });
    }
    findings.push({
      rule: FILL_CONFLICT_RULE,
      severity: "warning",
      message: format(CONFLICT_MESSAGE, lang, {
        table: tableName(cell.table, lang),
        where,
        actual: cell.figure!.text,
        expected: formatAmount(c.expected),
        reason,
        difference,
        unit: cell.unit,
      }),
      table: cell.table,
      ...(cell.row !== undefined ? { row: cell.row } : {}),
      column: cell.column,
      ...(cell.location ? { location: cell.location } : {}),
      expected,
      actual: actual.toFixed(decimalsOf(cell)),
      difference,
      ...(cell.unit === "万元" ? { unit: "万元" as const } : {}),
      suggestion: expected,
      ...(related.length > 0 ? { related } : {}),
      fingerprint: fingerprintOf([FILL_CONFLICT_RULE, cell.table, cell.row, cell.column]),
    });
  }
  patches.sort(byLocation);
  return { patches, conflicts: findings };
}

/** A formula whose result disagrees with what the identities give: a finding, never a patch. */
function formulaFinding(
  cell: CellRef,
  key: string,
  identity: Identity,
  expected: Amount,
  cells: ReadonlyMap<string, CellRef>,
  lang: Lang,
): Finding {
  const shown = expected.toFixed(decimalsOf(cell));
  const actual = cell.figure && !cell.figure.blank ? cell.figure.text : "";
  return {
    rule: FILL_CONFLICT_RULE,
    severity: "warning",
    message: format(FORMULA_MESSAGE, lang, {
      table: tableName(cell.table, lang),
      where: label(cell, key, "row", lang),
      actual,
      expected: formatAmount(expected),
      reason: reasonOf(identity, key, cells, lang),
    }),
    table: cell.table,
    ...(cell.row !== undefined ? { row: cell.row } : {}),
    column: cell.column,
    ...(cell.location ? { location: cell.location } : {}),
    expected: shown,
    ...(cell.figure && !cell.figure.blank
      ? { actual: Amount.of(cell.figure.value, cell.unit).toFixed(decimalsOf(cell)) }
      : {}),
    ...(cell.unit === "万元" ? { unit: "万元" as const } : {}),
    fingerprint: fingerprintOf([FILL_CONFLICT_RULE, cell.table, cell.row, cell.column]),
  };
}

function byLocation(a: CellPatch, b: CellPatch): number {
  const ka = locationKey(a.location);
  const kb = locationKey(b.location);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function locationKey(l: CellPatch["location"]): string {
  if ("page" in l)
    return `${String(l.page).padStart(5, "0")}${String(l.line).padStart(5, "0")}${String(l.column ?? 0).padStart(4, "0")}`;
  if ("line" in l) return String(l.line).padStart(9, "0");
  const m = /^([A-Z]+)(\d+)$/.exec(l.cell);
  return `${l.sheet}\u0001${(m?.[2] ?? "").padStart(9, "0")}${(m?.[1] ?? "").padStart(3, " ")}`;
}

/**
 * {@link fill} on a grid: recognizes the nine tables, then derives what they determine.
 *
 * @example
 * ```ts
 * const text = readTextDocument(source, "budget.txt");
 * if (text.ok) {
 *   const { patches } = fillGrid(text.grid, { lang: "en" });
 *   console.log(patches.length);
 * }
 * ```
 */
export function fillGrid(grid: Grid, options: FillOptions = {}): FillResult {
  return fill(recognize(grid).disclosure, { ...options, formulas: options.formulas ?? formulaCells(grid) });
}
