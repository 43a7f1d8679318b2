/**
 * One self-contained HTML file (inline CSS, no scripts, nothing fetched): per file and table, every
 * finding with expected, actual and difference. All text is escaped.
 */
import type { FileReport, Severity } from "@yusuan/disclosure";
import { escapeHtml as h } from "./escape";
import { groupByTable, locationText, tableHeading, type FormatContext, type Formatter, type Summary } from "./types";

const CSS = `
body{font-family:system-ui,-apple-system,"Microsoft YaHei","PingFang SC",sans-serif;margin:2rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.error{color:#cf222e;font-weight:600}.warning{color:#9a6700;font-weight:600}.info{color:#0969da}
.meta{color:#57606a}.ok{color:#1a7f37}.waived{opacity:.6}code{font-size:.85em}
`;

const LABELS = {
  "zh-CN": {
    title: "预算公开检查报告", severity: "级别", rule: "规则", row: "行", column: "列", where: "位置", message: "说明",
    expected: "应为", actual: "实为", difference: "差额", none: "未发现问题", waived: "已豁免",
    error: "错误", warning: "警告", info: "提示",
    summary: (s: Summary) => `共检查 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示`,
  },
  en: {
    title: "Budget disclosure check report", severity: "Severity", rule: "Rule", row: "Row", column: "Column", where: "Where", message: "Message",
    expected: "Expected", actual: "Actual", difference: "Difference", none: "No problems found", waived: "waived",
    error: "error", warning: "warning", info: "info",
    summary: (s: Summary) => `${s.files} files checked: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
  },
} as const;

/**
 * The HTML formatter.
 *
 * @example
 * ```ts
 * const f = htmlFormatter({ write, lang: "zh-CN", version: "0.1.0", rules: [], color: false });
 * ```
 */
export function htmlFormatter(ctx: FormatContext): Formatter {
  const L = LABELS[ctx.lang];
  const sev = (s: Severity): string => `<span class="${s}">${h(L[s])}</span>`;
  return {
    begin() {
      ctx.write(
        `<!DOCTYPE html>\n<html lang="${ctx.lang}">\n<head>\n<meta charset="utf-8">\n` +
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${h(L.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
          `<h1>${h(L.title)}</h1>\n<p class="meta">yusuan ${h(ctx.version)}</p>\n`,
      );
    },
    file(report: FileReport) {
      const doc = report.document;
      const about = doc ? [doc.kind, doc.department, doc.year === undefined ? undefined : String(doc.year)].filter((x) => x !== undefined).join(" · ") : "";
      ctx.write(`<section>\n<h2>${h(report.path)}</h2>\n${about ? `<p class="meta">${h(about)}</p>\n` : ""}`);
      if (report.findings.length === 0) ctx.write(`<p class="ok">✓ ${h(L.none)}</p>\n`);
      for (const [table, findings] of groupByTable(report.findings)) {
        ctx.write(
          `<h3>${h(tableHeading(table, report, ctx.lang))}</h3>\n<table>\n<thead><tr><th>${h(L.severity)}</th><th>${h(L.rule)}</th><th>${h(L.row)}</th><th>${h(L.column)}</th><th>${h(L.where)}</th><th>${h(L.message)}</th><th>${h(L.expected)}</th><th>${h(L.actual)}</th><th>${h(L.difference)}</th></tr></thead>\n<tbody>\n`,
        );
        for (const f of findings) {
          const unit = f.unit ? ` ${f.unit}` : "";
          const num = (v: string | undefined): string => `<td class="num">${v === undefined ? "" : h(v + unit)}</td>`;
          ctx.write(
            `<tr${f.waived ? ' class="waived"' : ""}><td>${sev(f.severity)}${f.waived ? ` (${h(L.waived)}: ${h(f.waived.reason)})` : ""}</td><td><code>${h(f.rule)}</code></td><td>${h(f.row ?? "")}</td><td>${h(f.column ?? "")}</td><td>${h(locationText(f.location, ctx.lang))}</td><td>${h(f.message)}</td>${num(f.expected)}${num(f.actual)}${num(f.difference)}</tr>\n`,
          );
        }
        ctx.write(`</tbody>\n</table>\n`);
      }
      ctx.write(`</section>\n`);
    },
    end(summary: Summary) {
      ctx.write(`<p class="meta"><strong>${h(L.summary(summary))}</strong></p>\n</body>\n</html>\n`);
    },
  };
}
