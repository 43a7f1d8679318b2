import { message, type MessageId } from "./messages";
import { codeLength, schemeInfo, type Level, type Scheme } from "./scheme";

/**
 * What had to be done to a printed code to read it.
 * - `joined`: the code was printed as one run of digits ("2019999").
 * - `split`: the code was printed in parts, one per level (["201", "99", "99"] or "201 99 99").
 * - `from-name-cell`: digits were taken from the start of the name cell ("99 其他一般公共服务支出").
 * - `padded-kuan`: a one-digit 款 part was read with a leading zero ("301" "2" → 30102).
 * - `full-width`: full-width digits were read as ASCII digits ("２０１").
 * - `spaces`: spaces inside a cell were read as separators or dropped ("201 99 99").
 *
 * @example
 * ```ts
 * const n: Normalisation = "padded-kuan";
 * ```
 */
export type Normalisation = "joined" | "split" | "from-name-cell" | "padded-kuan" | "full-width" | "spaces";

/**
 * The result of {@link parseCode}: the full code, or why the input is not a code.
 *
 * @example
 * ```ts
 * const r: ParsedCode = parseCode("2019999");
 * if (r.ok) console.log(r.code, r.level); // 2019999 项
 * ```
 */
export type ParsedCode =
  | {
      ok: true;
      code: string;
      scheme: Scheme;
      level: Level;
      normalised: Normalisation[];
      /** The name cell's text, trimmed, with leading code digits removed when they were read into the code. */
      name?: string;
    }
  | { ok: false; input: string; reason: string; reasonEn: string };

/** Options of {@link parseCode}. */
export interface ParseCodeOptions {
  /** The scheme the code belongs to; default `functional`. */
  readonly scheme?: Scheme;
  /** The text of the row's name cell, which may start with the last part of the code. */
  readonly nameCell?: string;
}

const ORDER: readonly Normalisation[] = [
  "joined",
  "split",
  "spaces",
  "full-width",
  "padded-kuan",
  "from-name-cell",
];

/** Full-width digits become ASCII; every other character is kept, so string positions do not move. */
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

function halfWidthDigits(s: string): { text: string; changed: boolean } {
  if (!FULL_WIDTH_DIGIT.test(s)) return { text: s, changed: false };
  let changed = false;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) {
      out += String.fromCharCode(c - 0xff10 + 48);
      changed = true;
    } else out += s[i];
  }
  return changed ? { text: out, changed } : { text: s, changed };
}

function isAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function levelForLength(length: number): Level | undefined {
  return length === 3 ? "类" : length === 5 ? "款" : length === 7 ? "项" : length === 9 ? "目" : undefined;
}

function fail(input: string, id: MessageId, params: Record<string, string | number> = {}): ParsedCode {
  const m = message(id, params);
  return { ok: false, input, reason: m.message, reasonEn: m.messageEn };
}

function schemeParams(scheme: Scheme): Record<string, string> {
  const info = schemeInfo(scheme);
  return { scheme: info.name, schemeEn: info.nameEn };
}

/** Checks an assembled code against the scheme and builds the result. */
function finish(
  input: () => string,
  code: string,
  scheme: Scheme,
  normalised: Normalisation[],
  name: string | undefined,
): ParsedCode {
  const info = schemeInfo(scheme);
  if (code[0] !== info.leadingDigit) {
    return fail(input(), "parse.wrong-scheme", { code, digit: info.leadingDigit, ...schemeParams(scheme) });
  }
  const level = levelForLength(code.length);
  if (level === undefined || !info.levels.includes(level)) {
    const lengths = info.levels.map(codeLength).join("/");
    return fail(input(), "parse.length", { code, length: code.length, lengths, ...schemeParams(scheme) });
  }
  const result: ParsedCode = { ok: true, code, scheme, level, normalised };
  if (name !== undefined) result.name = name;
  return result;
}

const LEADING_DIGITS = /^(\d+)\s*/;
const HAS_SPACE = /\s/;

