/**
 * What each button of the task pane needs from Excel. The manifest asks only for ExcelApi 1.1, so the
 * pane loads in every Excel since 2016; each action's newer calls are checked here, at run time, so that
 * the pane can say which button needs a newer Excel instead of failing when it is clicked.
 */

/** The actions of the pane that call Excel. */
export type Action = "check" | "mark" | "clearMarks" | "fill" | "waive" | "template" | "narrative";

/**
 * The lowest ExcelApi set of each action, from the calls the adapter makes:
 * - check 1.1: values, texts, formats and formulas of the used ranges (`getUsedRangeOrNullObject` 1.4
 *   and the workbook's name 1.7 are used when present);
 * - mark / clear marks 1.9: the fill pattern (to put the formatting back exactly) and the workbook
 *   settings (1.4) that keep the previous fills;
 * - fill (preview, apply, undo) 1.1: values, formulas and number formats of single cells;
 * - waive, template, narrative 1.7: `getItemOrNullObject` (1.4), `getRangeByIndexes` (1.7), merges
 *   and column widths (1.2).
 *
 * @example ACTION_REQUIREMENTS.mark // "1.9"
 */
export const ACTION_REQUIREMENTS: Readonly<Record<Action, string>> = {
  check: "1.1",
  mark: "1.9",
  clearMarks: "1.9",
  fill: "1.1",
  waive: "1.7",
  template: "1.7",
  narrative: "1.7",
};

/** Reading merged areas (better table recognition) needs ExcelApi 1.13; without it, check still works. */
export const MERGES_REQUIREMENT = "1.13";

/**
 * The Excel versions that first have an ExcelApi set, for the pane's message (Windows perpetual
 * versions; Microsoft 365, Excel on the web and Excel on Mac have every set).
 *
 * @example excelFor("1.9") // "Excel 2021"
 */
export function excelFor(version: string): string {
  const [, minor = "1"] = version.split(".");
  const n = Number(minor);
  if (n <= 1) return "Excel 2016";
  if (n <= 8) return "Excel 2019";
  if (n <= 14) return "Excel 2021";
  return "Excel 2024";
}

/**
 * The actions the host cannot run, with the set each needs.
 *
 * @example unsupportedActions((v) => v === "1.1") // [{ action: "mark", version: "1.9" }, …]
 */
export function unsupportedActions(
  supports: (version: string) => boolean,
): { action: Action; version: string }[] {
  return (Object.entries(ACTION_REQUIREMENTS) as [Action, string][])
    .filter(([, version]) => !supports(version))
    .map(([action, version]) => ({ action, version }));
}
