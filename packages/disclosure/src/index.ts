export * from "./grid";
export * from "./report";
export {
  readTextDocument,
  TEXT_SHEET,
  type TextEncoding,
  type TextReadResult,
  type TextReadWarning,
} from "./text";
export {
  TABLE_DEFINITIONS,
  tableDefinition,
  tableTitle,
  type StandardTableId,
  type TableDefinition,
  type ColumnDefinition,
  type TableShape,
} from "./tables";
export {
  LocationSchema,
  FigureSchema,
  ClassifiedRowSchema,
  LineItemSchema,
  ClassifiedTableSchema,
  TwoSidedTableSchema,
  SingleRowTableSchema,
  TableSchema,
  TextLineSchema,
  DisclosureSchema,
  disclosureJsonSchema,
  type Figure,
  type ClassifiedRow,
  type LineItem,
  type ClassifiedTable,
  type TwoSidedTable,
  type SingleRowTable,
  type Table,
  type TextLine,
  type Disclosure,
} from "./model";
export { recognize, type Recognition, type RecognitionIssue } from "./recognize";
export { analyze, check, sortFindings, type Analysis } from "./analyze";
export type { CheckOptions, RuleSpec } from "./rules/engine";
export { fingerprintOf } from "./fingerprint";
export type { Lang, Template } from "./i18n";
export { fill, fillGrid, FILL_CONFLICT_RULE, type FillOptions, type FillResult } from "./fill/fill";
export {
  formulaCells,
  formulaKey,
  isUnknownAt,
  restsOnUnknown,
  FORMULA_WITHOUT_RESULT_RULE,
  type FormulaCells,
} from "./formula-cells";
export { templateWorkbook } from "./build/template";
export {
  buildWorkbook,
  parseBudgetLinesCsv,
  type BudgetLine,
  type BudgetSource,
  type BuildResult,
  type ParseLinesResult,
  type CsvLineError,
} from "./build/lines";
export {
  workbookSpecToGrid,
  isValidSheetName,
  AMOUNT_FORMAT,
  type WorkbookSpec,
  type SheetSpec,
  type CellSpec,
} from "./build/spec";
export { WAIVER_SHEET, readWaivers, waiverSheetRows, applyWaivers } from "./waivers";
export * from "./narrative/model";
export {
  generateSangong,
  generateProcurement,
  sangongFiguresOf,
  type SangongFigures,
  type ProcurementFigures,
} from "./narrative/generate";
export { generateNarrative } from "./narrative-api";
export { findCulprits, explainCulprits, type Culprit } from "./culprit";
export { RULES, ruleSpec, isRuleId, type RuleId } from "./rules/registry";
export type { RuleExamples, RuleSource, SampleEdit } from "./rules/engine";
export {
  REPOSITORY_URL,
  ruleDocUrl,
  renderRuleDoc,
  ruleDocPage,
  ruleDocsIndex,
  applySampleEdits,
  runExample,
} from "./rules/docs";
export { capText, MESSAGE_CAP, PARAM_CAP } from "./i18n";
