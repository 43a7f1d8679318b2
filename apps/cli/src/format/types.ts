/**
 * What every output format shares: a formatter receives the files' reports one by one, in input
 * order, and writes as it goes, so that a run over many files keeps memory flat.
 */
import type { FileReport, Finding, Location, Severity, TableId } from "@yusuan/disclosure";
import { Amount, formatAmount } from "@yusuan/money";

/** Counts of the run (waived findings are not counted). */
export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Files that are not a budget disclosure (a final account, another text): reported, not checked. */
  readonly skipped?: number;
  /** Files in a folder or pattern of a type `check` does not read (listed, not in `files`). */
  readonly unsupported?: number;
  /** Files with at least one error finding (not waived). */
  readonly filesWithErrors?: number;
  /** Findings a waiver accepted (not in the other counts). */
  readonly waived?: number;
}

/** A file a folder or pattern named that was not checked, and why. */
export interface SkippedFile {
  readonly path: string;
  /** "unsupported-type": not .xlsx, .txt, .pdf or .json. */
  readonly reason: "unsupported-type";
}

/** A rule's description as formats that list rules (SARIF) need it. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly title: { readonly "zh-CN": string; readonly en: string };
  readonly description: { readonly "zh-CN": string; readonly en: string };
}

/** Where a formatter writes. */
export type Write = (chunk: string) => void;

/** An output format. */
export interface Formatter {
  begin(): void;
  file(report: FileReport): void;
  /** A file that was not checked (formats that list such files: text, JSON). */
  skip?(file: SkippedFile): void;
  end(summary: Summary): void;
}

/** Everything a formatter may need besides the reports. */
export interface FormatContext {
  readonly write: Write;
  readonly lang: "zh-CN" | "en";
  readonly version: string;
  readonly rules: ReadonlyArray<RuleInfo>;
  /** Colours (text format only). */
  readonly color: boolean;
  /** When the run started, as people read it (reports that show it: HTML). */
  readonly date?: string;
  /** The run's options as given, name and value (reports that show them: HTML). */
  readonly options?: ReadonlyArray<readonly [string, string]>;
}

/** The output formats of `check`. */
export const FORMATS = ["text", "json", "sarif", "junit", "html", "csv"] as const;
/** An output format name. */
export type FormatName = (typeof FORMATS)[number];

/**
 * Adds a report's counts to a summary (waived findings shown with `--show-waived` are counted apart,
 * in `waived`; those not shown are added with {@link addWaived}).
 *
 * @example
 * ```ts
 * addToSummary({ files: 0, errors: 0, warnings: 0, infos: 0 }, report);
 * ```
 */
