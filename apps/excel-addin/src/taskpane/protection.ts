/** Sheet and workbook protection, checked before an action writes, so that the pane can say what blocks it. */
import { readProtection } from "../adapter";
import type { MessageKey } from "./i18n";
import type { Pane } from "./pane";

/**
 * Says, before trying, when sheet or workbook protection blocks an action: the sheets it would write
 * to, and whether it adds a sheet — `true` for an action that always adds one, or the name of the sheet
 * it writes, which it adds only when the workbook lacks it (read from the workbook itself, hidden sheets
 * included). True when blocked. Without ExcelApi 1.2 nothing can be read: false.
 * @example if (await protectionBlocks(pane, "mark", ["T3"], false)) return;
 */
export async function protectionBlocks(
  pane: Pane,
  action: MessageKey,
  sheets: Iterable<string>,
  adds: boolean | string,
): Promise<boolean> {
  const { L, lang } = pane;
  if (!pane.supports("1.2")) return false;
  const protection = await readProtection(pane.run, pane.supports);
  const locked = [...new Set(sheets)].filter((s) => protection.sheets.includes(s));
  if (locked.length > 0) {
    pane.say(
      L("sheetProtected", {
        action: L(action),
        sheets: locked.map((s) => `“${s}”`).join(lang === "en" ? ", " : "、"),
      }),
    );
    return true;
  }
  const addsSheet = typeof adds === "string" ? !protection.names.includes(adds) : adds;
  if (addsSheet && protection.structure) {
    pane.say(L("structureProtected", { action: L(action) }));
    return true;
  }
  return false;
}
