/**
 * Waivers: findings the user accepted, kept in the workbook itself in a hidden sheet, so that they
 * travel with the file and every face (CLI, add-in) applies the same ones.
 */
import { isRuleId } from "./rules/registry";
import type { Cell, Grid } from "./grid";
import type { Finding, Waiver } from "./report";

/**
 * Name of the hidden sheet that holds waivers; row 1 is a header (fingerprint, rule, reason, by, date).
 *
 * @example
 * ```ts
 * grid.sheets.some((s) => s.name === WAIVER_SHEET);
 * ```
 */
export const WAIVER_SHEET = "yusuan_waivers";

const COLUMNS = ["fingerprint", "rule", "reason", "by", "date"] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_ALIASES: Record<string, Column> = {
  fingerprint: "fingerprint",
  指纹: "fingerprint",
  rule: "rule",
  规则: "rule",
  reason: "reason",
  理由: "reason",
  原因: "reason",
  by: "by",
  确认人: "by",
  date: "date",
  日期: "date",
};

const FINGERPRINT = /^[0-9a-f]{16}$/;

function cellText(c: Cell | undefined): string {
  if (!c) return "";
  if (c.text !== "") return c.text.trim();
  return c.value === null ? "" : String(c.value).trim();
}

/**
 * Reads the waivers stored in a grid's {@link WAIVER_SHEET} sheet. Columns are found by their header
 * (any order; English or Chinese names); a row without a valid fingerprint (16 hex digits) or
 * without a reason is skipped. No sheet: no waivers.
 *
 * @example
 * ```ts
 * const waivers = readWaivers(grid);
 * const findings = applyWaivers(analysis.findings, waivers);
 * ```
 */
export function readWaivers(grid: Grid): Waiver[] {
  const sheet = grid.sheets.find((s) => s.name === WAIVER_SHEET);
  if (!sheet) return [];
  const headerIndex = sheet.rows.findIndex((row) => row.some((c) => cellText(c) !== ""));
  if (headerIndex < 0) return [];
  const columns = new Map<Column, number>();
  sheet.rows[headerIndex]!.forEach((c, i) => {
    const key = HEADER_ALIASES[cellText(c).toLowerCase()];
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const fp = columns.get("fingerprint");
  if (fp === undefined) return [];
  const out: Waiver[] = [];
  for (const row of sheet.rows.slice(headerIndex + 1)) {
    const get = (k: Column) => {
      const i = columns.get(k);
      return i === undefined ? "" : cellText(row[i]);
    };
    const fingerprint = get("fingerprint").toLowerCase();
    const reason = get("reason");
    if (!FINGERPRINT.test(fingerprint) || reason === "") continue;
    const waiver: { -readonly [K in keyof Waiver]: Waiver[K] } = { fingerprint, reason };
    // A waiver for a rule no registry holds accepts nothing: it is left out.
    const rule = get("rule");
    if (rule !== "" && !isRuleId(rule)) continue;
    if (rule !== "") waiver.rule = rule;
    for (const k of ["by", "date"] as const) {
      const v = get(k);
      if (v !== "") waiver[k] = v;
    }
    out.push(waiver);
  }
  return out;
}

/**
 * The rows to write to the {@link WAIVER_SHEET} sheet: the header, then one row per waiver.
 *
 * @example
 * ```ts
 * waiverSheetRows([{ fingerprint: "9c0f1a2b3c4d5e6f", reason: "尾差，已说明" }]);
 * // [["fingerprint","rule","reason","by","date"], ["9c0f1a2b3c4d5e6f","","尾差，已说明","",""]]
 * ```
 */
export function waiverSheetRows(waivers: readonly Waiver[]): string[][] {
  return [
    [...COLUMNS],
    ...waivers.map((w) => [w.fingerprint, w.rule ?? "", w.reason, w.by ?? "", w.date ?? ""]),
  ];
}

/**
 * Marks the findings a waiver accepts (same fingerprint; when the waiver names a rule, the rule must
 * match too) with `waived: { reason }`. Other findings are returned unchanged; nothing is removed.
 *
 * @example
 * ```ts
 * const marked = applyWaivers(findings, readWaivers(grid));
 * const open = marked.filter((f) => !f.waived);
 * ```
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[]): Finding[] {
  const byFingerprint = new Map<string, Waiver>();
  for (const w of waivers) if (!byFingerprint.has(w.fingerprint)) byFingerprint.set(w.fingerprint, w);
  return findings.map((f) => {
    const w = byFingerprint.get(f.fingerprint);
    if (!w || (w.rule !== undefined && w.rule !== f.rule)) return f;
    return { ...f, waived: { reason: w.reason } };
  });
}
