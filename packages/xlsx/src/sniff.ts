/**
 * Tells what kind of file was given when it is not an Excel workbook, so that the message can say
 * what to do with it: an old .xls, an encrypted workbook, a Word or PowerPoint file, an OpenDocument
 * spreadsheet, an .xlsb, a SpreadsheetML 2003 or HTML export, or plain text.
 */
import { indexOfBytes, startsWith } from "./bytes";
import { failure, type ReadFailure } from "./messages";
import { overrideContentTypes } from "./xml-scan";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const SPREADSHEET_MAIN =
  /spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template|addin)\.macroenabled\.main\+xml/i;

/**
 * Refuses a file that is not a zip with entries, saying what it probably is; undefined for a zip.
 *
 * @example
 * ```ts
 * sniffContainer(new TextEncoder().encode("科目,金额"), "预算.csv")?.message; // says it is text
 * ```
 */
export function sniffContainer(data: Uint8Array, file: string): ReadFailure | undefined {
  if (startsWith(data, ZIP_EMPTY)) return failure("noWorkbook", { file });
  if (!startsWith(data, ZIP_LOCAL_HEADER)) return sniffNonZip(data, file);
  return undefined;
}

/**
 * Refuses a zip that is not an Office Open XML workbook (a Word, PowerPoint, OpenDocument or .xlsb
 * file, or none at all), or one without [Content_Types].xml; undefined for a workbook.
 */
export function sniffPackage(
  entries: ReadonlyArray<{ readonly name: string }>,
  file: string,
): ReadFailure | undefined {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("word/document.xml")) return failure("word", { file });
    if (names.has("ppt/presentation.xml")) return failure("powerpoint", { file });
    if (names.has("mimetype") || names.has("content.xml")) return failure("openDocument", { file });
    if (names.has("xl/workbook.bin")) return failure("xlsb", { file });
    return failure("noWorkbook", { file });
  }
  if (!names.has("[content_types].xml")) return failure("noContentTypes", { file });
  return undefined;
}

/** Refuses a workbook part that [Content_Types].xml declares as something other than a spreadsheet. */
export function checkWorkbookContentType(contentTypes: string, file: string): ReadFailure | undefined {
  const wrong = overrideContentTypes(contentTypes, "/xl/workbook.xml").find((t) => !SPREADSHEET_MAIN.test(t));
  return wrong === undefined ? undefined : failure("wrongContentType", { file, detail: wrong });
}

/** What a file that is not a zip probably is. */
function sniffNonZip(data: Uint8Array, file: string): ReadFailure {
  if (startsWith(data, OLE_MAGIC)) return sniffOle(data, file);
  if (isBiff(data)) return failure("oldXls", { file });
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return failure("text", { file });
  const head = new TextDecoder("utf-8", { fatal: false }).decode(data.subarray(0, 4096));
  if (/urn:schemas-microsoft-com:office:spreadsheet|<html|<\?xml|<table/i.test(head)) {
    return failure("spreadsheetMl2003", { file });
  }
  return looksLikeText(data.subarray(0, 4096)) ? failure("text", { file }) : failure("notZip", { file });
}

/** An OLE compound file: an encrypted workbook, an old .xls or .doc, or something else. */
function sniffOle(data: Uint8Array, file: string): ReadFailure {
  // The CFB directory names its streams in UTF-16LE; the stream names tell the kinds apart.
  const has = (stream: string): boolean => indexOfBytes(data, utf16le(stream)) >= 0;
  if (has("EncryptionInfo") || has("EncryptedPackage")) return failure("encrypted", { file });
  if (has("Workbook") || has("Book")) return failure("oldXls", { file });
  if (has("WordDocument")) return failure("oldDoc", { file });
  return failure("oleOther", { file });
}

/** A bare BIFF stream (Excel 2.x–4.x, or BIFF5/8 extracted) starts with a BOF record. */
function isBiff(data: Uint8Array): boolean {
  return (
    data.length >= 4 && data[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(data[1]!) && data[3] === 0x00
  );
}

/** No control characters but tabs and line ends, and valid UTF-8 (a sequence cut at the end allowed). */
function looksLikeText(sample: Uint8Array): boolean {
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
    return true;
  } catch {
    return false;
  }
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}
