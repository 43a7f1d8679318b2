/**
 * Reads the SpreadsheetML a Grid needs, straight from the parts' XML: shared strings, the number
 * format of each cell style, the 1904 date system, and worksheets (values, formulas, shared formulas,
 * merges, hidden rows). Everything else in a workbook (fonts, drawings, comments, …) is skipped.
 */
import {
  cellAddress,
  parseRange as parseGridRange,
  type Cell,
  type CellRange,
  type RawValue,
} from "@yusuan/disclosure";
import { dateToSerial, formatDate, formatNumber, MAX_FORMAT_LENGTH } from "./format";

/** Excel's longest formula; a longer one is kept as text and never moved or worked out. */
const MAX_FORMULA_LENGTH = 8192;
import { parseXml, XmlError, type XmlHandler } from "./xml";

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

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

/** 0-based row and column of a strict A1 reference ("B7"); undefined when it is not one in range. */
function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0); c >= 65 && c <= 90 && i < 3; c = ref.charCodeAt(++i))
    col = col * 26 + c - 64;
  if (i === 0 || i === ref.length || ref.charCodeAt(i) === 48 || ref.length - i > 7) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return row <= MAX_ROW && col <= MAX_COL ? { row: row - 1, col: col - 1 } : undefined;
}

/**
 * Parses "A1:D3" (or "A1") into a 0-based range; undefined when it is not a cell range.
 *
 * @example
 * ```ts
 * parseRange("A1:D1"); // { top: 0, left: 0, bottom: 0, right: 3 }
 * ```
 */
export function parseRange(ref: string): CellRange | undefined {
  if (ref.length > 40) return undefined;
  const range = parseGridRange(ref.trim().toUpperCase());
  return range && range.bottom < MAX_ROW && range.right < MAX_COL ? range : undefined;
}

function letters(col: number): string {
  return cellAddress(0, col).slice(0, -1);
}

