import type { Amount, RoundingMode } from "./amount";

function group(int: string): string {
  if (int.length <= 3) return int;
  const head = int.length % 3 || 3;
  let out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

/**
 * An amount as budget tables print it, in its own unit: rounded (half-up by default) to `decimals`
 * places (default 2) with thousands separators (default on). Negative amounts get a leading "-".
 * {@link parseAmount} reads the result back to the same value and decimals.
 *
 * @example
 * ```ts
 * formatAmount(Amount.of("58121209.78"));                  // "58,121,209.78"
 * formatAmount(Amount.of("-12"));                          // "-12.00"
 * formatAmount(Amount.of("1234.5"), { thousands: false }); // "1234.50"
 * ```
 */
export function formatAmount(
  a: Amount,
  options?: { decimals?: number; thousands?: boolean; mode?: RoundingMode },
): string {
  const fixed = a.toFixed(options?.decimals ?? 2, options?.mode ?? "half-up");
  if (options?.thousands === false) return fixed;
  const negative = fixed.startsWith("-");
  const body = negative ? fixed.slice(1) : fixed;
  const point = body.indexOf(".");
  const int = point < 0 ? body : body.slice(0, point);
  const rest = point < 0 ? "" : body.slice(point);
  return `${negative ? "-" : ""}${group(int)}${rest}`;
}

/**
 * An amount in any unit as a 万元 figure for the narrative, without separators or suffix:
 * 38,233,551.78 元 → "3823.36". Half-up to `decimals` places (default 2) unless `mode` says otherwise.
 *
 * @example
 * ```ts
 * formatWan(Amount.of("58121209.78"));    // "5812.12"
 * formatWan(Amount.of("4933642"), 4);     // "493.3642"
 * ```
 */
export function formatWan(a: Amount, decimals = 2, mode: RoundingMode = "half-up"): string {
  return a.to("万元").toFixed(decimals, mode);
}
