/**
 * Looks at a file before anything parses it: sniffs the container, reads the zip's central
 * directory itself (sizes, ratios, encryption, duplicates) without inflating anything, then inflates
 * each part as a bounded stream, scanning XML for DOCTYPE/ENTITY and sheets for their cell count.
 * A {@link PartReader} gets the parts it asked for, and each sheet, once they have passed.
 */
import { inflateRawSync } from "node:zlib";
import { parseAddress } from "@yusuan/disclosure";
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

/** A worksheet as workbook.xml and its relationships declare it. */
export interface DeclaredSheet {
  readonly name: string;
  /** The zip part, e.g. "xl/worksheets/sheet1.xml". */
  readonly part: string;
  readonly hidden: boolean;
}

/** A relationship of the workbook part: its type (the URI's last segment, e.g. "styles") and target part. */
export interface WorkbookRelation {
  readonly type: string;
  /** The zip part, e.g. "xl/styles.xml". */
  readonly part: string;
}

/**
 * Takes the parts a reader needs while inspection streams them, so that each part is inflated and
 * decoded once. Nothing reaches it before the part has passed its checks.
 *
 * @example
 * ```ts
 * const sizes: number[] = [];
 * await inspectXlsx(bytes, "预算.xlsx", DEFAULT_LIMITS, {
 *   wanted: () => [],
 *   start: () => undefined,
 *   sheet: (_sheet, xml) => void sizes.push(xml.length),
 * });
 * ```
 */
export interface PartReader {
  /** The parts (zip paths) whose text to keep for {@link PartReader.start}, given the workbook's relationships. */
  wanted(relations: ReadonlyArray<WorkbookRelation>): readonly string[];
  /**
   * Called once every part other than the declared sheets has passed, with the kept texts by
   * lower-cased path (the wanted parts, and xl/workbook.xml).
   */
  start(texts: ReadonlyMap<string, string>): ReadFailure | undefined;
  /** Called with each declared sheet's XML, in workbook order, as soon as that part has passed. */
  sheet(sheet: DeclaredSheet, xml: string): ReadFailure | undefined;
}

/** A workbook that passed inspection. */
export interface Inspection {
  readonly ok: true;
  readonly sheets: ReadonlyArray<DeclaredSheet>;
  /** Cells counted in all sheet parts. */
  readonly cells: number;
  readonly warnings: string[];
}

const MAX_ENTRIES = 20_000;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SPREADSHEET_MAIN =
  /spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template|addin)\.macroenabled\.main\+xml/i;

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
function u64(b: Uint8Array, i: number): number {
  const lo = u32(b, i);
  const hi = u32(b, i + 4);
  // Sizes beyond 2^53 are not real; saturate so that every limit check fails them.
  return hi >= 0x200000 ? Number.MAX_SAFE_INTEGER : hi * 0x1_0000_0000 + lo;
}

function startsWith(b: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (b.length < at + bytes.length) return false;
  return bytes.every((v, i) => b[at + i] === v);
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
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

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

const LATIN1 = (() => {
  try {
    return new TextDecoder("latin1");
  } catch {
    return undefined;
  }
})();

/** Single-byte view of bytes: enough to find ASCII markup without decoding the whole part. */
function ascii(b: Uint8Array): string {
  if (LATIN1) return LATIN1.decode(b);
  let out = "";
  for (let i = 0; i < b.length; i += 8192) {
    out += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  }
  return out;
}

/** What a file that is not a zip probably is. */
function sniffNonZip(data: Uint8Array, file: string): ReadFailure {
  if (startsWith(data, OLE_MAGIC)) {
    // The CFB directory names its streams in UTF-16LE; the stream names tell the kinds apart.
    if (
      indexOfBytes(data, utf16le("EncryptionInfo")) >= 0 ||
      indexOfBytes(data, utf16le("EncryptedPackage")) >= 0
    ) {
      return failure("encrypted", { file });
    }
    if (indexOfBytes(data, utf16le("Workbook")) >= 0 || indexOfBytes(data, utf16le("Book")) >= 0) {
      return failure("oldXls", { file });
    }
    if (indexOfBytes(data, utf16le("WordDocument")) >= 0) return failure("oldDoc", { file });
    return failure("oleOther", { file });
  }
  // A bare BIFF stream (Excel 2.x–4.x, or BIFF5/8 extracted) starts with a BOF record.
  if (
    data.length >= 4 &&
    data[0] === 0x09 &&
    [0x00, 0x02, 0x04, 0x08].includes(data[1]!) &&
    data[3] === 0x00
  ) {
    return failure("oldXls", { file });
  }
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return failure("text", { file });
  const head = new TextDecoder("utf-8", { fatal: false }).decode(data.subarray(0, 4096));
  if (/urn:schemas-microsoft-com:office:spreadsheet|<html|<\?xml|<table/i.test(head)) {
    return failure("spreadsheetMl2003", { file });
  }
  const sample = data.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  const valid = (() => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
      return true;
    } catch {
      return false;
    }
  })();
  if (control === 0 && valid) return failure("text", { file });
  return failure("notZip", { file });
}