// One pass over a formula: string literals, quoted sheet names and bracketed (table or external)
// references are kept as they are; cell references, column ranges and row ranges move; names,
// functions and numbers are kept.
const FORMULA_TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!$])|(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w.(!])|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(!])|[A-Za-z_\\][\w.\\]*\(?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/g;

/**
 * Moves a formula's relative references by a number of rows and columns, as Excel does for each
 * cell of a shared formula: `$` parts stay, text in quotes stays, a reference moved off the sheet
 * becomes #REF!.
 *
 * @example
 * ```ts
 * moveFormula("B6*2+$A$1", 0, 1);      // "C6*2+$A$1"
 * moveFormula("SUM(B2:B5)", 3, 0);     // "SUM(B5:B8)"
 * moveFormula('"A1"&A1', 1, 0);        // '"A1"&A2'
 * ```
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  // Longer than Excel allows: not a formula to move (and the token pattern stays linear in practice).
  if ((rows === 0 && cols === 0) || formula.length > MAX_FORMULA_LENGTH) return formula;
  const col = (abs: string, l: string): string | undefined => {
    const c = columnIndex(l.toUpperCase());
    if (c >= MAX_COL) return undefined;
    const moved = abs ? c : c + cols;
    return moved < 0 || moved >= MAX_COL ? "" : abs + letters(moved);
  };
  const row = (abs: string, digits: string): string => {
    const r = Number(digits) - 1;
    const moved = abs ? r : r + rows;
    return moved < 0 || moved >= MAX_ROW ? "" : abs + String(moved + 1);
  };
  return formula.replace(FORMULA_TOKEN, (whole: string, ...g: (string | undefined)[]) => {
    if (g[1] !== undefined) {
      const a = col(g[0]!, g[1]);
      const b = col(g[2]!, g[3]!);
      if (a === undefined || b === undefined) return whole;
      return a && b ? `${a}:${b}` : "#REF!";
    }
    if (g[5] !== undefined) {
      const a = row(g[4]!, g[5]);
      const b = row(g[6]!, g[7]!);
      return a && b ? `${a}:${b}` : "#REF!";
    }
    if (g[9] !== undefined) {
      const c = col(g[8]!, g[9]);
      if (c === undefined || Number(g[11]) > MAX_ROW || Number(g[11]) < 1) return whole;
      const r = row(g[10]!, g[11]!);
      return c && r ? c + r : "#REF!";
    }
    return whole;
  });
}

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

/** A worksheet read into grid rows. */
export interface SheetContent {
  readonly rows: (Cell | undefined)[][];
  readonly merges: CellRange[];
  /** Hidden rows that hold a value or part of a merge, ascending. */
  readonly hiddenRows: number[];
  /** Cells with a value. */
  readonly cells: number;
  /** Formula cells with no saved result. */
  readonly formulasWithoutResult: number;
  /** Cells set aside because they lie far beyond the rest (how many, and the first addresses). */
  readonly strays?: { readonly count: number; readonly first: readonly string[] };
}

/** The result of {@link readWorksheet}. */
export type WorksheetResult =
  | { readonly ok: true; readonly value: SheetContent | undefined }
  | { readonly ok: false; readonly reason: string; readonly tooManyCells?: true };

class Stop extends Error {}

/**
 * A cell as the reader makes it: a sheet can hold two million, so its address and the text of a
 * number are worked out when first asked for, not stored up front. Plain values otherwise: it
 * reads like any other {@link Cell}.
 */
class SheetCell implements Cell {
  private _text: string | undefined;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly value: RawValue,
    readonly numberFormat: string,
    text: string | undefined,
  ) {
    this._text = text;
  }

  get address(): string {
    return cellAddress(this.row, this.col);
  }

  get text(): string {
    if (this._text !== undefined) return this._text;
    const v = this.value;
    if (v === null) return "";
    if (typeof v === "string") return v;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    // Dates arrive with their text; any other number is shown under its format (General when none).
    return (this._text = formatNumber(v, this.numberFormat === "General" ? undefined : this.numberFormat));
  }

  toJSON(): Cell {
    return plainCell(this);
  }
}

/**
 * A cell as a plain object with its own properties (for comparing, serialising or copying).
 *
 * @example
 * ```ts
 * plainCell(cell); // { address: "B7", row: 6, col: 1, value: 1234.5, text: "1,234.50", numberFormat: "#,##0.00" }
 * ```
 */
export function plainCell(c: Cell): Cell {
  return {
    address: c.address,
    row: c.row,
    col: c.col,
    value: c.value,
    text: c.text,
    ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
    ...(c.formula !== undefined ? { formula: c.formula } : {}),
    ...(c.formulaWithoutResult ? { formulaWithoutResult: true } : {}),
  };
}

const EMPTY_ROW: ReadonlyArray<Cell | undefined> = Object.freeze([]);

interface Shared {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

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
  const { strings, formats, date1904, maxCells } = context;
  const placed: Cell[] = [];
  const merges: CellRange[] = [];
  const hidden: number[] = [];
  const shared = new Map<string, Shared>();
  let root: string | undefined;
  let withoutResult = 0;
  let fault: string | undefined;

  let rowIndex = -1;
  let lastCol = -1;
  // The cell being read.
  let inCell = false;
  let row = 0;
  let col = 0;
  let style: string | undefined;
  let type = "n";
  let v: string | undefined;
  let f: string | undefined;
  let fType: string | undefined;
  let fShared: { si: string; master: boolean } | undefined;
  let inline: string | undefined;
  let capture: "v" | "f" | "t" | undefined;

  const fail = (reason: string): never => {
    fault = reason;
    throw new Stop();
  };

