/**
 * Little-endian integers and byte searches over a file held whole, for reading zip structures and
 * telling file kinds apart without decoding anything.
 */

/** An unsigned 16-bit little-endian integer at `i`. */
export const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);

/** An unsigned 32-bit little-endian integer at `i`. */
export const u32 = (b: Uint8Array, i: number): number =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** An unsigned 64-bit little-endian integer at `i`, as a number. */
export function u64(b: Uint8Array, i: number): number {
  const lo = u32(b, i);
  const hi = u32(b, i + 4);
  // Sizes beyond 2^53 are not real; saturate so that every limit check fails them.
  return hi >= 0x200000 ? Number.MAX_SAFE_INTEGER : hi * 0x1_0000_0000 + lo;
}

/** True when `bytes` are found at `at`. */
export function startsWith(b: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (b.length < at + bytes.length) return false;
  return bytes.every((v, i) => b[at + i] === v);
}

/** Where `needle` first occurs in `hay`; -1 when it does not. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  outer: for (
    let i = hay.indexOf(first);
    i !== -1 && i <= hay.length - needle.length;
    i = hay.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
