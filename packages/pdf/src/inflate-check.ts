/**
 * Before pdfjs parses anything: how many bytes the file's Flate streams inflate to, counted while
 * inflating and stopped at the limit, so that a "zip bomb" stream is refused instead of decoded.
 */

const STREAM = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"
const ENDSTREAM = [0x65, 0x6e, 0x64, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "endstream"

function indexOf(bytes: Uint8Array, pattern: number[], from: number): number {
  const first = pattern[0]!;
  for (
    let i = bytes.indexOf(first, from);
    i >= 0 && i <= bytes.length - pattern.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let ok = true;
    for (let k = 1; k < pattern.length; k++) {
      if (bytes[i + k] !== pattern[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/** The largest expansion of one deflate pass (RFC 1951: 258 bytes from about 2 bits). */
const MAX_DEFLATE_RATIO = 1032;

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join("");

/**
 * Total inflated size of the Flate streams, or `Infinity` as soon as it exceeds `limit`. Streams that
 * do not inflate (encrypted, damaged) count by their raw size. Without `DecompressionStream` (very
 * old runtimes) the check is skipped and returns 0.
 */
export async function inflatedSize(bytes: Uint8Array, limit: number): Promise<number> {
  const DS = (globalThis as { DecompressionStream?: typeof DecompressionStream }).DecompressionStream;
  if (!DS) return 0;
  // Deflate cannot expand data more than about 1032 times: a file that small cannot exceed the limit.
  if (bytes.length * MAX_DEFLATE_RATIO <= limit) return bytes.length * MAX_DEFLATE_RATIO;
  let total = 0;
  let pos = 0;
  for (;;) {
    const s = indexOf(bytes, STREAM, pos);
    if (s < 0) break;
    pos = s + STREAM.length;
    if (s >= 3 && bytes[s - 3] === 0x65 && bytes[s - 2] === 0x6e && bytes[s - 1] === 0x64) continue; // "endstream"
    let start = pos;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const e = indexOf(bytes, ENDSTREAM, start);
    if (e < 0) break;
    pos = e + ENDSTREAM.length;
    const dict = latin1(bytes.subarray(Math.max(0, s - 400), s));
    const open = dict.lastIndexOf("<<");
    if (open < 0 || !/\/FlateDecode|\/Fl\b/.test(dict.slice(open))) {
      total += e - start;
    } else {
      total += await inflateCounting(DS, bytes.subarray(start, e), limit - total);
    }
    if (total > limit) return Infinity;
  }
  return total;
}

async function inflateCounting(
  DS: typeof DecompressionStream,
  data: Uint8Array,
  budget: number,
): Promise<number> {
  let count = 0;
  try {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DS("deflate"));
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count += value.byteLength;
      if (count > budget) {
        await reader.cancel().catch(() => undefined);
        return count;
      }
    }
  } catch {
    // Damaged or truncated data: what inflated so far counts (at least the raw size).
    return Math.max(count, data.length);
  }
  return count;
}
