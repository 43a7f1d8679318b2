/**
 * Reading the two-sided tables, income on the left and expenditure on the right of one header row that
 * names 项目 twice: Table 1 (财务收支预算总表) and Table 4 (财政拨款收支预算总表). Each side's lines get a
 * stable key (an income source, or the code of the functional 类 an expenditure line names) so rules can
 * compare them across tables.
 */
import { getCatalog } from "@yusuan/classification";
import type { LineItem, TwoSidedTable } from "../model";
import type { TableDefinition } from "../tables";
import { norm, stripListMarker } from "../text-norm";
import { looksLikeAmount, type SheetView } from "./cells";
import { baseOf, rowFigures, type RecognitionIssue, type TableHead } from "./head";

/** Income line keys, most specific first. */
const INCOME_KEYS: readonly [RegExp, string][] = [
  [/一般公共预算/, "一般公共预算资金"],
  [/政府性基金/, "政府性基金"],
  [/国有资本经营/, "国有资本经营预算"],
  [/财政拨款/, "财政拨款收入"],
  [/事业单位经营收入|经营收入/, "事业单位经营收入"],
  [/事业收入/, "事业收入"],
  [/其他收入/, "其他收入"],
  [/上年结转|结转/, "上年结转"],
];

/** Header words that a page break repeats inside a two-sided table. */
const REPEATED_HEADER = /^(项目|本年收入|本年支出|财政拨款支出|收入|支出)$/;
const LIST_ITEM = /^\s*(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.、．])/;

function incomeKey(label: string): string {
  const n = norm(stripListMarker(label));
  return INCOME_KEYS.find(([re]) => re.test(n))?.[1] ?? n;
}

let classNames: Map<string, string> | undefined;
/** Expenditure labels in T1/T4 name a functional 类: "一、一般公共服务支出" → "201". */
function expenditureKey(label: string): string {
  if (!classNames) {
    classNames = new Map();
    for (const e of getCatalog("functional").entries()) {
      if (e.level === "类") {
        classNames.set(norm(e.name), e.code);
        for (const f of e.formerNames ?? []) classNames.set(norm(f.name), e.code);
      }
    }
  }
  // "其中：人员经费" in a 单位 version names a breakdown line by its last words.
  const n = norm(stripListMarker(label)).replace(/^其中:/, "");
  return classNames.get(n) ?? n;
}

