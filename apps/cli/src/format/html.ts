/**
 * One self-contained HTML file that people read: the summary first (files, errors, warnings, by table
 * and by rule), a file index for batch runs, filters by severity, table and rule, then every finding
 * with its place, the amounts formatted as money, the suggested fix and the related places. Inline CSS
 * with a print stylesheet; one inline script for the filters, allowed by its hash in the page's CSP
 * (nothing else runs and nothing is fetched). All user text is escaped.
 *
 * The file sections are kept until the end so that the summary can come first; a section is a few
 * kilobytes, so even a run over thousands of files stays small.
 */
import { createHash } from "node:crypto";
import type { FileReport, Finding, Severity, TableId } from "@yusuan/disclosure";
import { escapeHtml as h } from "./escape";
import {
  causeText,
  groupByTable,
  locationText,
  moneyText,
  tableHeading,
  type FormatContext,
  type Formatter,
  type Summary,
} from "./types";

const CSS = `
:root{--err:#cf222e;--warn:#9a6700;--info:#0969da;--line:#d0d7de;--muted:#57606a}
body{font-family:system-ui,-apple-system,"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;word-break:break-all}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.error{color:var(--err);font-weight:600}.warning{color:var(--warn);font-weight:600}.info{color:var(--info)}
.meta{color:var(--muted)}.ok{color:#1a7f37}.waived{opacity:.6}code{font-size:.85em}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}.card{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;min-width:7rem}
.card b{display:block;font-size:1.4rem}.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:.5rem 0;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;z-index:1}
#filters label{white-space:nowrap}.fix{color:#1a7f37}.rel{color:var(--muted);font-size:.85em}
ol.index{columns:2;font-size:.9rem}ol.index li{break-inside:avoid}
[hidden]{display:none!important}
@media print{#filters{display:none}body{margin:0;max-width:none}section.file{break-before:page}a{color:inherit;text-decoration:none}tr{break-inside:avoid}}
`;

// Filters: show the findings whose severity, table and rule are all selected; hide what is left empty.
const SCRIPT = `(function(){
var f=document.getElementById("filters");if(!f)return;
function apply(){
var sev={};f.querySelectorAll("input[name=sev]").forEach(function(i){sev[i.value]=i.checked});
var t=f.querySelector("select[name=table]").value,r=f.querySelector("select[name=rule]").value,shown=0;
document.querySelectorAll("tr[data-sev]").forEach(function(row){
var ok=sev[row.dataset.sev]&&(!t||row.dataset.table===t)&&(!r||row.dataset.rule===r);row.hidden=!ok;if(ok)shown++});
document.querySelectorAll(".group").forEach(function(g){g.hidden=!g.querySelector("tr[data-sev]:not([hidden])")});
document.getElementById("shown").textContent=String(shown)}
f.addEventListener("change",apply);apply()})();`;

const SCRIPT_HASH = createHash("sha256").update(SCRIPT).digest("base64");

const TABLES: ReadonlyArray<TableId> = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "N", "P", "D"];

