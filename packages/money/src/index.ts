/**
 * @yusuan/money: decimal money for Chinese budget tables: 元/万元/亿元, parsing what people type and
 * PDFs print, formatting, rounding, rounding-aware intervals, allocation of residues, 大写金额.
 *
 * @example
 * ```ts
 * import { parseAmount, formatWan } from "@yusuan/money";
 * const r = parseAmount("38,233,551.78");
 * if (r.ok) formatWan(r.amount); // "3823.36"
 * ```
 * @packageDocumentation
 */
export { Amount, UNITS, isUnit, type RoundingMode, type Unit } from "./amount";
export { MoneyError, MoneyErrorCode } from "./errors";
export {
  parseAmount,
  parsePercent,
  type ParseFailure,
  type ParseFailureCode,
  type ParseNote,
  type ParsedAmount,
  type ParsedPercent,
} from "./parse";
export { formatAmount, formatWan } from "./format";
export { toDaxie } from "./daxie";
export { Interval, agree, smallestAdjustment } from "./interval";
export { percentChange, type Direction } from "./change";
export { allocate, type Allocation } from "./allocate";
export { decimalSumEquals } from "./exact";
export { decimalFromNumber } from "./number";
