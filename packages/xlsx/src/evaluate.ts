/**
 * Formulas saved without a result (a file written by a program, never opened in a spreadsheet) are
 * worked out here when they are simple arithmetic over cells: numbers, cell references (also on
 * other sheets), + and −, parentheses, and SUM of cells and ranges. Anything else stays unknown, and
 * the reader says which cells; an unknown result is never read as 0.
 *
 * Sums are decimal (@yusuan/money), so 0.1 + 0.2 gives 0.3 as a spreadsheet shows it. The work is
 * bounded: each formula is parsed once, a cell is worked out once, chains of references end at a
 * fixed depth, and the cells a SUM may visit in all are capped, so a hostile workbook cannot make
 * this cost more than reading it did.
 */
import { Amount, decimalFromNumber } from "@yusuan/money";
import type { Cell } from "@yusuan/disclosure";
import { formatNumber } from "./format";

/** Formulas longer than this are not worked out (Excel's own limit is 8,192 characters). */
const MAX_FORMULA = 8192;
/** How deep a chain of formulas referring to formulas may go before the result is called unknown. */
const MAX_DEPTH = 200;
/** Cells all SUMs of a workbook may visit together. */
const MAX_VISITS = 4_000_000;

/** A sheet as the evaluator sees it: its name and its rows, whose formula cells it may update. */
export interface EvaluatedSheet {
  readonly name: string;
  readonly rows: (Cell | undefined)[][];
}

type Ref = { sheet: number; row: number; col: number };
type Node =
  | { k: "num"; v: Amount }
  | { k: "ref"; r: Ref }
  | { k: "neg"; a: Node }
  | { k: "add"; a: Node; b: Node; minus: boolean }
  | { k: "sum"; args: ({ k: "range"; from: Ref; to: Ref } | Node)[] };

const UNKNOWN = null;
type Value = Amount | typeof UNKNOWN;

class Unsupported extends Error {}

function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n - 1;
}