  const finishCell = (): void => {
    const format = style === undefined ? formats[0] : formats[Number(style)];
    let out: { value: RawValue; text: string | undefined } | undefined;
    let formula: string | undefined;
    let noResult = false;
    if (f !== undefined || fType !== undefined) {
      formula = f ?? "";
      if (fShared) {
        if (fShared.master) shared.set(fShared.si, { row, col, formula });
        else if (!formula) {
          const master = shared.get(fShared.si);
          formula = master ? moveFormula(master.formula, row - master.row, col - master.col) : "";
        }
      }
      if (v === "" && type === "str") out = { value: "", text: "" };
      else if (v === undefined || v === "") {
        out = { value: null, text: "" };
        noResult = true;
      } else out = typed(type === "s" || type === "inlineStr" || type === "d" ? "n" : type, v, format);
    } else if (type === "inlineStr" && (inline !== undefined || v !== undefined)) {
      const s = inline ?? v ?? "";
      if (s !== "") out = { value: s, text: s };
    } else if (v !== undefined && v !== "") {
      if (type === "s") {
        const s = /^\s*\d{1,10}\s*$/.test(v) ? strings[Number(v)] : undefined;
        if (s === undefined)
          fail(
            `单元格 ${cellAddress(row, col)} 引用了不存在的共享字符串 ${v.slice(0, 12)} / cell refers to a missing shared string`,
          );
        out = { value: s!, text: s! };
      } else out = typed(type, v, format);
    }
    if (!out) return;
    if (placed.length >= maxCells) {
      fault = "tooManyCells";
      throw new Stop();
    }
    const cell = new SheetCell(row, col, out.value, format ?? "General", out.text) as SheetCell & {
      formula?: string;
      formulaWithoutResult?: boolean;
    };
    if (formula !== undefined) cell.formula = formula;
    if (noResult) (cell.formulaWithoutResult = true), withoutResult++;
    placed.push(cell);
  };

  // A number's text is left to the cell, which works it out when asked (see SheetCell).
  const typed = (
    t: string,
    raw: string,
    format: string | undefined,
  ): { value: RawValue; text: string | undefined } => {
    switch (t) {
      case "str":
      case "s":
      case "inlineStr":
        return { value: raw, text: raw };
      case "b": {
        const t = raw.trim();
        if (t !== "0" && t !== "1" && t !== "true" && t !== "false")
          fail(`单元格 ${cellAddress(row, col)} 的逻辑值“${raw.slice(0, 20)}”无效 / invalid boolean`);
        const b = t === "1" || t === "true";
        return { value: b, text: b ? "TRUE" : "FALSE" };
      }
      case "e":
        return { value: raw, text: raw };
      case "d":
        return dated(new Date(raw), format);
      default: {
        // Strictly xsd:double: "1,234" or "0x10" is a corrupt value, not 1 or 0.
        const n = NUMBER.test(raw) ? Number(raw) : NaN;
        if (Number.isNaN(n))
          fail(`单元格 ${cellAddress(row, col)} 的数值“${raw.slice(0, 20)}”无效 / invalid number`);
        if (!Number.isFinite(n)) return { value: null, text: "" };
        if (holdsDate(format)) {
          return dated(new Date(Math.round((n - (date1904 ? 24_107 : 25_569)) * 86_400_000)), format);
        }
        return { value: n, text: undefined };
      }
    }
  };

  const dated = (date: Date, format: string | undefined): { value: RawValue; text: string } => {
    if (Number.isNaN(date.getTime())) return { value: null, text: "" };
    return {
      value: dateToSerial(date, date1904),
      text: formatDate(date, format && /[ymdhs]/i.test(format) ? format : "yyyy/m/d"),
    };
  };

