/**
 * A1-address helpers for the add-in. Office returns addresses with a sheet prefix ("'My Sheet'!B3:D9");
 * the engine wants 0-based rows and columns. Kept here, small and dependency-free, so the adapter and
 * the fake workbook share one reading of addresses.
 */
import { cellAddress, parseRange } from "@yusuan/disclosure";

/** A rectangle of cells, 0-based and inclusive (the same shape as the engine's `CellRange`). */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A1 address of a rectangle: one cell gives "E7", more give "B3:D9".
 * @example rectAddress({ top: 2, left: 1, bottom: 8, right: 3 }) // "B3:D9"
 */
export function rectAddress(rect: Rect): string {
  const start = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${cellAddress(rect.bottom, rect.right)}`;
}

/**
 * Splits "'My Sheet'!B3:D9" into the sheet name and the local part; a name in quotes has '' for '.
 * @example splitSheet("'T 1'!A1") // { sheet: "T 1", local: "A1" }
 */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/**
 * Parses a local or sheet-qualified A1 address or range ("B3", "$B$3:$D$9", "Sheet1!B3:D9").
 * @example parseRect("B3:D9") // { top: 2, left: 1, bottom: 8, right: 3 }
 */
export function parseRect(address: string): Rect | undefined {
  return parseRange(splitSheet(address).local);
}

/**
 * Splits a multi-area address ("S!A1:B2, S!D4:E5") into its areas; commas inside a quoted sheet
 * name do not split.
 * @example splitAreas("S!A1:B2,S!D4") // ["S!A1:B2", "S!D4"]
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * The sheet name as Office prints it in an address: quoted when it holds anything but letters,
 * digits, CJK characters, "_" and ".".
 * @example quoteSheet("My Sheet") // "'My Sheet'"
 */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
}
