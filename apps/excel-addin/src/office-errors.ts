/**
 * Office's errors, said in the pane's language with what to do, instead of Office's raw English text.
 * Office.js rejects with an `OfficeExtension.Error` whose `code` is stable (`InvalidOperation`,
 * `AccessDenied`, `ItemNotFound`, …); the message is looked up by that code.
 */
import type { Lang } from "./taskpane/i18n";

const MESSAGES: Readonly<Record<string, { "zh-CN": string; en: string }>> = {
  AccessDenied: {
    "zh-CN":
      "Excel 拒绝了这次修改：工作表或工作簿结构受保护。请在“审阅 → 撤销工作表保护 / 保护工作簿”中取消保护后再试。",
    en: "Excel refused the change: the sheet or the workbook structure is protected. Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.",
  },
  InvalidOperation: {
    "zh-CN":
      "Excel 无法执行这项操作：工作表可能受保护，或正在编辑单元格。请按 Esc 结束编辑、取消保护后再试。",
    en: "Excel cannot do this now: the sheet may be protected, or a cell is being edited. Press Esc to finish editing, unprotect the sheet, and try again.",
  },
  ItemNotFound: {
    "zh-CN": "找不到相应的工作表或单元格，可能已被改名、移动或删除。请重新点击“检查”。",
    en: "The sheet or cell is gone (renamed, moved or deleted). Click Check again.",
  },
  ItemAlreadyExists: {
    "zh-CN": "已有同名的工作表。请改名或删除后再试。",
    en: "A sheet of that name already exists. Rename or delete it and try again.",
  },
  ApiNotFound: {
    "zh-CN": "此 Excel 版本不支持这项操作。请更新 Excel，或使用网页版 Excel。",
    en: "This version of Excel does not support this. Update Excel, or use Excel on the web.",
  },
  RequestPayloadSizeLimitExceeded: {
    "zh-CN":
      "一次传给 Excel 的数据过多（网页版 Excel 有大小限制）。请关闭其他工作簿后重试，或先删除不需要的工作表。",
    en: "Too much data in one request (Excel on the web limits its size). Close other workbooks and retry, or remove sheets you do not need.",
  },
  ResponsePayloadSizeLimitExceeded: {
    "zh-CN":
      "工作簿太大，超过了网页版 Excel 一次能返回的数据量。请使用桌面版 Excel，或先删除不需要的工作表。",
    en: "The workbook is too large for one response of Excel on the web. Use desktop Excel, or remove sheets you do not need.",
  },
  GeneralException: {
    "zh-CN": "Excel 未能完成这项操作。请稍后重试；如果反复出现，请保存并重新打开工作簿。",
    en: "Excel could not complete this. Try again shortly; if it keeps happening, save and reopen the workbook.",
  },
};

/**
 * What to tell the user about an error from Office (or anything else thrown during an action).
 * @example describeOfficeError({ code: "AccessDenied", message: "…" }, "zh-CN") // "Excel 拒绝了这次修改：…"
 */
export function describeOfficeError(error: unknown, lang: Lang): string {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : undefined;
  const known = code ? MESSAGES[code] : undefined;
  if (known) return known[lang];
  const text = error instanceof Error ? error.message : String(error);
  return lang === "en" ? `Failed: ${text}` : `操作失败：${text}`;
}