/** Parses the central directory; never inflates. */
export function readCentralDirectory(
  data: Uint8Array,
  file: string,
  limits: Limits,
): { ok: true; entries: ZipEntry[] } | ReadFailure {
  const len = data.length;
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return failure("truncated", { file, detail: "找不到中央目录 / no end of central directory" });
  if (u16(data, eocd + 4) !== 0 || u16(data, eocd + 6) !== 0) {
    return failure("corruptZip", { file, detail: "分卷压缩包 / multi-volume archive" });
  }
  let count = u16(data, eocd + 10);
  let cdSize = u32(data, eocd + 12);
  let cdOffset = u32(data, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(data, loc) !== 0x07064b50) return failure("corruptZip", { file, detail: "ZIP64" });
    const z = u64(data, loc + 8);
    if (z + 56 > len || u32(data, z) !== 0x06064b50) return failure("truncated", { file, detail: "ZIP64" });
    count = u64(data, z + 32);
    cdSize = u64(data, z + 40);
    cdOffset = u64(data, z + 48);
  }
  if (count > MAX_ENTRIES) return failure("tooManyEntries", { file, size: count, limit: MAX_ENTRIES });
  if (cdOffset + cdSize > len)
    return failure("truncated", { file, detail: "中央目录越界 / central directory out of bounds" });

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || u32(data, p) !== 0x02014b50) {
      return failure("corruptZip", { file, detail: "中央目录项损坏 / bad central directory entry" });
    }
    const flags = u16(data, p + 8);
    const method = u16(data, p + 10);
    let compressedSize = u32(data, p + 20);
    let uncompressedSize = u32(data, p + 24);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    let localOffset = u32(data, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > len) return failure("truncated", { file });
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extended information: only the saturated fields are present, in this order.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(data, e);
        const size = u16(data, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size)
            (uncompressedSize = u64(data, q)), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size)
            (compressedSize = u64(data, q)), (q += 8);
          if (localOffset === 0xffffffff && q + 8 <= e + 4 + size) localOffset = u64(data, q);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }

  let total = 0;
  let largest: ZipEntry | undefined;
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    if (seen.has(key)) return failure("duplicate", { file, part: entry.name });
    seen.add(key);
    if (entry.flags & 0x1) return failure("zipEncrypted", { file, part: entry.name });
    if (entry.method !== 0 && entry.method !== 8) {
      return failure("corruptZip", {
        file,
        part: entry.name,
        detail: `压缩方法 ${entry.method} / compression method ${entry.method}`,
      });
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      return failure("corruptZip", {
        file,
        part: entry.name,
        detail: "存储大小不一致 / stored size mismatch",
      });
    }
    total += entry.uncompressedSize;
    if (!largest || entry.uncompressedSize > largest.uncompressedSize) largest = entry;
    if (entry.uncompressedSize > RATIO_FLOOR) {
      const ratio = Math.floor(entry.uncompressedSize / Math.max(1, entry.compressedSize));
      if (ratio > limits.maxRatio)
        return failure("ratioTooHigh", { file, part: entry.name, size: ratio, limit: limits.maxRatio });
    }
    const lo = entry.localOffset;
    if (lo + 30 > cdOffset || u32(data, lo) !== 0x04034b50) {
      return failure("corruptZip", { file, part: entry.name, detail: "本地文件头损坏 / bad local header" });
    }
    const dataStart = lo + 30 + u16(data, lo + 26) + u16(data, lo + 28);
    if (dataStart + entry.compressedSize > cdOffset)
      return failure("truncated", { file, detail: entry.name });
  }
  if (total > limits.maxUncompressed) {
    return failure("uncompressedTooBig", {
      file,
      size: total,
      limit: limits.maxUncompressed,
      ...(largest ? { part: largest.name } : {}),
    });
  }
  return { ok: true, entries };
}

