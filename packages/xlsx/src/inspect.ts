/**
 * Looks at a file before anything parses it: sniffs the container, reads the zip's central
 * directory itself (sizes, ratios, encryption, duplicates) without inflating anything, then inflates
 * each part as a bounded stream, scanning XML for DOCTYPE/ENTITY and sheets for their cell count.
 * A {@link PartReader} gets the parts it asked for, and each sheet, once they have passed. The steps
 * are in zip.ts, inflate.ts, xml-scan.ts and sniff.ts; this module runs them in order.
 */
import { inflatePart } from "./inflate";
import type { Limits } from "./limits";
import { errorText, failure, type ReadFailure } from "./messages";
import { checkWorkbookContentType, sniffContainer, sniffPackage } from "./sniff";
import { rangeArea, sheetTags, workbookRelations, XmlScanner } from "./xml-scan";
import { readCentralDirectory, type ZipEntry } from "./zip";

export { errorText } from "./messages";
export { rangeArea } from "./xml-scan";
export { readCentralDirectory, type ZipEntry } from "./zip";

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

/** The parts read first, in this order: what the workbook is and where its sheets are. */
const CONTENT_TYPES = "[content_types].xml";
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const FIRST_PARTS = [CONTENT_TYPES, WORKBOOK, WORKBOOK_RELS];

/** What the steps of one inspection share. */
interface Run {
  readonly data: Uint8Array;
  readonly file: string;
  readonly limits: Limits;
  /** The entries that are files (not folders), by lower-cased name. */
  readonly objects: ReadonlyMap<string, ZipEntry>;
  /** Lower-cased names of the parts whose text is kept for the reader. */
  readonly keepText: Set<string>;
  /** The kept texts by lower-cased name. */
  readonly texts: Map<string, string>;
  /** Cells counted in the sheets scanned so far. */
  cells: number;
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
  const notZip = sniffContainer(data, file);
  if (notZip) return notZip;
  const directory = readCentralDirectory(data, file, limits);
  if (!directory.ok) return directory;
  const notWorkbook = sniffPackage(directory.entries, file);
  if (notWorkbook) return notWorkbook;

  const run = startRun(data, file, limits, directory.entries);
  const first = await scanParts(run, FIRST_PARTS);
  if (first) return first;
  const wrongType = checkWorkbookContentType(run.texts.get(CONTENT_TYPES) ?? "", file);
  if (wrongType) return wrongType;
  const declared = declareSheets(run);
  if (!declared.ok) return declared;
  const { sheets, relations } = declared;
  if (sheets.length === 0) return failure("noSheets", { file });

  const sheetByPart = new Map(sheets.map((s) => [s.part.toLowerCase(), s] as const));
  if (reader) {
    if (sheetByPart.size < sheets.length) return sharedSheetPart(sheets, file);
    for (const part of reader.wanted(relations)) run.keepText.add(part.toLowerCase());
  }
  // Every other part first, then the sheets in workbook order, each handed over as soon as it passed.
  const others = [...run.objects.keys()].filter((key) => !FIRST_PARTS.includes(key) && !sheetByPart.has(key));
  const other = await scanParts(run, others);
  if (other) return other;
  if (reader) {
    const stop = reader.start(run.texts);
    if (stop) return stop;
  }
  run.texts.clear();
  const sheetStop = await scanSheets(run, sheetByPart, reader);
  if (sheetStop) return sheetStop;
  return { ok: true, sheets, cells: run.cells, warnings: [] };
}

function startRun(data: Uint8Array, file: string, limits: Limits, entries: readonly ZipEntry[]): Run {
  const objects = new Map<string, ZipEntry>();
  for (const entry of entries) if (!entry.name.endsWith("/")) objects.set(entry.name.toLowerCase(), entry);
  return { data, file, limits, objects, keepText: new Set(FIRST_PARTS), texts: new Map(), cells: 0 };
}

/** The sheets workbook.xml declares, each resolved to its part through the relationships. */
function declareSheets(
  run: Run,
): { ok: true; sheets: DeclaredSheet[]; relations: WorkbookRelation[] } | ReadFailure {
  const { partById, relations } = workbookRelations(run.texts.get(WORKBOOK_RELS) ?? "");
  const sheets: DeclaredSheet[] = [];
  for (const { name, relId, state } of sheetTags(run.texts.get(WORKBOOK) ?? "")) {
    const part = relId ? partById.get(relId) : undefined;
    if (!part || !run.objects.has(part.toLowerCase())) {
      return failure("missingSheet", { file: run.file, sheet: name, part: part ?? relId ?? "?" });
    }
    sheets.push({ name, part, hidden: state === "hidden" || state === "veryHidden" });
  }
  return { ok: true, sheets, relations };
}

