/**
 * The logic of the YUSUAN.* custom functions as plain functions: plain values in, an outcome out,
 * no Office. `functions.ts` turns a failed outcome into `CustomFunctions.Error`.
 *
 * Money: Excel hands numbers over as IEEE doubles; each is turned into its shortest round-trip decimal
 * string by `decimalFromNumber` (@yusuan/money) and computed on as an `Amount`.
 */
import { Amount, decimalFromNumber, parseAmount, toDaxie } from "@yusuan/money";
import { getCatalog, levelOf, parentOf, parseCode, type Level, type Scheme } from "@yusuan/classification";

/** A result, or the Excel error to show with a message (zh-CN, with English). */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: "invalidValue" | "notAvailable";
      readonly message: string;
      readonly messageEn: string;
    };

/** What Excel passes for one cell: a number, text, a boolean, or nothing. */
export type CellInput = number | string | boolean | null | undefined;

function fail(error: "invalidValue" | "notAvailable", message: string, messageEn: string): Outcome<never> {
  return { ok: false, error, message, messageEn };
}

/**
 * An amount in 元 from what a cell holds: a number, or text as people type it ("1,234.50", "—", "12.5万元").
 * @example toAmount(1234.5) // { ok: true, value: Amount 1234.5 元 }
 */
export function toAmount(input: CellInput): Outcome<Amount> {
  if (input === null || input === undefined || input === "") return { ok: true, value: Amount.zero() };
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      return fail("invalidValue", "金额不是有限数字", "The amount is not a finite number");
    return { ok: true, value: Amount.of(decimalFromNumber(input)) };
  }
  if (typeof input === "string") {
    const r = parseAmount(input);
    if (!r.ok)
      return fail(
        "invalidValue",
        `无法识别的金额“${input}”：${r.reason}`,
        `Unreadable amount "${input}": ${r.reasonEn}`,
      );
    return { ok: true, value: r.amount.to("元") };
  }
  return fail("invalidValue", "金额应为数字或文本", "The amount must be a number or text");
}

/** A code as typed: a number (2010199) or text ("201 01 99", "2010199"). */
function codeText(input: CellInput): Outcome<string> {
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input <= 0) {
      return fail("invalidValue", "科目编码应为正整数", "The code must be a positive whole number");
    }
    return { ok: true, value: String(input) };
  }
  if (typeof input === "string" && input.trim() !== "") return { ok: true, value: input.trim() };
  return fail("invalidValue", "缺少科目编码", "The code is missing");
}

/** Functional codes start with 2, department economic codes with 3: the scheme follows the code's shape. */
function schemeFor(code: string): Scheme | undefined {
  const first = /\d/.exec(code.normalize("NFKC"))?.[0];
  return first === "2" ? "functional" : first === "3" ? "economic-dept" : undefined;
}

/**
 * Parses a functional (2…) or department economic (3…) classification code.
 * @example readCode("201 01 99") // { ok: true, value: { code: "2010199", scheme: "functional", level: "项" } }
 */
export function readCode(input: CellInput): Outcome<{ code: string; scheme: Scheme; level: Level }> {
  const text = codeText(input);
  if (!text.ok) return text;
  const scheme = schemeFor(text.value);
  if (!scheme) {
    return fail(
      "invalidValue",
      `“${text.value}”不是功能分类（2开头）或部门经济分类（3开头）科目编码`,
      `"${text.value}" is not a functional (2…) or department economic (3…) code`,
    );
  }
  const parsed = parseCode(text.value, { scheme });
  if (!parsed.ok)
    return fail(
      "invalidValue",
      `科目编码“${text.value}”无效：${parsed.reason}`,
      `Invalid code "${text.value}": ${parsed.reasonEn}`,
    );
  // 款 and 项 are numbered from 01: a segment 00 is a typing slip, not a code (2010100, 20100).
  const segments: string[] = parsed.code.length > 3 ? (parsed.code.slice(3).match(/\d\d/g) ?? []) : [];
  if (segments.includes("00")) {
    return fail(
      "invalidValue",
      `科目编码“${text.value}”无效：款、项编码从 01 起，不能为 00`,
      `Invalid code "${text.value}": 款 and 项 are numbered from 01, never 00`,
    );
  }
  return { ok: true, value: { code: parsed.code, scheme: parsed.scheme, level: parsed.level } };
}

function readYear(input: CellInput): Outcome<number | undefined> {
  if (input === null || input === undefined || input === "") return { ok: true, value: undefined };
  if (typeof input === "number" && Number.isInteger(input) && input >= 1990 && input <= 2100)
    return { ok: true, value: input };
  return fail(
    "invalidValue",
    "年度应为 1990 至 2100 之间的整数",
    "The year must be a whole number from 1990 to 2100",
  );
}

