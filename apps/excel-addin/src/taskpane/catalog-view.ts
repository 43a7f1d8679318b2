/**
 * 分类目录: imports an official classification catalog (CSV, or the JSON of `yusuan catalog import`) and
 * keeps it in a hidden sheet of the workbook, where later checks find it. The importer (dist/catalog.js)
 * is loaded on first use.
 */
import { createCatalog, registerCatalog, type CatalogData, type Scheme } from "@yusuan/classification";
import type { Grid } from "@yusuan/disclosure";
import { writeTableSheet } from "../adapter";
import { loadScript } from "../load-script";
import type { YusuanCatalog } from "../standalone/catalog";
import { h } from "./dom";
import type { Pane } from "./pane";
import { protectionBlocks } from "./protection";

/** The hidden sheet that keeps an imported classification catalog in the workbook. */
export const CATALOG_SHEET = "yusuan_catalog";

/** The catalog importer (dist/catalog.js), loaded on first use. */
async function catalogTools(): Promise<YusuanCatalog> {
  await loadScript("catalog.js");
  const tools = (window as unknown as { yusuanCatalog?: YusuanCatalog }).yusuanCatalog;
  if (!tools) throw new Error("catalog.js");
  return tools;
}

/**
 * Uses the catalog kept in the workbook's catalog sheet for the checks that follow; a damaged one is
 * ignored and the built-in catalog stays.
 * @example const stored = grid.sheets.find((s) => s.name === CATALOG_SHEET); if (stored) await useStoredCatalog(stored);
 */
export async function useStoredCatalog(sheet: Grid["sheets"][number]): Promise<void> {
  const { validateCatalogData } = await catalogTools();
  const text = sheet.rows
    .slice(1)
    .map((row) => String(row[0]?.value ?? ""))
    .join("");
  try {
    const data = JSON.parse(text) as CatalogData;
    if (validateCatalogData(data, { partial: true }).ok) registerCatalog(createCatalog(data));
  } catch {
    // A damaged stored catalog is ignored: the built-in one stays.
  }
}

/** What the catalog import needs from the rest of the pane. */
export interface CatalogHooks {
  /** Runs once the catalog is stored: checks the workbook again with it. */
  readonly imported: () => Promise<void>;
}

/**
 * The catalog controls: a file, its year and scheme (for CSV), and 导入.
 * @example root.append(createCatalogControls(pane, { imported: check }));
 */
export function createCatalogControls(pane: Pane, hooks: CatalogHooks): HTMLElement {
  const { run, lang, L, say } = pane;

  async function importCatalog(file: File | undefined, year: number, scheme: Scheme): Promise<void> {
    if (!file) {
      say(L("catalogChoose"));
      return;
    }
    const text = (await file.text()).replace(/^\uFEFF/, "");
    const { importCatalogCsv, validateCatalogData } = await catalogTools();
    let data: CatalogData;
    const problems = (errors: ReadonlyArray<{ row?: number; message: string; messageEn: string }>) =>
      errors
        .slice(0, 3)
        .map(
          (e) =>
            `${e.row !== undefined ? (lang === "en" ? `row ${e.row}: ` : `第 ${e.row} 行：`) : ""}${lang === "en" ? e.messageEn : e.message}`,
        )
        .join(lang === "en" ? "; " : "；");
    if (/\.json$/i.test(file.name)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        say(L("catalogInvalid", { name: file.name, problems: "JSON" }));
        return;
      }
      const checked = validateCatalogData(parsed, { partial: true });
      if (!checked.ok) {
        say(L("catalogInvalid", { name: file.name, problems: problems(checked.errors) }));
        return;
      }
      data = parsed as CatalogData;
    } else if (/\.csv$/i.test(file.name)) {
      if (!Number.isInteger(year) || year < 1990 || year > 2100) {
        say(L("catalogYear"));
        return;
      }
      const result = importCatalogCsv(text, { scheme, year, partial: true });
      if (!result.ok) {
        say(L("catalogInvalid", { name: file.name, problems: problems(result.errors) }));
        return;
      }
      data = result.data;
    } else {
      say(L("catalogKinds", { name: file.name }));
      return;
    }
    if (await protectionBlocks(pane, "importCatalogAction", [CATALOG_SHEET], CATALOG_SHEET)) return;
    registerCatalog(createCatalog(data));
    // Kept in a hidden sheet, in pieces under Excel's 32,767 characters per cell.
    const json = JSON.stringify(data);
    const pieces: string[][] = [["yusuan catalog"]];
    for (let i = 0; i < json.length; i += 30_000) pieces.push([json.slice(i, i + 30_000)]);
    await writeTableSheet(run, CATALOG_SHEET, pieces, { hidden: true });
    await hooks.imported();
    say(L("catalogImported", { n: data.entries.length, year: data.year, sheet: CATALOG_SHEET }));
  }

  const file = h("input", {
    type: "file",
    id: "catalog-file",
    accept: ".csv,.json",
    "aria-label": L("catalogFile"),
  });
  const year = h("input", {
    type: "number",
    id: "catalog-year",
    value: String(new Date().getFullYear()),
    "aria-label": L("year"),
  });
  const scheme = h(
    "select",
    { id: "catalog-scheme", "aria-label": L("catalogScheme") },
    h("option", { value: "functional" }, L("schemeFunctional")),
    h("option", { value: "economic-dept" }, L("schemeEconomic")),
  );
  const go = pane.button("import-catalog", L("importCatalog"));
  go.addEventListener(
    "click",
    () => void pane.guarded(() => importCatalog(file.files?.[0], Number(year.value), scheme.value as Scheme)),
  );
  return h(
    "details",
    { class: "catalog", id: "catalog" },
    h("summary", {}, L("catalogTitle")),
    h("p", { class: "explain" }, L("catalogExplain")),
    h("label", {}, L("catalogFile"), file),
    h("label", {}, L("year"), year),
    h("label", {}, L("catalogScheme"), scheme),
    h("div", { class: "actions" }, go),
  );
}