export function addToSummary(summary: Summary, report: FileReport): Summary {
  let { errors, warnings, infos } = summary;
  let fileErrors = 0;
  let shownWaived = 0;
  for (const f of report.findings) {
    if (f.waived) {
      shownWaived++;
      continue;
    }
    if (f.severity === "error") fileErrors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  errors += fileErrors;
  const kind = report.document?.kind;
  const skipped =
    (summary.skipped ?? 0) + (kind !== undefined && kind !== "部门预算" && kind !== "单位预算" ? 1 : 0);
  const filesWithErrors = (summary.filesWithErrors ?? 0) + (fileErrors > 0 ? 1 : 0);
  const waivedTotal = (summary.waived ?? 0) + shownWaived;
  return {
    files: summary.files + 1,
    errors,
    warnings,
    infos,
    ...(skipped > 0 ? { skipped } : {}),
    ...(summary.unsupported ? { unsupported: summary.unsupported } : {}),
    ...(filesWithErrors > 0 ? { filesWithErrors } : {}),
    ...(waivedTotal > 0 ? { waived: waivedTotal } : {}),
  };
}

/**
 * Adds waived findings that the report does not show (without `--show-waived`) to a summary.
 *
 * @example
 * ```ts
 * addWaived({ files: 1, errors: 0, warnings: 0, infos: 0 }, 2).waived; // 2
 * ```
 */
export function addWaived(summary: Summary, count: number): Summary {
  const waived = (summary.waived ?? 0) + count;
  return count === 0 ? summary : { ...summary, waived };
}

/**
 * The summary line of a run as people read it: "共检查 300 个文件，其中 12 个有错误：…；已豁免 3 个".
 *
 * @example
 * ```ts
 * summaryText({ files: 300, errors: 20, warnings: 5, infos: 0, filesWithErrors: 12, waived: 3 }, "zh-CN");
 * // "共检查 300 个文件，其中 12 个有错误：20 个错误，5 个警告，0 个提示；已豁免 3 个"
 * ```
 */
export function summaryText(summary: Summary, lang: "zh-CN" | "en"): string {
  const en = lang === "en";
  const s = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const withErrors = summary.filesWithErrors ?? 0;
  const head = en
    ? `${s(summary.files, "file")} checked${withErrors > 0 ? `, ${withErrors} with errors` : ""}: ${s(summary.errors, "error")}, ${s(summary.warnings, "warning")}, ${summary.infos} info`
    : `共检查 ${summary.files} 个文件${withErrors > 0 ? `，其中 ${withErrors} 个有错误` : ""}：${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 个提示`;
  const skipped = summary.skipped ?? 0;
  const unsupported = summary.unsupported ?? 0;
  const waived = summary.waived ?? 0;
  const parts = [
    skipped === 0
      ? ""
      : en
        ? `; ${skipped} not a budget disclosure, not checked`
        : `；其中 ${skipped} 个不是预算公开文件，未检查`,
    unsupported === 0
      ? ""
      : en
        ? `; ${s(unsupported, "file")} of an unsupported type skipped`
        : `；另有 ${unsupported} 个文件类型不支持，已跳过`,
    waived === 0 ? "" : en ? `; ${waived} waived` : `；已豁免 ${waived} 个`,
  ];
  return head + parts.join("");
}

/**
 * A location as people read it: "第 12 行" / "line 12", "第 9 页第 12 行" for a PDF, or "Sheet!A1".
 *
 * @example
 * ```ts
 * locationText({ line: 12 }, "en"); // "line 12"
 * locationText({ sheet: "T1", cell: "B3" }, "en"); // "T1!B3"
 * locationText({ page: 9, line: 12, column: 3 }, "zh-CN"); // "第 9 页第 12 行第 3 列"
 * ```
 */
export function locationText(location: Location | undefined, lang: "zh-CN" | "en"): string {
  if (!location) return "";
  if ("page" in location) {
    const { page, line, column } = location;
    if (lang === "en")
      return column === undefined
        ? `page ${page}, line ${line}`
        : `page ${page}, line ${line}, column ${column}`;
    return column === undefined ? `第 ${page} 页第 ${line} 行` : `第 ${page} 页第 ${line} 行第 ${column} 列`;
  }
  if ("line" in location) return lang === "en" ? `line ${location.line}` : `第 ${location.line} 行`;
  return `${location.sheet}!${location.cell}`;
}

const TABLE_NAMES: Record<"N" | "P" | "D", { "zh-CN": string; en: string }> = {
  N: { "zh-CN": "编制说明", en: "Narrative" },
  P: { "zh-CN": "项目情况与绩效目标", en: "Projects and performance targets" },
  D: { "zh-CN": "文档", en: "Document" },
};

/**
 * The heading of a table group: "T3 2025年部门支出预算总表", "D 文档".
 *
 * @example
 * ```ts
 * tableHeading("D", report, "en"); // "D Document"
 * ```
 */
export function tableHeading(table: TableId, report: FileReport, lang: "zh-CN" | "en"): string {
  if (table === "N" || table === "P" || table === "D") return `${table} ${TABLE_NAMES[table][lang]}`;
  const t = report.tables.find((x) => x.id === table);
  return t ? `${table} ${t.title}` : table;
}

/**
 * Findings grouped by table, in the order they come (the engine sorts them by table).
 *
 * @example
 * ```ts
 * for (const [table, findings] of groupByTable(report.findings)) console.log(table, findings.length);
 * ```
 */
export function groupByTable(findings: ReadonlyArray<Finding>): Map<TableId, Finding[]> {
  const groups = new Map<TableId, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.table);
    if (list) list.push(f);
    else groups.set(f.table, [f]);
  }
  return groups;
}

/**
 * The details of a finding as one phrase: expected, actual and difference.
 *
 * @example
 * ```ts
 * figuresText({ expected: "10.00", actual: "9.00", difference: "-1.00", unit: "元" } as Finding, "en");
 * // "expected 10.00, actual 9.00, difference -1.00 元"
 * ```
 */
export function figuresText(f: Finding, lang: "zh-CN" | "en"): string {
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(lang === "en" ? `expected ${f.expected}` : `应为 ${f.expected}`);
  if (f.actual !== undefined) parts.push(lang === "en" ? `actual ${f.actual}` : `实为 ${f.actual}`);
  if (f.difference !== undefined)
    parts.push(lang === "en" ? `difference ${f.difference}` : `差额 ${f.difference}`);
  if (parts.length === 0) return "";
  return parts.join(lang === "en" ? ", " : "，") + (f.unit ? ` ${f.unit}` : "");
}

/**
 * A decimal string as money, with thousands separators and its own decimals; anything else as it is.
 *
 * @example
 * ```ts
 * moneyText("38233551.78"); // "38,233,551.78"
 * moneyText("-0.09");       // "-0.09"
 * ```
 */
export function moneyText(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const decimals = value.includes(".") ? value.length - value.indexOf(".") - 1 : 0;
  return formatAmount(Amount.of(value), { decimals });
}

/**
 * The likely cause of a finding (the one cell that explains it and the failures around it), as one
 * phrase; "" when the finding has none.
 *
 * @example
 * ```ts
 * causeText(finding, "zh-CN"); // "可能的原因：T3 2040220 项目支出（第 165 行）应为 24,763,610.00"
 * ```
 */
export function causeText(f: Finding, lang: "zh-CN" | "en"): string {
  const c = f.cause;
  if (!c) return "";
  const where = locationText(c.location, lang);
  const cell = [c.table, c.row, c.column].filter((x) => x !== undefined).join(" ");
  const value = moneyText(c.value);
  return lang === "en"
    ? `likely cause: ${cell}${where ? ` (${where})` : ""} should be ${value}`
    : `可能的原因：${cell}${where ? `（${where}）` : ""}应为 ${value}`;
}
