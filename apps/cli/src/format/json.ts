/**
 * The report contract (`Report` of @yusuan/disclosure), written incrementally: the head, then each
 * file's entry as soon as it is ready, then the summary.
 */
import type { FileReport } from "@yusuan/disclosure";
import type { FormatContext, Formatter, SkippedFile, Summary } from "./types";

function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}

/**
 * The JSON formatter. The whole output parses as one `Report`.
 *
 * @example
 * ```ts
 * const f = jsonFormatter({ write, lang: "zh-CN", version: "0.1.0", rules: [], color: false });
 * ```
 */
export function jsonFormatter(ctx: FormatContext): Formatter {
  let count = 0;
  const skippedFiles: SkippedFile[] = [];
  return {
    begin() {
      ctx.write(
        `{\n  "schemaVersion": 1,\n  "tool": ${JSON.stringify({ name: "yusuan", version: ctx.version })},\n  "files": [`,
      );
    },
    file(report: FileReport) {
      const entry: FileReport = {
        path: report.path,
        ...(report.document ? { document: report.document } : {}),
        tables: report.tables,
        findings: report.findings,
      };
      ctx.write(`${count === 0 ? "\n" : ",\n"}    ${indent(JSON.stringify(entry, null, 2), "    ")}`);
      count++;
    },
    skip(file: SkippedFile) {
      skippedFiles.push({ path: file.path, reason: file.reason });
    },
    end(summary: Summary) {
      const skipped = summary.skipped ?? 0;
      const unsupported = summary.unsupported ?? 0;
      const s = {
        files: summary.files,
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        ...(skipped > 0 ? { skipped } : {}),
        ...(unsupported > 0 ? { unsupported } : {}),
        ...(summary.filesWithErrors ? { filesWithErrors: summary.filesWithErrors } : {}),
        ...(summary.waived ? { waived: summary.waived } : {}),
      };
      const list =
        skippedFiles.length > 0
          ? `,\n  "skipped": ${indent(JSON.stringify(skippedFiles, null, 2), "  ")}`
          : "";
      ctx.write(`${count === 0 ? "" : "\n  "}]${list},\n  "summary": ${JSON.stringify(s)}\n}\n`);
    },
  };
}
