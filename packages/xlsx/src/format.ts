/**
 * A small number-format renderer for the formats budget workbooks use: General, 0, 0.00, #,##0,
 * #,##0.00, percentages, scaling commas, literal prefixes and suffixes, negative sections, text "@",
 * and dates as yyyy/m/d. Numbers are rendered from the shortest round-trip decimal string of the
 * stored double ({@link decimalFromNumber}) and rounded as decimals ({@link Amount}), so a stored
 * 1234.005 shows as "1,234.01" exactly as Excel shows it, with no float arithmetic on the way.
 */
import { Amount, decimalFromNumber } from "@yusuan/money";

function splitDecimal(s: string): { int: string; frac: string } {
  const body = s.startsWith("-") ? s.slice(1) : s;
  const [int = "0", frac = ""] = body.split(".");
  return { int, frac };
}

/** 10^k as a plain decimal: the factor of a percent sign (k = 2) or of a scaling comma (k = −3). */
function powerOfTen(k: number): string {
  return k >= 0 ? `1${"0".repeat(k)}` : `0.${"0".repeat(-k - 1)}1`;
}

/**
 * Rounded to `sig` significant digits, half away from zero (Excel never shows more than 15). `s` is a
 * plain decimal from {@link decimalFromNumber}.
 */
function roundSignificant(s: string, sig: number): Amount {
  const { int, frac } = splitDecimal(s);
  // Position of the first significant digit: 3 for "123.4", −2 for "0.00123".
  const magnitude = int !== "0" ? int.length : -/^0*/.exec(frac)![0].length;
  return Amount.of(s).round(sig - magnitude);
}

function groupThousands(int: string): string {
  // Linear: a lookahead regular expression would rescan the digits after each position.
  const head = int.length % 3 || 3;
  const parts = [int.slice(0, head)];
  for (let i = head; i < int.length; i += 3) parts.push(int.slice(i, i + 3));
  return parts.join(",");
}

/**
 * Longest number-format code accepted (Excel's own limit is 255 characters). A longer one is hostile:
 * the reader rejects the workbook, and {@link formatNumber} shows General for it.
 *
 * @example
 * ```ts
 * "#,##0.00".length <= MAX_FORMAT_LENGTH; // true
 * ```
 */
export const MAX_FORMAT_LENGTH = 1024;

/**
 * Longest text one cell's number format may produce; longer text is cut with "…".
 *
 * @example
 * ```ts
 * formatNumber(1, `"${"长".repeat(600)}"0`).length <= MAX_FORMATTED_LENGTH; // true
 * ```
 */
export const MAX_FORMATTED_LENGTH = 1024;

function capped(text: string): string {
  return text.length > MAX_FORMATTED_LENGTH ? `${text.slice(0, MAX_FORMATTED_LENGTH - 1)}…` : text;
}

/** Splits a format into its ;-separated sections, respecting quotes, escapes and brackets. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += format.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = format.indexOf("]", i);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes and bracketed codes removed: what is left is the code itself. */
function bareCode(section: string): string {
  // One pass; an unclosed quote or bracket runs to the end (a regular expression would rescan the
  // rest of the code from every "[" or '"' that is never closed).
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"' || ch === "[") {
      const end = section.indexOf(ch === '"' ? '"' : "]", i + 1);
      if (end < 0) break;
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else out += ch;
  }
  return out;
}

/**
 * True when a number format shows a date or a time.
 *
 * @example
 * ```ts
 * isDateFormat("yyyy/m/d");  // true
 * isDateFormat("#,##0.00");  // false
 * ```
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format.length > MAX_FORMAT_LENGTH || /^general$/i.test(format.trim())) return false;
  const first = sections(format)[0] ?? "";
  if (/\[(?:h+|m+|s+)\]/i.test(first)) return true;
  const code = bareCode(first);
  return /[ymdhs]/i.test(code) && !/[0#?]/.test(code.replace(/[ymdhs]/gi, ""));
}

/**
 * The Excel serial number of a date (days since 1899-12-30, or since 1904-01-01 in 1904 workbooks).
 *
 * @example
 * ```ts
 * dateToSerial(new Date(Date.UTC(2024, 0, 15))); // 45306
 * ```
 */
