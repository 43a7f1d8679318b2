import { getCatalog, type Catalog } from "@yusuan/classification";
import type { ClassifiedTable, Table } from "../model";
import type { TableId } from "../report";
import type { RecognitionIssue } from "../recognize";
import { TABLE_DEFINITIONS, tableTitle, type StandardTableId } from "../tables";
import { norm } from "../text-norm";
import { amountOf, tableName, type RuleContext, type RuleSpec } from "./engine";
import { childrenIndex } from "./tables-a";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** Rules D1–D4 (completeness and form of the tables) and the recognizer's own findings. */
export const formRules: RuleSpec[] = [
  {
    id: "D1.table-missing",
    severity: "error",
    title: T("九张表齐全", "All nine tables present"),
    description: T("部门预算须公开九张表；没有数据的表也应列出空表并说明。", "A budget disclosure publishes all nine tables; a table without data is still published, empty, with a note."),
    message: T("缺少{table}“{title}”。", "{table} \"{title}\" is missing."),
  },
  {
    id: "D1.title-year",
    severity: "error",
    title: T("表名年度与文档一致", "Table titles carry the document's year"),
    description: T("每张表的标题应写明本预算年度。", "Each table title names the budget year."),
    message: T("{table}标题“{title}”的年度为 {actual} 年，文档为 {expected} 年。", "{table} title \"{title}\" says {actual}; the document is for {expected}."),
  },
  {
    id: "D1.title-kind",
    severity: "warning",
    title: T("表名的“部门/单位”与文档一致", "Table titles say 部门 or 单位 as the document does"),
    description: T("部门预算的表名为“部门…”，单位预算为“单位…”。", "A department budget titles its tables 部门…, a unit budget 单位…."),
    message: T("{table}标题“{title}”写作“{actual}”，而本文档是{expected}。", "{table} title \"{title}\" says {actual}; the document is a {expected}."),
  },
  {
    id: "D1.table-order",
    severity: "warning",
    title: T("九张表按规定顺序排列", "The nine tables are in order"),
    description: T("九张表应按表1至表9的顺序公开。", "The tables appear in the order T1 to T9."),
    message: T("{table}出现在{other}之前，顺序与规定不符。", "{table} comes before {other}, out of the standard order."),
  },
  {
    id: "D2.empty-table-note",
    severity: "error",
    title: T("空表须附说明", "An empty table carries a note"),
    description: T("没有数据的表格应当列出空表并说明原因（如“本部门无政府性基金预算安排的支出，故本表无数据”）。", "A table with no data is published empty with a note saying why."),
    message: T("{table}“{title}”没有数据，但未附说明。", "{table} \"{title}\" has no data but no note says why."),
  },
  {
    id: "D2.note-on-data",
    severity: "warning",
    title: T("有数据的表不应附“无数据”说明", "A table with data carries no 'no data' note"),
    description: T("表中已有数据，却附有“本表无数据”之类的说明，二者矛盾。", "The table has data yet a note says it has none."),
    message: T("{table}有数据，却附有说明“{note}”。", "{table} has data but its note says \"{note}\"."),
  },
  {
    id: "D3.depth",
    severity: "warning",
    title: T("功能分类公开到项、经济分类公开到款", "Functional rows reach 项, economic rows reach 款"),
    description: T(
      "按预算法实施条例第六条，支出功能分类应公开到项级，经济分类公开到款级。",
      "Functional classification is disclosed to 项 and economic classification to 款 (预算法实施条例 art. 6).",
    ),
    message: T("{table}“{row} {name}”未细化到{level}级。", "{table} row {row} {name} is not broken down to {level}."),
  },
  {
    id: "D3.unknown-code",
    severity: "info",
    title: T("科目编码不在所载目录中", "Code unknown to the loaded catalog"),
    description: T("该编码不在当前载入的科目目录中；这不等于编码错误，可导入当年官方目录后再查。", "The code is not in the loaded catalog; that does not make it wrong — import the year's official catalog to decide."),
    message: T("{table}“{row} {name}”的编码不在 {year} 年所载目录中。", "{table}: code {row} ({name}) is unknown to the loaded {year} catalog."),
  },
  {
    id: "D3.name-mismatch",
    severity: "warning",
    title: T("科目名称与编码一致", "The printed name matches the code"),
    description: T("科目名称应与科目目录中该编码的名称一致。", "The printed name equals the catalog's name for the code."),
    message: T("{table}“{row}”名称为“{actual}”，目录中为“{expected}”。", "{table} {row} is named \"{actual}\"; the catalog says \"{expected}\"."),
  },
  {
    id: "D3.obsolete-name",
    severity: "warning",
    title: T("科目名称已过时", "Obsolete classification name"),
    description: T("使用了已更名科目的旧名称（如 210 医疗卫生与计划生育支出，2019 年起为卫生健康支出）。", "An old name of a renamed code (e.g. 210 医疗卫生与计划生育支出, 卫生健康支出 since 2019)."),
    message: T("{table}“{row}”使用旧名称“{actual}”，现名“{expected}”。", "{table} {row} uses the old name \"{actual}\"; it is now \"{expected}\"."),
  },
  {
    id: "D4.unit",
    severity: "error",
    title: T("计量单位正确", "Units are right"),
    description: T("表1—表8 以“元”为单位，表9 以“万元”为单位。", "Tables 1–8 are in 元, table 9 in 万元."),
    message: T("{table}的单位为“{actual}”，应为“{expected}”。", "{table} is in {actual}; it should be {expected}."),
  },
  {
    id: "D4.unit-slip",
    severity: "error",
    title: T("金额单位错位（相差一万倍）", "Unit slip (10,000× off)"),
    description: T("两个应相等的金额相差一万倍，通常是元与万元混用。", "Two amounts that must be equal differ by 10,000×: 元 and 万元 mixed up."),
    message: T(
      "{table}“{row}”的“{column}”为 {actual}，而应与之相等的金额为 {expected}，相差一万倍，疑为元与万元混用。",
      "{table} {row}, {column}: {actual} against {expected}, 10,000× off — 元 and 万元 mixed up?",
    ),
  },
  {
    id: "recognize.unplaced-row",
    severity: "info",
    title: T("无法归位的行", "Row that could not be placed"),
    description: T("该行有金额但无法识别其科目编码，未参与检查。", "The row has amounts but no recognisable code, so no rule checked it."),
    message: T("{table}中的行“{label}”无法识别科目编码，未参与检查。", "{table}: row \"{label}\" has no recognisable code and was not checked."),
  },
  {
    id: "recognize.bad-amount",
    severity: "error",
    title: T("金额无法识别", "Unreadable amount"),
    description: T("金额单元格中的内容不是有效的金额。", "An amount cell does not hold a valid amount."),
    message: T("{table}“{label}”的金额“{text}”无法识别：不是有效数字。", "{table} {label}: \"{text}\" is not a valid amount."),
  },
  {
    id: "recognize.duplicate-table",
    severity: "warning",
    title: T("重复的表", "Table appears twice"),
    description: T("同一张表出现了两次；只检查第一次出现的表。", "The same table appears twice; only the first is checked."),
    message: T("{table}“{label}”重复出现，只检查第一次出现的表。", "{table} \"{label}\" appears again; only the first one is checked."),
  },
];