/** Inflated parts are handed to the scanners in slices of this size. */
const SLICE = 64 * 1024;

/**
 * Inflates one part with the platform's zlib, bounded by the size the central directory declares
 * (a larger output is refused before it is produced, so a lying entry cannot exhaust memory), and
 * hands it on in slices; `onChunk` returns a failure to stop early.
 */
function inflatePart(
  data: Uint8Array,
  entry: ZipEntry,
  file: string,
  onChunk: (chunk: Uint8Array) => ReadFailure | undefined,
  onWhole?: (whole: Uint8Array) => void,
): ReadFailure | undefined {
  const part = entry.name;
  const at = entry.localOffset;
  if (at + 30 > data.length || u32(data, at) !== 0x04034b50)
    return failure("corruptZip", { file, detail: `${part}: no local header` });
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) return failure("corruptZip", { file, detail: `${part}: truncated` });
  const compressed = data.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = compressed;
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ERR_BUFFER_TOO_LARGE" || /too large|maxOutputLength/i.test(errorText(e)))
        return failure("sizeMismatch", { file, part });
      return failure("inflateFailed", { file, part, detail: errorText(e) });
    }
  } else {
    return failure("inflateFailed", { file, part, detail: `compression method ${entry.method}` });
  }
  if (out.length !== entry.uncompressedSize) return failure("sizeMismatch", { file, part });
  for (let i = 0; i < out.length; i += SLICE) {
    const stop = onChunk(out.subarray(i, Math.min(out.length, i + SLICE)));
    if (stop) return stop;
  }
  onWhole?.(out);
  return undefined;
}

/** A short, single-line description of a thrown value, for messages. */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0]!.slice(0, 200);
}

/** Scans streamed XML chunks for markup that may straddle chunk boundaries. */
class XmlScanner {
  private carry = "";
  private started = false;
  cells = 0;
  dimension: string | undefined;
  private dimensionDone = false;
  /** Cell tags, with the namespace prefix the root element uses (some writers use "x:"). */
  private cellTag = /<c[\s/>]/g;

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly countCells: boolean,
  ) {}

  /** `decoded` is the chunk as text when the caller decodes it anyway; markup is ASCII either way. */
  push(chunk: Uint8Array, decoded?: string): ReadFailure | "utf16" | "not-xml" | undefined {
    if (!this.started) {
      this.started = true;
      if (
        startsWith(chunk, [0xff, 0xfe]) ||
        startsWith(chunk, [0xfe, 0xff]) ||
        startsWith(chunk, [0x00, 0x3c]) ||
        startsWith(chunk, [0x3c, 0x00])
      ) {
        return "utf16";
      }
      let i = startsWith(chunk, [0xef, 0xbb, 0xbf]) ? 3 : 0;
      while (
        i < chunk.length &&
        (chunk[i] === 0x20 || chunk[i] === 0x09 || chunk[i] === 0x0a || chunk[i] === 0x0d)
      )
        i++;
      if (i < chunk.length && chunk[i] !== 0x3c) return "not-xml";
    }
    const text = this.carry + (decoded ?? ascii(chunk));
    // indexOf first: the regular expressions would try every "<" of the chunk.
    if (text.indexOf("<!") >= 0 && /<!(?:DOCTYPE|ENTITY)/i.test(text))
      return failure("doctype", { file: this.file, part: this.part });
    if (this.countCells) {
      if (!this.dimensionDone) {
        const prefix =
          text.indexOf(":worksheet") >= 0 ? /<([A-Za-z_][\w.-]*):worksheet[\s>]/.exec(text) : null;
        if (prefix) this.cellTag = new RegExp(`<${prefix[1]!.replace(/[.-]/g, "\\$&")}:c[\\s/>]`, "g");
        const m = /<(?:[\w.-]+:)?dimension\s+ref\s*=\s*["']([^"']*)["']/.exec(text);
        if (m) (this.dimension = m[1]), (this.dimensionDone = true);
        else if (/<(?:[\w.-]+:)?sheetData[\s>/]/.test(text)) this.dimensionDone = true;
      }
      const re = this.cellTag;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        // A match wholly inside the carried tail was counted with the previous chunk.
        if (m.index + m[0].length > this.carry.length) this.cells++;
      }
    }
    this.carry = text.slice(-160);
    return undefined;
  }
}

