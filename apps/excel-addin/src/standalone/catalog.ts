/**
 * Entry of dist/catalog.js: the catalog importer of @yusuan/classification (CSV parsing and validation,
 * with zod), loaded only when the pane imports a catalog or finds one stored in the workbook. It
 * publishes `window.yusuanCatalog`.
 */
import { importCatalogCsv, validateCatalogData } from "@yusuan/classification/import";

/** What dist/catalog.js puts on `window`. */
export interface YusuanCatalog {
  readonly importCatalogCsv: typeof importCatalogCsv;
  readonly validateCatalogData: typeof validateCatalogData;
}

(window as unknown as { yusuanCatalog: YusuanCatalog }).yusuanCatalog = {
  importCatalogCsv,
  validateCatalogData,
};
