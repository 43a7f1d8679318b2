/**
 * @yusuan/xlsx: read budget workbooks (.xlsx) as yusuan grids, safely; write fills and waivers back;
 * write templates and grids as workbooks.
 *
 * @example
 * ```ts
 * import { readXlsxFile, writePatches, writeFileAtomic } from "@yusuan/xlsx";
 * const result = await readXlsxFile("2024年部门预算.xlsx");
 * if (!result.ok) console.error(result.message);
 * ```
 * @packageDocumentation
 */
export { readXlsx, readXlsxFile, type ReadResult, type ReadSuccess } from "./read";
export { DEFAULT_LIMITS, RATIO_FLOOR, resolveLimits, type Limits } from "./limits";
export type { ReadFailure, ReadFailureCode } from "./messages";
export {
  inspectXlsx,
  type DeclaredSheet,
  type Inspection,
  type PartReader,
  type WorkbookRelation,
} from "./inspect";
export {
  formatNumber,
  formatDate,
  isDateFormat,
  dateToSerial,
  MAX_FORMAT_LENGTH,
  MAX_FORMATTED_LENGTH,
} from "./format";
export {
  writePatches,
  writeWaivers,
  writeWorkbook,
  gridToWorkbook,
  amountCell,
  WAIVER_SHEET_NAME,
  WAIVER_COLUMNS,
} from "./write";
export {
  writeFileAtomic,
  withFileLock,
  FileLocked,
  AtomicWriteRefused,
  type AtomicFs,
  type AtomicReport,
} from "./atomic";
export type { WorkbookSpec, SheetSpec, CellSpec } from "./spec";
export { XlsxError, XlsxErrorCode } from "./errors";
