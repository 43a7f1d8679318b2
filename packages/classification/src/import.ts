/**
 * @yusuan/classification/import: reading the official catalog of a year from a CSV or XLSX file,
 * checking catalog data, and writing it as JSON the package can load again.
 */
import type { CatalogData, CatalogEntry } from "./catalog";
import { parseCsv } from "./csv";
import { loadExcel } from "./excel";
import { message, type MessageId } from "./messages";
import { normaliseName } from "./name";
import { parseCode } from "./parse";
import type { Level, Scheme } from "./scheme";
import { validateCatalogData } from "./validate";

export { parseCsv } from "./csv";
export {
  validateCatalogData,
  type CatalogDataIssue,
  type CatalogDataValidation,
  type ValidateOptions,
} from "./validate";

/**
 * The result of an import: the catalog data with warnings, or the errors (with the 1-based row of the
 * file where there is one).
 *
 * @example
 * ```ts
 * const r: ImportResult = importCatalogCsv("编码,名称\n201,一般公共服务支出\n", { scheme: "functional", year: 2026 });
 * if (r.ok) console.log(r.data.entries.length); // 1
 * ```
 */
export type ImportResult =
  | { ok: true; data: CatalogData; warnings: string[] }
  | { ok: false; errors: { row?: number; message: string; messageEn: string }[] };

/** Options of {@link importCatalogCsv}. */
export interface ImportOptions {
  readonly scheme: Scheme;
  readonly year: number;
  /** Where the catalog came from, kept in the data; default names the file type and year. */
  readonly source?: string;
  /**
   * The file is a partial list rather than a complete official catalog: a missing parent code is a
   * warning instead of an error. Default false.
   */
  readonly partial?: boolean;
}

/** Options of {@link importCatalogXlsx}. */
export interface XlsxImportOptions extends ImportOptions {
  /** Worksheet name; default the first worksheet. */
  readonly sheet?: string;
}

type RawCell = string | number | null;

const CODE_HEADERS = new Set(["编码", "代码", "科目编码", "科目代码", "code"]);
const NAME_HEADERS = new Set(["名称", "科目名称", "name"]);
const LEVEL_HEADERS = new Set(["级次", "级别", "层级", "科目级次", "level"]);
const SEGMENT_HEADERS: readonly string[] = ["类", "款", "项", "目"];
const LEVELS: readonly Level[] = ["类", "款", "项", "目"];
/** A header row is looked for among the first rows only; titles and notes come before it. */
const HEADER_SEARCH_ROWS = 50;

function headerKey(cell: RawCell): string {
  return cell === null ? "" : normaliseName(String(cell)).toLowerCase();
}

function isCodeHeader(key: string): boolean {
  return CODE_HEADERS.has(key) || (key.length > 2 && (key.endsWith("编码") || key.endsWith("代码")));
}

function isNameHeader(key: string): boolean {
  return NAME_HEADERS.has(key) || (key.length > 2 && key.endsWith("名称"));
}

interface Layout {
  /** Index of the first data row. */
  readonly firstRow: number;
  readonly nameCol: number;
  readonly levelCol: number | undefined;
  /** One column holding the whole code, or one column per level (类, 款, …). */
  readonly codeCols: readonly number[];
}

function segmentColumns(keys: readonly string[]): number[] | undefined {
  const cols: number[] = [];
  for (const seg of SEGMENT_HEADERS) {
    const i = keys.indexOf(seg);
    if (i < 0) break;
    cols.push(i);
  }
  return cols.length >= 2 ? cols : undefined;
}

function findLayout(rows: readonly (readonly RawCell[])[]): Layout | undefined {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const keys = (rows[r] ?? []).map(headerKey);
    const nameCol = keys.findIndex(isNameHeader);
    if (nameCol < 0) continue;
    const levelIdx = keys.findIndex((k) => LEVEL_HEADERS.has(k));
    const levelCol = levelIdx < 0 ? undefined : levelIdx;
    const segments = segmentColumns(keys);
    if (segments !== undefined) return { firstRow: r + 1, nameCol, levelCol, codeCols: segments };
    const codeCol = keys.findIndex(isCodeHeader);
    if (codeCol < 0 || codeCol === nameCol) continue;
    // Published tables put "科目编码" over merged columns and "类 款 项" on the row below.
    const below = segmentColumns((rows[r + 1] ?? []).map(headerKey));
    if (below !== undefined) return { firstRow: r + 2, nameCol, levelCol, codeCols: below };
    return { firstRow: r + 1, nameCol, levelCol, codeCols: [codeCol] };
  }
  return undefined;
}

