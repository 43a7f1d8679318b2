/**
 * @yusuan/classification: the codes of 政府收支分类科目 (类/款/项/目), year-versioned catalogs, lookup
 * and name checks. Importing official catalog files lives in "@yusuan/classification/import".
 */
export {
  ancestorsOf,
  codeLength,
  isScheme,
  levelOf,
  parentOf,
  schemeInfo,
  schemeOf,
  SCHEMES,
  type Level,
  type Scheme,
  type SchemeInfo,
} from "./scheme";
export { parseCode, type Normalisation, type ParseCodeOptions, type ParsedCode } from "./parse";
export { nameDifference, normaliseName, type NameDifference } from "./name";
export {
  createCatalog,
  toCatalogData,
  type Catalog,
  type CatalogData,
  type CatalogEntry,
  type CheckNameOptions,
  type FindByNameOptions,
  type NameCheck,
} from "./catalog";
export { formerNamesIn, type FormerNameHit } from "./former";
export {
  builtInCatalog,
  getCatalog,
  registerCatalog,
  registeredCatalogs,
  unregisterCatalog,
} from "./registry";
