/**
 * exceljs is an optional peer dependency of this package: only XLSX catalog import needs it, and a
 * user who never imports an XLSX catalog (every user of @yusuan/disclosure) should not install it.
 * It is loaded on first use; its absence is an answer, not a crash.
 */

/** The exceljs module, as its typings describe it. */
export type ExcelModule = typeof import("exceljs");

/** What loading exceljs gave: the module, or that it is not installed, or another failure. */
export type ExcelLoad =
  | { readonly ok: true; readonly excel: ExcelModule }
  | { readonly ok: false; readonly missing: true }
  | { readonly ok: false; readonly missing: false; readonly detail: string };

/**
 * Whether `cause` says that the module `name` itself cannot be found (from ESM or from CommonJS),
 * as opposed to a module that it needs, or another failure while loading it.
 */
export function isMissingModule(cause: unknown, name: string): boolean {
  if (typeof cause !== "object" || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return false;
  return typeof message === "string" && (message.includes(`'${name}'`) || message.includes(`"${name}"`));
}

/** Loads exceljs; `load` is the import itself, replaceable only so that tests can make it fail. */
export async function loadExcel(load: () => Promise<unknown> = () => import("exceljs")): Promise<ExcelLoad> {
  try {
    const mod = (await load()) as ExcelModule & { default?: ExcelModule };
    return { ok: true, excel: mod.default ?? mod };
  } catch (cause) {
    if (isMissingModule(cause, "exceljs")) return { ok: false, missing: true };
    return { ok: false, missing: false, detail: cause instanceof Error ? cause.message : String(cause) };
  }
}
