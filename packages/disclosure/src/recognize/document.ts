/**
 * What the document as a whole is: its kind (部门/单位, 预算/决算, or not a disclosure at all), year,
 * department, level and title, from its opening lines and the tables recognized in it. A document's
 * cover and its tables can disagree or be missing, so each field weighs both.
 */
import type { Disclosure, Figure, Table, TextLine } from "../model";
import type { StandardTableId } from "../tables";
import { norm } from "../text-norm";
import { departmentOf } from "./head";

/** The document's title: "YYYY年…部门预算", "…单位决算" (after norm: no spaces, half-width). */
const DOCUMENT_TITLE = /((?:19|20)\d{2})年度?(?:[^,，。;；:：]{0,20}?)(部门|单位)(预算|决算)/;
/** Words of a text about budget disclosures that is not one: an inspection checklist, a notice. */
const NOT_A_DISCLOSURE = /检查|考核|评分|评价|自查|清单|通知|审核|指标|问题/;
/** A table title of a final-accounts document: "收入支出决算总表", "一般公共预算财政拨款支出决算表". */
const FINAL_ACCOUNTS_TABLE = /决算(?:明细)?(?:总)?表$/;
/** A place name only: the first part of "上海市普陀区2025年区级部门预算" is no department. */
const PLACE_ONLY = /(?:省|市|区|县|镇|乡|街道|自治州|自治区)$/;
const LEADING_MARK = /^(?:附件\d*|第[一二三四五六七八九十]+部分)/;

interface TitleMatch {
  readonly text: string;
  readonly year: number;
  readonly unit: "部门" | "单位";
  readonly kind: "预算" | "决算";
  /** Text before the year: the department in "X 2024 年度部门决算", a place in "上海市普陀区2025年…". */
  readonly before: string;
}

/** The first line (or two or three lines joined: covers wrap) of the document's start that is its title. */
function documentTitle(text: TextLine[]): TitleMatch | undefined {
  const head = text.slice(0, 15).filter((l) => !l.cells);
  for (let i = 0; i < head.length; i++) {
    for (let span = 1; span <= 3 && i + span <= head.length; span++) {
      const lines = head.slice(i, i + span);
      if (span > 1 && lines.some((l) => /[:：。]/.test(l.text))) break;
      const joined = norm(lines.map((l) => l.text).join(""));
      if (joined.length > 60 || /^目录/.test(joined)) break;
      const m = DOCUMENT_TITLE.exec(joined);
      if (!m) continue;
      // A title ends with its kind: "…部门预算" or "…部门预算（草案）", not "…部门预算公开检查表".
      const rest = joined.slice(m.index + m[0].length);
      if (
        NOT_A_DISCLOSURE.test(joined) ||
        rest.replace(/[(（][^)）]*[)）]/g, "").replace(/^(?:公开|情况|说明|表)/, "").length > 4
      )
        continue;
      return {
        text: lines.map((l) => l.text.trim()).join(""),
        year: Number(m[1]),
        unit: m[2] as "部门" | "单位",
        kind: m[3] as "预算" | "决算",
        before: joined.slice(0, m.index).replace(LEADING_MARK, ""),
      };
    }
  }
  return undefined;
}

/**
 * Whether a recognised table is evidence of a budget: it has its 编制部门 or 单位 line, or figures. A
 * checklist row that names a table ("4 | 部门财务收支预算总表 | 收支平衡 | 否") has neither.
 */
function isBudgetTable(t: Table): boolean {
  if (t.unit !== undefined || t.department !== undefined) return true;
  const figures = (amounts: Record<string, Figure>) => Object.values(amounts).some((f) => !f.blank);
  switch (t.shape) {
    case "classified":
      return t.items.length > 0 || (t.total !== undefined && figures(t.total.amounts));
    case "two-sided":
      return [...t.income, ...t.expenditure].some((i) => figures(i.amounts));
    case "single-row":
      return figures(t.amounts);
  }
}

/** What the document is (部门/单位, 预算/决算 or other), its year, department, level and title. */
export function documentInfo(
  tables: Partial<Record<StandardTableId, Table>>,
  text: TextLine[],
): Disclosure["document"] {
  const all = (Object.values(tables) as Table[]).filter(isBudgetTable);
  const title = documentTitle(text);
  // Evidence of a final-accounts document: its tables' titles (in the body and the table of contents).
  const finalTables = text.filter((l) => {
    const n = norm(l.text);
    return n.length <= 40 && FINAL_ACCOUNTS_TABLE.test(n);
  }).length;
  const tableKinds = all.map((t) => t.kind).filter((k) => k !== undefined);
  const tableUnit = tableKinds.length > 0 && mostCommon(tableKinds) === "单位" ? "单位" : "部门";
  let kind: Disclosure["document"]["kind"];
  if (all.length >= 2 && !(title?.kind === "决算" && finalTables >= all.length)) {
    kind = `${title?.kind === "预算" ? title.unit : tableUnit}预算`;
  } else if (title?.kind === "决算" || finalTables >= 2) {
    kind = `${title?.unit ?? (text.some((l) => /单位决算/.test(norm(l.text))) ? "单位" : "部门")}决算`;
  } else if (title?.kind === "预算" || all.length > 0) {
    kind = `${title?.unit ?? tableUnit}预算`;
  } else {
    kind = "其他";
  }
  let year = title?.year;
  const tableYears = all.map((t) => t.year).filter((y): y is number => y !== undefined);
  if (year === undefined && tableYears.length > 0) year = mostCommon(tableYears);
  let department: string | undefined;
  for (const line of text.slice(0, 30)) {
    department = departmentOf(line.text);
    if (department) break;
  }
  if (!department) {
    const depts = all.map((t) => t.department).filter((d): d is string => !!d);
    if (depts.length > 0) department = mostCommon(depts);
  }
  // "中共上海市普陀区委社会工作部 2024 年度部门决算": the department stands before the year.
  if (!department && title && title.before.length >= 4 && !PLACE_ONLY.test(title.before))
    department = title.before;
  const doc: Disclosure["document"] = { kind };
  if (department) doc.department = department;
  if (year !== undefined) doc.year = year;
  const level = title ? /(区级|镇级|市级|县级|街道)/.exec(title.text)?.[1] : undefined;
  if (level) doc.level = level;
  if (title) doc.title = title.text;
  return doc;
}

function mostCommon<T>(xs: T[]): T {
  const counts = new Map<T, number>();
  let best = xs[0] as T;
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > (counts.get(best) ?? 0)) best = x;
  }
  return best;
}
