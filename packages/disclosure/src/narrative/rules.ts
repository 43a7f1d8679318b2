import { Amount, Interval, agree } from "@yusuan/money";
import { normaliseName } from "@yusuan/classification";
import type { ClassifiedRow, Disclosure, Figure, Location } from "../model";
import type { RelatedLocation, TableId } from "../report";
import { format, type Template } from "../i18n";
import { amountOf, intervalOf, tableName, type RuleContext, type RuleSpec } from "../rules/engine";
import type { ChapterKind, Narrative, NarrativeFigure, ProjectFigure, ProjectSection, Subject } from "./model";
import { DETAILS, LABELS } from "./texts";

const t = (zh: string, en: string): Template => ({ "zh-CN": zh, en });

/**
 * The narrative and project-section rules (C, D5, B7, E, F). Messages are templates; the engine
 * fills table/row/column/expected/actual/difference/unit and the params each finding passes.
 *
 * @example
 * ```ts
 * const ids = narrativeRules.map((r) => r.id); // ["C1.narrative-figure", "C1.rounding-residue", …]
 * ```
 */
export const narrativeRules: RuleSpec[] = [
  {
    id: "C1.narrative-figure",
    severity: "error",
    title: t("编制说明金额与表格不符", "Narrative figure differs from the table"),
    description: t(
      "编制说明中的每个万元金额应等于对应表格金额除以10000后按打印的小数位四舍五入的结果（按舍入区间比较）。",
      "Every 10k-yuan figure in the narrative must equal its table amount ÷ 10,000 rounded half-up to the printed decimals (compared as rounding intervals).",
    ),
    message: t(
      "编制说明中{label}为{actual}万元，{source}为{tableValue}元，折合{expected}万元，相差{difference}万元",
      "The narrative gives {label} as {actual} but {source} has {tableValue} yuan = {expected} (10k yuan); difference {difference}",
    ),
  },
  {
    id: "C1.rounding-residue",
    severity: "warning",
    title: t("编制说明尾差调整", "Rounding-residue adjustment in the narrative"),
    description: t(
      "金额与表格折算值相差最后一位的一个单位，且正是这一调整使各部分之和等于打印的合计：属于尾差调整，可接受但应知悉。",
      "The figure is one unit of its last decimal off the table, and exactly this shift makes the parts add up to the printed total: a rounding residue, acceptable but worth knowing.",
    ),
    message: t(
      "编制说明中{label}为{actual}万元，{source}为{tableValue}元，四舍五入应为{expected}万元；为使{equation}而调整了{difference}万元（尾差）",
      "The narrative gives {label} as {actual}; {source} has {tableValue} yuan, which rounds to {expected}; shifted by {difference} so that {equation} (rounding residue)",
    ),
  },
  {
    id: "C2.year-comparison",
    severity: "error",
    title: t("增减比较口径有误", "Year-on-year comparison is inconsistent"),
    description: t(
      "“比Y年预算增加/减少”中的Y应为预算年度的上一年；收入与支出重复说明的增减应一致；比较基数（预算或预算执行数）应统一；原因说明的方向应与增减一致。",
      "In “compared with year Y” Y must be the budget year − 1; the change stated for income and for expenditure must agree; the baseline must be the same throughout; the reason sentence must name the same direction.",
    ),
    message: t("编制说明的增减比较有误：{detail}", "Year-on-year comparison: {detail}"),
  },
  {
    id: "C3.percentage",
    severity: "error",
    title: t("增减百分比与金额不符", "Percentage does not match its amounts"),
    description: t(
      "“增加/减少p%”的方向和大小应与其两个金额相符（按打印精度）。",
      "A stated percentage change must match its two amounts in direction and size, to the printed precision.",
    ),
    message: t(
      "{label}{direction}{amount}万元（本年{current}万元），应为{expected}%，说明为{actual}%",
      "{label}: change {direction} {amount} on {current} (10k yuan) is {expected}%, the text says {actual}%",
    ),
  },
  {
    id: "C4.sangong-narrative",
    severity: "error",
    title: t("“三公”经费说明与表9不符", "Three public expenses differ from Table 9"),
    description: t("“三公”经费说明中的各项金额应等于表9对应金额。", "Each of the three public expenses in the narrative must equal Table 9."),
    message: t(
      "说明中{label}为{actual}万元，表9为{expected}万元",
      "The narrative gives {label} as {actual} but Table 9 has {expected} (10k yuan)",
    ),
  },
  {
    id: "C4.jiguan-narrative",
    severity: "error",
    title: t("机关运行经费说明与表9不符", "Agency operating expenses differ from Table 9"),
    description: t(
      "机关运行经费说明应与表9一致；说明“无机关运行经费”时表9应为0或空。",
      "The agency operating expenses in the narrative must equal Table 9; “none” requires Table 9 to be zero or blank.",
    ),
    message: t("机关运行经费说明与表9不符：{detail}", "Agency operating expenses: {detail}"),
  },
  {
    id: "C4.procurement-total",
    severity: "error",
    title: t("政府采购金额不平衡", "Procurement figures do not add up"),
    description: t(
      "政府采购预算总额应等于货物、工程、服务之和；预留给小微企业的金额不应超过面向中小企业预留的金额。",
      "Procurement total = goods + works + services; the amount for small and micro firms cannot exceed the SME reservation.",
    ),
    message: t("政府采购说明有误：{detail}", "Procurement statement: {detail}"),
  },
  {
    id: "C5.performance-amount",
    severity: "error",
    title: t("绩效目标金额超过项目支出", "Performance-target amount exceeds project expenditure"),
    description: t(
      "编报绩效目标的项目资金不应超过表3项目支出合计（按舍入区间比较）。",
      "The amount of projects with performance targets cannot exceed Table 3's project expenditure total (rounding-aware).",
    ),
    message: t(
      "绩效目标涉及项目资金{actual}万元，超过表3项目支出合计{tableValue}元（{expected}万元）",
      "Performance targets cover {actual} but Table 3's project expenditure is {tableValue} yuan ({expected} ×10k yuan)",
    ),
  },
  {
    id: "C5.performance-amount-note",
    severity: "info",
    title: t("绩效目标金额小于项目支出", "Performance-target amount below project expenditure"),
    description: t(
      "编报绩效目标的项目资金小于表3项目支出合计：并非所有项目都编报了绩效目标，供核对。",
      "Fewer project funds have performance targets than Table 3's project expenditure: not every project has targets; for review.",
    ),
    message: t(
      "绩效目标涉及项目资金{actual}万元，少于表3项目支出合计{expected}万元",
      "Performance targets cover {actual}, less than Table 3's project expenditure {expected} (10k yuan)",
    ),
  },
  {
    id: "C5.performance-count",
    severity: "error",
    title: t("绩效目标项目数有误", "Performance-target project count is wrong"),
    description: t("编报绩效目标的项目个数应为正整数。", "The number of projects with performance targets must be a positive integer."),
    message: t("编报绩效目标的项目数为{actual}个，应为正整数", "The number of projects with targets is {actual}; it must be positive"),
  },
  {
    id: "C6.narrative-item",
    severity: "error",
    title: t("说明中的科目在表5中不存在", "Narrative item is not in Table 5"),
    description: t(
      "编制说明逐项说明的功能分类科目（项、款或类）应在表5中以同一名称存在。",
      "Each classification item the narrative names (项, 款 or 类) must exist in Table 5 under that name.",
    ),
    message: t("编制说明中的科目“{item}”在表5中不存在", "The narrative names “{item}”, which is not in Table 5"),
  },
  {
    id: "C6.narrative-items-total",
    severity: "warning",
    title: t("逐项说明未覆盖全部支出", "Narrative items do not account for the total"),
    description: t(
      "编制说明逐项列出的科目金额合计应等于表5合计。",
      "The items listed in the narrative should add up to Table 5's total.",
    ),
    message: t(
      "编制说明逐项列出的科目合计{actual}万元，表5合计{tableValue}元（{expected}万元）",
      "The listed items add up to {actual} but Table 5's total is {tableValue} yuan ({expected} ×10k yuan)",
    ),
  },
  {
    id: "D5.narrative-part",
    severity: "error",
    title: t("缺少必备的说明部分", "A required narrative part is missing"),
    description: t(
      "应包括：主要职能、机构设置、名词解释、预算编制说明、“三公”经费（每项的金额、增减和原因）、机关运行经费、政府采购、绩效目标、国有资产占用。",
      "Required parts: functions, organisation, glossary, budget explanation, the three public expenses (each with amount, change and reason), agency operating expenses, procurement, performance targets, state assets.",
    ),
    message: t("说明不完整：{detail}", "Incomplete narrative: {detail}"),
  },
  {
    id: "D5.structure-count",
    severity: "error",
    title: t("机构设置家数不一致", "Organisation counts disagree"),
    description: t(
      "机构设置中“下属N家预算单位”、各类单位家数与列出的单位应一致（本部加下属共N+1家）。",
      "“N subordinate units”, the counts by type and the listed entries must agree (N+1 in all with the main body).",
    ),
    message: t("机构设置家数不一致：{detail}", "Organisation counts: {detail}"),
  },
  {
    id: "B7.jiguan-yunxing",
    severity: "error",
    title: t("事业单位不应有机关运行经费", "Public institutions have no agency operating expenses"),
    description: t(
      "机关运行经费只属于行政单位和参公单位；全部由事业单位组成的部门应说明无机关运行经费。",
      "Agency operating expenses exist only for administrative and civil-service-managed units; a body made only of public institutions must state it has none.",
    ),
    message: t("{detail}", "{detail}"),
  },
  {
    id: "E1.project-breakdown",
    severity: "error",
    title: t("年度预算安排明细与合计不符", "Project budget items do not add up"),
    description: t("项目年度预算安排所列各项之和应等于所述项目总额。", "The items of a project's annual budget must add up to the stated project total."),
    message: t(
      "项目“{project}”年度预算安排为{actual}{unit}，所列各项合计{expected}{unit}，相差{difference}{unit}",
      "Project “{project}”: the annual budget is {actual} {unit} but its items add up to {expected} {unit}; difference {difference}",
    ),
  },
  {
    id: "E1.performance-funds",
    severity: "error",
    title: t("绩效目标表项目资金不一致", "Performance table funds disagree"),
    description: t(
      "绩效目标表中项目资金总额 = 财政资金 + 其他资金 = 年度资金申请总额（如填写）；年度预算安排金额应等于项目资金总额×10000（按舍入区间比较）。",
      "In the performance table total funds = fiscal + other = annual request (when given); the annual budget arrangement must equal total funds × 10,000 (rounding-aware).",
    ),
    message: t("项目“{project}”资金不一致：{detail}", "Project “{project}” funds: {detail}"),
  },
  {
    id: "E2.project-period",
    severity: "warning",
    title: t("项目期间不在预算年度", "Project period outside the budget year"),
    description: t(
      "项目计划开始、完成日期和实施周期应在预算年度内；项目总目标期间应是有效的年份区间。",
      "A project's planned dates and period must fall in the budget year; the overall goal period must be a valid range of years.",
    ),
    message: t("项目“{project}”：{detail}", "Project “{project}”: {detail}"),
  },
  {
    id: "E2.indicators",
    severity: "warning",
    title: t("绩效指标不完整", "Performance indicators are incomplete"),
    description: t(
      "绩效指标应包括产出指标（数量、质量、时效）、效益指标和满意度指标，且每项都有指标值。",
      "Indicators must cover output (quantity, quality, timeliness), benefit and satisfaction, each with a target value.",
    ),
    message: t("项目“{project}”：{detail}", "Project “{project}”: {detail}"),
  },
  {
    id: "F1.stale-year",
    severity: "warning",
    title: t("疑似过时的年份", "Suspect stale year"),
    description: t(
      "说明目的或本预算期间的语句中，预算年度及上一年以外的年份可疑；文号、引用的文件名和“某年起”等历史说明除外。",
      "Years other than the budget year and the year before are suspect in statements of purpose or of this budget's period; document numbers, cited titles and dated history are fine.",
    ),
    message: t(
      "“{excerpt}”中的{year}年既不是预算年度{budgetYear}年也不是上一年",
      "“{excerpt}” mentions {year}, neither the budget year {budgetYear} nor the year before",
    ),
  },
  {
    id: "F2.placeholder",
    severity: "error",
    title: t("未替换的占位符", "Placeholder left in the text"),
    description: t("文中留有XX、待填写、【】等占位内容。", "The text still contains placeholders such as XX, 待填写 or 【】."),
    message: t("“{excerpt}”中有占位内容“{match}”", "“{excerpt}” contains the placeholder “{match}”"),
  },
  {
    id: "F2.truncated",
    severity: "error",
    title: t("句子不完整", "Truncated sentence"),
    description: t("句子缺少内容，例如“主要原因是。”或缺少金额。", "A sentence lacks its content, e.g. “主要原因是。” or a missing amount."),
    message: t("“{excerpt}”句子不完整（“{match}”）", "“{excerpt}” is cut off (“{match}”)"),
  },
  {
    id: "F2.punctuation",
    severity: "warning",
    title: t("标点重复或缺失", "Doubled or missing punctuation"),
    description: t("标点重复（如“。。”“，，”）或成句的段落缺少句末标点。", "Doubled punctuation (“。。”, “，，”) or a sentence paragraph without closing punctuation."),
    message: t("“{excerpt}”标点有误：{match}", "“{excerpt}” has a punctuation problem: {match}"),
  },
  {
    id: "F2.quotes",
    severity: "warning",
    title: t("引号或括号不配对", "Unbalanced quotes or brackets"),
    description: t("“”、《》、（）应成对出现。", "“”, 《》 and （） must come in pairs."),
    message: t("“{excerpt}”中{pair}不配对", "“{excerpt}” has unbalanced {pair}"),
  },
  {
    id: "F3.level-word",
    severity: "warning",
    title: t("预算级次用语不符", "Wrong government level word"),
    description: t(
      "区级、镇级文件不应出现“市级”（镇级文件可写镇级或区级）。",
      "A district or town document must not say 市级 (a town document may say 镇级 or 区级).",
    ),
    message: t("{level}文件中出现“{word}”：“{excerpt}”", "A {level} document says “{word}”: “{excerpt}”"),
  },
  {
    id: "F3.kind-word",
    severity: "warning",
    title: t("单位文件使用了部门用语", "部门 wording in a 单位 document"),
    description: t("单位预算（决算）文件应使用“单位”用语，而不是“本部门”“部门预算”等。", "A unit document should say 单位, not 本部门 or 部门预算."),
    message: t("单位文件中出现“{word}”：“{excerpt}”", "A unit document says “{word}”: “{excerpt}”"),
  },
];

