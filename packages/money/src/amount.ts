import { Decimal } from "decimal.js";
import { MoneyError } from "./errors";

/**
 * The money units of Chinese budget documents: tables in 元, narrative and 三公 tables in 万元,
 * large totals in 亿元.
 *
 * @example
 * ```ts
 * const u: Unit = "万元";
 * ```
 */
export type Unit = "元" | "万元" | "亿元";

/**
 * How to round. `half-up` (四舍五入, halves away from zero) is the default everywhere;
 * `half-even` is banker's rounding; `truncate` drops digits (toward zero).
 *
 * @example
 * ```ts
 * Amount.of("2.345").round(2, "half-even").toString(); // "2.34"
 * ```
 */
export type RoundingMode = "half-up" | "half-even" | "truncate";

/**
 * All units, smallest first.
 *
 * @example
 * ```ts
 * UNITS.includes("万元"); // true
 * ```
 */
export const UNITS: readonly Unit[] = ["元", "万元", "亿元"];

/** Power of ten of one unit in 元. */
const UNIT_EXPONENT: Record<Unit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * Whether a value is one of the three {@link Unit}s.
 *
 * @example
 * ```ts
 * isUnit("万元"); // true
 * isUnit("千元"); // false
 * ```
 */
export function isUnit(value: unknown): value is Unit {
  return value === "元" || value === "万元" || value === "亿元";
}

/**
 * Exact arithmetic: addition, subtraction and multiplication never round below this many
 * significant digits, which no budget figure comes near.
 */
const Exact = Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
/** Division cannot be exact in general; 40 significant digits is far beyond 分 of any budget. */
const Div = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const ZERO = new Exact(0);
const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** decimal.js rounding constant of a {@link RoundingMode}. */
function decimalRounding(mode: RoundingMode = "half-up"): Decimal.Rounding {
  switch (mode) {
    case "half-up":
      return Decimal.ROUND_HALF_UP;
    case "half-even":
      return Decimal.ROUND_HALF_EVEN;
    case "truncate":
      return Decimal.ROUND_DOWN;
    default:
      throw new RangeError(`unknown rounding mode: ${String(mode)}`);
  }
}

function checkUnit(unit: unknown): Unit {
  if (!isUnit(unit)) throw new MoneyError("UNIT", String(unit));
  return unit;
}

function checkDecimals(decimals: number): number {
  if (!Number.isSafeInteger(decimals) || Math.abs(decimals) > 1000) {
    throw new RangeError(`decimals must be an integer between -1000 and 1000, got ${String(decimals)}`);
  }
  return decimals;
}

function toExact(value: string | bigint, what: string): Decimal {
  if (typeof value === "bigint") return new Exact(value.toString());
  if (typeof value !== "string" || !PLAIN_DECIMAL.test(value)) {
    throw new MoneyError("INVALID_DECIMAL", `${what} ${JSON.stringify(String(value))}`);
  }
  return new Exact(value);
}

/** 10^k, exact. */
function pow10(k: number): Decimal {
  return new Exact(`1e${k}`);
}

/** Round `d` to `decimals` places (negative: to tens, hundreds, …). */
function roundDecimal(d: Decimal, decimals: number, mode: RoundingMode = "half-up"): Decimal {
  checkDecimals(decimals);
  const rm = decimalRounding(mode);
  if (decimals >= 0) return d.toDecimalPlaces(decimals, rm);
  const scale = pow10(-decimals);
  return d.dividedBy(scale).toDecimalPlaces(0, rm).times(scale);
}

function normalizeZero(d: Decimal): Decimal {
  // decimal.js keeps a sign on zero ("-0"); money has none.
  return d.isZero() ? ZERO : d;
}

/**
 * An exact, immutable amount of money in one {@link Unit}. Arithmetic is decimal (decimal.js inside),
 * never binary floating point; other units are converted exactly before combining.
 *
 * @example
 * ```ts
 * const basic = Amount.of("19887658.00");
 * const project = Amount.of("38233551.78");
 * basic.plus(project).to("万元").toString(); // "5812.120978"
 * basic.plus(project).toFixed(2);            // "58121209.78"
 * ```
 */
export class Amount {
  /** The unit the value is expressed in. */
  readonly unit: Unit;
  private readonly d: Decimal;