function cellString(cell: RawCell | undefined, segmentIndex: number): string {
  if (cell === null || cell === undefined) return "";
  // A spreadsheet stores "01" typed into a number cell as 1; the 款/项/目 parts are two digits.
  if (typeof cell === "number") return segmentIndex > 0 ? String(cell).padStart(2, "0") : String(cell);
  return cell;
}

type RowError = { row?: number; message: string; messageEn: string };

function rowError(id: MessageId, params: Record<string, string | number>, row?: number): RowError {
  const m = message(id, params);
  return row === undefined ? { ...m } : { row, ...m };
}

/** The shared part of CSV and XLSX import: rows of cells (row numbers 1-based) to checked data. */
function importRows(
  rows: readonly (readonly RawCell[])[],
  rowNumbers: readonly number[],
  options: ImportOptions,
  defaultSource: string,
): ImportResult {
  const layout = findLayout(rows);
  if (layout === undefined) return { ok: false, errors: [rowError("import.no-header", {})] };
  const errors: RowError[] = [];
  const warnings: string[] = [];
  const entries: CatalogEntry[] = [];
  const entryRows: number[] = [];
  let skipped = 0;

  for (let r = layout.firstRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const rowNumber = rowNumbers[r] ?? r + 1;
    const parts = layout.codeCols.map((c, i) => cellString(cells[c], i).trim());
    const nameCell = cellString(cells[layout.nameCol], 0).trim();
    // A row with no digit in its code cells (合计, 注：…) is no catalog entry.
    if (!parts.some((p) => /[0-9０-９]/.test(p)) && !/^[0-9０-９]/.test(nameCell)) {
      if (nameCell !== "" || cells.some((c) => c !== null && String(c).trim() !== "")) skipped++;
      continue;
    }
    const parsed = parseCode(parts, { scheme: options.scheme, nameCell });
    if (!parsed.ok && parts.every((p) => p === "")) {
      // Only the name cell starts with digits, and they are no code: a note such as "2026年起…".
      skipped++;
      continue;
    }
    if (!parsed.ok) {
      errors.push(
        rowError(
          "import.bad-code",
          { row: rowNumber, reason: parsed.reason, reasonEn: parsed.reasonEn },
          rowNumber,
        ),
      );
      continue;
    }
    const name = parsed.name ?? "";
    if (name === "") {
      errors.push(rowError("import.no-name", { row: rowNumber, code: parsed.code }, rowNumber));
      continue;
    }
    let level: Level = parsed.level;
    if (layout.levelCol !== undefined) {
      const printed = cellString(cells[layout.levelCol], 0).trim();
      const asLevel = LEVELS.find((l) => l === printed);
      // An unrecognised or empty level cell is left to the code; a recognised one is checked against it.
      if (asLevel !== undefined) level = asLevel;
    }
    entries.push({ code: parsed.code, name, level });
    entryRows.push(rowNumber);
  }

  const data: CatalogData = {
    scheme: options.scheme,
    year: options.year,
    source: options.source ?? defaultSource,
    entries,
  };
  const checked = validateCatalogData(data, { partial: options.partial === true });
  const rowOf = (index: number | undefined): number | undefined =>
    index === undefined ? undefined : entryRows[index];
  for (const w of checked.warnings) {
    const row = rowOf(w.index);
    warnings.push(
      row === undefined ? w.message : message("import.row-warning", { row, message: w.message }).message,
    );
  }
  if (!checked.ok) {
    for (const e of checked.errors) {
      const row = rowOf(e.index);
      errors.push(
        row === undefined
          ? { message: e.message, messageEn: e.messageEn }
          : { row, message: e.message, messageEn: e.messageEn },
      );
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { ok: false, errors };
  }
  if (skipped > 0) warnings.push(message("import.skipped", { count: skipped }).message);
  return { ok: true, data, warnings };
}

/**
 * Reads a catalog from CSV text. The header row (searched among the first 50 rows, after any title
 * lines) names a code column (编码/代码/科目编码/code, or any header ending in 编码/代码) and a name
 * column (名称/科目名称/name, or any header ending in 名称); instead of one code column there may be one
 * column per level (类/款/项/目), also on the row below a merged "科目编码" header. An optional level
 * column (级次/level) is checked against the codes. Tolerates a BOM, quoted fields and CRLF. Rows
 * without a digit in the code cells (合计, notes) are skipped with a warning. Never throws.
 *
 * @example
 * ```ts
 * const r = importCatalogCsv("\uFEFF科目编码,科目名称\r\n201,一般公共服务支出\r\n20101,人大事务\r\n",
 *   { scheme: "functional", year: 2026, source: "财政部《2026年政府收支分类科目》" });
 * if (r.ok) registerCatalog(createCatalog(r.data));
 * ```
 */
export function importCatalogCsv(text: string, options: ImportOptions): ImportResult {
  const rows = parseCsv(text);
  return importRows(
    rows,
    rows.map((_, i) => i + 1),
    options,
    `CSV import（${options.year}年）`,
  );
}

type ExcelCellValue = import("exceljs").CellValue;

function excelCell(value: ExcelCellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("result" in value) {
    const result: unknown = value.result;
    return typeof result === "string" || typeof result === "number" ? result : null;
  }
  if ("text" in value && typeof value.text === "string") return value.text;
  return null;
}

/**
 * Reads a catalog from an XLSX workbook (the first worksheet, or `sheet`), with the same header
 * rules as {@link importCatalogCsv}; row numbers in errors are the worksheet's. Number cells in the
 * 款/项/目 columns are read as two digits (1 → "01"). Never throws: an unreadable file is an error result.
 *
 * Needs exceljs, an optional peer dependency (`npm install exceljs`), loaded on first call; without it
 * the result is the error "安装 exceljs 以导入 XLSX 目录" (install exceljs to import XLSX catalogs).
 * {@link importCatalogCsv} needs nothing.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(await readFile("2026年政府收支分类科目.xlsx"));
 * const r = await importCatalogXlsx(bytes, { scheme: "functional", year: 2026 });
 * ```
 */
export async function importCatalogXlsx(data: Uint8Array, options: XlsxImportOptions): Promise<ImportResult> {
  let rows: RawCell[][];
  let rowNumbers: number[];
  let sheetName: string;
  const loaded = await loadExcel();
  if (!loaded.ok) {
    return {
      ok: false,
      errors: [
        loaded.missing
          ? rowError("import.needs-exceljs", {})
          : rowError("import.xlsx-unreadable", { detail: loaded.detail }),
      ],
    };
  }
  const ExcelJS = loaded.excel;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
    if (sheet === undefined) {
      return {
        ok: false,
        errors: [
          options.sheet === undefined
            ? rowError("import.no-sheets", {})
            : rowError("import.no-sheet", { sheet: options.sheet }),
        ],
      };
    }
    sheetName = sheet.name;
    rows = [];
    rowNumbers = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: RawCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(excelCell(row.getCell(c).value));
      rows.push(cells);
      rowNumbers.push(r);
    }
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, errors: [rowError("import.xlsx-unreadable", { detail })] };
  }
  return importRows(rows, rowNumbers, options, `XLSX import: ${sheetName}（${options.year}年）`);
}

