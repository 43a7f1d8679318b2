/**
 * The cells the worksheet reader makes. A sheet can hold two million of them, so each is a small class
 * instance whose address and number text are worked out only when asked for.
 */
import { cellAddress, type Cell, type RawValue } from "@yusuan/disclosure";
import { formatNumber } from "./format";

/**
 * A cell as the reader makes it: a sheet can hold two million, so its address and the text of a
 * number are worked out when first asked for, not stored up front. Plain values otherwise: it
 * reads like any other {@link Cell}.
 */
export class SheetCell implements Cell {
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
    const text = formatNumber(v, this.numberFormat === "General" ? undefined : this.numberFormat);
    this._text = text;
    return text;
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
