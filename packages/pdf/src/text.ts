import type { Grid } from "@yusuan/disclosure";

/**
 * Writes a grid as text in the format `readTextDocument` reads: one row per line, cells separated by
 * TAB, trailing empty cells dropped, sheets one after the other. A grid read from a PDF becomes the
 * document's text, ready for `yusuan convert --to text` or for reading back.
 *
 * @example
 * ```ts
 * const r = await readPdf(bytes, "a.pdf");
 * if (r.ok) writeFileSync("a.txt", gridToText(r.grid));
 * ```
 */
export function gridToText(grid: Grid): string {
  const out: string[] = [];
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      const cells = Array.from(row, (c) =>
        (c ? (c.text !== "" ? c.text : c.value === null ? "" : String(c.value)) : "").replace(
          /[\t\r\n]+/g,
          " ",
        ),
      );
      while (cells.length > 0 && cells[cells.length - 1]!.trim() === "") cells.pop();
      out.push(cells.join("\t"));
    }
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