/**
 * The data as JSON text (entries one per line, so that diffs of a catalog file stay readable), which
 * `createCatalog(JSON.parse(text))` loads again.
 *
 * @example
 * ```ts
 * const text = serializeCatalog(toCatalogData(getCatalog("functional")));
 * createCatalog(JSON.parse(text)).get("201")?.name; // "一般公共服务支出"
 * ```
 */
export function serializeCatalog(data: CatalogData): string {
  const entries = data.entries.map((e) => {
    const plain: CatalogEntry =
      e.formerNames === undefined || e.formerNames.length === 0
        ? { code: e.code, name: e.name, level: e.level }
        : {
            code: e.code,
            name: e.name,
            level: e.level,
            formerNames: e.formerNames.map((f) =>
              f.until === undefined ? { name: f.name } : { name: f.name, until: f.until },
            ),
          };
    return `    ${JSON.stringify(plain)}`;
  });
  const head = [
    `  "scheme": ${JSON.stringify(data.scheme)}`,
    `  "year": ${JSON.stringify(data.year)}`,
    `  "source": ${JSON.stringify(data.source)}`,
  ];
  const body = entries.length === 0 ? `  "entries": []` : `  "entries": [\n${entries.join(",\n")}\n  ]`;
  return `{\n${[...head, body].join(",\n")}\n}\n`;
}
