/**
 * Reads the SpreadsheetML a Grid needs, straight from the parts' XML: shared strings, the number
 * format of each cell style, the 1904 date system, and worksheets (values, formulas, shared formulas,
 * merges, hidden rows). Everything else in a workbook (fonts, drawings, comments, …) is skipped.
 */
import { cellAddress, type Cell, type CellRange, type RawValue } from "@yusuan/disclosure";
import { MAX_COL, MAX_ROW, parseCellRef, parseRange } from "./cell-ref";
import { dateToSerial, formatDate, MAX_FORMAT_LENGTH } from "./format";
import { moveFormula } from "./move-formula";
import { SheetCell } from "./sheet-cell";
import { placeCells, type SheetContent } from "./sheet-layout";
import { parseXml, XmlError, type XmlHandler } from "./xml";

export { parseRange } from "./cell-ref";
export { moveFormula } from "./move-formula";
export { plainCell } from "./sheet-cell";
export type { SheetContent } from "./sheet-layout";

/** A part read, or why it could not be ("中文 / English"). */
export type PartResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/**
 * The built-in number formats a style may refer to by id alone. Ids whose code depends on the
 * locale (27–36, 50–58 and the Thai ones) have no fixed code; cells using them show as General.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = Object.freeze({
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
});

/**
 * True when a number stored under this format is a date: once bracketed and quoted text is removed,
 * a date or time letter remains. This decides whether a cell's value is a date serial (and is shown
 * as a date); the rendering itself is format.ts's.
 *
 * @example
 * ```ts
 * holdsDate("yyyy-mm-dd");  // true
 * holdsDate('#,##0.00"元"'); // false
 * ```
 */
export function holdsDate(format: string | undefined): boolean {
  if (!format || format.length > MAX_FORMAT_LENGTH) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * Undoes the `_xHHHH_` escapes Excel writes for characters XML cannot hold (a literal "_x" is
 * itself written as "_x005F_x").
 *
 * @example
 * ```ts
 * unescapeExcel("a_x000D_b");      // "a\rb"
 * unescapeExcel("_x005F_x0041_");  // "_x0041_"
 * ```
 */
export function unescapeExcel(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Runs the tokenizer with a path of open element names, so handlers can check where they are. */
function walk(
  xml: string,
  on: {
    open?(name: string, attrs: ReadonlyMap<string, string>, path: readonly string[]): void;
    close?(name: string, path: readonly string[]): void;
    text?(text: string, path: readonly string[]): void;
  },
): string | undefined {
  const path: string[] = [];
  const handler: XmlHandler = {
    open(name, attrs) {
      on.open?.(name, attrs, path);
      path.push(name);
    },
    close(name) {
      path.pop();
      on.close?.(name, path);
    },
    text(text) {
      on.text?.(text, path);
    },
  };
  return parseXml(xml, handler);
}

const parent = (path: readonly string[], up = 1): string | undefined => path[path.length - up];

/**
 * The shared string table: plain or rich text (runs concatenated), phonetic guides left out,
 * entities and `_xHHHH_` escapes decoded.
 *
 * @example
 * ```ts
 * const r = readSharedStrings(`<sst><si><t>一般</t></si><si><r><t>公共</t></r><r><t>预算</t></r></si></sst>`);
 * if (r.ok) r.value; // ["一般", "公共预算"]
 * ```
 */
export function readSharedStrings(xml: string): PartResult<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  const reason = walk(xml, {
    open(name, _attrs, path) {
      if (name === "si" && path.length === 1) current = [];
      else if (name === "t" && current) {
        // <si><t> or <si><r><t>, never the <t> of a phonetic run (<rPh>).
        inText = parent(path) === "si" || (parent(path) === "r" && parent(path, 2) === "si");
        if (inText) current.push("");
      }
    },
    close(name, path) {
      if (name === "t") inText = false;
      else if (name === "si" && path.length === 1 && current) {
        strings.push(current.length === 1 ? current[0]! : current.join(""));
        current = undefined;
      }
    },
    text(text) {
      if (inText && current) current[current.length - 1] += text;
    },
  });
  if (reason !== undefined) return { ok: false, reason };
  for (let i = 0; i < strings.length; i++) strings[i] = unescapeExcel(strings[i]!);
  return { ok: true, value: strings };
}

/**
 * The number format code of each cell style (cellXfs), by style index: custom codes from <numFmts>,
 * otherwise {@link BUILTIN_FORMATS}; undefined for General and for ids with no fixed code.
 *
 * @example
 * ```ts
 * const r = readStyles(`<styleSheet><numFmts><numFmt numFmtId="164" formatCode="#,##0.00_ "/></numFmts>` +
 *   `<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`);
 * if (r.ok) r.value; // [undefined, "#,##0.00_ ", "#,##0.00"]
 * ```
 */
export function readStyles(xml: string): PartResult<(string | undefined)[]> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let hostile: string | undefined;
  const reason = walk(xml, {
    open(name, attrs, path) {
      if (path.length !== 2) return;
      if (name === "numFmt" && path[1] === "numFmts") {
        const id = Number(attrs.get("numFmtId"));
        const code = attrs.get("formatCode");
        if (code !== undefined && code.length > MAX_FORMAT_LENGTH && hostile === undefined) {
          hostile = `数字格式代码长达 ${code.length} 个字符（上限 ${MAX_FORMAT_LENGTH}），视为恶意内容 / a number format code of ${code.length} characters (limit ${MAX_FORMAT_LENGTH}) is refused as hostile`;
        }
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "xf" && path[1] === "cellXfs") {
        const id = Number(attrs.get("numFmtId") ?? 0);
        ids.push(Number.isInteger(id) ? id : 0);
      }
    },
  });
  if (reason !== undefined) return { ok: false, reason };
  if (hostile !== undefined) return { ok: false, reason: hostile };
  const formats = ids.map((id) => {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    return code === undefined || /^general$/i.test(code) ? undefined : code;
  });
  return { ok: true, value: formats };
}

