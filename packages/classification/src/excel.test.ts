import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isMissingModule, loadExcel } from "./excel";

const require = createRequire(import.meta.url);

/** The error Node really throws for a package that is not installed, from CommonJS. */
function realMissing(name: string): unknown {
  try {
    require(name);
  } catch (cause) {
    return cause;
  }
  throw new Error(`${name} is installed`);
}

describe("loading exceljs, an optional peer", () => {
  it("loads the installed module", async () => {
    const r = await loadExcel();
    expect(r.ok && typeof r.excel.Workbook).toBe("function");
  });

  it("says 'missing' when exceljs itself is not installed, from ESM or CommonJS", async () => {
    const esm = Object.assign(
      new Error(
        "Cannot find package 'exceljs' imported from /app/node_modules/@yusuan/classification/dist/import.js",
      ),
      { code: "ERR_MODULE_NOT_FOUND" },
    );
    expect(await loadExcel(() => Promise.reject(esm))).toEqual({ ok: false, missing: true });
    const cjs = Object.assign(
      new Error(
        "Cannot find module 'exceljs'\nRequire stack:\n- /app/node_modules/@yusuan/classification/dist/import.cjs",
      ),
      { code: "MODULE_NOT_FOUND" },
    );
    expect(await loadExcel(() => Promise.reject(cjs))).toEqual({ ok: false, missing: true });
    expect(isMissingModule(realMissing("yusuan-absent-module"), "yusuan-absent-module")).toBe(true);
  });

  it("does not call a broken installation 'missing': a module exceljs needs, or another error", async () => {
    expect(isMissingModule(realMissing("yusuan-absent-module"), "exceljs")).toBe(false);
    const inner = Object.assign(new Error("Cannot find module 'jszip'"), { code: "MODULE_NOT_FOUND" });
    expect(await loadExcel(() => Promise.reject(inner))).toEqual({
      ok: false,
      missing: false,
      detail: "Cannot find module 'jszip'",
    });
    expect(await loadExcel(() => Promise.reject(new SyntaxError("Unexpected token")))).toMatchObject({
      ok: false,
      missing: false,
    });
    expect(isMissingModule("exceljs", "exceljs")).toBe(false);
  });
});