// ---------------------------------------------------------------------------------------------

const WAN = "万元" as const;
const LEVEL_WORD = /市级/g;
const KIND_WORD = /本部门|部门预算(?!(?:支出)?经济分类)|部门主要职能|部门机构设置/g;
const PLACEHOLDER = /(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|[×]{2,}|待填写|待补充|【\s*】/g;
const TRUNCATED = /(?:原因(?:是|为)|主要用于|主要是|包括)[:：]?\s*[。；;]|(?:原因(?:是|为))[:：]?\s*$|(?:增加|减少|预算|为|科目)(?:万元|%)/g;
const DOUBLED = /([。，；：、！？])\1|[，、；：][。]|[。][，、；]/g;
const SENTENCE_END = /[。；;！!？?：:…”"）)》、，,]\s*$/;
const STARTS_WITH_PUNCT = /^\s*[。；;，,！!？?、]/;
const LIST_LEAD = /^\s*(?:\d+\s*[)）]|[（(][一二三四五六七八九十\d]+[)）])/;
const NARRATIVE_SENTENCE_CHAPTERS = new Set<ChapterKind>(["职能", "编制说明", "三公", "机关运行经费", "政府采购", "绩效目标", "国有资产占用"]);
const SKIP_TEXT_CHAPTERS = new Set<ChapterKind>(["封面", "目录"]);
const YEAR_SKIP_CHAPTERS = new Set<ChapterKind>(["封面", "目录", "名词解释"]);

function label(ctx: RuleContext, key: string): string {
  const l = LABELS[key];
  return l ? l[ctx.lang] : key;
}

function detail(ctx: RuleContext, key: string, params: Record<string, string | number>): string {
  const tpl = DETAILS[key];
  return tpl ? format(tpl, ctx.lang, params) : key;
}

function excerpt(text: string, at = 0, width = 40): string {
  const start = Math.max(0, Math.min(at - 10, text.length - width));
  const s = text.slice(start, start + width).replace(/\t/g, " ");
  return (start > 0 ? "…" : "") + s + (start + width < text.length ? "…" : "");
}

function wanOf(f: { value: string }): Amount {
  return Amount.of(f.value, WAN);
}

/**
 * What a printed narrative figure stands for: [v − ½·10^−d, v + ½·10^−d] 万元. A printed zero
 * ("事业收入0万元") means nothing was budgeted, so it is exact, like a blank table cell.
 */
function shownInterval(f: { value: string; decimals: number }): Interval {
  const v = wanOf(f);
  return v.isZero() ? Interval.exact(v) : Interval.ofDisplayed(v, f.decimals);
}

function one(decimals: number): Amount {
  return Amount.of(decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`, WAN);
}

interface TableRef {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  readonly figure: Figure | undefined;
}

function refOf(d: Disclosure, s: Subject): TableRef | undefined {
  const T = d.tables;
  const t1Income = (key: string) => T.T1?.income.find((l) => l.key === key);
  switch (s) {
    case "收入预算":
      if (T.T1?.incomeTotal) return { table: "T1", row: "收入总计", column: "预算数", figure: T.T1.incomeTotal.amounts["预算数"] };
      if (T.T2) return { table: "T2", row: "合计", column: "合计", figure: T.T2.total?.amounts["合计"] };
      return undefined;
    case "财政拨款收入":
    case "事业收入":
    case "事业单位经营收入":
    case "其他收入":
      if (T.T2 && T.T2.columns.includes(s)) return { table: "T2", row: "合计", column: s, figure: T.T2.total?.amounts[s] };
      if (t1Income(s)) return { table: "T1", row: s, column: "预算数", figure: t1Income(s)?.amounts["预算数"] };
      return undefined;
    case "支出预算":
      if (T.T3) return { table: "T3", row: "合计", column: "合计", figure: T.T3.total?.amounts["合计"] };
      if (T.T1?.expenditureTotal) return { table: "T1", row: "支出总计", column: "预算数", figure: T.T1.expenditureTotal.amounts["预算数"] };
      return undefined;
    case "财政拨款支出预算":
      if (T.T4?.expenditureTotal) return { table: "T4", row: "支出总计", column: "合计", figure: T.T4.expenditureTotal.amounts["合计"] };
      return undefined;
    case "一般公共预算拨款支出预算":
      if (T.T5) return { table: "T5", row: "合计", column: "合计", figure: T.T5.total?.amounts["合计"] };
      return undefined;
    case "政府性基金拨款支出预算":
      if (T.T6) return { table: "T6", row: "合计", column: "合计", figure: T.T6.total?.amounts["合计"] };
      return undefined;
    case "国有资本经营预算拨款支出预算":
      if (T.T7) return { table: "T7", row: "合计", column: "合计", figure: T.T7.total?.amounts["合计"] };
      return undefined;
    default:
      return undefined;
  }
}

function related(r: TableRef): RelatedLocation {
  return { table: r.table, row: r.row, column: r.column, ...(r.figure?.location ? { location: r.figure.location } : {}) };
}

function loc(f: { position: { location?: Location | undefined } }): Location | undefined {
  return f.position.location;
}

/** Printed parts adding up exactly to a printed total: the groups a rounding residue can serve. */
interface Group {
  readonly total: NarrativeFigure;
  readonly parts: ReadonlyArray<NarrativeFigure>;
}

function holds(g: Group): boolean {
  return Amount.sum(g.parts.map(wanOf), WAN).equals(wanOf(g.total));
}

function equationOf(g: Group): string {
  return `${g.parts.map((p) => p.value).join(" + ")} = ${g.total.value}`;
}

/** C1: one narrative figure against its table amount; a one-unit shift that balances a group is a residue. */
function compareFigure(
  ctx: RuleContext,
  f: NarrativeFigure,
  ref: TableRef,
  labelText: string,
  row: string,
  column: string | undefined,
  groups: ReadonlyArray<Group>,
): void {
  const exact = amountOf(ref.figure, "元");
  if (agree(shownInterval(f), intervalOf(ref.figure, "元"))) return;
  const actual = wanOf(f);
  const expected = Amount.of(exact.to(WAN).toFixed(f.decimals), WAN);
  const difference = actual.minus(expected);
  const tolerance = ctx.tolerance("C1.narrative-figure");
  if (!tolerance.isZero() && actual.to("元").minus(exact).abs().compare(tolerance) <= 0) return;
  const sourceName = tableName(ref.table, ctx.lang);
  const base = {
    table: "N" as const,
    row,
    column,
    location: loc(f),
    expected: expected.toFixed(f.decimals),
    actual: f.value,
    difference: difference.toFixed(f.decimals),
    unit: WAN,
    related: [related(ref)],
  };
  const group = difference.abs().equals(one(f.decimals)) ? groups.find((g) => (g.total === f || g.parts.includes(f)) && holds(g)) : undefined;
  if (group) {
    ctx.emit("C1.rounding-residue", {
      ...base,
      params: { label: labelText, source: sourceName, tableValue: exact.toFixed(2), equation: equationOf(group) },
    });
    return;
  }
  ctx.emit("C1.narrative-figure", {
    ...base,
    suggestion: expected.toFixed(f.decimals),
    params: { label: labelText, source: sourceName, tableValue: exact.toFixed(2) },
  });
}

function t5RowFor(d: Disclosure, name: string, figure: NarrativeFigure): ClassifiedRow | undefined {
  const rows = d.tables.T5?.items ?? [];
  const key = normaliseName(name);
  const candidates = rows.filter((r) => normaliseName(r.name) === key);
  if (candidates.length <= 1) return candidates[0];
  const matching = candidates.filter((r) => agree(shownInterval(figure), intervalOf(r.amounts["合计"], "元")));
  const pool = matching.length > 0 ? matching : candidates;
  const rank = { 项: 0, 款: 1, 类: 2 } as const;
  return [...pool].sort((a, b) => rank[a.level] - rank[b.level])[0];
}

function checkFigures(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const bySubject = new Map<Subject, NarrativeFigure>();
  for (const f of n.figures) if (f.subject && !f.change && f.subject !== "科目" && !bySubject.has(f.subject)) bySubject.set(f.subject, f);
  const groups: Group[] = [];
  for (const it of n.items) if (it.basic && it.project) groups.push({ total: it.amount, parts: [it.basic, it.project] });
  const income = bySubject.get("收入预算");
  const incomeParts = (["财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"] as const).map((s) => bySubject.get(s)).filter((f): f is NarrativeFigure => f !== undefined);
  if (income && incomeParts.length > 1) groups.push({ total: income, parts: incomeParts });
  const itemsTotal = bySubject.get("一般公共预算拨款支出预算") ?? bySubject.get("财政拨款支出预算");
  if (itemsTotal && n.items.length > 1) groups.push({ total: itemsTotal, parts: n.items.map((i) => i.amount) });

  for (const [s, f] of bySubject) {
    if (f.unit !== WAN) continue;
    const ref = refOf(d, s);
    if (ref) compareFigure(ctx, f, ref, label(ctx, s), s, undefined, groups);
  }

  // Items: C6 (exists in T5) and C1 (amount and its split).
  const codes: string[] = [];
  for (const it of n.items) {
    if (!d.tables.T5) break;
    const row = t5RowFor(d, it.name, it.amount);
    if (!row) {
      ctx.emit("C6.narrative-item", { table: "N", row: it.name, location: loc(it.amount), params: { item: it.name } });
      continue;
    }
    codes.push(row.code);
    const parts: Array<[NarrativeFigure | undefined, "合计" | "基本支出" | "项目支出"]> = [
      [it.amount, "合计"],
      [it.basic, "基本支出"],
      [it.project, "项目支出"],
    ];
    for (const [f, column] of parts) {
      if (!f) continue;
      const ref: TableRef = { table: "T5", row: row.code, column, figure: row.amounts[column] };
      const name = detail(ctx, column === "合计" ? "item" : "itemPart", { item: it.name, part: label(ctx, column) });
      compareFigure(ctx, f, ref, name, it.name, column, groups);
    }
  }
  const total = d.tables.T5?.total?.amounts["合计"];
  const nested = codes.some((a) => codes.some((b) => a !== b && b.startsWith(a)));
  if (total && n.items.length > 1 && codes.length === n.items.length && !nested) {
    const sum = Interval.sum(n.items.map((i) => shownInterval(i.amount)), WAN);
    if (!agree(sum, intervalOf(total, "元"))) {
      const printed = Amount.sum(n.items.map((i) => wanOf(i.amount)), WAN);
      const exact = amountOf(total, "元");
      ctx.emit("C6.narrative-items-total", {
        table: "N",
        row: "合计",
        location: loc(n.items[0]!.amount),
        expected: exact.to(WAN).toFixed(2),
        actual: printed.toFixed(2),
        difference: printed.minus(exact.to(WAN)).toFixed(2),
        unit: WAN,
        related: [{ table: "T5", row: "合计", column: "合计", ...(total.location ? { location: total.location } : {}) }],
        params: { tableValue: exact.toFixed(2) },
      });
    }
  }
}

const PAIRS: ReadonlyArray<readonly [Subject, Subject]> = [
  ["收入预算", "支出预算"],
  ["财政拨款收入", "财政拨款支出预算"],
];

function checkChanges(ctx: RuleContext, n: Narrative): void {
  const year = n.year;
  for (const c of n.changes) {
    if (year !== undefined && c.year !== year - 1) {
      ctx.emit("C2.year-comparison", {
        table: "N",
        row: c.subject ?? c.item ?? "",
        column: "year",
        location: c.position.location,
        expected: String(year - 1),
        actual: String(c.year),
        key: c.text,
        params: { detail: detail(ctx, "wrongYear", { text: c.text, year: c.year, expectedYear: year - 1 }) },
      });
    }
  }
  const normBaseline = (b: string) => b.replace(/数$/, "");
  const baselines = n.changes.map((c) => normBaseline(c.baseline)).filter((b) => b !== "");
  if (baselines.length > 1) {
    const counts = new Map<string, number>();
    for (const b of baselines) counts.set(b, (counts.get(b) ?? 0) + 1);
    const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
    for (const c of n.changes) {
      const b = normBaseline(c.baseline);
      if (b === "" || b === main) continue;
      ctx.emit("C2.year-comparison", {
        table: "N",
        row: c.subject ?? "",
        column: "baseline",
        location: c.position.location,
        key: c.text,
        params: { detail: detail(ctx, "baseline", { text: c.text, baseline: c.baseline, expectedBaseline: main }) },
      });
    }
  }
  const first = (s: Subject) => n.changes.find((c) => c.subject === s && c.base && !c.base.item);
  for (const [a, b] of PAIRS) {
    const x = first(a);
    const y = first(b);
    if (!x || !y) continue;
    const common = { table: "N" as const, row: b, column: "change", location: y.position.location, related: [{ table: "N" as const, row: a, ...(x.position.location ? { location: x.position.location } : {}) }] };
    if (x.direction !== y.direction) {
      ctx.emit("C2.year-comparison", {
        ...common,
        expected: x.direction,
        actual: y.direction,
        params: { detail: detail(ctx, "pairDirection", { left: label(ctx, a), leftDirection: x.direction, right: label(ctx, b), rightDirection: y.direction }) },
      });
    } else if (x.amount && y.amount && !wanOf(x.amount).equals(wanOf(y.amount))) {
      ctx.emit("C2.year-comparison", {
        ...common,
        expected: x.amount.value,
        actual: y.amount.value,
        difference: wanOf(y.amount).minus(wanOf(x.amount)).toString(),
        unit: WAN,
        params: { detail: detail(ctx, "pairAmount", { left: label(ctx, a), leftAmount: x.amount.value, right: label(ctx, b), rightAmount: y.amount.value }) },
      });
    }
  }
  const fiscal = first("财政拨款收入") ?? first("财政拨款支出预算");
  if (fiscal) {
    for (const r of n.reasonDirections) {
      if (r.direction === fiscal.direction) continue;
      ctx.emit("C2.year-comparison", {
        table: "N",
        row: "财政拨款收入",
        column: "reason",
        location: r.position.location,
        expected: fiscal.direction,
        actual: r.direction,
        params: { detail: detail(ctx, "reasonDirection", { direction: r.direction, expectedDirection: fiscal.direction }) },
      });
    }
  }
}

function checkPercentages(ctx: RuleContext, n: Narrative): void {
  const hundred = "100";
  for (const c of n.changes) {
    const p = c.percent;
    if (!p) continue;
    const lbl = c.subject ? label(ctx, c.subject) : (c.item ?? "");
    const common = { table: "N" as const, row: c.subject ?? c.item ?? "", column: "percent", location: loc(p), key: c.text };
    const wordConflict = (c.percentDirection && c.direction !== "持平" && c.percentDirection !== c.direction) || (c.direction === "持平" && !Amount.of(p.value).isZero());
    if (wordConflict) {
      ctx.emit("C3.percentage", { ...common, actual: p.value, expected: c.direction, params: { label: lbl, direction: c.percentDirection ?? c.direction, amount: c.amount?.value ?? "", current: c.base?.value ?? "", expected: c.direction === "持平" ? "0" : "" } });
      continue;
    }
    if (!c.amount || !c.base || c.base.unit !== WAN || c.amount.unit !== WAN) continue;
    // Bounds of the percentage from the rounding intervals of the current amount and the change.
    const a = shownInterval(c.amount);
    const b = shownInterval(c.base);
    const sign = c.direction === "减少" ? -1 : 1;
    const priorLow = sign > 0 ? b.low.minus(a.high) : b.low.plus(a.low);
    const priorHigh = sign > 0 ? b.high.minus(a.low) : b.high.plus(a.high);
    if (!priorLow.isPositive()) continue;
    const maxP = a.high.times(hundred).dividedBy(priorLow.toString());
    const minP = a.low.isNegative() ? Amount.zero(WAN) : a.low.times(hundred).dividedBy(priorHigh.toString());
    const printed = Interval.ofDisplayed(Amount.of(p.value, WAN), p.decimals);
    if (agree(printed, Interval.between(minP, maxP))) continue;
    const prior = sign > 0 ? wanOf(c.base).minus(wanOf(c.amount)) : wanOf(c.base).plus(wanOf(c.amount));
    const expected = wanOf(c.amount).times(hundred).dividedBy(prior.toString()).toFixed(p.decimals);
    ctx.emit("C3.percentage", {
      ...common,
      expected,
      actual: p.value,
      difference: Amount.of(p.value).minus(Amount.of(expected)).toFixed(p.decimals),
      params: { label: lbl, direction: c.direction, amount: c.amount.value, current: c.base.value },
    });
  }
}

const SANGONG_COLUMNS: ReadonlyArray<readonly [Subject, string]> = [
  ["三公经费", "合计"],
  ["因公出国(境)费", "因公出国(境)费"],
  ["公务用车购置及运行费", "公务用车小计"],
  ["公务用车购置费", "购置费"],
  ["公务用车运行费", "运行费"],
  ["公务接待费", "公务接待费"],
];

function t9Interval(f: Figure | undefined): Interval {
  return f && !f.blank ? Interval.ofDisplayed(Amount.of(f.value, WAN), f.decimals) : Interval.exact(Amount.zero(WAN));
}

function checkT9(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const t9 = d.tables.T9;
  if (!t9) return;
  for (const [s, column] of SANGONG_COLUMNS) {
    const f = n.figures.find((x) => x.subject === s && !x.change);
    if (!f || f.unit !== WAN) continue;
    const tf = t9.amounts[column];
    if (agree(shownInterval(f), t9Interval(tf))) continue;
    const tv = tf ? Amount.of(tf.value, WAN) : Amount.zero(WAN);
    ctx.emit("C4.sangong-narrative", {
      table: "N",
      row: s,
      column,
      location: loc(f),
      expected: tf?.blank ? "0" : (tf?.value ?? "0"),
      actual: f.value,
      difference: wanOf(f).minus(tv).toString(),
      unit: WAN,
      related: [{ table: "T9", column, ...(tf?.location ? { location: tf.location } : {}) }],
      params: { label: label(ctx, s) },
    });
  }
  const tj = t9.amounts["机关运行经费"];
  const jf = n.figures.find((x) => x.subject === "机关运行经费" && !x.change && x.unit === WAN);
  const tjAmount = tj ? Amount.of(tj.value, WAN) : Amount.zero(WAN);
  if (jf && !agree(shownInterval(jf), t9Interval(tj))) {
    ctx.emit("C4.jiguan-narrative", {
      table: "N",
      row: "机关运行经费",
      column: "机关运行经费",
      location: loc(jf),
      expected: tjAmount.toString(),
      actual: jf.value,
      difference: wanOf(jf).minus(tjAmount).toString(),
      unit: WAN,
      related: [{ table: "T9", column: "机关运行经费", ...(tj?.location ? { location: tj.location } : {}) }],
      params: { detail: detail(ctx, "fundsEqual", { left: label(ctx, "机关运行经费"), actual: jf.value, right: ctx.lang === "en" ? "Table 9" : "表9", expected: tjAmount.toString() }) },
    });
  }
  if (n.jiguanNone && tjAmount.isPositive()) {
    ctx.emit("C4.jiguan-narrative", {
      table: "N",
      row: "机关运行经费",
      column: "none",
      location: n.jiguanNone.location,
      expected: "0",
      actual: tjAmount.toString(),
      unit: WAN,
      related: [{ table: "T9", column: "机关运行经费", ...(tj?.location ? { location: tj.location } : {}) }],
      params: { detail: detail(ctx, "jiguanNoneButTable", { expected: tjAmount.toString() }) },
    });
  }
}

function checkProcurement(ctx: RuleContext, n: Narrative): void {
  const get = (s: Subject) => n.figures.find((f) => f.subject === s && !f.change && f.unit === WAN);
  const total = get("政府采购");
  const parts = [get("政府采购货物"), get("政府采购工程"), get("政府采购服务")];
  if (total && parts.every((p) => p !== undefined)) {
    const ps = parts as NarrativeFigure[];
    const sum = Interval.sum(ps.map(shownInterval), WAN);
    if (!agree(shownInterval(total), sum)) {
      const exact = Amount.sum(ps.map(wanOf), WAN);
      ctx.emit("C4.procurement-total", {
        table: "N",
        row: "政府采购",
        column: "合计",
        location: loc(total),
        expected: exact.toString(),
        actual: total.value,
        difference: wanOf(total).minus(exact).toString(),
        unit: WAN,
        params: { detail: detail(ctx, "procurementSum", { actual: total.value, goods: ps[0]!.value, works: ps[1]!.value, services: ps[2]!.value, expected: exact.toString() }) },
      });
    }
  }
  const sme = get("中小企业预留");
  const small = get("小型和微型企业预留");
  if (sme && small && shownInterval(small).low.compare(shownInterval(sme).high) > 0) {
    ctx.emit("C4.procurement-total", {
      table: "N",
      row: "政府采购",
      column: "小型和微型企业",
      location: loc(small),
      expected: sme.value,
      actual: small.value,
      unit: WAN,
      params: { detail: detail(ctx, "procurementSmall", { actual: small.value, expected: sme.value }) },
    });
  }
}

function checkPerformance(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const count = n.figures.find((f) => f.subject === "绩效目标项目数");
  if (count && !(Number(count.value) > 0)) {
    ctx.emit("C5.performance-count", { table: "N", row: "绩效目标", column: "项目数", location: loc(count), actual: count.value });
  }
  const f = n.figures.find((x) => x.subject === "绩效目标金额" && x.unit === WAN);
  const tf = d.tables.T3?.total?.amounts["项目支出"];
  if (!f || !d.tables.T3) return;
  const table = amountOf(tf, "元");
  const shown = shownInterval(f);
  if (agree(shown, intervalOf(tf, "元"))) return;
  const more = shown.low.compare(table.to(WAN)) > 0;
  ctx.emit(more ? "C5.performance-amount" : "C5.performance-amount-note", {
    table: "N",
    row: "绩效目标",
    column: "项目资金",
    location: loc(f),
    expected: table.to(WAN).toFixed(f.decimals),
    actual: f.value,
    difference: wanOf(f).minus(table.to(WAN)).toFixed(Math.max(2, f.decimals)),
    unit: WAN,
    related: [{ table: "T3", row: "合计", column: "项目支出", ...(tf?.location ? { location: tf.location } : {}) }],
    params: { tableValue: table.toFixed(2) },
  });
}

const REQUIRED_PARTS: ReadonlyArray<ChapterKind> = ["职能", "机构设置", "名词解释", "编制说明", "三公", "机关运行经费", "政府采购", "绩效目标", "国有资产占用"];
const SANGONG_ITEMS = ["因公出国(境)费", "公务用车购置及运行费", "公务接待费"] as const;

function checkParts(ctx: RuleContext, n: Narrative): void {
  const present = new Set<ChapterKind>();
  for (const c of n.chapters) if (c.lines.length > 0) present.add(c.kind);
  // A workbook with the tables alone has no narrative to judge.
  if (!present.has("编制说明") && !present.has("职能") && !present.has("其他说明") && !present.has("三公")) return;
  for (const part of REQUIRED_PARTS) {
    if (present.has(part)) continue;
    ctx.emit("D5.narrative-part", { table: "D", row: part, params: { detail: detail(ctx, "missingChapter", { part: label(ctx, part) }) } });
  }
  const sangong = n.chapters.find((c) => c.kind === "三公");
  if (!sangong || sangong.lines.length === 0) return;
  for (const item of SANGONG_ITEMS) {
    const s = n.sangong.find((x) => x.item === item);
    const missing: string[] = [];
    if (!s?.amount) missing.push("sangongAmount");
    if (!s?.change) missing.push("sangongChange");
    if (!s || !s.reason) missing.push("sangongReason");
    for (const what of missing) {
      ctx.emit("D5.narrative-part", {
        table: "N",
        row: item,
        column: what,
        location: s?.position.location ?? sangong.location,
        params: { detail: detail(ctx, "sangongItem", { item: label(ctx, item), what: detail(ctx, what, {}) }) },
      });
    }
  }
}

function checkStructure(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const s = n.structure;
  if (!s) return;
  const counted = Object.values(s.counts).reduce((a, b) => a + b, 0);
  const hasCounts = Object.keys(s.counts).length > 0;
  const entries = s.entries.length;
  const where = s.countsPosition?.location ?? s.subordinatesPosition?.location;
  if (s.subordinates !== undefined) {
    const all = s.subordinates + 1;
    if (entries > 0 && entries !== all) {
      ctx.emit("D5.structure-count", { table: "N", row: "机构设置", column: "entries", location: s.subordinatesPosition?.location, expected: String(all), actual: String(entries), params: { detail: detail(ctx, "entriesVsSubordinates", { subordinates: s.subordinates, expected: all, actual: entries }) } });
    }
    if (hasCounts && counted !== all) {
      ctx.emit("D5.structure-count", { table: "N", row: "机构设置", column: "counts", location: where, expected: String(all), actual: String(counted), params: { detail: detail(ctx, "countsVsSubordinates", { expected: all, actual: counted }) } });
    }
  } else if (hasCounts && entries > 0 && counted !== entries) {
    ctx.emit("D5.structure-count", { table: "N", row: "机构设置", column: "counts", location: where, expected: String(entries), actual: String(counted), params: { detail: detail(ctx, "countsVsEntries", { expected: entries, actual: counted }) } });
  }
  // B7: only public institutions → no agency operating expenses.
  const admin = (s.counts["行政单位"] ?? 0) + (s.counts["参公单位"] ?? 0);
  const shiye = s.counts["事业单位"] ?? 0;
  if (admin > 0 || shiye === 0) return;
  const jf = n.figures.find((x) => x.subject === "机关运行经费" && !x.change && x.unit === WAN);
  const tj = d.tables.T9?.amounts["机关运行经费"];
  if (jf && wanOf(jf).isPositive()) {
    ctx.emit("B7.jiguan-yunxing", { table: "N", row: "机关运行经费", column: "narrative", location: loc(jf), expected: "0", actual: jf.value, unit: WAN, params: { detail: detail(ctx, "jiguanForShiye", { count: shiye, where: detail(ctx, "whereNarrative", {}), actual: jf.value }) } });
  } else if (tj && !tj.blank && Amount.of(tj.value).isPositive()) {
    ctx.emit("B7.jiguan-yunxing", { table: "T9", column: "机关运行经费", location: tj.location, expected: "0", actual: tj.value, unit: WAN, params: { detail: detail(ctx, "jiguanForShiye", { count: shiye, where: detail(ctx, "whereTable9", {}), actual: tj.value }) } });
  } else if (!jf && !n.jiguanNone && n.chapters.some((c) => c.kind === "机关运行经费")) {
    const ch = n.chapters.find((c) => c.kind === "机关运行经费");
    ctx.emit("B7.jiguan-yunxing", { table: "N", row: "机关运行经费", column: "statement", location: ch?.location, params: { detail: detail(ctx, "jiguanNotStated", { count: shiye }) } });
  }
}

// --- Project sections -------------------------------------------------------------------------

function pfAmount(f: ProjectFigure): Amount {
  return Amount.of(f.value, f.unit);
}

function pfInterval(f: ProjectFigure): Interval {
  if (f.blank) return Interval.exact(Amount.zero(f.unit));
  return f.unit === "元" && f.decimals >= 2 ? Interval.exact(pfAmount(f)) : Interval.ofDisplayed(pfAmount(f), f.decimals);
}

function checkProjects(ctx: RuleContext, n: Narrative): void {
  const year = n.year;
  for (const p of n.projects) {
    checkProjectFunds(ctx, p);
    if (year !== undefined) checkProjectPeriod(ctx, p, year);
    checkIndicators(ctx, p);
  }
}

function checkProjectFunds(ctx: RuleContext, p: ProjectSection): void {
  const b = p.budget;
  if (b?.total && b.items.length > 0) {
    const unit = b.total.unit;
    const sum = Amount.sum(b.items.map((i) => pfAmount(i.amount)), unit);
    const sumI = Interval.sum(b.items.map((i) => pfInterval(i.amount)), unit);
    if (!agree(pfInterval(b.total), sumI)) {
      const dec = unit === "元" ? 0 : Math.max(b.total.decimals, 2);
      ctx.emit("E1.project-breakdown", {
        table: "P",
        row: p.name,
        column: "年度预算安排",
        location: b.total.position.location,
        expected: sum.toFixed(dec),
        actual: pfAmount(b.total).toFixed(dec),
        difference: pfAmount(b.total).minus(sum).toFixed(dec),
        unit,
        params: { project: p.name },
      });
    }
  }
  const table = p.table;
  if (!table) return;
  const F = table.funds;
  const wan = (k: string) => F[k];
  const emitFunds = (column: string, f: ProjectFigure, expected: Amount, detailKey: string, params: Record<string, string | number>) => {
    const dec = Math.max(f.decimals, 2);
    ctx.emit("E1.performance-funds", {
      table: "P",
      row: p.name,
      column,
      location: f.position.location,
      expected: expected.toFixed(dec),
      actual: pfAmount(f).toFixed(dec),
      difference: pfAmount(f).minus(expected).toFixed(dec),
      unit: WAN,
      params: { project: p.name, detail: detail(ctx, detailKey, params) },
    });
  };
  const sumCheck = (totalKey: string, partKeys: string[]) => {
    const total = wan(totalKey);
    const parts = partKeys.map((k) => wan(k)).filter((f): f is ProjectFigure => f !== undefined);
    if (!total || parts.length === 0 || total.blank) return;
    const sumI = Interval.sum(parts.map(pfInterval), WAN);
    if (agree(pfInterval(total), sumI)) return;
    const exact = Amount.sum(parts.map(pfAmount), WAN);
    emitFunds(totalKey, total, exact, "fundsSum", {
      left: label(ctx, totalKey),
      actual: total.value,
      parts: partKeys.filter((k) => wan(k)).map((k) => label(ctx, k)).join(ctx.lang === "en" ? " + " : "、"),
      expected: exact.toString(),
    });
  };
  sumCheck("项目资金总额", ["财政资金", "其他资金"]);
  sumCheck("年度资金申请总额", ["当年财政拨款", "上年结转资金", "年度其他资金"]);
  const total = wan("项目资金总额");
  const annual = wan("年度资金申请总额");
  if (total && annual && !total.blank && !annual.blank && !agree(pfInterval(total), pfInterval(annual))) {
    emitFunds("年度资金申请总额", annual, pfAmount(total), "fundsEqual", { left: label(ctx, "年度资金申请总额"), actual: annual.value, right: label(ctx, "项目资金总额"), expected: total.value });
  }
  const ref = total && !total.blank ? total : annual && !annual.blank ? annual : undefined;
  if (!b || !ref) return;
  const budgetFigure = b.total;
  const budgetUnit = budgetFigure?.unit ?? b.items[0]?.amount.unit;
  if (!budgetUnit) return;
  const budgetAmount = budgetFigure ? pfAmount(budgetFigure) : Amount.sum(b.items.map((i) => pfAmount(i.amount)), budgetUnit);
  const budgetI = budgetFigure ? pfInterval(budgetFigure) : Interval.sum(b.items.map((i) => pfInterval(i.amount)), budgetUnit);
  if (agree(budgetI.to(WAN), pfInterval(ref))) return;
  const refKey = ref === total ? "项目资金总额" : "年度资金申请总额";
  const dec = budgetUnit === "元" ? 0 : 4;
  ctx.emit("E1.performance-funds", {
    table: "P",
    row: p.name,
    column: "年度预算安排",
    location: budgetFigure?.position.location ?? b.lines[0]?.location,
    expected: pfAmount(ref).to(budgetUnit).toFixed(dec),
    actual: budgetAmount.toFixed(dec),
    difference: budgetAmount.minus(pfAmount(ref)).toFixed(dec),
    unit: budgetUnit,
    related: [{ table: "P", row: p.name, column: refKey, ...(ref.position.location ? { location: ref.position.location } : {}) }],
    params: {
      project: p.name,
      detail: detail(ctx, "budgetVsTable", { actual: budgetAmount.toFixed(dec), unit: budgetUnit, wan: budgetAmount.to(WAN).toString(), right: label(ctx, refKey), expected: ref.value }),
    },
  });
}

const PERIOD_YEARS = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

function checkProjectPeriod(ctx: RuleContext, p: ProjectSection, year: number): void {
  const emitP = (column: string, location: Location | undefined, key: string, params: Record<string, string | number>) =>
    ctx.emit("E2.project-period", { table: "P", row: p.name, column, location, params: { project: p.name, detail: detail(ctx, key, params) } });
  const tb = p.table;
  for (const [field, date] of [["计划开始日期", tb?.start], ["计划完成日期", tb?.end]] as const) {
    if (date?.date && date.date.slice(0, 4) !== String(year)) emitP(field, date.position.location, "dateOutside", { field: label(ctx, field), text: date.text, year });
  }
  if (p.period) {
    const years = [...p.period.text.matchAll(PERIOD_YEARS)].map((m) => Number(m[1]));
    const range = years.length >= 2 ? [Math.min(...years), Math.max(...years)] : years;
    const covers = range.length === 2 ? range[0]! <= year && year <= range[1]! : range.length === 1 ? range[0] === year : true;
    if (!covers) emitP("实施周期", p.period.lines[0]?.location, "periodOutside", { field: label(ctx, "实施周期"), text: p.period.text, year });
  }
  const g = tb?.goalPeriod;
  if (g) {
    const valid = /^\d{4}$/.test(g.from) && /^\d{4}$/.test(g.to) && Number(g.from) <= Number(g.to);
    if (!valid) emitP("项目总目标", g.position.location, "periodTypo", { field: label(ctx, "项目总目标"), text: g.text, year });
    else if (Number(g.from) > year || Number(g.to) < year) emitP("项目总目标", g.position.location, "periodOutside", { field: label(ctx, "项目总目标"), text: g.text, year });
  }
}

function checkIndicators(ctx: RuleContext, p: ProjectSection): void {
  const tb = p.table;
  if (!tb) return;
  const has = (l1: RegExp, l2?: RegExp) => tb.indicators.some((i) => l1.test(i.level1) && (!l2 || l2.test(i.level2)));
  const missing: string[] = [];
  if (!has(/产出/, /数量/)) missing.push("产出-数量");
  if (!has(/产出/, /质量/)) missing.push("产出-质量");
  if (!has(/产出/, /时效/)) missing.push("产出-时效");
  if (!has(/效益/)) missing.push("效益");
  if (!has(/满意度/)) missing.push("满意度");
  const sep = ctx.lang === "en" ? ", " : "、";
  if (missing.length > 0) {
    ctx.emit("E2.indicators", {
      table: "P",
      row: p.name,
      column: "coverage",
      location: tb.location,
      params: { project: p.name, detail: detail(ctx, "indicatorsMissing", { missing: missing.map((m) => label(ctx, m)).join(sep) }) },
    });
  }
  const empty = tb.indicators.filter((i) => i.value === undefined || i.value.trim() === "");
  if (empty.length > 0) {
    ctx.emit("E2.indicators", {
      table: "P",
      row: p.name,
      column: "value",
      location: empty[0]?.position.location,
      params: { project: p.name, detail: detail(ctx, "indicatorsNoValue", { names: empty.map((i) => `“${i.level3}”`).join(sep) }) },
    });
  }
}

// --- Text hygiene -----------------------------------------------------------------------------

interface LinePlace {
  table: TableId;
  row?: string;
  chapter: ChapterKind;
}

function outsideTitles(text: string, at: number): boolean {
  const open = text.lastIndexOf("《", at);
  return open < 0 || text.lastIndexOf("》", at) > open;
}

function checkText(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const year = n.year;
  const places = new Map<number, LinePlace>();
  for (const c of n.chapters) {
    const project = c.kind === "项目" ? n.projects.find((p) => p.heading === c.heading)?.name : undefined;
    for (const l of c.lines) places.set(l.index, { table: c.kind === "项目" ? "P" : "N", chapter: c.kind, ...(project ? { row: project } : {}) });
  }
  // F1: stale years.
  if (year !== undefined) {
    const seen = new Set<string>();
    for (const y of n.years) {
      if (y.context !== "plain" || y.year >= year - 1 || YEAR_SKIP_CHAPTERS.has(y.chapter as ChapterKind)) continue;
      const k = `${y.position.line}:${y.year}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const place = places.get(y.position.line);
      const text = d.text[y.position.line]?.text ?? y.text;
      ctx.emit("F1.stale-year", {
        table: place?.table ?? "N",
        row: place?.row,
        column: String(y.year),
        location: y.position.location,
        key: text.slice(0, 30),
        params: { excerpt: excerpt(text, y.position.offset), year: y.year, budgetYear: year },
      });
    }
  }
  const level = d.document.level ?? "";
  const checkLevel = /区级|县级|镇级|乡级|街道/.test(level);
  const unitDoc = d.document.kind === "单位预算" || d.document.kind === "单位决算";
  for (const c of n.chapters) {
    if (SKIP_TEXT_CHAPTERS.has(c.kind)) continue;
    const sentences = NARRATIVE_SENTENCE_CHAPTERS.has(c.kind);
    for (const l of c.lines) {
      const text = l.text;
      const place = places.get(l.index);
      const base = { table: place?.table ?? ("N" as TableId), row: place?.row, location: l.location };
      const keyOf = (m: string) => `${text.slice(0, 30)}|${m}`;
      for (const m of text.matchAll(PLACEHOLDER)) {
        ctx.emit("F2.placeholder", { ...base, column: "placeholder", key: keyOf(m[0]), params: { excerpt: excerpt(text, m.index), match: m[0] } });
      }
      if (!l.cells) {
        for (const m of text.matchAll(TRUNCATED)) {
          ctx.emit("F2.truncated", { ...base, column: "truncated", key: keyOf(m[0]), params: { excerpt: excerpt(text, m.index), match: m[0] } });
        }
        for (const m of text.matchAll(DOUBLED)) {
          ctx.emit("F2.punctuation", { ...base, column: "punctuation", key: keyOf(m[0]), params: { excerpt: excerpt(text, m.index), match: m[0] } });
        }
        if (sentences && text.length >= 20 && /[，,]/.test(text) && !SENTENCE_END.test(text)) {
          const next = d.text[l.index + 1]?.text ?? "";
          if (!STARTS_WITH_PUNCT.test(next)) {
            const tail = text.slice(-6);
            ctx.emit("F2.punctuation", { ...base, column: "end", key: keyOf("end"), params: { excerpt: excerpt(text, text.length), match: ctx.lang === "en" ? `no closing punctuation after “${tail}”` : `“${tail}”后缺少句末标点` } });
          }
        }
      }
      const pair = unbalanced(text.replace(LIST_LEAD, ""));
      if (pair) ctx.emit("F2.quotes", { ...base, column: "quotes", key: keyOf(pair), params: { excerpt: excerpt(text), pair } });
      if (checkLevel) {
        for (const m of text.matchAll(LEVEL_WORD)) {
          if (!outsideTitles(text, m.index)) continue;
          ctx.emit("F3.level-word", { ...base, column: "level", key: keyOf(m[0]), params: { level, word: m[0], excerpt: excerpt(text, m.index) } });
        }
      }
      if (unitDoc) {
        for (const m of text.matchAll(KIND_WORD)) {
          if (!outsideTitles(text, m.index)) continue;
          ctx.emit("F3.kind-word", { ...base, column: "kind", key: keyOf(m[0]), params: { word: m[0], excerpt: excerpt(text, m.index) } });
        }
      }
    }
  }
}