/** Cells in an A1 range such as "A1:Z100000"; 0 when it does not parse. */
export function rangeArea(ref: string): number {
  const first = ref.trim().split(/\s+/)[0] ?? "";
  const [a, b] = first.split(":");
  const from = parseAddress(a ?? "");
  const to = b === undefined ? from : parseAddress(b);
  if (!from || !to) return 0;
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
}

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ent: string) => {
    const e = ent.toLowerCase();
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  // Relationship, Override and sheet tags are short; a huge one is hostile and the name pattern
  // below would rescan it from every position.
  if (tag.length > 16_384) return out;
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1]!, decodeXmlText(m[2] ?? m[3] ?? ""));
  return out;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * Inspects a would-be .xlsx without trusting it. Returns the declared sheets on success, a
 * {@link ReadFailure} naming the file and the part otherwise. Never throws.
 *
 * @example
 * ```ts
 * const result = await inspectXlsx(bytes, "预算.xlsx", DEFAULT_LIMITS);
 * if (!result.ok) console.error(result.message);
 * ```
 */
export async function inspectXlsx(
  data: Uint8Array,
  file: string,
  limits: Limits,
  reader?: PartReader,
): Promise<Inspection | ReadFailure> {
  try {
    return await inspect(data, file, limits, reader);
  } catch (e) {
    return failure("parseFailed", { file, detail: errorText(e) });
  }
}