/**
 * Reads a classification code in any of the forms published documents print it in, and returns the
 * full code with its level and what had to be normalised. Never throws.
 *
 * Accepted forms: joined ("2019999"); split into level columns (["201", "99", "99"]), with empty
 * trailing parts (["212", "01", ""] → 21201); split by spaces ("201 99 99"); the last part inside
 * the name cell (["201", "99"] with nameCell "99 其他一般公共服务支出" → 2019999); a one-digit 款
 * (["301", "2"] → 30102); full-width digits ("２０１").
 *
 * @example
 * ```ts
 * parseCode(["201", "99"], { nameCell: "99 其他一般公共服务支出" });
 * // { ok: true, code: "2019999", level: "项", name: "其他一般公共服务支出", normalised: ["split", "from-name-cell"], … }
 * parseCode(["301", "2"], { scheme: "economic-dept" }); // code "30102", normalised ["split", "padded-kuan"]
 * parseCode("20l99"); // { ok: false, reason: "编码“20l99”含有非数字字符", … }
 * ```
 */
export function parseCode(input: string | readonly string[], options: ParseCodeOptions = {}): ParsedCode {
  const scheme = options.scheme ?? "functional";
  const nameCell = options.nameCell;

  if (typeof input === "string" && nameCell === undefined && isAsciiDigits(input)) {
    return finish(() => input, input, scheme, ["joined"], undefined);
  }

  const flags = new Set<Normalisation>();
  const rawParts = typeof input === "string" ? [input] : input;
  const display = (): string =>
    typeof input === "string"
      ? input
      : rawParts
          .map((p) => p.trim())
          .filter((p) => p !== "")
          .join(" ");

  let parts: string[] = [];
  if (typeof input === "string") {
    const { text, changed } = halfWidthDigits(input);
    if (changed) flags.add("full-width");
    const trimmed = text.trim();
    if (trimmed !== "") parts = trimmed.split(/\s+/);
    if (parts.length > 1) flags.add("spaces");
  } else {
    for (const raw of rawParts) {
      const { text, changed } = halfWidthDigits(raw);
      if (changed) flags.add("full-width");
      const trimmed = text.trim();
      const compact = HAS_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, "") : trimmed;
      if (compact !== trimmed) flags.add("spaces");
      parts.push(compact);
    }
    let end = parts.length;
    while (end > 0 && parts[end - 1] === "") end--;
    parts = parts.slice(0, end);
    const firstEmpty = parts.indexOf("");
    if (firstEmpty === 0) return fail(display(), "parse.missing-lei");
    if (firstEmpty > 0) return fail(display(), "parse.gap", { index: firstEmpty + 1 });
  }

  for (const p of parts) {
    if (!isAsciiDigits(p)) return fail(display(), "parse.not-digits", { input: display() });
  }

  const info = schemeInfo(scheme);
  const lowest = info.levels[info.levels.length - 1] ?? "类";
  const maxLength = codeLength(lowest);

  let code = "";
  if (parts.length > 0) {
    flags.add(parts.length > 1 ? "split" : "joined");
    code = parts[0] ?? "";
    if (parts.length > 1 && levelForLength(code.length) === undefined) {
      return fail(display(), "parse.part-length", { index: 1, part: code, expected: 3 });
    }
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i] ?? "";
      if (code.length >= maxLength) {
        return fail(display(), "parse.too-long", { code: code + part, lowest, ...schemeParams(scheme) });
      }
      if (part.length === 2) code += part;
      else if (part.length === 1 && code.length === 3) {
        code += `0${part}`;
        flags.add("padded-kuan");
      } else return fail(display(), "parse.part-length", { index: i + 1, part, expected: 2 });
    }
  }

  let name: string | undefined;
  if (nameCell !== undefined) {
    const trimmedName = nameCell.trim();
    name = trimmedName;
    const m = LEADING_DIGITS.exec(halfWidthDigits(trimmedName).text);
    const digits = m?.[1];
    if (m !== null && digits !== undefined) {
      const rest = trimmedName.slice(m[0].length).trim();
      if (code === "") {
        code = digits;
        flags.add("from-name-cell");
        name = rest;
      } else if (code.length < maxLength && digits.length === 2) {
        code += digits;
        flags.add("from-name-cell");
        name = rest;
      } else if (code.length < maxLength && digits.length > code.length && digits.startsWith(code)) {
        code = digits;
        flags.add("from-name-cell");
        name = rest;
      } else if (code.length >= maxLength && parts.length > 1 && digits === code.slice(-2)) {
        // The 项 digits printed both in their own column and again before the name.
        name = rest;
      }
    }
    if (flags.has("from-name-cell") && /[０-９]/.test(trimmedName.slice(0, m?.[0].length ?? 0))) {
      flags.add("full-width");
    }
  }

  if (code === "") return fail(display(), "parse.empty");
  return finish(
    display,
    code,
    scheme,
    ORDER.filter((f) => flags.has(f)),
    name,
  );
}