  const reason = (() => {
    try {
      return walk(xml, {
        open(name, attrs, path) {
          const depth = path.length;
          if (depth === 0) {
            root = name;
            if (name !== "worksheet") throw new Stop();
            return;
          }
          if (inCell) {
            const p = path[depth - 1];
            if (p === "c") {
              if (name === "v") (capture = "v"), (v ??= "");
              else if (name === "f") {
                capture = "f";
                // <f/> with neither text nor a type is no formula; a shared clone has a type and no text.
                fType = attrs.get("t");
                const si = attrs.get("si");
                if (fType === "shared" && si !== undefined) fShared = { si, master: attrs.has("ref") };
              } else if (name === "is") inline = "";
            } else if (
              name === "t" &&
              inline !== undefined &&
              (p === "is" || (p === "r" && path[depth - 2] === "is"))
            ) {
              capture = "t";
            }
            return;
          }
          if (name === "row" && depth === 2 && path[1] === "sheetData") {
            const r = attrs.get("r");
            if (r === undefined) rowIndex++;
            else {
              if (!/^[1-9]\d{0,6}$/.test(r) || Number(r) > MAX_ROW)
                fail(`行号“${r.slice(0, 12)}”无效 / invalid row number`);
              rowIndex = Number(r) - 1;
            }
            lastCol = -1;
            if (isTrue(attrs.get("hidden"))) hidden.push(rowIndex);
          } else if (name === "c" && depth === 3 && path[2] === "row") {
            const r = attrs.get("r");
            if (r === undefined) {
              row = Math.max(rowIndex, 0);
              col = lastCol + 1;
              if (col >= MAX_COL) fail("单元格超出最后一列 / cell beyond the last column");
            } else {
              const at = parseCellRef(r);
              if (!at) fail(`单元格地址“${r.slice(0, 12)}”无效 / invalid cell address`);
              ({ row, col } = at!);
            }
            lastCol = col;
            inCell = true;
            style = attrs.get("s");
            type = attrs.get("t") ?? "n";
            v = undefined;
            f = undefined;
            fType = undefined;
            fShared = undefined;
            inline = undefined;
          } else if (name === "mergeCell" && depth === 2 && path[1] === "mergeCells") {
            const range = parseRange(attrs.get("ref") ?? "");
            if (range) merges.push(range);
          }
        },
        close(name, path) {
          if (!inCell) return;
          if (name === "c" && path.length === 3) {
            inCell = false;
            finishCell();
          } else if (capture && (name === "v" || name === "f" || name === "t")) capture = undefined;
        },
        text(text) {
          if (capture === "v") v = v === undefined ? text : v + text;
          else if (capture === "f") f = f === undefined ? text : f + text;
          else if (capture === "t") inline += text;
        },
      });
    } catch (e) {
      if (e instanceof Stop) return fault;
      if (e instanceof XmlError) return e.message;
      throw e;
    }
  })();
  if (root !== undefined && root !== "worksheet") return { ok: true, value: undefined };
  if (reason === "tooManyCells") return { ok: false, reason, tooManyCells: true };
  if (reason !== undefined) return { ok: false, reason };
  return place(placed, merges, hidden, withoutResult);
}

/** Empty rows (columns) between the used area and a few stray cells beyond it that set those cells apart. */
const STRAY_ROW_GAP = 10_000;
const STRAY_COL_GAP = 1_000;

/**
 * The used area of a sheet is where its cells are: a few cells far beyond the rest (one at XFD1048576)
 * would stretch every row and column loop to the sheet's edge, so they are set aside, by index of
 * the first one. Returns the cells kept.
 */
function withoutStrays(cells: Cell[], strays: string[]): Cell[] {
  const few = (n: number): boolean => n <= Math.max(10, Math.floor(cells.length / 100));
  let kept = cells;
  const last = kept[kept.length - 1];
  if (last && last.row > STRAY_ROW_GAP) {
    for (let i = 1; i < kept.length; i++) {
      if (kept[i]!.row - kept[i - 1]!.row > STRAY_ROW_GAP && few(kept.length - i)) {
        for (const c of kept.slice(i, i + 5)) strays.push(c.address);
        kept = kept.slice(0, i);
        break;
      }
    }
  }
  let maxCol = 0;
  for (const c of kept) if (c.col > maxCol) maxCol = c.col;
  if (maxCol > STRAY_COL_GAP) {
    const cols = Uint16Array.from(kept, (c) => c.col).sort();
    for (let i = 1; i < cols.length; i++) {
      if (cols[i]! - cols[i - 1]! > STRAY_COL_GAP && few(cols.length - i)) {
        const limit = cols[i - 1]!;
        const far = kept.filter((c) => c.col > limit);
        for (const c of far.slice(0, 5)) strays.push(c.address);
        kept = kept.filter((c) => c.col <= limit);
        break;
      }
    }
  }
  return kept;
}