const EMPTY_NOTE = /无.*(数据|支出|安排|收入)|空表/;

function hasData(t: Table): boolean {
  switch (t.shape) {
    case "classified":
      return t.items.length > 0 || Object.values(t.total?.amounts ?? {}).some((f) => !amountOf(f).isZero());
    case "two-sided":
      return [...t.income, ...t.expenditure].some((i) => Object.values(i.amounts).some((f) => !amountOf(f).isZero()));
    case "single-row":
      return Object.values(t.amounts).some((f) => !amountOf(f, "万元").isZero());
  }
}

/** Runs D1–D4 and turns recognition issues into findings. */
export function checkForm(ctx: RuleContext, issues: ReadonlyArray<RecognitionIssue>): void {
  const d = ctx.d;
  const year = d.document.year;
  const docKind = d.document.kind.startsWith("单位") ? "单位" : "部门";
  // The latest table so far in the standard order, by its place on its sheet.
  let furthest: { id: StandardTableId; sheet: string; row: number } | undefined;
  TABLE_DEFINITIONS.forEach((def) => {
    const t = d.tables[def.id];
    if (!t) {
      ctx.emit("D1.table-missing", { table: def.id, params: { title: year ? tableTitle(def.id, year, docKind) : def.name } });
      return;
    }
    const at = t.location;
    if (year !== undefined && t.year !== undefined && t.year !== year) {
      ctx.emit("D1.title-year", { table: def.id, location: at, expected: String(year), actual: String(t.year), params: { title: t.title } });
    }
    if (t.kind && t.kind !== docKind) {
      ctx.emit("D1.title-kind", { table: def.id, location: at, expected: d.document.kind, actual: t.kind, params: { title: t.title } });
    }
    if (furthest && furthest.sheet === t.sheet && t.rows[0] < furthest.row) {
      ctx.emit("D1.table-order", { table: def.id, location: at, params: { other: tableName(furthest.id, ctx.lang) } });
    }
    if (!furthest || furthest.sheet !== t.sheet || t.rows[0] > furthest.row) furthest = { id: def.id, sheet: t.sheet, row: t.rows[0] };
    const data = hasData(t);
    const emptyNote = t.notes.find((n) => EMPTY_NOTE.test(n.text));
    if (!data && !emptyNote) {
      ctx.emit("D2.empty-table-note", { table: def.id, location: at, params: { title: t.title } });
    }
    if (data && emptyNote) {
      ctx.emit("D2.note-on-data", { table: def.id, location: emptyNote.location, params: { note: emptyNote.text } });
    }
    if (t.unit && t.unit !== def.unit) {
      ctx.emit("D4.unit", { table: def.id, location: t.unitLocation ?? at, expected: def.unit, actual: t.unit });
    }
    if (t.shape === "classified") checkCodes(ctx, t);
  });
  for (const issue of issues) {
    const rule = `recognize.${issue.kind}`;
    if (rule === "recognize.no-header" || rule === "recognize.unknown-column") continue;
    ctx.emit(rule, {
      table: issue.table,
      location: issue.location,
      params: { label: issue.label, text: issue.detail ?? "" },
      key: `${issue.label}|${issue.detail ?? ""}`,
    });
  }
}

