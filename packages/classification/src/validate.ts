import type { CatalogData } from "./catalog";
import { message, type Message, type MessageId } from "./messages";
import { isScheme, levelOf, parentOf, schemeInfo, type Scheme } from "./scheme";

/**
 * A problem found in catalog data: which entry (0-based `index` into `entries`, and its `code` when
 * it has one) and what is wrong, in Chinese and English.
 *
 * @example
 * ```ts
 * const issue: CatalogDataIssue = { index: 3, code: "20101", message: "编码20101重复出现", messageEn: "code 20101 appears more than once" };
 * ```
 */
export interface CatalogDataIssue {
  readonly index?: number;
  readonly code?: string;
  readonly message: string;
  readonly messageEn: string;
}

/**
 * The verdict of {@link validateCatalogData}. Warnings never make data invalid.
 *
 * @example
 * ```ts
 * const v: CatalogDataValidation = validateCatalogData(data);
 * if (!v.ok) for (const e of v.errors) console.error(e.message);
 * ```
 */
export type CatalogDataValidation =
  | { ok: true; warnings: CatalogDataIssue[] }
  | { ok: false; errors: CatalogDataIssue[]; warnings: CatalogDataIssue[] };

/** Options of {@link validateCatalogData}. */
export interface ValidateOptions {
  /**
   * The data is a partial list (such as codes observed in documents) rather than a complete official
   * catalog: a code whose parent is missing is then a warning instead of an error. Default false.
   */
  readonly partial?: boolean;
}

function issue(
  id: MessageId,
  params: Record<string, string | number>,
  at: { index?: number; code?: string },
): CatalogDataIssue {
  const m: Message = message(id, params);
  return { ...at, message: m.message, messageEn: m.messageEn };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Checks catalog data (for example parsed from JSON or built by an import): a known scheme, a
 * four-digit year, at least one entry, every code valid for the scheme, each level consistent with
 * its code's length, non-empty names, no duplicate codes, and every code's parent present. A missing
 * parent is an error, because an official catalog is complete and a gap means a truncated or misread
 * file; with `partial: true` it is a warning. Accepts any value and never throws.
 *
 * @example
 * ```ts
 * validateCatalogData({ scheme: "functional", year: 2025, source: "x",
 *   entries: [{ code: "20101", name: "人大事务", level: "款" }] });
 * // { ok: false, errors: [{ code: "20101", message: "编码20101的上级科目201不在目录中", … }], warnings: [] }
 * ```
 */
export function validateCatalogData(
  data: CatalogData | unknown,
  options: ValidateOptions = {},
): CatalogDataValidation {
  const errors: CatalogDataIssue[] = [];
  const warnings: CatalogDataIssue[] = [];
  if (!isRecord(data) || !isScheme(data.scheme)) {
    const scheme = isRecord(data) ? String(data.scheme) : "";
    return { ok: false, errors: [issue("data.scheme", { scheme }, {})], warnings };
  }
  const scheme: Scheme = data.scheme;
  const info = schemeInfo(scheme);
  if (typeof data.year !== "number" || !Number.isInteger(data.year) || data.year < 1000 || data.year > 9999) {
    errors.push(issue("data.year", { year: String(data.year) }, {}));
  }
  const entries: unknown[] = Array.isArray(data.entries) ? data.entries : [];
  if (entries.length === 0) errors.push(issue("data.empty", {}, {}));

  const seen = new Set<string>();
  const valid: { index: number; code: string }[] = [];
  entries.forEach((e, index) => {
    const code = isRecord(e) && typeof e.code === "string" ? e.code : String(isRecord(e) ? e.code : e);
    const at = { index, code };
    const level = levelOf(code, scheme);
    if (level === undefined) {
      errors.push(issue("data.invalid-code", { code, scheme: info.name, schemeEn: info.nameEn }, at));
      return;
    }
    if (seen.has(code)) {
      errors.push(issue("data.duplicate", { code }, at));
      return;
    }
    seen.add(code);
    valid.push(at);
    const record = e as Record<string, unknown>;
    if (record.level !== level)
      errors.push(issue("data.level", { code, expected: level, level: String(record.level) }, at));
    if (typeof record.name !== "string" || record.name.trim() === "")
      errors.push(issue("data.name-empty", { code }, at));
  });
  for (const at of valid) {
    const parent = parentOf(at.code, scheme);
    if (parent === undefined || seen.has(parent)) continue;
    const found = issue("data.missing-parent", { code: at.code, parent }, at);
    if (options.partial === true) warnings.push(found);
    else errors.push(found);
  }
  return errors.length === 0 ? { ok: true, warnings } : { ok: false, errors, warnings };
}
