/**
 * Entry of dist/writer.js: the workbook writer of the standalone checker (exceljs, about 1 MB), kept out
 * of the task pane's bundle and loaded only when a filled workbook is asked for. It publishes
 * `window.yusuanWriter`.
 */
import { writePatches } from "@yusuan/xlsx";

/** What dist/writer.js puts on `window`. */
export interface YusuanWriter {
  readonly writePatches: typeof writePatches;
}

(window as unknown as { yusuanWriter: YusuanWriter }).yusuanWriter = { writePatches };