/** The catalog given in the options, else the registered or built-in one for the year. */
function catalogFor(ctx: RuleContext, scheme: "functional" | "economic-dept"): Catalog {
  return ctx.options.catalogs?.[scheme] ?? getCatalog(scheme, ctx.catalogYear);
}

function checkCodes(ctx: RuleContext, t: ClassifiedTable): void {
  const scheme = t.id === "T8" ? "economic-dept" : "functional";
  const catalog = catalogFor(ctx, scheme);
  const children = childrenIndex(t);
  const leafLength = scheme === "functional" ? 7 : 5;
  const table: TableId = t.id;
  for (const row of t.items) {
    const at = row.location;
    if (row.code.length < leafLength && !children.has(row.code) && !amountOf(row.amounts["合计"]).isZero()) {
      ctx.emit("D3.depth", { table, row: row.code, location: at, params: { name: row.name, level: scheme === "functional" ? "项" : "款" } });
    }
    const check = catalog.checkName(row.code, row.name);
    switch (check.status) {
      case "unknown-code":
        ctx.emit("D3.unknown-code", { table, row: row.code, location: at, params: { name: row.name, year: catalog.year } });
        break;
      case "obsolete":
        ctx.emit("D3.obsolete-name", { table, row: row.code, location: at, expected: check.current, actual: row.name });
        break;
      case "mismatch":
        ctx.emit("D3.name-mismatch", { table, row: row.code, location: at, expected: check.expected, actual: row.name, suggestion: check.suggestion });
        break;
      default:
        break;
    }
  }
}

/** Compares a printed title with its standard form, ignoring spaces and width. */
export function sameTitle(a: string, b: string): boolean {
  return norm(a) === norm(b);
}