/**
 * Whether a workbook counts dates from 1904 (`<workbookPr date1904="1"/>`).
 *
 * @example
 * ```ts
 * readDate1904(`<workbook><workbookPr date1904="1"/><sheets/></workbook>`); // { ok: true, value: true }
 * ```
 */
export function readDate1904(xml: string): PartResult<boolean> {
  let date1904 = false;
  const reason = walk(xml, {
    open(name, attrs, path) {
      if (name === "workbookPr" && path.length === 1) date1904 = isTrue(attrs.get("date1904"));
    },
  });
  return reason === undefined ? { ok: true, value: date1904 } : { ok: false, reason };
}

const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";

/** An xsd:double as SpreadsheetML stores numbers (surrounding whitespace allowed, as XML collapses it). */
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** What a worksheet needs from the rest of the workbook. */
export interface SheetContext {
  /** The shared string table. */
  readonly strings: ReadonlyArray<string>;
  /** Number format code by style index (undefined: General). */
  readonly formats: ReadonlyArray<string | undefined>;
  readonly date1904: boolean;
  /** Most cells with a value this sheet may hold. */
  readonly maxCells: number;
}

/** The result of {@link readWorksheet}. */
export type WorksheetResult =
  | { readonly ok: true; readonly value: SheetContent | undefined }
  | { readonly ok: false; readonly reason: string; readonly tooManyCells?: true };

/**
 * Reads one worksheet part into grid rows. Each cell gets its raw value (dates as serial numbers),
 * its text as displayed under its number format, the format, and its formula; the cells a merge
 * covers, other than its top-left, are left empty. `value` is undefined for a part that is not a
 * worksheet (a chart sheet). Stops as soon as the sheet holds more than `maxCells` cells.
 *
 * @example
 * ```ts
 * const r = readWorksheet(`<worksheet><sheetData><row r="1"><c r="A1"><v>1.5</v></c></row></sheetData></worksheet>`,
 *   { strings: [], formats: [], date1904: false, maxCells: 100 });
 * if (r.ok) r.value?.rows[0]?.[0]?.text; // "1.5"
 * ```
 */