const PAIR_MARKS = /[“”《》（）()]/;

/** The first pair whose opening and closing marks do not balance in the text, if any. */
function unbalanced(text: string): string | undefined {
  if (!PAIR_MARKS.test(text)) return undefined;
  let quotes = 0;
  let titles = 0;
  let parens = 0;
  let bad = "";
  for (let i = 0; i < text.length && bad === ""; i++) {
    switch (text.charCodeAt(i)) {
      case 0x201c: quotes++; break;
      case 0x201d: if (--quotes < 0) bad = "“”"; break;
      case 0x300a: titles++; break;
      case 0x300b: if (--titles < 0) bad = "《》"; break;
      case 0xff08: case 0x28: parens++; break;
      case 0xff09: case 0x29: if (--parens < 0) bad = "（）"; break;
    }
  }
  if (bad !== "") return bad;
  return quotes !== 0 ? "“”" : titles !== 0 ? "《》" : parens !== 0 ? "（）" : undefined;
}

/**
 * Runs every narrative rule on a parsed narrative. Findings go to the context (which applies the
 * rule selection, severities and tolerances of the run).
 *
 * @example
 * ```ts
 * const ctx = new RuleContext(disclosure, new Map(narrativeRules.map((r) => [r.id, r])), {});
 * checkNarrative(ctx, parseNarrative(disclosure));
 * ctx.findings.filter((f) => f.rule === "C1.rounding-residue").length; // 1 on the sample
 * ```
 */
export function checkNarrative(ctx: RuleContext, n: Narrative): void {
  const d = ctx.d;
  checkFigures(ctx, d, n);
  checkChanges(ctx, n);
  checkPercentages(ctx, n);
  checkT9(ctx, d, n);
  checkProcurement(ctx, n);
  checkPerformance(ctx, d, n);
  checkParts(ctx, n);
  checkStructure(ctx, d, n);
  checkProjects(ctx, n);
  checkText(ctx, d, n);
}
