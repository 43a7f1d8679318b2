import { Amount, isUnit, type Unit } from "./amount";
import { MoneyError } from "./errors";

/**
 * What {@link parseAmount} had to tolerate to read the text, so a checker can report sloppy input.
 *
 * @example
 * ```ts
 * const r = parseAmount("1,234.50");
 * if (r.ok) r.notes; // ["thousands-separator"]
 * ```
 */
export type ParseNote =
  | "thousands-separator"
  | "full-width"
  | "inner-space"
  | "parentheses-negative"
  | "unit-suffix"
  | "dash-as-zero"
  | "trailing-dot";

/**
 * Why a text is not an amount or a percentage: a stable identifier; `reason` and `reasonEn` say it in words.
 *
 * @example
 * ```ts
 * const r = parseAmount("1.2.3");
 * if (!r.ok) r.code; // "multiple-points"
 * ```
 */
export type ParseFailureCode =
  | "not-text"
  | "no-digits"
  | "invalid-character"
  | "multiple-points"
  | "bad-grouping"
  | "misplaced-sign"
  | "unbalanced-parentheses"
  | "ambiguous-space"
  | "unit-only"
  | "missing-percent";

/**
 * A failed parse: the input as given and the reason in Chinese and English.
 *
 * @example
 * ```ts
 * const r = parseAmount("abc"); // { ok: false, input: "abc", code: "invalid-character", reason: "…", reasonEn: "…" }
 * ```
 */
export interface ParseFailure {
  readonly ok: false;
  readonly input: string;
  readonly code: ParseFailureCode;
  /** zh-CN */
  readonly reason: string;
  readonly reasonEn: string;
}

/**
 * Result of {@link parseAmount}. A blank cell ("", "—", "-", "零") is an amount of zero with `blank: true`.
 * `decimals` is the number of decimals as displayed ("0.80" → 2), which rounding-aware checks need.
 *
 * @example
 * ```ts
 * const r = parseAmount("12.5万元");
 * if (r.ok && !r.blank) r.amount.to("元").toString(); // "125000"
 * ```
 */
export type ParsedAmount =
  | {
      ok: true;
      blank: false;
      amount: Amount;
      decimals: number;
      unit: Unit;
      /** Canonical plain decimal with the displayed decimals: "(1,234.50)" → "-1234.50". */
      normalized: string;
      notes: ParseNote[];
    }
  | {
      ok: true;
      blank: true;
      amount: Amount;
      decimals: 0;
      unit: Unit;
      blankKind: "empty" | "dash" | "zero-word";
      notes: ParseNote[];
    }
  | ParseFailure;

/**
 * Result of {@link parsePercent}: the figure before the % sign as a decimal string ("17.62" for 17.62%),
 * its displayed decimals, and the comparator of an indicator value ("≥90%").
 *
 * @example
 * ```ts
 * parsePercent("≥90%"); // { ok: true, value: "90", decimals: 0, comparator: "≥" }
 * ```
 */
export type ParsedPercent =
  | {
      ok: true;
      value: string;
      decimals: number;
      comparator?: "≥" | "≤" | ">" | "<" | "=";
    }
  | ParseFailure;

const REASONS: Record<ParseFailureCode, { zh: (detail: string) => string; en: (detail: string) => string }> =
  {
    "not-text": { zh: () => "输入不是文本", en: () => "the input is not text" },
    "no-digits": { zh: () => "没有数字", en: () => "there are no digits" },
    "invalid-character": {
      zh: (c) => `含有不属于数字的字符“${c}”`,
      en: (c) => `contains "${c}", which is not part of a number`,
    },
    "multiple-points": { zh: () => "小数点多于一个", en: () => "more than one decimal point" },
    "bad-grouping": {
      zh: () => "千分位分隔符位置不正确（应每三位一组，且只在整数部分）",
      en: () => "thousands separators must group three digits of the integer part",
    },
    "misplaced-sign": { zh: () => "正负号位置不正确", en: () => "the sign is misplaced" },
    "unbalanced-parentheses": { zh: () => "括号不成对", en: () => "unbalanced parentheses" },
    "ambiguous-space": {
      zh: () => "数字中间有空格，无法确定是否为同一个数",
      en: () => "a space splits the digits; it is unclear whether this is one number",
    },
    "unit-only": { zh: () => "只有单位，没有金额", en: () => "a unit without an amount" },
    "missing-percent": { zh: () => "缺少百分号", en: () => "the percent sign is missing" },
  };

