/**
 * Stable codes of {@link MoneyError}.
 *
 * @example
 * ```ts
 * if (e instanceof MoneyError && e.code === MoneyErrorCode.DIVISION_BY_ZERO) { … }
 * ```
 */
export const MoneyErrorCode = {
  /** A programmer passed a string that is not a plain decimal ("1234.50", "-12"). */
  INVALID_DECIMAL: "INVALID_DECIMAL",
  /** A unit other than 元, 万元, 亿元. */
  UNIT: "UNIT",
  /** Division of an amount by zero. */
  DIVISION_BY_ZERO: "DIVISION_BY_ZERO",
  /** A host passed `NaN` or ±Infinity where a cell's number was expected. */
  NOT_FINITE: "NOT_FINITE",
} as const;

/** One of the {@link MoneyErrorCode} values. */
export type MoneyErrorCode = (typeof MoneyErrorCode)[keyof typeof MoneyErrorCode];

const MESSAGES: Record<MoneyErrorCode, { zh: string; en: string }> = {
  INVALID_DECIMAL: { zh: "不是十进制数", en: "not a decimal number" },
  UNIT: { zh: "不支持的金额单位", en: "unsupported money unit" },
  DIVISION_BY_ZERO: { zh: "除数为零", en: "division by zero" },
  NOT_FINITE: { zh: "不是有限数字", en: "not a finite number" },
};

/**
 * A programming error inside `@yusuan/money`: a value of the wrong kind reached the API.
 * User data never causes it: {@link parseAmount} returns a result instead of throwing.
 *
 * It extends `TypeError` (and so `Error`) because every case is a value the caller should never have
 * passed, and because `Amount.of("abc")` is documented to throw a `TypeError`.
 *
 * @example
 * ```ts
 * try { Amount.of("abc"); } catch (e) { if (e instanceof MoneyError) console.log(e.code); } // "INVALID_DECIMAL"
 * ```
 */
export class MoneyError extends TypeError {
  /** Stable identifier of the kind of error. */
  readonly code: MoneyErrorCode;
  /** The message in English (`message` is in Chinese). */
  readonly messageEn: string;

  constructor(code: MoneyErrorCode, detail?: string, options?: { cause?: unknown }) {
    const m = MESSAGES[code];
    const suffix = detail === undefined ? "" : `: ${detail}`;
    super(`${m.zh}${suffix}`, options);
    this.name = "MoneyError";
    this.code = code;
    this.messageEn = `${m.en}${suffix}`;
  }
}
