/**
 * `node:zlib` for the browser build: the one function the workbook reader of @yusuan/xlsx calls.
 * Same contract as Node's: inflates a raw deflate stream synchronously and refuses, with Node's error
 * code, to produce more than `maxOutputLength` bytes (a lying zip entry cannot exhaust memory).
 */
import { Inflate } from "fflate";

/** Slices of compressed input handed to the inflater, so that the output bound is checked as it grows. */
const STEP = 64 * 1024;

/**
 * Inflates raw deflate data, like Node's `zlib.inflateRawSync`.
 * @example inflateRawSync(compressed, { maxOutputLength: 1024 }).length
 */
export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const limit = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit)
      throw Object.assign(new RangeError("Cannot create a Buffer larger than maxOutputLength"), {
        code: "ERR_BUFFER_TOO_LARGE",
      });
    chunks.push(chunk);
    if (final) ended = true;
  });
  for (let i = 0; i < data.length; i += STEP)
    inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (!ended) throw new Error("unexpected end of file");
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