function failure(input: string, code: ParseFailureCode, detail = ""): ParseFailure {
  const r = REASONS[code];
  return { ok: false, input, code, reason: r.zh(detail), reasonEn: r.en(detail) };
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms. */
function halfWidth(text: string): { text: string; changed: boolean } {
  if (!FULL_WIDTH.test(text)) return { text, changed: false };
  let changed = false;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += " ";
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? { text: out, changed } : { text, changed };
}

/** Dashes that stand for an empty cell (hyphen, en/em dashes, horizontal bar, minus, two-em and three-em dashes, small hyphen). */
const DASHES = /^[-\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63]+$/;
/** Characters that act as a minus sign before digits. An em dash is not one: it means "empty". */
const MINUS = new Set(["-", "\u2010", "\u2011", "\u2013", "\u2212", "\ufe63"]);
const ZERO_WORDS = new Set(["零", "无"]);
/** Amounts are immutable, so blanks can share one zero per unit. */
const ZERO: Record<Unit, Amount> = {
  元: Amount.zero("元"),
  万元: Amount.zero("万元"),
  亿元: Amount.zero("亿元"),
};
const UNIT_SUFFIX: ReadonlyArray<readonly [string, Unit]> = [
  ["万元", "万元"],
  ["亿元", "亿元"],
  ["元", "元"],
  ["万", "万元"],
  ["亿", "亿元"],
];
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const CLEAN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

type NumberCore =
  | { ok: true; negative: boolean; int: string; frac: string }
  | { ok: false; code: ParseFailureCode; detail?: string };

/**
 * The number itself, after blanks, units and parentheses are gone: an optional sign, digits with
 * optional groups of three, an optional decimal part. Spaces are tolerated only next to a separator
 * ("493. 3642"), because elsewhere they may join two numbers.
 */
function parseCore(s: string, notes: ParseNote[], allowSign: boolean): NumberCore {
  let negative = false;
  let i = 0;
  const first = s[0];
  if (first !== undefined && (MINUS.has(first) || first === "+")) {
    if (!allowSign) return { ok: false, code: "misplaced-sign" };
    negative = first !== "+";
    i = 1;
    if (s[i] === " " || s[i] === "\t") {
      while (s[i] === " " || s[i] === "\t") i++;
      addNote(notes, "inner-space");
    }
  }
  // Most cells are already clean ("58,121,209.78", "1234.5"): one regular expression reads them.
  const fast = CLEAN.exec(i === 0 ? s : s.slice(i));
  if (fast !== null) {
    const grouping = fast[1] as string;
    const fraction = fast[2];
    if (grouping.includes(",")) addNote(notes, "thousands-separator");
    if (fraction === "") addNote(notes, "trailing-dot");
    return { ok: true, negative, int: grouping.replaceAll(",", ""), frac: fraction ?? "" };
  }
  let int = "";
  let frac = "";
  let point = false;
  let grouped = false;
  let spaced = false;
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (isDigit(c)) {
      if (point) frac += c;
      else int += c;
    } else if (c === ".") {
      if (point) return { ok: false, code: "multiple-points" };
      point = true;
    } else if (c === ",") {
      if (point) return { ok: false, code: "bad-grouping" };
      int += c;
      grouped = true;
    } else if (c === " " || c === "\t" || c === "\u00a0") {
      let j = i;
      while (s[j] === " " || s[j] === "\t" || s[j] === "\u00a0") j++;
      const before = s[i - 1];
      const after = s[j];
      const nextToSeparator = before === "." || before === "," || after === "." || after === ",";
      if (!nextToSeparator) return { ok: false, code: "ambiguous-space" };
      spaced = true;
      i = j - 1;
    } else if (MINUS.has(c) || c === "+") {
      return { ok: false, code: "misplaced-sign" };
    } else {
      return { ok: false, code: "invalid-character", detail: c };
    }
  }
  if (int === "" && frac === "") return { ok: false, code: "no-digits" };
  if (grouped) {
    if (!GROUPED.test(int)) return { ok: false, code: "bad-grouping" };
    int = int.replaceAll(",", "");
    addNote(notes, "thousands-separator");
  }
  if (spaced) addNote(notes, "inner-space");
  if (point && frac === "") addNote(notes, "trailing-dot");
  return { ok: true, negative, int, frac };
}

function addNote(notes: ParseNote[], note: ParseNote): void {
  if (!notes.includes(note)) notes.push(note);
}

function canonical(negative: boolean, int: string, frac: string): string {
  let k = 0;
  while (k < int.length - 1 && int[k] === "0") k++;
  const intPart = int === "" ? "0" : int.slice(k);
  const body = frac === "" ? intPart : `${intPart}.${frac}`;
  const zero = !/[1-9]/.test(body);
  return negative && !zero ? `-${body}` : body;
}

