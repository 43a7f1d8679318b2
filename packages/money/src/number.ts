/**
 * The one door from a host's binary number into decimal money. Excel, exceljs and Office.js hand
 * cell values over as IEEE doubles; every host turns each into its decimal string here, once, and
 * computes on {@link Amount} from then on.
 */
import { MoneyError } from "./errors";

const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

/**
 * The shortest decimal string that reads back as the same double (what `String(n)` prints, which is
 * also what Excel stores and shows at full precision), written without an exponent; `-0` is `"0"`.
 * The result is a plain decimal that {@link Amount.of} accepts.
 *
 * @throws {@link MoneyError} `NOT_FINITE` for `NaN` and ±Infinity: a host checks that first.
 * @example
 * ```ts
 * decimalFromNumber(38233551.78);    // "38233551.78"
 * decimalFromNumber(0.1 + 0.2);      // "0.30000000000000004"
 * decimalFromNumber(1.5e-7);         // "0.00000015"
 * decimalFromNumber(1e21);           // "1000000000000000000000"
 * Amount.of(decimalFromNumber(cell.value)).round(2);
 * ```
 */
export function decimalFromNumber(n: number): string {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new MoneyError("NOT_FINITE", String(n));
  const s = String(n);
  const m = EXPONENT.exec(s);
  if (!m) return s === "-0" ? "0" : s;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? "");
  const point = m[2]!.length + Number(m[4]);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