async function inspect(
  data: Uint8Array,
  file: string,
  limits: Limits,
  reader: PartReader | undefined,
): Promise<Inspection | ReadFailure> {
  if (data.length === 0) return failure("empty", { file });
  if (data.length > limits.maxBytes)
    return failure("tooBig", { file, size: data.length, limit: limits.maxBytes });
  if (startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return failure("noWorkbook", { file });
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return sniffNonZip(data, file);

  const directory = readCentralDirectory(data, file, limits);
  if (!directory.ok) return directory;
  const byName = new Map(directory.entries.map((e) => [e.name.toLowerCase(), e] as const));
  if (!byName.has("xl/workbook.xml")) {
    if (byName.has("word/document.xml")) return failure("word", { file });
    if (byName.has("ppt/presentation.xml")) return failure("powerpoint", { file });
    if (byName.has("mimetype") || byName.has("content.xml")) return failure("openDocument", { file });
    if (byName.has("xl/workbook.bin")) return failure("xlsb", { file });
    return failure("noWorkbook", { file });
  }
  if (!byName.has("[content_types].xml")) return failure("noContentTypes", { file });

  const objects = new Map<string, ZipEntry>();
  for (const entry of directory.entries)
    if (!entry.name.endsWith("/")) objects.set(entry.name.toLowerCase(), entry);

  const isXml = (name: string): boolean => /\.(?:xml|rels|vml)$/i.test(name);
  const texts = new Map<string, string>();
  const first = ["[content_types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
  const keepText = new Set(first);
  let cellsBefore = 0;

  async function scanPart(
    key: string,
    sheet?: DeclaredSheet,
    keep = keepText.has(key),
  ): Promise<ReadFailure | XmlScanner | undefined> {
    const entry = objects.get(key);
    if (!entry) return undefined;
    const part = entry.name;
    if (isXml(key) && entry.uncompressedSize === 0) return failure("emptyPart", { file, part });
    const scanner = isXml(key) ? new XmlScanner(file, part, sheet !== undefined) : undefined;
    // Scanned as single-byte text chunk by chunk (markup is ASCII); a kept part is decoded once, whole,
    // after it passed, so that its text is the only large copy besides the inflated bytes.
    let kept: string | undefined;
    let bad: ReadFailure | undefined;
    const stopped = inflatePart(
      data,
      entry,
      file,
      (chunk) => {
        if (scanner) {
          const r = scanner.push(chunk);
          if (r === "utf16") return (bad = failure("utf16", { file, part }));
          if (r === "not-xml") return (bad = failure("notXml", { file, part }));
          if (r) return r;
          if (sheet && cellsBefore + scanner.cells > limits.maxCells) {
            return failure("tooManyCells", { file, part, sheet: sheet.name, limit: limits.maxCells });
          }
          if (sheet && scanner.dimension !== undefined) {
            const area = rangeArea(scanner.dimension);
            if (area > limits.maxCells) {
              return failure("dimensionTooBig", {
                file,
                part,
                sheet: sheet.name,
                detail: scanner.dimension,
                size: area,
                limit: limits.maxCells,
              });
            }
          }
        }
        return undefined;
      },
      keep ? (whole) => void (kept = new TextDecoder("utf-8").decode(whole)) : undefined,
    );
    if (stopped) return stopped;
    if (bad) return bad;
    if (kept !== undefined) texts.set(key, kept);
    return scanner;
  }

  for (const key of first) {
    const r = await scanPart(key);
    if (r && !(r instanceof XmlScanner)) return r;
  }

  const contentTypes = texts.get("[content_types].xml") ?? "";
  for (const m of contentTypes.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    const attrs = attributes(m[0]);
    if ((attrs.get("PartName") ?? "").toLowerCase() === "/xl/workbook.xml") {
      const type = attrs.get("ContentType") ?? "";
      if (!SPREADSHEET_MAIN.test(type)) return failure("wrongContentType", { file, detail: type });
    }
  }

  const rels = new Map<string, string>();
  const relations: WorkbookRelation[] = [];
  for (const m of (texts.get("xl/_rels/workbook.xml.rels") ?? "").matchAll(
    /<(?:[\w.-]+:)?Relationship\b[^>]*>/g,
  )) {
    const attrs = attributes(m[0]);
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (id && target && attrs.get("TargetMode") !== "External") {
      const part = resolvePart("xl/workbook.xml", target);
      rels.set(id, part);
      relations.push({ type: (attrs.get("Type") ?? "").split("/").pop() ?? "", part });
    }
  }
  const sheets: DeclaredSheet[] = [];
  for (const m of (texts.get("xl/workbook.xml") ?? "").matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const attrs = attributes(m[0]);
    const name = attrs.get("name") ?? "";
    const relId = [...attrs].find(([k]) => /(?:^|:)id$/.test(k) && k !== "sheetId")?.[1];
    const part = relId ? rels.get(relId) : undefined;
    if (!part || !objects.has(part.toLowerCase())) {
      return failure("missingSheet", { file, sheet: name, part: part ?? relId ?? "?" });
    }
    const state = attrs.get("state");
    sheets.push({ name, part, hidden: state === "hidden" || state === "veryHidden" });
  }
  if (sheets.length === 0) return failure("noSheets", { file });

  const sheetByPart = new Map(sheets.map((s) => [s.part.toLowerCase(), s] as const));
  if (reader) {
    if (sheetByPart.size < sheets.length) {
      const twice = sheets.find(
        (s, i) => sheets.findIndex((t) => t.part.toLowerCase() === s.part.toLowerCase()) !== i,
      );
      return failure("parseFailed", {
        file,
        detail: `两个工作表共用部件 ${twice?.part ?? ""} / two sheets share one part`,
      });
    }
    for (const part of reader.wanted(relations)) keepText.add(part.toLowerCase());
  }
  // Every other part first, then the sheets in workbook order, each handed over as soon as it passed.
  for (const key of objects.keys()) {
    if (first.includes(key) || sheetByPart.has(key)) continue;
    const r = await scanPart(key);
    if (r && !(r instanceof XmlScanner)) return r;
  }
  if (reader) {
    const stop = reader.start(texts);
    if (stop) return stop;
  }
  texts.clear();
  for (const [key, sheet] of sheetByPart) {
    const r = await scanPart(key, sheet, reader !== undefined);
    if (r && !(r instanceof XmlScanner)) return r;
    if (r instanceof XmlScanner) cellsBefore += r.cells;
    const xml = texts.get(key);
    if (reader && xml !== undefined) {
      texts.delete(key);
      const stop = reader.sheet(sheet, xml);
      if (stop) return stop;
    }
  }
  return { ok: true, sheets, cells: cellsBefore, warnings: [] };
}