/**
 * Reads an amount as people type it and as PDFs print it. Never throws on user data: garbage gives
 * `{ ok: false, reason, reasonEn }`.
 *
 * Accepted: "1,234.50" (groups of three only), "1234.5", "0.00", blanks ("", "  ", "—", "–", "-", "－",
 * "零", "无") as zero with `blank: true`, full-width forms ("１２３．４５", "，"), a stray space next to a
 * separator ("493. 3642"), negatives ("-12.00", "−12", "(12.00)", "（12.00）"), and a unit suffix
 * ("12.5万元", "9万元", "3亿元", "105,767,210.12元", also "12.5万"). Without a suffix the unit is
 * `options.unit` (default 元).
 *
 * @throws {@link MoneyError} `UNIT` only when `options.unit` is not a unit (a programming error).
 * @example
 * ```ts
 * const r = parseAmount("（1,234.50）");
 * if (r.ok && !r.blank) {
 *   r.amount.toString(); // "-1234.5"
 *   r.decimals;          // 2
 *   r.notes;             // ["full-width", "parentheses-negative", "thousands-separator"]
 * }
 * ```
 */
export function parseAmount(text: string, options?: { unit?: Unit }): ParsedAmount {
  const defaultUnit = options?.unit ?? "元";
  if (!isUnit(defaultUnit)) throw new MoneyError("UNIT", String(defaultUnit));
  if (typeof text !== "string") return failure(String(text), "not-text");

  const notes: ParseNote[] = [];
  const hw = halfWidth(text);
  if (hw.changed) notes.push("full-width");
  let s = hw.text.trim();
  let unit = defaultUnit;

  const last = s[s.length - 1];
  for (const [suffix, u] of last === "元" || last === "万" || last === "亿" ? UNIT_SUFFIX : []) {
    if (s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length).trimEnd();
      unit = u;
      notes.push("unit-suffix");
      if (s === "") return failure(text, "unit-only");
      break;
    }
  }

  if (s === "")
    return { ok: true, blank: true, amount: ZERO[unit], decimals: 0, unit, blankKind: "empty", notes };
  const startsWithDigit = isDigit(s[0]);
  if (!startsWithDigit && DASHES.test(s)) {
    notes.push("dash-as-zero");
    return { ok: true, blank: true, amount: ZERO[unit], decimals: 0, unit, blankKind: "dash", notes };
  }
  if (!startsWithDigit && ZERO_WORDS.has(s)) {
    return { ok: true, blank: true, amount: ZERO[unit], decimals: 0, unit, blankKind: "zero-word", notes };
  }

  let parenthesized = false;
  const open = s.startsWith("(");
  const close = s.endsWith(")");
  if (open !== close) return failure(text, "unbalanced-parentheses");
  if (open) {
    s = s.slice(1, -1).trim();
    parenthesized = true;
    notes.push("parentheses-negative");
  }

  const core = parseCore(s, notes, !parenthesized);
  if (!core.ok) return failure(text, core.code, core.detail);
  const normalized = canonical(core.negative || parenthesized, core.int, core.frac);
  return {
    ok: true,
    blank: false,
    amount: Amount.of(normalized, unit),
    decimals: core.frac.length,
    unit,
    normalized,
    notes,
  };
}

type Comparator = "≥" | "≤" | ">" | "<" | "=";

/** Longest first, so that ">=" wins over ">". */
const COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ["大于等于", "≥"],
  ["小于等于", "≤"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不大于", "≤"],
  [">=", "≥"],
  ["<=", "≤"],
  ["≥", "≥"],
  ["≧", "≥"],
  ["⩾", "≥"],
  ["≤", "≤"],
  ["≦", "≤"],
  ["⩽", "≤"],
  ["大于", ">"],
  ["高于", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["等于", "="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];

/**
 * Reads a percentage such as a performance-indicator value: "17.62%", "≥90%", ">=90%", "１００％".
 * `value` is the figure before the % sign, as displayed ("100.0%" → "100.0", decimals 1).
 * Never throws: text without a % sign or with garbage gives `{ ok: false, … }`.
 *
 * @example
 * ```ts
 * parsePercent("17.62%"); // { ok: true, value: "17.62", decimals: 2 }
 * parsePercent(">=90%");  // { ok: true, value: "90", decimals: 0, comparator: "≥" }
 * ```
 */
export function parsePercent(text: string): ParsedPercent {
  if (typeof text !== "string") return failure(String(text), "not-text");
  let s = halfWidth(text).text.trim();
  let comparator: Comparator | undefined;
  for (const [word, c] of COMPARATORS) {
    if (s.startsWith(word)) {
      comparator = c;
      s = s.slice(word.length).trimStart();
      break;
    }
  }
  if (!s.endsWith("%")) {
    return s === "" ? failure(text, "no-digits") : failure(text, "missing-percent");
  }
  s = s.slice(0, -1).trimEnd();
  const core = parseCore(s, [], true);
  if (!core.ok) return failure(text, core.code, core.detail);
  const value = canonical(core.negative, core.int, core.frac);
  return comparator === undefined
    ? { ok: true, value, decimals: core.frac.length }
    : { ok: true, value, decimals: core.frac.length, comparator };
}
