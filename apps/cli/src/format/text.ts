/**
 * The human format: findings grouped by file and table, coloured on a terminal.
 */
import type { FileReport, Severity } from "@yusuan/disclosure";
import { extname } from "node:path";
import {
  causeText,
  figuresText,
  groupByTable,
  locationText,
  summaryText,
  tableHeading,
  type FormatContext,
  type Formatter,
  type SkippedFile,
  type Summary,
} from "./types";

const ANSI = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const;

const SEVERITY: Record<Severity, { zh: string; en: string; color: keyof typeof ANSI }> = {
  error: { zh: "错误", en: "error", color: "red" },
  warning: { zh: "警告", en: "warning", color: "yellow" },
  info: { zh: "提示", en: "info", color: "cyan" },
};

/**
 * Whether to colour output on a stream: only a terminal, never with NO_COLOR set (any value but
 * empty); FORCE_COLOR turns it on.
 *
 * @example
 * ```ts
 * useColor(process.stdout, process.env); // false when piped
 * ```
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/**
 * The text formatter.
 *
 * @example
 * ```ts
 * const f = textFormatter({ write: (s) => process.stdout.write(s), lang: "zh-CN", version: "0.1.0", rules: [], color: false });
 * f.begin(); f.file(report); f.end(summary);
 * ```
 */
export function textFormatter(ctx: FormatContext): Formatter {
  const en = ctx.lang === "en";
  const paint = (color: keyof typeof ANSI, s: string): string =>
    ctx.color ? `\u001b[${ANSI[color]}m${s}\u001b[0m` : s;
  return {
    begin() {},
    file(report: FileReport) {
      const doc = report.document;
      const about = doc
        ? [doc.kind, doc.department, doc.year].filter((x) => x !== undefined).join(" · ")
        : "";
      ctx.write(`${paint("bold", report.path)}${about ? paint("dim", `  ${about}`) : ""}\n`);
      if (report.findings.length === 0) {
        ctx.write(`  ${paint("green", en ? "✓ no problems found" : "✓ 未发现问题")}\n\n`);
        return;
      }
      for (const [table, findings] of groupByTable(report.findings)) {
        ctx.write(`  ${paint("bold", tableHeading(table, report, ctx.lang))}\n`);
        for (const f of findings) {
          const sev = SEVERITY[f.severity];
          const label = (en ? sev.en : sev.zh).padEnd(en ? 7 : 2);
          const where = locationText(f.location, ctx.lang);
          const waived = f.waived
            ? paint("dim", en ? ` [waived: ${f.waived.reason}]` : ` [已豁免：${f.waived.reason}]`)
            : "";
          ctx.write(
            `    ${paint(sev.color, label)}  ${where ? `${where}  ` : ""}${f.message}  ${paint("dim", f.rule)}${waived}\n`,
          );
          const figures = figuresText(f, ctx.lang);
          if (figures) ctx.write(`      ${paint("dim", figures)}\n`);
          if (f.cause) ctx.write(`      ${paint("dim", causeText(f, ctx.lang))}\n`);
          else if (f.suggestion)
            ctx.write(`      ${paint("dim", (en ? "suggestion: " : "建议：") + f.suggestion)}\n`);
        }
      }
      ctx.write("\n");
    },
    skip(file: SkippedFile) {
      const ext = extname(file.path) || (en ? "(none)" : "（无扩展名）");
      ctx.write(
        paint(
          "dim",
          en
            ? `Skipped ${file.path}: unsupported file type ${ext}\n\n`
            : `已跳过“${file.path}”：不支持的文件类型 ${ext}\n\n`,
        ),
      );
    },
    end(summary: Summary) {
      ctx.write(
        `${paint(summary.errors > 0 ? "red" : summary.warnings > 0 ? "yellow" : "green", summaryText(summary, ctx.lang))}\n`,
      );
    },
  };
}