export function dateToSerial(date: Date, date1904 = false): number {
  return date.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
}

/**
 * A date as budget documents print it: yyyy/m/d, with h:mm when the format shows a time.
 *
 * @example
 * ```ts
 * formatDate(new Date(Date.UTC(2024, 0, 5)), "yyyy-mm-dd"); // "2024/1/5"
 * ```
 */
export function formatDate(date: Date, format = "yyyy/m/d"): string {
  if (Number.isNaN(date.getTime())) return "";
  const code = bareCode(sections(format)[0] ?? "").toLowerCase();
  const hasTime = /[hs]/.test(code) || /\[(?:h+|m+|s+)\]/i.test(format);
  const hasDate = /[yd]/.test(code) || (/m/.test(code) && !hasTime);
  const d = `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
  const seconds = /s/.test(code) ? `:${String(date.getUTCSeconds()).padStart(2, "0")}` : "";
  const t = `${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, "0")}${seconds}`;
  if (hasDate && hasTime) return `${d} ${t}`;
  return hasTime ? t : d;
}

function formatGeneral(n: number): string {
  // Most cells: the shortest round-trip text already has at most 15 significant digits.
  const quick = String(n);
  if (quick.length <= 16 && quick !== "-0" && !quick.includes("e")) {
    let digits = 0;
    for (let i = 0; i < quick.length; i++) {
      const c = quick.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    const leading =
      quick.startsWith("0.") || quick.startsWith("-0.")
        ? /^-?0\.0*/.exec(quick)![0].replace(/[^0]/g, "").length
        : 0;
    if (digits - leading <= 15 && Math.abs(n) >= 1e-9) return quick;
  }
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mant = "", exp = "0"] = n.toExponential(14).split("e");
    const m = mant.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return roundSignificant(decimalFromNumber(n), 15).toString();
}

/** A number section parsed once: literal text around a digit pattern, or a feature this renderer lacks. */
type Section =
  | { readonly kind: "unsupported" }
  | { readonly kind: "literal"; readonly text: string }
  | {
      readonly kind: "number";
      readonly prefix: string;
      readonly suffix: string;
      /** Powers of ten to shift by: 2 per "%", −3 per scaling comma. */
      readonly shift: number;
      readonly grouping: boolean;
      readonly minInt: number;
      readonly places: number;
      readonly minFrac: number;
      readonly point: boolean;
    };

const UNSUPPORTED: Section = { kind: "unsupported" };

/** Parses one number section. */
function parseSection(section: string): Section {
  if (/@/.test(bareCode(section))) return UNSUPPORTED;
  let prefix = "";
  let suffix = "";
  let pattern = "";
  let percent = 0;
  let seenPlaceholder = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    let literal: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal = section.slice(i + 1, stop);
      i = stop;
    } else if (ch === "\\") {
      literal = section[i + 1] ?? "";
      i++;
    } else if (ch === "_") {
      literal = " ";
      i++;
    } else if (ch === "*") {
      i++;
      continue;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      i = stop;
      if (/^[<>=]/.test(inner)) return UNSUPPORTED;
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency) literal = currency[1]!;
      else continue;
    } else if ("0#?.,".includes(ch)) {
      if (ch === "," && !seenPlaceholder) literal = ",";
      else {
        seenPlaceholder = true;
        pattern += ch;
        continue;
      }
    } else if (ch === "%") {
      percent++;
      literal = "%";
    } else if (/[eE]/.test(ch) && /^[+-]/.test(section[i + 1] ?? "")) return UNSUPPORTED;
    else if (ch === "/" && seenPlaceholder) return UNSUPPORTED;
    else if (ch === "@") return UNSUPPORTED;
    else literal = ch;
    if (seenPlaceholder) suffix += literal;
    else prefix += literal;
  }
  if (!seenPlaceholder) return { kind: "literal", text: prefix + suffix };

  const [intPat = "", fracPat = ""] = pattern.split(".");
  const scale = /,+$/.exec(intPat)?.[0].length ?? 0;
  const intDigits = intPat.slice(0, intPat.length - scale);
  const fracDigits = fracPat.replace(/,/g, "");
  return {
    kind: "number",
    prefix,
    suffix,
    shift: 2 * percent - 3 * scale,
    grouping: intDigits.includes(","),
    minInt: (intDigits.match(/0/g) ?? []).length,
    places: (fracDigits.match(/[0#?]/g) ?? []).length,
    minFrac: /^0*/.exec(fracDigits)?.[0].length ?? 0,
    point: pattern.includes("."),
  };
}

/** Renders the absolute value `abs` under a parsed number section. */
function renderNumber(abs: Amount, section: Extract<Section, { kind: "number" }>): string {
  const value = (section.shift === 0 ? abs : abs.times(powerOfTen(section.shift)))
    .round(section.places)
    .toString();
  let { int, frac } = splitDecimal(value);
  frac = frac.padEnd(section.minFrac, "0");
  if (int === "0" && section.minInt === 0) int = "";
  else int = int.padStart(section.minInt, "0");
  if (section.grouping) int = groupThousands(int);
  return section.prefix + (section.point ? `${int}.${frac}` : int) + section.suffix;
}

/** A number format parsed once. */
interface ParsedFormat {
  readonly general: boolean;
  readonly date: boolean;
  readonly sections: readonly Section[];
}

const GENERAL: ParsedFormat = { general: true, date: false, sections: [] };
/** Workbooks use a handful of formats, each for thousands of cells: each is parsed once. */
const PARSED = new Map<string, ParsedFormat>();
const MAX_PARSED = 512;

function parsedFormat(format: string | undefined): ParsedFormat {
  if (!format) return GENERAL;
  let parsed = PARSED.get(format);
  if (parsed === undefined) {
    if (format.length > MAX_FORMAT_LENGTH || /^(general|@)$/i.test(format.trim())) parsed = GENERAL;
    else if (isDateFormat(format)) parsed = { general: false, date: true, sections: [] };
    else parsed = { general: false, date: false, sections: sections(format).map(parseSection) };
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(format, parsed);
  }
  return parsed;
}

/**
 * Renders a number under an Excel number format. Unsupported formats (scientific, fractions,
 * conditions) fall back to General.
 *
 * @example
 * ```ts
 * formatNumber(1234567.5, "#,##0.00");             // "1,234,567.50"
 * formatNumber(-12, "#,##0.00;[Red]-#,##0.00");     // "-12.00"
 * formatNumber(0.125, "0.0%");                       // "12.5%"
 * formatNumber(45306, "yyyy/m/d");                   // "2024/1/15"
 * ```
 */
export function formatNumber(n: number, format?: string, date1904 = false): string {
  if (!Number.isFinite(n)) return String(n);
  const parsed = parsedFormat(format);
  if (parsed.general) return formatGeneral(n);
  if (parsed.date) {
    return formatDate(new Date(Math.round((n - (date1904 ? 24_107 : 25_569)) * 86_400_000)), format);
  }
  const parts = parsed.sections;
  const exact = decimalFromNumber(n);
  const negative = exact.startsWith("-");
  let section = parts[0]!;
  let sign = "";
  if (n === 0 && parts.length >= 3) section = parts[2]!;
  else if (negative && parts.length >= 2) section = parts[1]!;
  else if (negative) sign = "-";
  if (section.kind === "unsupported") return formatGeneral(n);
  const text = capped(
    section.kind === "literal" ? section.text : renderNumber(roundSignificant(exact, 15).abs(), section),
  );
  // A negative that rounds to zero shows without its sign.
  return sign && !/[1-9]/.test(text) ? text : sign + text;
}
