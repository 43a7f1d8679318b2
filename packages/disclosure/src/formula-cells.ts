/**
 * Formula cells in a grid. A formula is a spreadsheet's own statement of what a cell is, so fill
 * never writes over one; and a formula whose result is unknown (saved without a result and too
 * complex for the reader to work out) is neither 0 nor blank: whatever it takes part in is left
 * undecided, and the document gets one finding naming those cells.
 */
import type { Grid } from "./grid";
import type { Finding, Location, RelatedLocation } from "./report";
import { defineRules } from "./rules/engine";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/**
 * Rule id of the finding about formulas with unknown results.
 *
 * @example
 * ```ts
 * analyze(grid).findings.filter((f) => f.rule === FORMULA_WITHOUT_RESULT_RULE); // at most one per workbook
 * ```
 */
export const FORMULA_WITHOUT_RESULT_RULE = "D5.formula-without-result";

/**
 * The rules about formula cells.
 *
 * @example
 * ```ts
 * formulaRules[0]!.id; // "D5.formula-without-result"
 * ```
 */
export const formulaRules = defineRules([
  {
    id: FORMULA_WITHOUT_RESULT_RULE,
    severity: "warning",
    title: T("公式没有保存计算结果", "Formulas without saved results"),
    description: T(
      "工作簿中的公式没有保存计算结果（文件未经 Excel 或 WPS 计算保存），且不是能在读取时算出的简单加减求和；这些单元格的值未知，涉及它们的关系不作判断。请在 Excel 或 WPS 中打开并保存后再检查。",
      "Formulas in the workbook have no saved result (the file was never calculated and saved by Excel or WPS) and are not simple sums the reader can work out; their values are unknown and relations that involve them are not judged. Open and save the file in Excel or WPS, then check again.",
    ),
    message: T(
      "公式没有保存计算结果：{cells}{more}。这些单元格的值未知，涉及它们的关系未作判断；请在 Excel 或 WPS 中打开并保存后再检查。",
      "Formulas without saved results: {cells}{more}. Their values are unknown and relations involving them were not judged; open and save the file in Excel or WPS, then check again.",
    ),
    messages: {
      more: T(" 等 {count} 个单元格", " and {rest} more"),
      separator: T("、", ", "),
    },
  },
]);

/** Cells of a grid that hold formulas, by "sheet!A1" key: true when the result is unknown. */
export type FormulaCells = ReadonlyMap<string, boolean>;

/**
 * The formula cells of a grid: `key(sheet, cell)` → whether the result is unknown.
 *
 * @example
 * ```ts
 * const cells = formulaCells(grid);
 * cells.get(formulaKey("表3", "E7")); // true: a formula with no result the reader could work out
 * ```
 */
export function formulaCells(grid: Grid): Map<string, boolean> {
  const out = new Map<string, boolean>();
  if (grid.source.kind !== "xlsx" && grid.source.kind !== "excel" && grid.source.kind !== "json") return out;
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (cell?.formula !== undefined)
          out.set(formulaKey(sheet.name, cell.address), cell.formulaWithoutResult === true);
      }
    }
  }
  return out;
}

/**
 * The key of a cell in {@link FormulaCells}.
 *
 * @example
 * ```ts
 * formulaKey("表1", "B7"); // "表1\u0001B7"
 * ```
 */
export function formulaKey(sheet: string, cell: string): string {
  return `${sheet}\u0001${cell}`;
}

/**
 * Whether a location is a formula cell with an unknown result.
 *
 * @example
 * ```ts
 * isUnknownAt(cells, { sheet: "表3", cell: "E7" }); // true or false
 * ```
 */
export function isUnknownAt(cells: FormulaCells, location: Location | undefined): boolean {
  return (
    location !== undefined &&
    "sheet" in location &&
    cells.get(formulaKey(location.sheet, location.cell)) === true
  );
}

/**
 * Whether a finding rests on a cell whose value is unknown (at its place or a related one).
 *
 * @example
 * ```ts
 * findings.filter((f) => !restsOnUnknown(f, cells));
 * ```
 */
export function restsOnUnknown(f: Finding, cells: FormulaCells): boolean {
  if (isUnknownAt(cells, f.location)) return true;
  return (f.related ?? []).some((r: RelatedLocation) => isUnknownAt(cells, r.location));
}

/**
 * The cells with unknown results, as "sheet!A1", in reading order.
 *
 * @example
 * ```ts
 * unknownCellNames(formulaCells(grid)); // ["表3!E7", "表3!E8"]
 * ```
 */
export function unknownCellNames(cells: FormulaCells): string[] {
  const out: string[] = [];
  for (const [key, unknown] of cells) if (unknown) out.push(key.replace("\u0001", "!"));
  return out;
}
