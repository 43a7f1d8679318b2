/**
 * Inflates one zip part with the platform's zlib, bounded by the size the central directory declares:
 * a larger output is refused before it is produced, so an entry that lies about its size cannot
 * exhaust memory.
 */
import { inflateRawSync } from "node:zlib";
import { u32 } from "./bytes";
import { errorText, failure, type ReadFailure } from "./messages";
import { LOCAL_HEADER, localDataStart, type ZipEntry } from "./zip";

/** Inflated parts are handed to the scanners in slices of this size. */
const SLICE = 64 * 1024;

/**
 * Inflates one part and hands it on in slices; `onChunk` returns a failure to stop early, and
 * `onWhole` gets the whole part once every slice has passed.
 *
 * @example
 * ```ts
 * const stop = inflatePart(bytes, entry, "预算.xlsx", () => undefined, (whole) => console.log(whole.length));
 * ```
 */
export function inflatePart(
  data: Uint8Array,
  entry: ZipEntry,
  file: string,
  onChunk: (chunk: Uint8Array) => ReadFailure | undefined,
  onWhole?: (whole: Uint8Array) => void,
): ReadFailure | undefined {
  const inflated = inflateEntry(data, entry, file);
  if (!inflated.ok) return inflated;
  const out = inflated.bytes;
  if (out.length !== entry.uncompressedSize) return failure("sizeMismatch", { file, part: entry.name });
  for (let i = 0; i < out.length; i += SLICE) {
    const stop = onChunk(out.subarray(i, Math.min(out.length, i + SLICE)));
    if (stop) return stop;
  }
  onWhole?.(out);
  return undefined;
}

/** The entry's bytes: stored ones as they are, deflated ones inflated within the declared size. */
function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  file: string,
): { ok: true; bytes: Uint8Array } | ReadFailure {
  const part = entry.name;
  const at = entry.localOffset;
  if (at + 30 > data.length || u32(data, at) !== LOCAL_HEADER)
    return failure("corruptZip", { file, detail: `${part}: no local header` });
  const start = localDataStart(data, at);
  const end = start + entry.compressedSize;
  if (end > data.length) return failure("corruptZip", { file, detail: `${part}: truncated` });
  const compressed = data.subarray(start, end);
  if (entry.method === 0) return { ok: true, bytes: compressed };
  if (entry.method !== 8) {
    return failure("inflateFailed", { file, part, detail: `compression method ${entry.method}` });
  }
  try {
    return {
      ok: true,
      bytes: inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) }),
    };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || /too large|maxOutputLength/i.test(errorText(e)))
      return failure("sizeMismatch", { file, part });
    return failure("inflateFailed", { file, part, detail: errorText(e) });
  }
}