/** A reader is handed each sheet's text once, so two sheets on one part are refused. */
function sharedSheetPart(sheets: readonly DeclaredSheet[], file: string): ReadFailure {
  const twice = sheets.find(
    (s, i) => sheets.findIndex((t) => t.part.toLowerCase() === s.part.toLowerCase()) !== i,
  );
  return failure("parseFailed", {
    file,
    detail: `两个工作表共用部件 ${twice?.part ?? ""} / two sheets share one part`,
  });
}

/** Scans parts that are not sheets, in order; the first failure, if any. */
async function scanParts(run: Run, keys: readonly string[]): Promise<ReadFailure | undefined> {
  for (const key of keys) {
    const r = await scanPart(run, key);
    if (r && !(r instanceof XmlScanner)) return r;
  }
  return undefined;
}

/** Scans the sheets in workbook order, counting their cells, and hands each to the reader once it passed. */
async function scanSheets(
  run: Run,
  sheetByPart: ReadonlyMap<string, DeclaredSheet>,
  reader: PartReader | undefined,
): Promise<ReadFailure | undefined> {
  for (const [key, sheet] of sheetByPart) {
    const r = await scanPart(run, key, sheet, reader !== undefined);
    if (r && !(r instanceof XmlScanner)) return r;
    if (r instanceof XmlScanner) run.cells += r.cells;
    const xml = run.texts.get(key);
    if (reader && xml !== undefined) {
      run.texts.delete(key);
      const stop = reader.sheet(sheet, xml);
      if (stop) return stop;
    }
  }
  return undefined;
}

const isXml = (name: string): boolean => /\.(?:xml|rels|vml)$/i.test(name);

/**
 * Inflates one part, scanning it as it goes when it is XML, and keeps its text when asked to. Returns
 * the scanner (for a sheet's cell count), a failure, or undefined for a part that is not there.
 */
async function scanPart(
  run: Run,
  key: string,
  sheet?: DeclaredSheet,
  keep = run.keepText.has(key),
): Promise<ReadFailure | XmlScanner | undefined> {
  const entry = run.objects.get(key);
  if (!entry) return undefined;
  const { file } = run;
  const part = entry.name;
  if (isXml(key) && entry.uncompressedSize === 0) return failure("emptyPart", { file, part });
  const scanner = isXml(key) ? new XmlScanner(file, part, sheet !== undefined) : undefined;
  // Scanned as single-byte text chunk by chunk (markup is ASCII); a kept part is decoded once, whole,
  // after it passed, so that its text is the only large copy besides the inflated bytes.
  let kept: string | undefined;
  const stopped = inflatePart(
    run.data,
    entry,
    file,
    (chunk) => (scanner ? checkChunk(run, scanner, chunk, part, sheet) : undefined),
    keep
      ? (whole) => {
          kept = new TextDecoder("utf-8").decode(whole);
        }
      : undefined,
  );
  if (stopped) return stopped;
  if (kept !== undefined) run.texts.set(key, kept);
  return scanner;
}

/** Scans one chunk of an XML part; for a sheet, also checks its cells and declared size against the limit. */
function checkChunk(
  run: Run,
  scanner: XmlScanner,
  chunk: Uint8Array,
  part: string,
  sheet: DeclaredSheet | undefined,
): ReadFailure | undefined {
  const { file } = run;
  const r = scanner.push(chunk);
  if (r === "utf16") return failure("utf16", { file, part });
  if (r === "not-xml") return failure("notXml", { file, part });
  if (r) return r;
  return sheet ? checkSheetSize(run, scanner, part, sheet) : undefined;
}

function checkSheetSize(
  run: Run,
  scanner: XmlScanner,
  part: string,
  sheet: DeclaredSheet,
): ReadFailure | undefined {
  const { file, limits } = run;
  if (run.cells + scanner.cells > limits.maxCells) {
    return failure("tooManyCells", { file, part, sheet: sheet.name, limit: limits.maxCells });
  }
  if (scanner.dimension === undefined) return undefined;
  const area = rangeArea(scanner.dimension);
  if (area <= limits.maxCells) return undefined;
  return failure("dimensionTooBig", {
    file,
    part,
    sheet: sheet.name,
    detail: scanner.dimension,
    size: area,
    limit: limits.maxCells,
  });
}
