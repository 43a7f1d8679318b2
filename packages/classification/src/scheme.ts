/**
 * Code structure of the classification schemes of 政府收支分类科目: how many digits each level has,
 * which leading digit a scheme's codes start with, and how codes nest.
 */

/**
 * A classification scheme.
 * - `functional`: 支出功能分类 (类 3 digits / 款 5 / 项 7), codes 2xx.
 * - `economic-dept`: 部门预算支出经济分类 (类 3 / 款 5), codes 3xx.
 * - `economic-gov`: 政府预算支出经济分类 (类 3 / 款 5), codes 5xx.
 * - `revenue`: 收入分类 (类 3 / 款 5 / 项 7 / 目 9), codes 1xx.
 *
 * @example
 * ```ts
 * const scheme: Scheme = "functional";
 * ```
 */
export type Scheme = "functional" | "economic-dept" | "economic-gov" | "revenue";

/**
 * A level of the code hierarchy.
 *
 * @example
 * ```ts
 * const level: Level = "项"; // a 7-digit functional code such as 2010301
 * ```
 */
export type Level = "类" | "款" | "项" | "目";

/** Static description of one scheme's code structure. */
export interface SchemeInfo {
  readonly scheme: Scheme;
  /** Chinese name of the scheme. */
  readonly name: string;
  /** English name of the scheme. */
  readonly nameEn: string;
  /** The digit every code of this scheme starts with. */
  readonly leadingDigit: string;
  /** The levels this scheme has, top first. */
  readonly levels: readonly Level[];
}

const INFO: Readonly<Record<Scheme, SchemeInfo>> = {
  functional: {
    scheme: "functional",
    name: "支出功能分类",
    nameEn: "functional classification of expenditure",
    leadingDigit: "2",
    levels: ["类", "款", "项"],
  },
  "economic-dept": {
    scheme: "economic-dept",
    name: "部门预算支出经济分类",
    nameEn: "economic classification of department expenditure",
    leadingDigit: "3",
    levels: ["类", "款"],
  },
  "economic-gov": {
    scheme: "economic-gov",
    name: "政府预算支出经济分类",
    nameEn: "economic classification of government expenditure",
    leadingDigit: "5",
    levels: ["类", "款"],
  },
  revenue: {
    scheme: "revenue",
    name: "收入分类",
    nameEn: "revenue classification",
    leadingDigit: "1",
    levels: ["类", "款", "项", "目"],
  },
};

/**
 * All schemes, in a stable order.
 *
 * @example
 * ```ts
 * for (const s of SCHEMES) console.log(schemeInfo(s).name);
 * ```
 */
export const SCHEMES: readonly Scheme[] = ["functional", "economic-dept", "economic-gov", "revenue"];

/** Digits of a full code at each level: 类 3, 款 5, 项 7, 目 9. */
const LEVEL_BY_LENGTH: Readonly<Record<number, Level>> = { 3: "类", 5: "款", 7: "项", 9: "目" };

/**
 * Number of digits of a full code at a level.
 *
 * @example
 * ```ts
 * codeLength("款"); // 5
 * ```
 */
export function codeLength(level: Level): number {
  switch (level) {
    case "类":
      return 3;
    case "款":
      return 5;
    case "项":
      return 7;
    case "目":
      return 9;
  }
}

/**
 * The structure of a scheme.
 *
 * @example
 * ```ts
 * schemeInfo("economic-dept").levels; // ["类", "款"]
 * ```
 */
export function schemeInfo(scheme: Scheme): SchemeInfo {
  return INFO[scheme];
}

/**
 * Whether a value is one of the scheme identifiers (for data read from JSON or a command line).
 *
 * @example
 * ```ts
 * isScheme("functional"); // true
 * isScheme("功能"); // false
 * ```
 */
export function isScheme(value: unknown): value is Scheme {
  return typeof value === "string" && Object.hasOwn(INFO, value);
}

/**
 * The scheme a code belongs to, from its leading digit (1 revenue, 2 functional, 3 department
 * economic, 5 government economic). Undefined when the leading digit belongs to no scheme.
 *
 * @example
 * ```ts
 * schemeOf("30102"); // "economic-dept"
 * schemeOf("2010301"); // "functional"
 * ```
 */
export function schemeOf(code: string): Scheme | undefined {
  switch (code.charCodeAt(0)) {
    case 49:
      return "revenue";
    case 50:
      return "functional";
    case 51:
      return "economic-dept";
    case 53:
      return "economic-gov";
    default:
      return undefined;
  }
}

function isDigits(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return code.length > 0;
}

/**
 * The level of a full code, or undefined when the code is not a valid code of the scheme (wrong
 * length, wrong leading digit, non-digits). Without a scheme, the scheme is taken from the code's
 * leading digit (see {@link schemeOf}).
 *
 * @example
 * ```ts
 * levelOf("2010301"); // "项"
 * levelOf("30102", "economic-dept"); // "款"
 * levelOf("3010201", "economic-dept"); // undefined: economic codes stop at 款
 * ```
 */
export function levelOf(code: string, scheme?: Scheme): Level | undefined {
  const s = scheme ?? schemeOf(code);
  if (s === undefined || !isDigits(code)) return undefined;
  const info = INFO[s];
  if (code[0] !== info.leadingDigit) return undefined;
  const level = LEVEL_BY_LENGTH[code.length];
  return level !== undefined && info.levels.includes(level) ? level : undefined;
}

/**
 * The parent code (one level up), or undefined for a 类 code or an invalid code.
 *
 * @example
 * ```ts
 * parentOf("2010301"); // "20103"
 * parentOf("201"); // undefined
 * ```
 */
export function parentOf(code: string, scheme?: Scheme): string | undefined {
  const level = levelOf(code, scheme);
  if (level === undefined || level === "类") return undefined;
  return code.slice(0, code.length - 2);
}

/**
 * All ancestors of a code, nearest first; empty for a 类 code or an invalid code.
 *
 * @example
 * ```ts
 * ancestorsOf("2010301"); // ["20103", "201"]
 * ```
 */
export function ancestorsOf(code: string, scheme?: Scheme): string[] {
  if (levelOf(code, scheme) === undefined) return [];
  const out: string[] = [];
  for (let len = code.length - 2; len >= 3; len -= 2) out.push(code.slice(0, len));
  return out;
}
