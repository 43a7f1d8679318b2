/**
 * Stable fingerprints: FNV-1a (64-bit) over the parts that identify a problem — never over a
 * location — so the same problem in a text document and in its workbook gets the same fingerprint.
 *
 * @example
 * ```ts
 * fingerprintOf(["A3.row-identity", "T3", "2010199", "项目支出"]); // "9c0f…" (16 hex digits)
 * ```
 */
export function fingerprintOf(parts: ReadonlyArray<string | number | undefined>): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  const text = parts.map((p) => (p === undefined ? "" : String(p))).join("\u241f");
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, "0");
}