export function readWorksheet(xml: string, context: SheetContext): WorksheetResult {
  const reader = new WorksheetReader(context);
  const reason = walkSheet(xml, reader);
  if (reader.root !== undefined && reader.root !== "worksheet") return { ok: true, value: undefined };
  if (reason === "tooManyCells") return { ok: false, reason, tooManyCells: true };
  if (reason !== undefined) return { ok: false, reason };
  return placeCells(reader.cells, reader.merges, reader.hidden, reader.withoutResult);
}

/**
 * Ends the walk of a worksheet early: with why it is refused ("tooManyCells" for the cell limit), or
 * with no reason when the part is not a worksheet.
 */
class Stop extends Error {
  constructor(readonly reason?: string) {
    super(reason);
  }
}

/** Walks a worksheet into the reader; returns why the part is refused, if it is. */
function walkSheet(xml: string, reader: WorksheetReader): string | undefined {
  try {
    return walk(xml, reader);
  } catch (e) {
    if (e instanceof Stop) return e.reason;
    if (e instanceof XmlError) return e.message;
    throw e;
  }
}

/** A cell's value and, for anything but a plain number, its text (a number's text is left to SheetCell). */
interface CellValue {
  readonly value: RawValue;
  readonly text: string | undefined;
  /** A formula cell with no saved result. */
  readonly noResult?: true;
}

/** The formula of a shared formula's master cell, where it is written. */
interface Shared {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/**
 * The state of reading one worksheet: the cells, merges and hidden rows found so far, and the cell
 * being read. Each element of sheetData goes to its own small method; anything that makes the part
 * unreadable throws {@link Stop}.
 */
class WorksheetReader {
  /** The root element's name, once seen. */
  root: string | undefined;
  readonly cells: Cell[] = [];
  readonly merges: CellRange[] = [];
  readonly hidden: number[] = [];
  withoutResult = 0;
  private readonly shared = new Map<string, Shared>();
  private rowIndex = -1;
  private lastCol = -1;
  // The cell being read: where it is, its attributes, and the text of its <v>, <f> and inline string.
  private inCell = false;
  private row = 0;
  private col = 0;
  private style: string | undefined;
  private type = "n";
  private v: string | undefined;
  private f: string | undefined;
  private fType: string | undefined;
  private fShared: { si: string; master: boolean } | undefined;
  private inline: string | undefined;
  private capture: "v" | "f" | "t" | undefined;

  constructor(private readonly context: SheetContext) {}

  open(name: string, attrs: ReadonlyMap<string, string>, path: readonly string[]): void {
    const depth = path.length;
    if (depth === 0) this.openRoot(name);
    else if (this.inCell) this.openInCell(name, attrs, path);
    else if (name === "row" && depth === 2 && path[1] === "sheetData") this.openRow(attrs);
    else if (name === "c" && depth === 3 && path[2] === "row") this.openCell(attrs);
    else if (name === "mergeCell" && depth === 2 && path[1] === "mergeCells") this.addMerge(attrs);
  }

  close(name: string, path: readonly string[]): void {
    if (!this.inCell) return;
    if (name === "c" && path.length === 3) {
      this.inCell = false;
      this.finishCell();
    } else if (this.capture && (name === "v" || name === "f" || name === "t")) this.capture = undefined;
  }

  text(text: string): void {
    if (this.capture === "v") this.v = this.v === undefined ? text : this.v + text;
    else if (this.capture === "f") this.f = this.f === undefined ? text : this.f + text;
    else if (this.capture === "t") this.inline += text;
  }