/** Puts the cells in rows, leaving out those a merge covers, and keeps the hidden rows that count. */
function place(all: Cell[], merges: CellRange[], hidden: number[], withoutResult: number): WorksheetResult {
  if (all.some((c, i) => i > 0 && c.row < all[i - 1]!.row)) all.sort((a, b) => a.row - b.row);
  const strays: string[] = [];
  const cells = withoutStrays(all, strays);
  const index = new MergeIndex(merges);
  const rows: (Cell | undefined)[][] = [];
  let count = 0;
  for (const cell of cells) {
    const covering = index.at(cell.row, cell.col);
    if (covering === "overlap")
      return { ok: false, reason: "合并单元格区域互相重叠 / merged ranges overlap" };
    if (covering && (covering.top !== cell.row || covering.left !== cell.col)) continue;
    const row = (rows[cell.row] ??= []);
    if (row[cell.col] === undefined) count++;
    row[cell.col] = cell;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= EMPTY_ROW as (Cell | undefined)[];
  // A hidden row counts when it holds a value or part of a merge other than a lone top-left cell.
  const hiddenRows: number[] = [];
  const hiddenIndex = new MergeIndex(merges);
  for (const r of [...new Set(hidden)].sort((a, b) => a - b)) {
    const hasValue = (rows[r]?.length ?? 0) > 0;
    if (hasValue || hiddenIndex.spansRow(r)) hiddenRows.push(r);
  }
  return {
    ok: true,
    value: {
      rows,
      merges,
      hiddenRows,
      cells: count,
      formulasWithoutResult: withoutResult,
      strays: { count: all.length - cells.length, first: strays },
    },
  };
}

/**
 * Which merge covers a cell, for rows visited in ascending order: the merges spanning the current
 * row, sorted by left column, searched by bisection.
 */
class MergeIndex {
  private readonly byTop: CellRange[];
  private next = 0;
  private active: CellRange[] = [];
  private row = -1;

  constructor(merges: readonly CellRange[]) {
    this.byTop = [...merges].sort((a, b) => a.top - b.top);
  }

  private advance(row: number): boolean {
    if (row === this.row) return true;
    this.row = row;
    let changed = false;
    const kept = this.active.filter((m) => m.bottom >= row);
    if (kept.length !== this.active.length) changed = true;
    while (this.next < this.byTop.length && this.byTop[this.next]!.top <= row) {
      const m = this.byTop[this.next++]!;
      if (m.bottom >= row) kept.push(m), (changed = true);
    }
    this.active = kept;
    if (changed) {
      kept.sort((a, b) => a.left - b.left);
      for (let i = 1; i < kept.length; i++) if (kept[i]!.left <= kept[i - 1]!.right) return false;
    }
    return true;
  }

  at(row: number, col: number): CellRange | undefined | "overlap" {
    if (this.byTop.length === 0) return undefined;
    if (!this.advance(row)) return "overlap";
    const a = this.active;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = a[mid]!;
      if (col < m.left) hi = mid - 1;
      else if (col > m.right) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  /** True when some merge has a covered (non top-left) cell in the row. */
  spansRow(row: number): boolean {
    if (this.byTop.length === 0) return false;
    this.advance(row);
    return this.active.some((m) => row > m.top || m.right > m.left);
  }
}
