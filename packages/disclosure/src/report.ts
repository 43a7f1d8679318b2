/**
 * The report contract: every face (npm API, CLI, Excel add-in) emits these objects.
 * See the README's "Findings" section; the CLI's `--format json` prints {@link Report}.
 */

import type { RuleId } from "./rules/registry";

/** How serious a finding is. */
export type Severity = "error" | "warning" | "info";

/** T1…T9 are the nine tables; N the narrative; P the project sections; D the document as a whole. */
export type TableId = "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7" | "T8" | "T9" | "N" | "P" | "D";

/**
 * A place in the input: a sheet cell, a 1-based line of a text file, or a place in a PDF (1-based page,
 * printed line on that page, and for a table cell its 1-based column in the table row).
 */
export type Location =
  | { readonly sheet: string; readonly cell: string }
  | { readonly line: number }
  | { readonly page: number; readonly line: number; readonly column?: number };

/** Another place a finding involves (the other side of a comparison). */
export interface RelatedLocation {
  readonly table: TableId;
  readonly row?: string;
  readonly column?: string;
  readonly location?: Location;
}

/** One problem found. Amounts are decimal strings in 元 unless `unit` says 万元. */
export interface Finding {
  /** Stable rule identifier, e.g. "A3.row-identity": one of the registry's (see `RULES`). */
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Human message in the requested language (zh-CN by default). */
  readonly message: string;
  readonly table: TableId;
  /** Classification code where there is one, else the row label. */
  readonly row?: string;
  readonly column?: string;
  readonly location?: Location;
  readonly expected?: string;
  readonly actual?: string;
  readonly difference?: string;
  readonly unit?: "元" | "万元";
  /** The smallest change that would make both sides agree, when there is one. */
  readonly suggestion?: string;
  readonly related?: ReadonlyArray<RelatedLocation>;
  /** Stable across runs and faces for the same problem. */
  readonly fingerprint: string;
  /** Present when a waiver accepted this finding. */
  readonly waived?: { readonly reason: string };
  /**
   * The one cell that most likely causes this failure and others with it (the smallest fix), with the
   * value that makes them all hold. Present only when the identities determine it.
   */
  readonly cause?: LikelyCause;
}

/** A cell named as the likely cause of several failed identities, with its corrected value. */
export interface LikelyCause {
  readonly table: TableId;
  readonly row?: string;
  readonly column: string;
  readonly location?: Location;
  /** The corrected value, a decimal string in the table's unit. */
  readonly value: string;
}

/** A table as the recognizer found it. */
export interface TableSummary {
  readonly id: Exclude<TableId, "N" | "P" | "D">;
  readonly title: string;
  readonly found: boolean;
  readonly sheet?: string;
  /** A1 range on a sheet source, e.g. "A1:D12". */
  readonly range?: string;
  /** First and last 1-based line on a text source (on a PDF: printed lines on the first and last page). */
  readonly lines?: readonly [number, number];
  /** First and last 1-based page on a PDF source. */
  readonly pages?: readonly [number, number];
  /** How many non-empty cells were read in the table's data rows; 0 with `found` means it could not be read. */
  readonly cells?: number;
}

/**
 * What the document is: a department or unit budget (checked), a department or unit final account, or
 * "其他" — not a budget disclosure at all (an inspection checklist, a text without budget tables). Only
 * budgets are checked; anything else gets one `D6.document-kind` finding.
 */
export interface DocumentInfo {
  readonly kind: "部门预算" | "单位预算" | "部门决算" | "单位决算" | "其他";
  readonly department?: string;
  readonly year?: number;
}

/** One input file's results. */
export interface FileReport {
  readonly path: string;
  readonly document?: DocumentInfo;
  readonly tables: ReadonlyArray<TableSummary>;
  readonly findings: ReadonlyArray<Finding>;
}

/** The whole report (`--format json`). */
export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: "yusuan"; readonly version: string };
  readonly files: ReadonlyArray<FileReport>;
  readonly summary: {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    /** Files that are not a budget disclosure (a final account, another text): reported, not checked. Present when not 0. */
    readonly skipped?: number;
  };
}

/** A change to one cell that `fill` proposes; the host decides whether to write it. */
export interface CellPatch {
  readonly location: Location;
  readonly table: TableId;
  readonly row?: string;
  readonly column?: string;
  /** The cell's current displayed text ("" when empty). */
  readonly oldValue: string;
  /** The new value as a plain decimal string in the table's unit (元, or 万元 for T9). */
  readonly newValue: string;
  /** Why (zh-CN by default), e.g. "合计 = 基本支出 + 项目支出". */
  readonly reason: string;
  /** The rule whose identity derived the value. */
  readonly rule: RuleId;
}

/** A waiver: the user accepted a finding, identified by its fingerprint. */
export interface Waiver {
  readonly fingerprint: string;
  readonly reason: string;
  readonly rule?: RuleId;
  readonly by?: string;
  readonly date?: string;
}