  /** A chart sheet or anything else that is not a worksheet is not read further. */
  private openRoot(name: string): void {
    this.root = name;
    if (name !== "worksheet") throw new Stop();
  }

  /** An element inside a cell: its value, formula, or the text of an inline string. */
  private openInCell(name: string, attrs: ReadonlyMap<string, string>, path: readonly string[]): void {
    const depth = path.length;
    const p = path[depth - 1];
    if (p === "c") {
      if (name === "v") {
        this.capture = "v";
        this.v ??= "";
      } else if (name === "f") this.openFormula(attrs);
      else if (name === "is") this.inline = "";
    } else if (
      name === "t" &&
      this.inline !== undefined &&
      (p === "is" || (p === "r" && path[depth - 2] === "is"))
    ) {
      this.capture = "t";
    }
  }

  private openFormula(attrs: ReadonlyMap<string, string>): void {
    this.capture = "f";
    // <f/> with neither text nor a type is no formula; a shared clone has a type and no text.
    this.fType = attrs.get("t");
    const si = attrs.get("si");
    if (this.fType === "shared" && si !== undefined) this.fShared = { si, master: attrs.has("ref") };
  }

  /** A row: its number (the one after the last when it has none), and whether it is hidden. */
  private openRow(attrs: ReadonlyMap<string, string>): void {
    const r = attrs.get("r");
    if (r === undefined) this.rowIndex++;
    else {
      if (!/^[1-9]\d{0,6}$/.test(r) || Number(r) > MAX_ROW)
        throw new Stop(`行号“${r.slice(0, 12)}”无效 / invalid row number`);
      this.rowIndex = Number(r) - 1;
    }
    this.lastCol = -1;
    if (isTrue(attrs.get("hidden"))) this.hidden.push(this.rowIndex);
  }

  /** A cell starts: where it is, its style and type; its value and formula come in its children. */
  private openCell(attrs: ReadonlyMap<string, string>): void {
    this.locateCell(attrs.get("r"));
    this.lastCol = this.col;
    this.inCell = true;
    this.style = attrs.get("s");
    this.type = attrs.get("t") ?? "n";
    this.v = undefined;
    this.f = undefined;
    this.fType = undefined;
    this.fShared = undefined;
    this.inline = undefined;
  }

  /** A cell's row and column: from its reference, or the one after the last when it has none. */
  private locateCell(r: string | undefined): void {
    if (r === undefined) {
      this.row = Math.max(this.rowIndex, 0);
      this.col = this.lastCol + 1;
      if (this.col >= MAX_COL) throw new Stop("单元格超出最后一列 / cell beyond the last column");
      return;
    }
    const at = parseCellRef(r);
    if (!at) throw new Stop(`单元格地址“${r.slice(0, 12)}”无效 / invalid cell address`);
    this.row = at.row;
    this.col = at.col;
  }

  private addMerge(attrs: ReadonlyMap<string, string>): void {
    const range = parseRange(attrs.get("ref") ?? "");
    if (range) this.merges.push(range);
  }

  /** A cell ends: keeps it when it has a value or a formula. */
  private finishCell(): void {
    const { formats } = this.context;
    const format = this.style === undefined ? formats[0] : formats[Number(this.style)];
    if (this.f !== undefined || this.fType !== undefined) {
      const formula = this.formula();
      this.addCell(this.formulaResult(format), format, formula);
    } else {
      const out = this.plainValue(format);
      if (out) this.addCell(out, format, undefined);
    }
  }

  private addCell(out: CellValue, format: string | undefined, formula: string | undefined): void {
    if (this.cells.length >= this.context.maxCells) throw new Stop("tooManyCells");
    const cell = new SheetCell(this.row, this.col, out.value, format ?? "General", out.text) as SheetCell & {
      formula?: string;
      formulaWithoutResult?: boolean;
    };
    if (formula !== undefined) cell.formula = formula;
    if (out.noResult) {
      cell.formulaWithoutResult = true;
      this.withoutResult++;
    }
    this.cells.push(cell);
  }

