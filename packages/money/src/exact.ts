/**
 * Exact checks on plain decimal strings without building decimal objects: the hot path of checking
 * hundreds of table identities, where nearly every sum agrees and only a disagreement needs the full
 * {@link Amount} arithmetic for its report. Scaled integers (bigint), never binary floating point.
 */

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A plain decimal string as a scaled integer with the given number of decimals, or undefined. */
function scaled(value: string, decimals: number): bigint | undefined {
  const m = PLAIN.exec(value);
  if (!m) return undefined;
  const fraction = m[3] ?? "";
  if (fraction.length > decimals) return undefined;
  const digits = BigInt(m[2]! + fraction.padEnd(decimals, "0"));
  return m[1] === "-" ? -digits : digits;
}

function decimalsOf(value: string): number {
  const dot = value.indexOf(".");
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * Whether `total` equals the sum of `parts` exactly. All are plain decimal strings ("-12.5", "3");
 * anything else gives `undefined` (not decidable here: use {@link Amount}).
 *
 * @example
 * ```ts
 * decimalSumEquals("58121209.78", ["19887658.00", "38233551.78"]); // true
 * decimalSumEquals("0.3", ["0.1", "0.2"]); // true
 * decimalSumEquals("1", ["0.5", "0.6"]); // false
 * decimalSumEquals("1,000", ["1000"]); // undefined
 * ```
 */
export function decimalSumEquals(total: string, parts: readonly string[]): boolean | undefined {
  let decimals = decimalsOf(total);
  for (const p of parts) decimals = Math.max(decimals, decimalsOf(p));
  const t = scaled(total, decimals);
  if (t === undefined) return undefined;
  let sum = 0n;
  for (const p of parts) {
    const v = scaled(p, decimals);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum === t;
}
