/**
 * CSV, one finding per line, for spreadsheets. Cells are neutralised against formula injection.
 */
import type { FileReport } from "@yusuan/disclosure";
import { csvCell } from "./escape";
import { locationText, type FormatContext, type Formatter, type Summary } from "./types";

const HEADER = [
  "path",
  "table",
  "severity",
  "rule",
  "row",
  "column",
  "location",
  "message",
  "expected",
  "actual",
  "difference",
  "unit",
  "fingerprint",
  "waived",
];

/**
 * The CSV formatter (UTF-8 with a BOM, so that Excel opens Chinese text correctly).
 *
 * @example
 * ```ts
 * const f = csvFormatter({ write, lang: "zh-CN", version: "0.1.0", rules: [], color: false });
 * ```
 */
export function csvFormatter(ctx: FormatContext): Formatter {
  const line = (cells: ReadonlyArray<string>): void => ctx.write(`${cells.map(csvCell).join(",")}\r\n`);
  return {
    begin() {
      ctx.write("\uFEFF");
      line(HEADER);
    },
    file(report: FileReport) {
      for (const f of report.findings) {
        line([
          report.path,
          f.table,
          f.severity,
          f.rule,
          f.row ?? "",
          f.column ?? "",
          locationText(f.location, ctx.lang),
          f.message,
          f.expected ?? "",
          f.actual ?? "",
          f.difference ?? "",
          f.unit ?? "",
          f.fingerprint,
          f.waived?.reason ?? "",
        ]);
      }
    },
    end(_summary: Summary) {},
  };
}