  /** The cell's formula; a clone of a shared formula gets its master's, moved to this cell. */
  private formula(): string {
    const formula = this.f ?? "";
    const fShared = this.fShared;
    if (!fShared) return formula;
    if (fShared.master) {
      this.shared.set(fShared.si, { row: this.row, col: this.col, formula });
      return formula;
    }
    if (formula) return formula;
    const master = this.shared.get(fShared.si);
    return master ? moveFormula(master.formula, this.row - master.row, this.col - master.col) : "";
  }

  /** The saved result of a formula cell; a formula whose result is a string or a date is read as a number. */
  private formulaResult(format: string | undefined): CellValue {
    const { type, v } = this;
    if (v === "" && type === "str") return { value: "", text: "" };
    if (v === undefined || v === "") return { value: null, text: "", noResult: true };
    return this.typed(type === "s" || type === "inlineStr" || type === "d" ? "n" : type, v, format);
  }

  /** The value of a cell with no formula; undefined when it has none. */
  private plainValue(format: string | undefined): CellValue | undefined {
    const { type, v } = this;
    if (type === "inlineStr" && (this.inline !== undefined || v !== undefined)) {
      const s = this.inline ?? v ?? "";
      return s !== "" ? { value: s, text: s } : undefined;
    }
    if (v === undefined || v === "") return undefined;
    return type === "s" ? this.sharedString(v) : this.typed(type, v, format);
  }

  private sharedString(index: string): CellValue {
    const s = /^\s*\d{1,10}\s*$/.test(index) ? this.context.strings[Number(index)] : undefined;
    if (s === undefined) {
      throw new Stop(
        `单元格 ${cellAddress(this.row, this.col)} 引用了不存在的共享字符串 ${index.slice(0, 12)} / cell refers to a missing shared string`,
      );
    }
    return { value: s, text: s };
  }

  /** A value as its cell type (`t`) says to read it. */
  private typed(t: string, raw: string, format: string | undefined): CellValue {
    switch (t) {
      case "str":
      case "s":
      case "inlineStr":
      case "e":
        return { value: raw, text: raw };
      case "b":
        return this.booleanValue(raw);
      case "d":
        return this.dateValue(new Date(raw), format);
      default:
        return this.numberValue(raw, format);
    }
  }

  private booleanValue(raw: string): CellValue {
    const t = raw.trim();
    if (t !== "0" && t !== "1" && t !== "true" && t !== "false")
      throw new Stop(
        `单元格 ${cellAddress(this.row, this.col)} 的逻辑值“${raw.slice(0, 20)}”无效 / invalid boolean`,
      );
    const b = t === "1" || t === "true";
    return { value: b, text: b ? "TRUE" : "FALSE" };
  }

  /** A number, or a date serial when its format holds a date. */
  private numberValue(raw: string, format: string | undefined): CellValue {
    // Strictly xsd:double: "1,234" or "0x10" is a corrupt value, not 1 or 0.
    const n = NUMBER.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(n))
      throw new Stop(
        `单元格 ${cellAddress(this.row, this.col)} 的数值“${raw.slice(0, 20)}”无效 / invalid number`,
      );
    if (!Number.isFinite(n)) return { value: null, text: "" };
    if (holdsDate(format)) {
      const epoch = this.context.date1904 ? 24_107 : 25_569;
      return this.dateValue(new Date(Math.round((n - epoch) * 86_400_000)), format);
    }
    return { value: n, text: undefined };
  }

  private dateValue(date: Date, format: string | undefined): CellValue {
    if (Number.isNaN(date.getTime())) return { value: null, text: "" };
    return {
      value: dateToSerial(date, this.context.date1904),
      text: formatDate(date, format && /[ymdhs]/i.test(format) ? format : "yyyy/m/d"),
    };
  }
}
