/**
 * 项目经费情况说明: one section per project (概述, 立项依据, 实施主体, 实施方案, 实施周期, 年度预算安排,
 * 绩效目标) and its 财政项目支出绩效目标表, read into data for the E rules.
 */
import { Amount, parseAmount } from "@yusuan/money";
import { norm, stripListMarker } from "../text-norm";
import { FIGURE } from "./figures";
import { projectSubHeading, type ProjectSub } from "./chapters";
import type {
  Chapter,
  Indicator,
  NarrativeLine,
  PerformanceTable,
  Position,
  PrintedDate,
  ProjectBudget,
  ProjectFigure,
  ProjectPart,
  ProjectSection,
} from "./model";

const GOAL_PERIOD = /[（(]\s*(\d+)\s*年?\s*[-—–~～至到]\s*(\d+)\s*年?\s*[)）]/;
const DATE = /^(\d{4})\s*[年/.\-－]\s*(\d{1,2})\s*[月/.\-－]\s*(\d{1,2})\s*日?$/;
const VALUE_WORDS =
  /^(?:有效|改善|提高|提升|良好|优秀?|建立健全|健全|是|否|达标|合格|及时|完成|明显|显著|满意|较好|稳定|降低|减少|增加|逐步提高|无)$/;
const VALUE_LIKE =
  /^[≥≤><=＞＜≧≦]?\s*\d[\d.,]*\s*(?:%|％|人次?|个|次|天|小时|分钟|万元|元|台|套|辆|份|项|家|户|场|件|年|月|日|周|批|篇|期|处|所|名|辆次|平方米|公里)?\s*(?:内|以内|以上|以下|及以上)?$/;
const TRAILING_VALUE = /^(.*?\S)\s*([≥≤><＞＜≧≦]=?\s*\d[\d.]*\s*[%％]?)$/;
const LEVEL1 = /^(?:产出|效益|满意度|成本)指标$/;
const TICK = /^\s*(?:√|✓|✔|☑|■|<input[^>]*checked[^>]*>)/;
const UNTICK = /^\s*(?:□|☐|<input(?![^>]*checked)[^>]*>)/;
const INDICATOR_HEADER = /^\s*一\s*级\s*指\s*标\s*$/;
const CATEGORIES = ["专项资金", "经常性项目", "一次性项目"] as const;
const FUND_LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/项目资金总额/, "项目资金总额"],
  [/年度资金申请总额/, "年度资金申请总额"],
  [/当年财政拨款/, "当年财政拨款"],
  [/上年结转资金?/, "上年结转资金"],
  [/财政资金/, "财政资金"],
  [/其他资金/, "其他资金"],
];
const FUND_LABEL_ANY = /项目资金总额|年度资金申请总额|当年财政拨款|上年结转资金?|财政资金|其他资金/g;
const DELIMITERS = "，,；;。：:、";

const WHITE = /\s+/g;
/** Labels in tables and headings only need white space removed; full NFKC is for longer text. */
function squash(s: string): string {
  return s.replace(WHITE, "");
}

function pos(l: NarrativeLine, offset: number): Position {
  return { line: l.index, offset, ...(l.location ? { location: l.location } : {}) };
}

function partOf(lines: NarrativeLine[]): ProjectPart {
  return { text: lines.map((l) => l.text).join("\n"), lines };
}

function projectFigure(text: string, unit: "元" | "万元", position: Position): ProjectFigure | undefined {
  const r = parseAmount(text, { unit });
  if (!r.ok) return undefined;
  if (r.blank) return { value: "0", unit, decimals: 0, text, blank: true, position };
  return { value: r.amount.to(unit).toString(), unit, decimals: r.decimals, text, blank: false, position };
}

function budgetOf(lines: NarrativeLine[]): ProjectBudget {
  const part = partOf(lines);
  const items: ProjectBudget["items"] = [];
  let total: ProjectFigure | undefined;
  for (const l of lines) {
    const text = l.text;
    const split = text.search(/其中/);
    const found: Array<{ label: string; fig: ProjectFigure; at: number }> = [];
    let prevEnd = 0;
    for (const m of text.matchAll(FIGURE)) {
      if (m[3] === "%") continue;
      const unit = m[3] as "元" | "万元";
      const fig = projectFigure(m[0].replace(/\s+/g, ""), unit, pos(l, m.index));
      if (!fig) continue;
      fig.text = m[0];
      const seg = text.slice(prevEnd, m.index);
      let cut = -1;
      for (const c of DELIMITERS) cut = Math.max(cut, seg.lastIndexOf(c));
      const label = seg
        .slice(cut + 1)
        .replace(/^其中/, "")
        .replace(/^[\s:：]+/, "")
        .trim();
      found.push({ label, fig, at: m.index });
      prevEnd = m.index + m[0].length;
    }
    if (found.length === 0) continue;
    const first = found[0];
    const statesTotal = (f: { label: string }) =>
      /预算(?:安排)?(?:资金)?(?:为|共计|合计|总计|总额)?$|合计$|共计$|总计$|总额$/.test(norm(f.label));
    if (
      total === undefined &&
      first &&
      ((split >= 0 && first.at < split) ||
        (found.length === 1 && statesTotal(first)) ||
        (split < 0 && statesTotal(first)))
    ) {
      total = first.fig;
      found.shift();
    }
    for (const f of found) items.push({ label: f.label, amount: f.fig });
  }
  return { ...part, items, ...(total ? { total } : {}) };
}