/**
 * The name of a classification code in the catalog of the year (the newest catalog when no year).
 * @example nameOf("2019999") // { ok: true, value: "其他一般公共服务支出" }
 */
export function nameOf(code: CellInput, year?: CellInput): Outcome<string> {
  const c = readCode(code);
  if (!c.ok) return c;
  const y = readYear(year);
  if (!y.ok) return y;
  const entry = getCatalog(c.value.scheme, y.value).get(c.value.code);
  if (!entry) {
    // The built-in catalog holds the codes seen in published budgets, not the whole official catalog.
    return fail(
      "notAvailable",
      `内置科目目录中没有编码 ${c.value.code}：内置目录只收录已公开预算中出现过的科目，并不完整。完整的官方目录可用命令行 yusuan catalog import 导入后以 --catalog 使用`,
      `Code ${c.value.code} is not in the built-in catalog, which holds only the codes seen in published budgets; import the full official catalog with yusuan catalog import and use it with --catalog`,
    );
  }
  return { ok: true, value: entry.name };
}

/**
 * The parent code (one level up).
 * @example parentCodeOf("2010199") // { ok: true, value: "20101" }
 */
export function parentCodeOf(code: CellInput): Outcome<string> {
  const c = readCode(code);
  if (!c.ok) return c;
  const parent = parentOf(c.value.code, c.value.scheme);
  if (!parent)
    return fail(
      "notAvailable",
      `${c.value.code} 是类级科目，没有上级`,
      `${c.value.code} is a top-level (类) code`,
    );
  return { ok: true, value: parent };
}

/**
 * The level of a code: "类", "款" or "项".
 * @example levelNameOf(20101) // { ok: true, value: "款" }
 */
export function levelNameOf(code: CellInput): Outcome<string> {
  const c = readCode(code);
  if (!c.ok) return c;
  const level = levelOf(c.value.code, c.value.scheme);
  if (!level)
    return fail(
      "invalidValue",
      `无法确定 ${c.value.code} 的级次`,
      `Cannot tell the level of ${c.value.code}`,
    );
  return { ok: true, value: level };
}

/**
 * 元 → 万元, rounded half-up to `decimals` places (default 2), as the decimal string Excel will read.
 * @example wan(38233551.78) // { ok: true, value: "3823.36" }
 */
export function wan(amount: CellInput, decimals?: CellInput): Outcome<string> {
  const a = toAmount(amount);
  if (!a.ok) return a;
  let d = 2;
  if (decimals !== null && decimals !== undefined && decimals !== "") {
    if (typeof decimals !== "number" || !Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
      return fail(
        "invalidValue",
        "小数位数应为 0 至 10 的整数",
        "Decimals must be a whole number from 0 to 10",
      );
    }
    d = decimals;
  }
  return { ok: true, value: a.value.to("万元").toFixed(d, "half-up") };
}

/** 1 亿亿 (10^16): from here on 大写 would need 亿亿, which is not written on financial documents. */
const DAXIE_LIMIT = Amount.of("10000000000000000");

/**
 * 大写金额 of an amount in 元 (below 1 亿亿).
 * @example daxie(1004.05) // { ok: true, value: "壹仟零肆元零伍分" }
 */
export function daxie(amount: CellInput): Outcome<string> {
  const a = toAmount(amount);
  if (!a.ok) return a;
  if (a.value.abs().compare(DAXIE_LIMIT) >= 0) {
    return fail(
      "invalidValue",
      "金额过大：大写金额最高到 9999 万亿（不足 1 亿亿）",
      "The amount is too large: 大写 amounts go up to 9,999 trillion (below 10^16)",
    );
  }
  return { ok: true, value: toDaxie(a.value) };
}

/**
 * total − Σ cells, as a decimal string ("0" when they agree). Blank cells count as zero.
 * @example sumCheck(10, [[3], [7.01]]) // { ok: true, value: "-0.01" }
 */
export function sumCheck(total: CellInput, cells: ReadonlyArray<ReadonlyArray<CellInput>>): Outcome<string> {
  const t = toAmount(total);
  if (!t.ok) return t;
  const parts: Amount[] = [];
  for (const row of cells) {
    for (const cell of row) {
      const a = toAmount(cell);
      if (!a.ok) return a;
      parts.push(a.value);
    }
  }
  return { ok: true, value: t.value.minus(Amount.sum(parts)).toString() };
}