  private constructor(d: Decimal, unit: Unit) {
    this.d = normalizeZero(d);
    this.unit = unit;
    Object.freeze(this);
  }

  /**
   * An amount from a plain decimal string ("1234.50", "-12") or a bigint, in `unit` (default 元).
   * Given an Amount, returns it converted to `unit` when one is given.
   * For what people type or PDFs print ("1,234.50", "—", "(12.00)") use {@link parseAmount}.
   *
   * @throws {@link MoneyError} (a `TypeError`) with code `INVALID_DECIMAL` on any other string, `UNIT` on a bad unit.
   * @example
   * ```ts
   * Amount.of("1234.50").toString();        // "1234.5"
   * Amount.of(9n, "万元").to("元").toString(); // "90000"
   * ```
   */
  static of(value: string | bigint | Amount, unit?: Unit): Amount {
    if (value instanceof Amount) return unit === undefined ? value : value.to(unit);
    return new Amount(toExact(value, "amount"), checkUnit(unit ?? "元"));
  }

  /**
   * Zero in `unit` (default 元).
   *
   * @example
   * ```ts
   * Amount.zero("万元").isZero(); // true
   * ```
   */
  static zero(unit: Unit = "元"): Amount {
    return new Amount(ZERO, checkUnit(unit));
  }

  /**
   * The exact sum, in `unit` (default: the first amount's unit, or 元 when there is none).
   *
   * @example
   * ```ts
   * Amount.sum([Amount.of("1.5"), Amount.of("1", "万元")]).toString(); // "10001.5"
   * ```
   */
  static sum(amounts: Iterable<Amount>, unit?: Unit): Amount {
    let total: Decimal | undefined;
    let target: Unit | undefined = unit === undefined ? undefined : checkUnit(unit);
    for (const a of amounts) {
      target ??= a.unit;
      const v = a.valueIn(target);
      total = total === undefined ? v : total.plus(v);
    }
    return new Amount(total ?? ZERO, target ?? "元");
  }

  /** The exact value in another unit. */
  private valueIn(unit: Unit): Decimal {
    if (unit === this.unit) return this.d;
    const shift = UNIT_EXPONENT[this.unit] - UNIT_EXPONENT[checkUnit(unit)];
    return this.d.times(pow10(shift));
  }

  /**
   * The same amount in another unit, exactly (no rounding).
   *
   * @example
   * ```ts
   * Amount.of("38233551.78").to("万元").toString(); // "3823.355178"
   * ```
   */
  to(unit: Unit): Amount {
    return unit === this.unit ? this : new Amount(this.valueIn(unit), unit);
  }

  /**
   * `this + o`, in this amount's unit.
   *
   * @example
   * ```ts
   * Amount.of("1", "万元").plus(Amount.of("1")).toString(); // "1.0001"
   * ```
   */
  plus(o: Amount): Amount {
    return new Amount(this.d.plus(o.valueIn(this.unit)), this.unit);
  }

  /**
   * `this − o`, in this amount's unit.
   *
   * @example
   * ```ts
   * Amount.of("10").minus(Amount.of("12.5")).toString(); // "-2.5"
   * ```
   */
  minus(o: Amount): Amount {
    return new Amount(this.d.minus(o.valueIn(this.unit)), this.unit);
  }

  /**
   * `−this`.
   *
   * @example
   * ```ts
   * Amount.of("12").negate().toString(); // "-12"
   * ```
   */
  negate(): Amount {
    return new Amount(this.d.negated(), this.unit);
  }

  /**
   * `|this|`.
   *
   * @example
   * ```ts
   * Amount.of("-12").abs().toString(); // "12"
   * ```
   */
  abs(): Amount {
    return this.d.isNegative() ? this.negate() : this;
  }

  /**
   * `this × ratio`, exact. `ratio` is a plain decimal string or a bigint.
   *
   * @throws {@link MoneyError} `INVALID_DECIMAL` when `ratio` is not a plain decimal.
   * @example
   * ```ts
   * Amount.of("100").times("0.175").toString(); // "17.5"
   * ```
   */
  times(ratio: string | bigint): Amount {
    return new Amount(this.d.times(toExact(ratio, "ratio")), this.unit);
  }

