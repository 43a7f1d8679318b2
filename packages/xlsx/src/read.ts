/**
 * .xlsx → Grid. The bytes are inspected as they are inflated (see inspect.ts); each part that passed
 * goes straight to the SpreadsheetML reader (see sheet-xml.ts), so every part is inflated and parsed
 * once, and cells are counted again while reading as a second guard.
 */
import type { Cell, Grid, Sheet } from "@yusuan/disclosure";
import { evaluateFormulas } from "./evaluate";
import {
  errorText,
  inspectXlsx,
  type DeclaredSheet,
  type PartReader,
  type WorkbookRelation,
} from "./inspect";
import { resolveLimits, type Limits } from "./limits";
import { failure, type ReadFailure } from "./messages";
import { readDate1904, readSharedStrings, readStyles, readWorksheet } from "./sheet-xml";

/** A workbook read into a grid, with anything worth telling the user. */
export interface ReadSuccess {
  readonly ok: true;
  readonly grid: Grid;
  readonly warnings: string[];
}

/** The result of {@link readXlsx}. */
export type ReadResult = ReadSuccess | ReadFailure;

const WORKBOOK = "xl/workbook.xml";

/** Builds the grid's sheets from the parts inspection hands over. */
class GridReader implements PartReader {
  readonly sheets: Sheet[] = [];
  readonly warnings: string[] = [];
  private stylesPart = "xl/styles.xml";
  private stringsPart = "xl/sharedStrings.xml";
  private strings: string[] = [];
  private formats: (string | undefined)[] = [];
  private date1904 = false;
  private cells = 0;
  private formulasWithoutResult = 0;

  constructor(
    private readonly file: string,
    private readonly limits: Limits,
  ) {}

  wanted(relations: ReadonlyArray<WorkbookRelation>): string[] {
    this.stylesPart = relations.find((r) => r.type === "styles")?.part ?? this.stylesPart;
    this.stringsPart = relations.find((r) => r.type === "sharedStrings")?.part ?? this.stringsPart;
    return [this.stylesPart, this.stringsPart];
  }

  start(texts: ReadonlyMap<string, string>): ReadFailure | undefined {
    const date1904 = readDate1904(texts.get(WORKBOOK) ?? "");
    if (!date1904.ok) return this.bad(WORKBOOK, date1904.reason);
    this.date1904 = date1904.value;
    const styles = texts.get(this.stylesPart.toLowerCase());
    if (styles !== undefined) {
      const r = readStyles(styles);
      if (!r.ok) return this.bad(this.stylesPart, r.reason);
      this.formats = r.value;
    }
    const strings = texts.get(this.stringsPart.toLowerCase());
    if (strings !== undefined) {
      const r = readSharedStrings(strings);
      if (!r.ok) return this.bad(this.stringsPart, r.reason);
      this.strings = r.value;
    }
    return undefined;
  }

  sheet(declared: DeclaredSheet, xml: string): ReadFailure | undefined {
    const r = readWorksheet(xml, {
      strings: this.strings,
      formats: this.formats,
      date1904: this.date1904,
      maxCells: this.limits.maxCells - this.cells,
    });
    if (!r.ok) {
      if (r.tooManyCells)
        return failure("tooManyCells", {
          file: this.file,
          sheet: declared.name,
          part: declared.part,
          limit: this.limits.maxCells,
        });
      return this.bad(declared.part, r.reason);
    }
    const content = r.value;
    if (!content) return undefined;
    this.cells += content.cells;
    this.formulasWithoutResult += content.formulasWithoutResult;
    if (content.strays && content.strays.count > 0) {
      const at = content.strays.first.join("、");
      this.warnings.push(
        `文件“${this.file}”工作表“${declared.name}”有 ${content.strays.count} 个单元格远在其余内容之外（${at}），未读取。 / ` +
          `Sheet "${declared.name}" of "${this.file}" has ${content.strays.count} cell(s) far beyond the rest (${content.strays.first.join(", ")}); they were not read.`,
      );
    }
    this.sheets.push({
      name: declared.name,
      rows: content.rows,
      ...(content.merges.length ? { merges: content.merges } : {}),
      ...(declared.hidden ? { hidden: true } : {}),
      ...(content.hiddenRows.length ? { hiddenRows: content.hiddenRows } : {}),
    });
    return undefined;
  }