const LABELS = {
  "zh-CN": {
    title: "预算公开检查报告",
    severity: "级别",
    rule: "规则",
    row: "行",
    column: "列",
    where: "位置",
    message: "说明",
    expected: "应为",
    actual: "实为",
    difference: "差额",
    none: "未发现问题",
    waived: "已豁免",
    error: "错误",
    warning: "警告",
    info: "提示",
    files: "文件",
    filesWithErrors: "有错误的文件",
    byTable: "按表统计",
    byRule: "按规则统计",
    index: "文件索引",
    filters: "筛选",
    allTables: "全部表",
    allRules: "全部规则",
    shown: "显示的问题",
    fix: "建议",
    related: "相关位置",
    generated: "生成时间",
    options: "选项",
    version: "版本",
    count: "数量",
    table: "表",
    summary: (s: Summary) =>
      `共检查 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示`,
  },
  en: {
    title: "Budget disclosure check report",
    severity: "Severity",
    rule: "Rule",
    row: "Row",
    column: "Column",
    where: "Where",
    message: "Message",
    expected: "Expected",
    actual: "Actual",
    difference: "Difference",
    none: "No problems found",
    waived: "waived",
    error: "error",
    warning: "warning",
    info: "info",
    files: "Files",
    filesWithErrors: "Files with errors",
    byTable: "By table",
    byRule: "By rule",
    index: "Files",
    filters: "Filter",
    allTables: "All tables",
    allRules: "All rules",
    shown: "Findings shown",
    fix: "Suggested fix",
    related: "Related",
    generated: "Generated",
    options: "Options",
    version: "Version",
    count: "Count",
    table: "Table",
    summary: (s: Summary) =>
      `${s.files} files checked: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
  },
} as const;

type Counts = { error: number; warning: number; info: number };
const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

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
  const sections: string[] = [];
  const index: { id: string; path: string; counts: Counts }[] = [];
  const byTable = new Map<TableId, Counts>();
  const byRule = new Map<string, Counts>();
  const titles = new Map(ctx.rules.map((r) => [r.id, r.title[ctx.lang]]));
  const sev = (s: Severity): string => `<span class="${s}">${h(L[s])}</span>`;

  function count(map: Map<string, Counts>, key: string, s: Severity): void {
    const c = map.get(key) ?? zero();
    c[s]++;
    map.set(key, c);
  }

  function findingRow(report: FileReport, f: Finding): string {
    const unit = f.unit ? ` ${f.unit}` : "";
    const num = (v: string | undefined): string =>
      `<td class="num">${v === undefined ? "" : h(moneyText(v) + unit)}</td>`;
    const extra: string[] = [];
    if (f.cause) extra.push(`<div class="fix">${h(causeText(f, ctx.lang))}</div>`);
    else if (f.suggestion) extra.push(`<div class="fix">${h(L.fix)}：${h(moneyText(f.suggestion))}</div>`);
    if (f.related && f.related.length > 0) {
      const places = f.related.map((r) =>
        [tableHeading(r.table, report, ctx.lang), r.row, r.column, locationText(r.location, ctx.lang)]
          .filter((x) => x)
          .join(" "),
      );
      extra.push(`<div class="rel">${h(L.related)}：${places.map(h).join("；")}</div>`);
    }
    const waived = f.waived ? ` (${h(L.waived)}: ${h(f.waived.reason)})` : "";
    return (
      `<tr data-sev="${f.severity}" data-table="${f.table}" data-rule="${h(f.rule)}"${f.waived ? ' class="waived"' : ""}>` +
      `<td>${sev(f.severity)}${waived}</td><td><code>${h(f.rule)}</code></td><td>${h(f.row ?? "")}</td><td>${h(f.column ?? "")}</td>` +
      `<td>${h(locationText(f.location, ctx.lang))}</td><td>${h(f.message)}${extra.join("")}</td>${num(f.expected)}${num(f.actual)}${num(f.difference)}</tr>\n`
    );
  }

  function countsCells(c: Counts): string {
    return `<td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td>`;
  }

  return {
    begin() {},
    file(report: FileReport) {
      const id = `f${index.length + 1}`;
      const counts = zero();
      const doc = report.document;
      const about = doc
        ? [doc.kind, doc.department, doc.year === undefined ? undefined : String(doc.year)]
            .filter((x) => x !== undefined)
            .join(" · ")
        : "";
      let out = `<section class="file group" id="${id}">\n<h2>${h(report.path)}</h2>\n${about ? `<p class="meta">${h(about)}</p>\n` : ""}`;
      if (report.findings.length === 0) out += `<p class="ok">✓ ${h(L.none)}</p>\n`;
      for (const [table, findings] of groupByTable(report.findings)) {
        const tc = zero();
        for (const f of findings) {
          if (f.waived) continue;
          tc[f.severity]++;
          counts[f.severity]++;
          count(byTable, table, f.severity);
          count(byRule, f.rule, f.severity);
        }
        const ordered = [...findings].sort((a, b) => rank(a.severity) - rank(b.severity));
        out +=
          `<div class="group">\n<h3>${h(tableHeading(table, report, ctx.lang))} <span class="meta">(${tc.error} ${h(L.error)} · ${tc.warning} ${h(L.warning)} · ${tc.info} ${h(L.info)})</span></h3>\n` +
          `<table>\n<thead><tr><th>${h(L.severity)}</th><th>${h(L.rule)}</th><th>${h(L.row)}</th><th>${h(L.column)}</th><th>${h(L.where)}</th><th>${h(L.message)}</th>` +
          `<th class="num">${h(L.expected)}</th><th class="num">${h(L.actual)}</th><th class="num">${h(L.difference)}</th></tr></thead>\n<tbody>\n` +
          ordered.map((f) => findingRow(report, f)).join("") +
          `</tbody>\n</table>\n</div>\n`;
      }
      sections.push(`${out}</section>\n`);
      index.push({ id, path: report.path, counts });
    },
    end(summary: Summary) {
      const withErrors = index.filter((f) => f.counts.error > 0).length;
      const options =
        ctx.options && ctx.options.length > 0 ? ctx.options.map(([k, v]) => `${k} ${v}`).join(" ") : "";
      const head =
        `<!DOCTYPE html>\n<html lang="${ctx.lang}">\n<head>\n<meta charset="utf-8">\n` +
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'">\n` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${h(L.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n`;
      const meta = [
        `yusuan ${h(ctx.version)}`,
        ctx.date ? `${h(L.generated)} ${h(ctx.date)}` : "",
        options ? `${h(L.options)}: <code>${h(options)}</code>` : "",
      ].filter((x) => x);
      let out = `${head}<header>\n<h1>${h(L.title)}</h1>\n<p class="meta">${meta.join(" · ")}</p>\n</header>\n`;
      out +=
        `<section id="summary">\n<p><strong>${h(L.summary(summary))}</strong></p>\n<div class="cards">` +
        `<div class="card">${h(L.files)}<b>${summary.files}</b></div><div class="card">${h(L.filesWithErrors)}<b>${withErrors}</b></div>` +
        `<div class="card error">${h(L.error)}<b>${summary.errors}</b></div><div class="card warning">${h(L.warning)}<b>${summary.warnings}</b></div>` +
        `<div class="card info">${h(L.info)}<b>${summary.infos}</b></div></div>\n<div class="grid2">\n`;
      const head3 = `<th class="num">${h(L.error)}</th><th class="num">${h(L.warning)}</th><th class="num">${h(L.info)}</th>`;
      out += `<div><h3>${h(L.byTable)}</h3><table><thead><tr><th>${h(L.table)}</th>${head3}</tr></thead><tbody>\n`;
      for (const t of TABLES) {
        const c = byTable.get(t);
        if (c) out += `<tr><td>${t}</td>${countsCells(c)}</tr>\n`;
      }
      out += `</tbody></table></div>\n<div><h3>${h(L.byRule)}</h3><table><thead><tr><th>${h(L.rule)}</th>${head3}</tr></thead><tbody>\n`;
      const rules = [...byRule.entries()].sort(
        (a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]),
      );
      for (const [id, c] of rules)
        out += `<tr><td><code>${h(id)}</code> ${h(titles.get(id) ?? "")}</td>${countsCells(c)}</tr>\n`;
      out += `</tbody></table></div>\n</div>\n</section>\n`;
      if (index.length > 1) {
        out += `<nav id="index"><h3>${h(L.index)}</h3><ol class="index">\n`;
        for (const f of index) {
          const c = f.counts;
          out += `<li><a href="#${f.id}">${h(f.path)}</a> <span class="meta">${c.error > 0 ? `<span class="error">${c.error}</span>` : "0"} / ${c.warning} / ${c.info}</span></li>\n`;
        }
        out += `</ol></nav>\n`;
      }
      const tableOptions = TABLES.filter((t) => byTable.has(t))
        .map((t) => `<option value="${t}">${t}</option>`)
        .join("");
      const ruleOptions = [...byRule.keys()]
        .sort()
        .map((r) => `<option value="${h(r)}">${h(r)}</option>`)
        .join("");
      out +=
        `<form id="filters" aria-label="${h(L.filters)}">` +
        (["error", "warning", "info"] as const)
          .map((s) => `<label><input type="checkbox" name="sev" value="${s}" checked> ${h(L[s])}</label>`)
          .join("") +
        `<label>${h(L.table)} <select name="table"><option value="">${h(L.allTables)}</option>${tableOptions}</select></label>` +
        `<label>${h(L.rule)} <select name="rule"><option value="">${h(L.allRules)}</option>${ruleOptions}</select></label>` +
        `<span class="meta">${h(L.shown)}: <output id="shown"></output></span></form>\n`;
      ctx.write(out);
      for (const s of sections) ctx.write(s);
      ctx.write(`<script>${SCRIPT}</script>\n</body>\n</html>\n`);
    },
  };
}

function rank(s: Severity): number {
  return s === "error" ? 0 : s === "warning" ? 1 : 2;
}