/** Recursive-descent parser over one formula; every step consumes input, so it is linear. */
class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly here: number,
    private readonly sheetIndex: (name: string) => number | undefined,
  ) {}

  parse(): Node {
    const node = this.expr(0);
    this.space();
    if (this.i !== this.s.length) throw new Unsupported();
    return node;
  }

  private space(): void {
    while (
      this.i < this.s.length &&
      (this.s[this.i] === " " || this.s[this.i] === "\n" || this.s[this.i] === "\r")
    )
      this.i++;
  }

  private expr(depth: number): Node {
    if (depth > 50) throw new Unsupported();
    let left = this.unary(depth);
    for (;;) {
      this.space();
      const c = this.s[this.i];
      if (c !== "+" && c !== "-") return left;
      this.i++;
      left = { k: "add", a: left, b: this.unary(depth), minus: c === "-" };
    }
  }

  private unary(depth: number): Node {
    this.space();
    const c = this.s[this.i];
    if (c === "+" || c === "-") {
      this.i++;
      const a = this.unary(depth + 1);
      return c === "-" ? { k: "neg", a } : a;
    }
    return this.primary(depth);
  }

  private primary(depth: number): Node {
    this.space();
    const s = this.s;
    const c = s[this.i];
    if (c === "(") {
      this.i++;
      const inner = this.expr(depth + 1);
      this.space();
      if (s[this.i] !== ")") throw new Unsupported();
      this.i++;
      return inner;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?/.exec(s.slice(this.i, this.i + 40));
    if (num && !/^[A-Za-z$:]/.test(s.slice(this.i + num[0].length, this.i + num[0].length + 1))) {
      this.i += num[0].length;
      const value = Number(num[0]);
      // A literal beyond the double range (1E+999) is #NUM! in Excel: not something to compute with.
      if (!Number.isFinite(value)) throw new Unsupported();
      return { k: "num", v: Amount.of(decimalFromNumber(value)) };
    }
    if (/^SUM\s*\(/i.test(s.slice(this.i, this.i + 8))) {
      this.i = s.indexOf("(", this.i) + 1;
      const args: ({ k: "range"; from: Ref; to: Ref } | Node)[] = [];
      this.space();
      if (s[this.i] === ")") throw new Unsupported();
      for (;;) {
        args.push(this.sumArg(depth + 1));
        this.space();
        if (s[this.i] === ",") this.i++;
        else if (s[this.i] === ")") {
          this.i++;
          return { k: "sum", args };
        } else throw new Unsupported();
      }
    }
    const r = this.ref();
    if (!r) throw new Unsupported();
    this.space();
    if (s[this.i] === ":") throw new Unsupported();
    return { k: "ref", r };
  }

  private sumArg(depth: number): { k: "range"; from: Ref; to: Ref } | Node {
    const start = this.i;
    const from = this.ref();
    if (from) {
      this.space();
      if (this.s[this.i] === ":") {
        this.i++;
        this.space();
        const to = this.cellOnly(from.sheet);
        if (!to) throw new Unsupported();
        return { k: "range", from, to };
      }
      this.space();
      // A lone reference in SUM counts like a one-cell range (text in it is ignored, not an error).
      const next = this.s[this.i];
      if (next === "," || next === ")") return { k: "range", from, to: from };
    }
    this.i = start;
    return this.expr(depth);
  }

  /** [sheet!]A1 with optional $ signs. */
  private ref(): Ref | undefined {
    const s = this.s;
    let sheet = this.here;
    const start = this.i;
    if (s[this.i] === "'") {
      let j = this.i + 1;
      let name = "";
      for (;;) {
        const q = s.indexOf("'", j);
        if (q < 0) return undefined;
        name += s.slice(j, q);
        if (s[q + 1] === "'") {
          name += "'";
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      if (s[j] !== "!") return undefined;
      const found = this.sheetIndex(name);
      if (found === undefined) throw new Unsupported();
      sheet = found;
      this.i = j + 1;
    } else {
      const m = /^([^\s!+\-*/(),:'"=<>&^%$\d][^\s!+\-*/(),:'"=<>&^%]{0,30})!/.exec(
        s.slice(this.i, this.i + 33),
      );
      if (m) {
        const found = this.sheetIndex(m[1]!);
        if (found === undefined) throw new Unsupported();
        sheet = found;
        this.i += m[0].length;
      }
    }
    const cell = this.cellOnly(sheet);
    if (!cell) this.i = start;
    return cell;
  }

  private cellOnly(sheet: number): Ref | undefined {
    const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})/.exec(this.s.slice(this.i, this.i + 14));
    if (!m) return undefined;
    const col = columnOf(m[1]!.toUpperCase());
    const row = Number(m[2]) - 1;
    if (col >= 16_384 || row >= 1_048_576) return undefined;
    const after = this.s[this.i + m[0].length];
    if (after !== undefined && /[\w.(!$]/.test(after)) return undefined;
    this.i += m[0].length;
    return { sheet, row, col };
  }
}

/**
 * Works out every formula cell of a workbook that has no saved result and is simple arithmetic
 * (see the module comment), replacing it in its sheet's rows by a cell with the value and the text
 * its number format shows. Returns the cells left unknown, by sheet, in reading order.
 *
 * @example
 * ```ts
 * const rows = [[{ address: "A1", row: 0, col: 0, value: 2, text: "2" },
 *   { address: "B1", row: 0, col: 1, value: null, text: "", formula: "A1+1", formulaWithoutResult: true }]];
 * evaluateFormulas([{ name: "S", rows }]); // []  (rows[0][1].value is now 3)
 * ```
 */
export function evaluateFormulas(sheets: ReadonlyArray<EvaluatedSheet>): { sheet: string; cell: string }[] {
  const byName = new Map<string, number>();
  for (const [i, s] of sheets.entries()) byName.set(s.name.toLowerCase(), i);
  const sheetIndex = (name: string): number | undefined => byName.get(name.toLowerCase());
  const memo = new Map<Cell, Value | "pending">();
  let visits = 0;

  const cellAt = (r: Ref): Cell | undefined => sheets[r.sheet]?.rows[r.row]?.[r.col];

  const resolve = (cell: Cell, sheet: number, depth: number): Value => {
    if (!cell.formulaWithoutResult) return plain(cell);
    const known = memo.get(cell);
    if (known === "pending") return UNKNOWN; // a circular reference
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return UNKNOWN;
    memo.set(cell, "pending");
    let result: Value = UNKNOWN;
    const formula = cell.formula ?? "";
    if (formula.length <= MAX_FORMULA) {
      try {
        const node = new Parser(formula.replace(/^=/, ""), sheet, sheetIndex).parse();
        result = value(node, depth + 1);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        result = UNKNOWN;
      }
    }
    memo.set(cell, result);
    if (result !== UNKNOWN) {
      const n = Number(result.toString());
      const rows = sheets[sheet]!.rows;
      rows[cell.row]![cell.col] = withResult(cell, n);
    }
    return result;
  };

  // A plain cell in arithmetic: empty is 0, a number is itself, anything else is unknown (#VALUE!).
  const plain = (cell: Cell): Value => {
    if (cell.value === null) return cell.formula !== undefined ? UNKNOWN : Amount.zero();
    if (typeof cell.value === "number" && Number.isFinite(cell.value))
      return Amount.of(decimalFromNumber(cell.value));
    return UNKNOWN;
  };

  const value = (node: Node, depth: number): Value => {
    switch (node.k) {
      case "num":
        return node.v;
      case "ref": {
        const cell = cellAt(node.r);
        return cell ? resolve(cell, node.r.sheet, depth) : Amount.zero();
      }
      case "neg": {
        const a = value(node.a, depth);
        return a === UNKNOWN ? UNKNOWN : a.negate();
      }
      case "add": {
        const a = value(node.a, depth);
        if (a === UNKNOWN) return UNKNOWN;
        const b = value(node.b, depth);
        if (b === UNKNOWN) return UNKNOWN;
        return node.minus ? a.minus(b) : a.plus(b);
      }
      case "sum": {
        let total = Amount.zero();
        for (const arg of node.args) {
          if (arg.k !== "range") {
            const v = value(arg, depth);
            if (v === UNKNOWN) return UNKNOWN;
            total = total.plus(v);
            continue;
          }
          const rows = sheets[arg.from.sheet]?.rows ?? [];
          const top = Math.min(arg.from.row, arg.to.row);
          const bottom = Math.min(Math.max(arg.from.row, arg.to.row), rows.length - 1);
          const left = Math.min(arg.from.col, arg.to.col);
          const right = Math.max(arg.from.col, arg.to.col);
          // Only the cells that exist are visited, never the area of the range.
          for (let r = top; r <= bottom; r++) {
            const row = rows[r];
            if (!row) continue;
            const last = Math.min(right, row.length - 1);
            for (let c = left; c <= last; c++) {
              if (++visits > MAX_VISITS) return UNKNOWN;
              const cell = row[c];
              if (!cell) continue;
              if (cell.formulaWithoutResult) {
                const v = resolve(cell, arg.from.sheet, depth);
                if (v === UNKNOWN) return UNKNOWN;
                total = total.plus(v);
              } else if (typeof cell.value === "number" && Number.isFinite(cell.value))
                total = total.plus(Amount.of(decimalFromNumber(cell.value)));
              else if (typeof cell.value === "string" && isErrorText(cell.value)) return UNKNOWN;
            }
          }
        }
        return total;
      }
    }
  };

  const unknown: { sheet: string; cell: string }[] = [];
  sheets.forEach((sheet, s) => {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (!cell?.formulaWithoutResult) continue;
        if (resolve(cell, s, 0) === UNKNOWN) unknown.push({ sheet: sheet.name, cell: cell.address });
      }
    }
  });
  return unknown;
}

function isErrorText(s: string): boolean {
  return /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/.test(s);
}

function withResult(cell: Cell, n: number): Cell {
  return {
    address: cell.address,
    row: cell.row,
    col: cell.col,
    value: n,
    text: formatNumber(n, cell.numberFormat === "General" ? undefined : cell.numberFormat),
    ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}),
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
  };
}