  /**
   * Works out the formulas saved without a result that are simple arithmetic; names the others,
   * which stay unknown (empty, `formulaWithoutResult`), never 0.
   */
  finish(): void {
    if (this.formulasWithoutResult === 0) return;
    const unknown = evaluateFormulas(this.sheets as { name: string; rows: (Cell | undefined)[][] }[]);
    if (unknown.length === 0) return;
    const shown = unknown
      .slice(0, 10)
      .map((u) => `${u.sheet}!${u.cell}`)
      .join("、");
    const more = unknown.length > 10 ? ` 等 ${unknown.length} 个` : "";
    const moreEn = unknown.length > 10 ? ` and ${unknown.length - 10} more` : "";
    this.warnings.push(
      `文件“${this.file}”中的公式没有保存计算结果，也无法在读取时算出（${shown}${more}），这些单元格的值未知，不按 0 处理。 / ` +
        `Formulas in "${this.file}" have no saved result and cannot be worked out on reading (${unknown
          .slice(0, 10)
          .map((u) => `${u.sheet}!${u.cell}`)
          .join(", ")}${moreEn}); their values are unknown, not 0.`,
    );
  }

  private bad(part: string, detail: string): ReadFailure {
    return failure("badXml", { file: this.file, part, detail });
  }
}

/**
 * Reads an .xlsx into a {@link Grid} (source kind "xlsx"). Never throws: broken, hostile or
 * oversized input gives `{ ok: false, code, message, messageEn }` naming the file and the part.
 * Each cell carries its raw value, its text as displayed under its number format, the format, and
 * its formula. A formula saved without a result is worked out when it is simple arithmetic over
 * cells (SUM of ranges, + and −, numbers); otherwise the cell keeps `formulaWithoutResult` and an
 * empty value: unknown, never 0. Merged ranges, hidden sheets
 * and hidden rows are kept; the cells a merge covers, other than its top-left, are empty.
 *
 * @example
 * ```ts
 * const result = await readXlsx(bytes, "2024年部门预算.xlsx");
 * if (result.ok) console.log(result.grid.sheets[0]?.rows[6]?.[4]?.text); // "1,234.00"
 * else console.error(result.message);
 * ```
 */
export async function readXlsx(
  data: Uint8Array,
  name: string,
  limits?: Partial<Limits>,
): Promise<ReadResult> {
  const caps = resolveLimits(limits);
  const reader = new GridReader(name, caps);
  const inspection = await inspectXlsx(data, name, caps, reader);
  if (!inspection.ok) return inspection;
  if (reader.sheets.length === 0) return failure("noSheets", { file: name });
  reader.finish();
  return {
    ok: true,
    grid: { source: { kind: "xlsx", name }, sheets: reader.sheets },
    warnings: [...inspection.warnings, ...reader.warnings],
  };
}

/**
 * Reads an .xlsx file from disk (Node). A file that cannot be opened, or is larger than
 * `limits.maxBytes`, gives a failure rather than an exception.
 *
 * @example
 * ```ts
 * const result = await readXlsxFile("预算.xlsx");
 * ```
 */
export async function readXlsxFile(path: string, limits?: Partial<Limits>): Promise<ReadResult> {
  const caps = resolveLimits(limits);
  const { readFile, stat } = await import("node:fs/promises");
  const { basename } = await import("node:path");
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.size > caps.maxBytes)
      return failure("tooBig", { file: name, size: info.size, limit: caps.maxBytes });
    const data = await readFile(path);
    return await readXlsx(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), name, caps);
  } catch (e) {
    return failure("fileError", { file: name, detail: errorText(e) });
  }
}