  /**
   * `this ÷ ratio`, to 40 significant digits (half-up).
   *
   * @throws {@link MoneyError} `DIVISION_BY_ZERO` when `ratio` is zero, `INVALID_DECIMAL` when it is not a decimal.
   * @example
   * ```ts
   * Amount.of("100").dividedBy("3").round(2).toString(); // "33.33"
   * ```
   */
  dividedBy(ratio: string | bigint): Amount {
    const r = toExact(ratio, "ratio");
    if (r.isZero()) throw new MoneyError("DIVISION_BY_ZERO", `${this.toString()} / ${String(ratio)}`);
    return new Amount(new Exact(Div.div(this.d, r)), this.unit);
  }

  /**
   * −1, 0 or 1 as this is less than, equal to or greater than `o` (units are converted).
   *
   * @example
   * ```ts
   * Amount.of("1", "万元").compare(Amount.of("9999.99")); // 1
   * ```
   */
  compare(o: Amount): -1 | 0 | 1 {
    const c = this.d.comparedTo(o.valueIn(this.unit));
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }

  /**
   * Whether both are the same amount of money (units are converted: 1 万元 equals 10000 元).
   *
   * @example
   * ```ts
   * Amount.of("1", "万元").equals(Amount.of("10000.00")); // true
   * ```
   */
  equals(o: Amount): boolean {
    return this.compare(o) === 0;
  }

  /**
   * Whether the amount is zero.
   *
   * @example
   * ```ts
   * Amount.of("0.00").isZero(); // true
   * ```
   */
  isZero(): boolean {
    return this.d.isZero();
  }

  /**
   * Whether the amount is below zero.
   *
   * @example
   * ```ts
   * Amount.of("-0.01").isNegative(); // true
   * ```
   */
  isNegative(): boolean {
    return this.d.isNegative() && !this.d.isZero();
  }

  /**
   * Whether the amount is above zero.
   *
   * @example
   * ```ts
   * Amount.of("0").isPositive(); // false
   * ```
   */
  isPositive(): boolean {
    return this.d.isPositive() && !this.d.isZero();
  }

  /**
   * Rounded to `decimals` places (negative: to tens, hundreds, …) in this unit; half-up by default.
   * Negative amounts round symmetrically: −2.5 half-up is −3.
   *
   * @example
   * ```ts
   * Amount.of("3823.355178").round(2).toString();             // "3823.36"
   * Amount.of("-2.5").round(0, "half-even").toString();       // "-2"
   * Amount.of("1.239").round(2, "truncate").toString();       // "1.23"
   * ```
   */
  round(decimals: number, mode: RoundingMode = "half-up"): Amount {
    return new Amount(roundDecimal(this.d, decimals, mode), this.unit);
  }

  /**
   * Number of decimal places of the exact value, trailing zeros ignored.
   *
   * @example
   * ```ts
   * Amount.of("0.80").decimalPlaces(); // 1
   * ```
   */
  decimalPlaces(): number {
    return this.d.decimalPlaces();
  }

  /**
   * Plain decimal in this unit, no exponent, no padding: "38233551.78", "-0.5", "0".
   *
   * @example
   * ```ts
   * Amount.of("1234.50").toString(); // "1234.5"
   * ```
   */
  toString(): string {
    return this.d.toFixed();
  }

  /**
   * Rounded and padded to exactly `decimals` places (half-up by default), no thousands separators.
   *
   * @example
   * ```ts
   * Amount.of("5812.120978").toFixed(2); // "5812.12"
   * Amount.of("-0.001").toFixed(2);      // "0.00"
   * ```
   */
  toFixed(decimals: number, mode: RoundingMode = "half-up"): string {
    const r = normalizeZero(roundDecimal(this.d, decimals, mode));
    return r.toFixed(Math.max(0, decimals));
  }

  /**
   * Same as {@link Amount.toString}, so that JSON carries a lossless decimal string.
   *
   * @example
   * ```ts
   * JSON.stringify({ a: Amount.of("1.50") }); // '{"a":"1.5"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }

  /** Readable in console.log and test failures. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Amount(${this.toString()} ${this.unit})`;
  }
}

/** "1000", "1", "0.01": 10^k as a plain decimal string, for the modules of this package. */
export function pow10String(k: number): string {
  checkDecimals(k);
  return k >= 0 ? `1${"0".repeat(k)}` : `0.${"0".repeat(-k - 1)}1`;
}