function dateOf(text: string, position: Position): PrintedDate {
  const m = DATE.exec(text.trim());
  if (!m) return { text, position };
  const mm = Number(m[2]);
  const dd = Number(m[3]);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return { text, position };
  return { text, date: `${m[1]}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`, position };
}

function ticksOf(cell: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const c of CATEGORIES) {
    const i = cell.indexOf(c);
    if (i < 0) continue;
    const rest = cell.slice(i + c.length);
    if (TICK.test(rest)) out[c] = true;
    else if (UNTICK.test(rest)) out[c] = false;
  }
  return out;
}

function isValueCell(s: string): boolean {
  const t = s.trim();
  return (
    t !== "" &&
    (VALUE_LIKE.test(t) ||
      VALUE_WORDS.test(t) ||
      (t.length <= 10 && /\d/.test(t) && /%|％|人|小时|天/.test(t)))
  );
}

const FUNDS_IN_YUAN = /项目资金\s*[（(]\s*元\s*[)）]/;
const YUAN_ALONE = /^\s*[（(]\s*元\s*[)）]\s*$/;

/** A 元 figure of a performance table, as 万元 (exactly: four more decimals). */
function yuanAsWan(text: string, position: Position): ProjectFigure | undefined {
  const f = projectFigure(text, "元", position);
  if (!f || f.blank) return f ? { ...f, unit: "万元" } : undefined;
  return { ...f, value: Amount.of(f.value).to("万元").toString(), unit: "万元", decimals: f.decimals + 4 };
}

function tableOf(lines: NarrativeLine[]): PerformanceTable {
  const head = lines[0];
  const t: PerformanceTable = {
    title: head?.text ?? "",
    ...(head?.location ? { location: head.location } : {}),
    category: {},
    funds: {},
    indicators: [],
  };
  let inIndicators = false;
  let expectGoals = false;
  const state = { l1: "", l2: "" };
  let otherSeen = 0;
  // "项目资金（元）" (the unit may sit on a line of its own): the funds are in 元; kept in 万元 like every other table.
  const fundsInYuan = lines.some((l) =>
    (l.cells ?? [l.text]).some((c) => FUNDS_IN_YUAN.test(c) || YUAN_ALONE.test(c)),
  );
  for (const l of lines.slice(1)) {
    const cells = (l.cells ?? [l.text]).map((c) => c.trim());
    if (cells.some((c) => INDICATOR_HEADER.test(c))) {
      inIndicators = true;
      continue;
    }
    if (inIndicators) {
      indicatorRow(cells, l, t.indicators, state);
      continue;
    }
    if (expectGoals) {
      expectGoals = false;
      if (!cells.some((c) => /指标|项目名称/.test(c))) {
        if (cells[0]) t.goal = cells[0];
        if (cells[1]) t.annualGoal = cells[1];
        continue;
      }
    }
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] ?? "";
      const n = squash(c);
      const next = cells[i + 1] ?? "";
      if (n === "项目名称") t.name = next;
      else if (/^项目(?:类别|性质)$/.test(n)) Object.assign(t.category, ticksOf(next));
      else if (CATEGORIES.every((k) => c.includes(k))) Object.assign(t.category, ticksOf(c));
      else if (n === "主管部门") t.department = next;
      else if (n === "实施单位") t.implementer = next;
      else if (n === "计划开始日期") t.start = dateOf(next, pos(l, 0));
      else if (n === "计划完成日期") t.end = dateOf(next, pos(l, 0));
      else if (/项目总目标/.test(n)) {
        const g = GOAL_PERIOD.exec(c);
        if (g)
          t.goalPeriod = {
            text: g[0],
            from: g[1] ?? "",
            to: g[2] ?? "",
            position: pos(l, l.text.indexOf(g[0])),
          };
        expectGoals = true;
      } else {
        const labels = [...n.matchAll(FUND_LABEL_ANY)].map((m) => m[0]);
        if (labels.length === 0) continue;
        let key = "";
        for (const label of labels) {
          key = FUND_LABELS.find(([re]) => re.test(label))?.[1] ?? label;
          if (key === "其他资金") key = otherSeen++ === 0 ? "其他资金" : "年度其他资金";
        }
        if (next !== "" && /^[\d\s,.，．]+$/.test(next)) {
          const f = fundsInYuan
            ? yuanAsWan(next, pos(l, Math.max(0, l.text.indexOf(next))))
            : projectFigure(next, "万元", pos(l, Math.max(0, l.text.indexOf(next))));
          if (f) {
            f.text = next;
            t.funds[key] = f;
            i++;
          }
        }
      }
    }
  }
  return t;
}

