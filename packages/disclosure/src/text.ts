import { cellAddress, type Cell, type Grid } from "./grid";
import { readLayoutLines } from "./layout";

/** The encodings a text document is read in. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "gb18030";

/** Something worth telling about a text document that was still read: a line with bytes that are not valid UTF-8. */
export interface TextReadWarning {
  /** 1-based line of the file. */
  readonly line: number;
  readonly message: string;
  readonly messageEn: string;
}

/** Result of {@link readTextDocument}; `warnings` is empty for a clean file. */
export type TextReadResult =
  | { ok: true; grid: Grid; encoding: TextEncoding; warnings: TextReadWarning[] }
  | { ok: false; message: string; messageEn: string };

/** Lines with bad bytes named one by one, at most; a file with more is not UTF-8 with a stray byte. */
const MAX_WARNINGS = 20;

/**
 * The name of the one sheet a text document becomes (see {@link readTextDocument}).
 *
 * @example
 * ```ts
 * const r = readTextDocument("2025年部门收入预算总表", "a.txt");
 * if (r.ok) r.grid.sheets[0]!.name === TEXT_SHEET; // true
 * ```
 */
export const TEXT_SHEET = "文本";

/** Lines beyond this many are not read: a budget document has a few thousand at most. */
const MAX_LINES = 200_000;
const MAX_CELLS_PER_LINE = 200;

/**
 * Reads a text document in the sample's format (table cells separated by tabs, one table row per
 * line, narrative as paragraphs) into a {@link Grid} with one sheet, "文本", whose `lines[r]` is the
 * 1-based line of the file that row r came from. Given bytes, detects UTF-8 (with or without BOM)
 * and GB18030/GBK.
 *
 * A text without any TAB — such as `pdftotext -layout` output of a published PDF — is read by column
 * alignment instead: after each table title the rows are split where the columns are (runs of spaces,
 * the header's and the other rows' column positions, amounts against labels), code columns 类/款/项
 * become cells of their own, and lines wrapped at the right margin are joined into paragraphs;
 * table-of-contents leaders, page numbers and running headers are dropped.
 *
 * A UTF-8 file with a stray bad byte (a cut-off character) is still read, with U+FFFD in its place;
 * `warnings` names each such line.
 *
 * @example
 * ```ts
 * const r = readTextDocument("2025年部门收入预算总表\n201\t\t一般公共服务支出\t58,121,209.78", "a.txt");
 * if (r.ok) console.log(r.grid.sheets[0]!.rows[1]![3]!.text); // "58,121,209.78"
 * ```
 */
export function readTextDocument(input: string | Uint8Array, name: string): TextReadResult {
  let text: string;
  let encoding: TextEncoding = "utf-8";
  let lossy = false;
  if (typeof input === "string") {
    text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  } else {
    const decoded = decode(input);
    if (!decoded.ok) {
      return {
        ok: false,
        message: `无法读取文件“${name}”：${decoded.zh}`,
        messageEn: `Cannot read file "${name}": ${decoded.en}`,
      };
    }
    text = decoded.text;
    encoding = decoded.encoding;
    lossy = decoded.lossy === true;
  }
  if (text.includes("\u0000")) {
    return {
      ok: false,
      message: `无法读取文件“${name}”：这是二进制文件，不是文本文档。`,
      messageEn: `Cannot read file "${name}": it is a binary file, not a text document.`,
    };
  }
  const rawLines = text.split(/\r\n|\n|\r/);
  if (rawLines.length > MAX_LINES) {
    return {
      ok: false,
      message: `文件“${name}”过大：共 ${rawLines.length} 行，上限为 ${MAX_LINES} 行。`,
      messageEn: `File "${name}" is too large: ${rawLines.length} lines, the limit is ${MAX_LINES}.`,
    };
  }
  const warnings: TextReadWarning[] = [];
  if (lossy) {
    for (let i = 0; i < rawLines.length && warnings.length < MAX_WARNINGS; i++) {
      if (!rawLines[i]!.includes("\uFFFD")) continue;
      warnings.push({
        line: i + 1,
        message: `文件“${name}”第 ${i + 1} 行有不是有效 UTF-8 的字节，已按“\uFFFD”读取；请核对该行。`,
        messageEn: `Line ${i + 1} of "${name}" holds bytes that are not valid UTF-8; they were read as "\uFFFD". Check that line.`,
      });
    }
  }
  const rows: Cell[][] = [];
  const lines: number[] = [];
  if (!rawLines.some((line) => line.includes("\t"))) {
    // No TABs: cells are aligned with spaces (pdftotext -layout, a hand-typed table).
    for (const row of readLayoutLines(rawLines)) {
      rows.push(textRow(rows.length, row.cells));
      lines.push(row.line);
    }
    return {
      ok: true,
      encoding,
      warnings,
      grid: { source: { kind: "text", name }, sheets: [{ name: TEXT_SHEET, rows, lines }] },
    };
  }
  rawLines.forEach((line, index) => {
    if (line.trim() === "") return;
    rows.push(textRow(rows.length, line.split("\t")));
    lines.push(index + 1);
  });
  return {
    ok: true,
    encoding,
    warnings,
    grid: { source: { kind: "text", name }, sheets: [{ name: TEXT_SHEET, rows, lines }] },
  };
}

type Decoded =
  | { ok: true; text: string; encoding: TextEncoding; lossy?: boolean }
  | { ok: false; zh: string; en: string };

function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, zh: "文件为空。", en: "the file is empty." };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const r = tryDecode("utf-8", bytes.subarray(3));
    return r === undefined
      ? {
          ok: false,
          zh: "文件声明为 UTF-8 但含有无效字节。",
          en: "the file claims UTF-8 but holds invalid bytes.",
        }
      : { ok: true, text: r, encoding: "utf-8-bom" };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const r = tryDecode(bytes[0] === 0xff ? "utf-16le" : "utf-16be", bytes.subarray(2));
    if (r !== undefined) return { ok: true, text: r, encoding: "utf-8" };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: "utf-8" };
  // A UTF-8 file with a stray bad byte or two (a cut-off character) is still UTF-8: read the rest,
  // with U+FFFD where the bad bytes were. A file in another encoding has bad sequences everywhere.
  const lossy = new TextDecoder("utf-8").decode(bytes);
  let bad = 0;
  let nonAscii = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) nonAscii++;
  }
  if (bad <= Math.max(3, Math.floor(nonAscii / 1000)) && nonAscii >= 10 * bad)
    return { ok: true, text: lossy, encoding: "utf-8", lossy: true };
  const gb = tryDecode("gb18030", bytes);
  if (gb !== undefined && looksLikeChinese(gb)) return { ok: true, text: gb, encoding: "gb18030" };
  return {
    ok: false,
    zh: "编码无法识别（既不是 UTF-8，也不是 GB18030/GBK 文本）。",
    en: "unknown encoding (neither UTF-8 nor GB18030/GBK text).",
  };
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** GB18030 decodes almost any byte string; accept it only when most non-ASCII text is CJK. */
function looksLikeChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef))
      cjk++;
  }
  return nonAscii === 0 || cjk / nonAscii > 0.9;
}

/** Row r of a text grid: its cells trimmed, an empty one as no value, at most MAX_CELLS_PER_LINE. */
function textRow(r: number, parts: readonly string[]): Cell[] {
  return parts.slice(0, MAX_CELLS_PER_LINE).map((part, c) => {
    const value = part.trim();
    return { address: cellAddress(r, c), row: r, col: c, value: value === "" ? null : value, text: value };
  });
}