/** Reads a two-sided table (收入 | 支出; Tables 1 and 4) from its header to its end. */
export function readTwoSided(
  view: SheetView,
  def: TableDefinition,
  titleRow: number,
  end: number,
  head: TableHead,
  issues: RecognitionIssue[],
): TwoSidedTable {
  const base = baseOf(view, head, titleRow);
  // the header row names 项目 twice (left: income, right: expenditure)
  let headerRow = -1;
  for (let r = head.bodyStart; r <= Math.min(end, head.bodyStart + 4); r++) {
    if (view.texts(r).filter((c) => norm(c) === "项目").length >= 2) {
      headerRow = r;
      break;
    }
  }
  let leftLabel = 0;
  let rightLabel = 2;
  let leftAmounts: [string, number][] = [["预算数", 1]];
  let rightAmounts: [string, number][] =
    def.id === "T1"
      ? [["预算数", 3]]
      : [
          ["合计", 3],
          ["一般公共预算", 4],
          ["政府性基金预算", 5],
          ["国有资本经营预算", 6],
        ];
  if (headerRow >= 0) {
    const t = view.texts(headerRow);
    const idx = t.map((c, i) => (norm(c) === "项目" ? i : -1)).filter((i) => i >= 0);
    leftLabel = idx[0]!;
    rightLabel = idx[1]!;
    const keyOf = (cell: string): string | undefined =>
      def.columns.find((col) => col.headers.some((h) => norm(h) === norm(cell)))?.key;
    leftAmounts = [];
    rightAmounts = [];
    t.forEach((cell, i) => {
      const key = keyOf(cell);
      if (!key) return;
      if (i > leftLabel && i < rightLabel) leftAmounts.push([key, i]);
      else if (i > rightLabel) rightAmounts.push([key, i]);
    });
    if (leftAmounts.length === 0) leftAmounts = [["预算数", leftLabel + 1]];
    if (rightAmounts.length === 0) rightAmounts = [["预算数", rightLabel + 1]];
    // A 单位 version splits the expenditure amount under sub-headers: 合计 | 基本支出 (人员经费, 公用经费) | 项目支出.
    if (def.id === "T1") {
      const split = splitColumns(view, headerRow, end, leftLabel, rightLabel);
      if (split) {
        rightAmounts = [
          ...rightAmounts.filter(([k, c]) => k !== "预算数" || c !== split.total),
          ...split.columns,
        ];
        headerRow = split.lastRow;
      }
    }
  } else {
    issues.push({ kind: "no-header", table: def.id, label: head.title, location: head.location });
  }
  base.columns = [...new Set([...leftAmounts, ...rightAmounts].map(([k]) => k))];
  const table: TwoSidedTable = {
    ...base,
    shape: "two-sided",
    id: def.id as TwoSidedTable["id"],
    income: [],
    expenditure: [],
  };
  let last = headerRow >= 0 ? headerRow : head.bodyStart;
  const read = (r: number, t: string[], labelCol: number, cols: [string, number][]): LineItem | undefined => {
    const label = t[labelCol] ?? "";
    if (label === "") return undefined;
    const amounts = rowFigures(view, r, cols, { table: def.id, label }, issues);
    return { label, key: "", amounts, location: view.loc(r, labelCol) };
  };
  for (let r = (headerRow >= 0 ? headerRow : head.bodyStart) + 1; r <= end; r++) {
    const t = view.texts(r);
    const nonEmpty = t.filter((c) => c !== "");
    if (nonEmpty.length === 0) continue;
    if (/^注[:：]/.test(norm(nonEmpty[0]!))) {
      table.notes.push({ text: nonEmpty.join(""), location: view.loc(r, t.indexOf(nonEmpty[0]!)) });
      last = r;
      continue;
    }
    if (table.incomeTotal || table.expenditureTotal) break;
    // a lone cell that is no income line ends the table (the narrative goes on)
    if (
      nonEmpty.length === 1 &&
      t.length <= leftLabel + 1 &&
      !LIST_ITEM.test(nonEmpty[0]!) &&
      !INCOME_KEYS.some(([re]) => re.test(nonEmpty[0]!))
    )
      break;
    const left = read(r, t, leftLabel, leftAmounts);
    const right = read(r, t, rightLabel, rightAmounts);
    if (left) {
      const n = norm(left.label);
      if (/^(收入总计|收入合计|总计)$/.test(n)) table.incomeTotal = { ...left, key: "收入总计" };
      else if (!REPEATED_HEADER.test(n)) table.income.push({ ...left, key: incomeKey(left.label) });
    }
    if (right) {
      const n = norm(right.label);
      if (/^(支出总计|支出合计)$/.test(n)) table.expenditureTotal = { ...right, key: "支出总计" };
      else if (!REPEATED_HEADER.test(n))
        table.expenditure.push({ ...right, key: expenditureKey(right.label) });
    }
    last = r;
  }
  table.rows = [titleRow, last];
  return table;
}

/** Sub-header words of a 单位 version's Table 1 expenditure side, and the column key each names. */
const T1_SPLIT: readonly [RegExp, string][] = [
  [/^(合计|小计|预算数)$/, "预算数"],
  [/^人员经费$/, "人员经费"],
  [/^公用经费$/, "公用经费"],
  [/^项目支出$/, "项目支出"],
];

/**
 * The rows under Table 1's header that carry no labels, only sub-headers on the expenditure side
 * ("合计 | 基本支出 | | 项目支出", then "人员经费 | 公用经费"): the columns they name, the column of 合计,
 * and the last such row. Undefined when there are none (the 部门 version).
 */
function splitColumns(
  view: SheetView,
  headerRow: number,
  end: number,
  leftLabel: number,
  rightLabel: number,
): { columns: [string, number][]; total: number; lastRow: number } | undefined {
  const columns = new Map<string, number>();
  let lastRow = -1;
  for (let r = headerRow + 1; r <= Math.min(end, headerRow + 3); r++) {
    const t = view.texts(r);
    if ((t[leftLabel] ?? "") !== "" || (t[rightLabel] ?? "") !== "" || t.length <= rightLabel + 1) break;
    const words = t.map((c, i) => (i > rightLabel ? norm(c) : "")).filter((c) => c !== "");
    if (words.length === 0 || words.some((w) => looksLikeAmount(w))) break;
    t.forEach((cell, i) => {
      if (i <= rightLabel) return;
      const key = T1_SPLIT.find(([re]) => re.test(norm(cell)))?.[1];
      if (key && !columns.has(key)) columns.set(key, i);
    });
    lastRow = r;
  }
  if (lastRow < 0 || !columns.has("人员经费") || !columns.has("公用经费")) return undefined;
  const total = columns.get("预算数") ?? rightLabel + 1;
  columns.set("预算数", total);
  return { columns: [...columns], total, lastRow };
}