function indicatorRow(
  cells: string[],
  l: NarrativeLine,
  out: Indicator[],
  state: { l1: string; l2: string },
): void {
  let l3: string | undefined;
  let value: string | undefined;
  for (const c of cells) {
    if (c === "") continue;
    const n = squash(c);
    if (LEVEL1.test(n)) {
      state.l1 = c;
      state.l2 = "";
    } else if (/指标$/.test(n) && l3 === undefined) {
      state.l2 = c;
      if (/满意度/.test(n) && !/满意度/.test(state.l1)) state.l1 = "满意度指标";
      else if (/效益/.test(n) && !/效益/.test(state.l1)) state.l1 = "效益指标";
    } else if (isValueCell(c) || (l3 !== undefined && value === undefined)) value = c;
    else if (l3 === undefined) {
      const tv = TRAILING_VALUE.exec(c);
      if (tv) {
        l3 = tv[1] ?? c;
        value = tv[2];
      } else l3 = c;
    }
  }
  if (l3 !== undefined) {
    out.push({
      level1: state.l1,
      level2: state.l2,
      level3: l3,
      position: pos(l, 0),
      ...(value !== undefined ? { value } : {}),
    });
  } else if (value !== undefined) {
    // A value printed on a line of its own belongs to the latest indicator still without one.
    for (let i = out.length - 1; i >= 0; i--) {
      const ind = out[i];
      if (ind && ind.value === undefined) {
        ind.value = value;
        break;
      }
    }
  }
}

/**
 * Reads one project section: its parts, the 年度预算安排 total and items, and its performance table;
 * further performance tables printed after it come back as sections of their own (table only).
 *
 * @example
 * ```ts
 * const [p] = projectOf(chapters.find((c) => c.kind === "项目")!);
 * p?.budget?.total?.value; // "27247657"
 * ```
 */
export function projectOf(ch: Chapter): ProjectSection[] {
  const heading = stripListMarker(norm(ch.heading));
  const bare = heading.replace(/(?:项目)?经费情况说明$/, "");
  // Under the bare chapter title "项目经费情况说明" the project is named by its performance table.
  let name = bare || heading;
  const section: ProjectSection = {
    name,
    heading: ch.heading,
    ...(ch.location ? { location: ch.location } : {}),
  };
  const parts: Partial<Record<ProjectSub, NarrativeLine[]>> = {};
  const tables: NarrativeLine[][] = [];
  let current: ProjectSub | undefined;
  for (const l of ch.lines) {
    const sub = projectSubHeading(l);
    // Several 绩效目标表 may follow one section: each title starts a table of its own.
    if (sub === "table") {
      current = "table";
      tables.push([l]);
      continue;
    }
    if (current === "table") {
      tables[tables.length - 1]?.push(l);
      continue;
    }
    if (sub) {
      current = sub;
      parts[sub] = [];
      continue;
    }
    if (current) parts[current]?.push(l);
  }
  if (parts.overview) section.overview = partOf(parts.overview);
  if (parts.basis) section.basis = partOf(parts.basis);
  if (parts.implementer) section.implementer = partOf(parts.implementer);
  if (parts.plan) section.plan = partOf(parts.plan);
  if (parts.period) section.period = partOf(parts.period);
  if (parts.budget) section.budget = budgetOf(parts.budget);
  if (parts.goals) section.goals = partOf(parts.goals);
  const read = tables.map(tableOf);
  // The section's own table: the one named after it, else the first; the others stand alone.
  const own = read.find((t) => t.name !== undefined && norm(t.name) === norm(name)) ?? read[0];
  if (own) section.table = own;
  if (bare === "" && own?.name) section.name = name = own.name;
  const others: ProjectSection[] = read
    .filter((t) => t !== own)
    .map((t) => ({
      name: t.name ?? name,
      heading: ch.heading,
      ...(t.location ? { location: t.location } : {}),
      table: t,
    }));
  return [section, ...others];
}
