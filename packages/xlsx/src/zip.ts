/**
 * Reads a zip's central directory from the file's bytes, without inflating anything, and refuses what
 * a workbook must not be before any part is touched: split or encrypted archives, unknown compression,
 * too many entries, duplicate names, entries whose sizes or compression ratio exceed the limits, and
 * offsets that point outside the file.
 */
import { u16, u32, u64 } from "./bytes";
import { RATIO_FLOOR, type Limits } from "./limits";
import { failure, type ReadFailure } from "./messages";

/** One entry of the zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

const MAX_ENTRIES = 20_000;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The signature of a local file header. */
export const LOCAL_HEADER = 0x04034b50;
/** A 32-bit field saturated because its value is in the ZIP64 extra field. */
const SATURATED = 0xffffffff;

/** Where an entry's data starts, after the local header at `at` and its name and extra field. */
export function localDataStart(data: Uint8Array, at: number): number {
  return at + 30 + u16(data, at + 26) + u16(data, at + 28);
}

/** Where the central directory is and how many entries it has. */
interface Directory {
  readonly ok: true;
  readonly count: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * Parses the central directory and checks every entry against the limits; never inflates.
 *
 * @example
 * ```ts
 * const directory = readCentralDirectory(bytes, "预算.xlsx", DEFAULT_LIMITS);
 * if (directory.ok) directory.entries.map((e) => e.name); // ["[Content_Types].xml", "xl/workbook.xml", …]
 * ```
 */
export function readCentralDirectory(
  data: Uint8Array,
  file: string,
  limits: Limits,
): { ok: true; entries: ZipEntry[] } | ReadFailure {
  const eocd = findEndOfDirectory(data);
  if (eocd < 0) return failure("truncated", { file, detail: "找不到中央目录 / no end of central directory" });
  const directory = locateDirectory(data, eocd, file);
  if (!directory.ok) return directory;
  const read = readEntries(data, directory, file);
  if (!read.ok) return read;
  return checkEntries(data, read.entries, directory.offset, file, limits) ?? read;
}

/** The offset of the end-of-central-directory record, searched backwards over the comment; -1 when none. */
function findEndOfDirectory(data: Uint8Array): number {
  const len = data.length;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && u32(data, i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}

/** The central directory's place and entry count, from the end record or its ZIP64 counterpart. */
function locateDirectory(data: Uint8Array, eocd: number, file: string): Directory | ReadFailure {
  if (u16(data, eocd + 4) !== 0 || u16(data, eocd + 6) !== 0) {
    return failure("corruptZip", { file, detail: "分卷压缩包 / multi-volume archive" });
  }
  let directory: Directory | ReadFailure = {
    ok: true,
    count: u16(data, eocd + 10),
    size: u32(data, eocd + 12),
    offset: u32(data, eocd + 16),
  };
  if (directory.count === 0xffff || directory.size === SATURATED || directory.offset === SATURATED) {
    directory = locateZip64Directory(data, eocd, file);
    if (!directory.ok) return directory;
  }
  const { count, size, offset } = directory;
  if (count > MAX_ENTRIES) return failure("tooManyEntries", { file, size: count, limit: MAX_ENTRIES });
  if (offset + size > data.length)
    return failure("truncated", { file, detail: "中央目录越界 / central directory out of bounds" });
  return directory;
}

/** The central directory's place and entry count from the ZIP64 end record, found by its locator. */
function locateZip64Directory(data: Uint8Array, eocd: number, file: string): Directory | ReadFailure {
  const loc = eocd - 20;
  if (loc < 0 || u32(data, loc) !== ZIP64_LOCATOR) return failure("corruptZip", { file, detail: "ZIP64" });
  const z = u64(data, loc + 8);
  if (z + 56 > data.length || u32(data, z) !== ZIP64_END_OF_DIRECTORY)
    return failure("truncated", { file, detail: "ZIP64" });
  return { ok: true, count: u64(data, z + 32), size: u64(data, z + 40), offset: u64(data, z + 48) };
}

/** The entries of the central directory, in order. */
function readEntries(
  data: Uint8Array,
  directory: Directory,
  file: string,
): { ok: true; entries: ZipEntry[] } | ReadFailure {
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let p = directory.offset;
  for (let n = 0; n < directory.count; n++) {
    const read = readEntry(data, p, decoder, file);
    if (!read.ok) return read;
    entries.push(read.entry);
    p = read.next;
  }
  return { ok: true, entries };
}

/** The sizes and offset of an entry; a saturated one is taken from the ZIP64 extra field. */
interface EntryPlace {
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** One central directory entry at `p`, and where the next one starts. */
function readEntry(
  data: Uint8Array,
  p: number,
  decoder: InstanceType<typeof TextDecoder>,
  file: string,
): { ok: true; entry: ZipEntry; next: number } | ReadFailure {
  if (p + 46 > data.length || u32(data, p) !== DIRECTORY_ENTRY) {
    return failure("corruptZip", { file, detail: "中央目录项损坏 / bad central directory entry" });
  }
  const flags = u16(data, p + 8);
  const method = u16(data, p + 10);
  const place: EntryPlace = {
    compressedSize: u32(data, p + 20),
    uncompressedSize: u32(data, p + 24),
    localOffset: u32(data, p + 42),
  };
  const nameLen = u16(data, p + 28);
  const extraLen = u16(data, p + 30);
  const commentLen = u16(data, p + 32);
  if (p + 46 + nameLen + extraLen + commentLen > data.length) return failure("truncated", { file });
  const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen));
  if (
    place.uncompressedSize === SATURATED ||
    place.compressedSize === SATURATED ||
    place.localOffset === SATURATED
  ) {
    readZip64Extra(data, p + 46 + nameLen, extraLen, place);
  }
  return {
    ok: true,
    entry: { name, flags, method, ...place },
    next: p + 46 + nameLen + extraLen + commentLen,
  };
}

/** ZIP64 extended information: only the saturated fields are present, in this order. */
function readZip64Extra(data: Uint8Array, start: number, length: number, place: EntryPlace): void {
  const end = start + length;
  for (let e = start; e + 4 <= end; ) {
    const id = u16(data, e);
    const size = u16(data, e + 2);
    if (id === 0x0001) {
      const fieldEnd = e + 4 + size;
      let q = e + 4;
      if (place.uncompressedSize === SATURATED && q + 8 <= fieldEnd) {
        place.uncompressedSize = u64(data, q);
        q += 8;
      }
      if (place.compressedSize === SATURATED && q + 8 <= fieldEnd) {
        place.compressedSize = u64(data, q);
        q += 8;
      }
      if (place.localOffset === SATURATED && q + 8 <= fieldEnd) place.localOffset = u64(data, q);
      return;
    }
    e += 4 + size;
  }
}

/** Checks each entry, then the total uncompressed size; undefined when all pass. */
function checkEntries(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  directoryOffset: number,
  file: string,
  limits: Limits,
): ReadFailure | undefined {
  let total = 0;
  let largest: ZipEntry | undefined;
  const seen = new Set<string>();
  for (const entry of entries) {
    const refused = checkEntry(data, entry, seen, directoryOffset, file, limits);
    if (refused) return refused;
    total += entry.uncompressedSize;
    if (!largest || entry.uncompressedSize > largest.uncompressedSize) largest = entry;
  }
  if (total > limits.maxUncompressed) {
    return failure("uncompressedTooBig", {
      file,
      size: total,
      limit: limits.maxUncompressed,
      ...(largest ? { part: largest.name } : {}),
    });
  }
  return undefined;
}

/**
 * Refuses an entry whose name was seen before (case-insensitively), that is encrypted, compressed
 * other than stored or deflated, over the compression ratio limit, or whose local header or data lie
 * outside the space before the central directory.
 */
function checkEntry(
  data: Uint8Array,
  entry: ZipEntry,
  seen: Set<string>,
  directoryOffset: number,
  file: string,
  limits: Limits,
): ReadFailure | undefined {
  const part = entry.name;
  const key = part.toLowerCase();
  if (seen.has(key)) return failure("duplicate", { file, part });
  seen.add(key);
  if (entry.flags & 0x1) return failure("zipEncrypted", { file, part });
  if (entry.method !== 0 && entry.method !== 8) {
    return failure("corruptZip", {
      file,
      part,
      detail: `压缩方法 ${entry.method} / compression method ${entry.method}`,
    });
  }
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
    return failure("corruptZip", { file, part, detail: "存储大小不一致 / stored size mismatch" });
  }
  if (entry.uncompressedSize > RATIO_FLOOR) {
    const ratio = Math.floor(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    if (ratio > limits.maxRatio)
      return failure("ratioTooHigh", { file, part, size: ratio, limit: limits.maxRatio });
  }
  const lo = entry.localOffset;
  if (lo + 30 > directoryOffset || u32(data, lo) !== LOCAL_HEADER) {
    return failure("corruptZip", { file, part, detail: "本地文件头损坏 / bad local header" });
  }
  if (localDataStart(data, lo) + entry.compressedSize > directoryOffset)
    return failure("truncated", { file, detail: part });
  return undefined;
}
