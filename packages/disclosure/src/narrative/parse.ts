import { parseAmount } from "@yusuan/money";
import type { Disclosure, TextLine } from "../model";
import { norm, stripListMarker } from "../text-norm";
import type {
  ChangeStatement,
  Chapter,
  ChapterKind,
  Indicator,
  Narrative,
  NarrativeFigure,
  NarrativeItem,
  NarrativeLine,
  PerformanceTable,
  Position,
  PrintedDate,
  ProjectBudget,
  ProjectFigure,
  ProjectPart,
  ProjectSection,
  SangongStatement,
  Structure,
  Subject,
  YearReference,
} from "./model";

// Every pattern is compiled once here: the whole narrative is scanned in one pass per line.

/** A figure with its unit: "10576.72万元", "58,121,209.78元", "10.5%", "493. 3642万元" (stray space). */
const FIGURE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\s?[.．]\s?(\d+))?\s*(万元|元|%)/g;
const DELIMITERS = "，,；;。：:、";
const CLAUSE_DELIMITER = /[，,；;。：:、]/;
const FILLER = /(?:为|是|共计|合计|总计|共|达|约|计)$/;
const SUBJECTS: ReadonlyArray<readonly [RegExp, Subject]> = [
  [/一般公共预算(?:拨款)?支出预算$/, "一般公共预算拨款支出预算"],
  [/政府性基金(?:预算)?(?:拨款)?支出预算$/, "政府性基金拨款支出预算"],
  [/国有资本经营预算(?:拨款)?支出预算$/, "国有资本经营预算拨款支出预算"],
  [/财政拨款支出(?:预算)?$/, "财政拨款支出预算"],
  [/(?:^|[^拨款本目])支出预算(?:总额|总计|合计)?$/, "支出预算"],
  [/财政拨款收入$/, "财政拨款收入"],
  [/事业单位经营收入$/, "事业单位经营收入"],
  [/事业收入$/, "事业收入"],
  [/其他收入$/, "其他收入"],
  [/(?:^|[^拨款])收入预算(?:总额|总计|合计)?$/, "收入预算"],
  [/三公"?经费(?:预算数?)?(?:合计)?$/, "三公经费"],
  [/因公出国\(境\)费用?$/, "因公出国(境)费"],
  [/公务用车购置及运行(?:维护)?费$/, "公务用车购置及运行费"],
  [/公务用车购置费$/, "公务用车购置费"],
  [/公务用车运行(?:维护)?费$/, "公务用车运行费"],
  [/公务接待费$/, "公务接待费"],
  [/机关运行经费(?:预算数?)?$/, "机关运行经费"],
  [/小型和微型企业.*预算(?:金额)?$/, "小型和微型企业预留"],
  [/中小企业.*预算(?:金额)?$/, "中小企业预留"],
  [/政府采购货物(?:预算)?$/, "政府采购货物"],
  [/政府采购工程(?:预算)?$/, "政府采购工程"],
  [/政府采购服务(?:预算)?$/, "政府采购服务"],
  [/政府采购(?:预算)?(?:总额|金额)?$/, "政府采购"],
];
const ITEM = /[“"]([^”"]{1,40})[”"]\s*科目/g;
const CHANGE = /比\s*(\d{4})\s*年\s*(同期预算|预算执行数|预算数|预算|决算数|决算|执行数)?\s*(增加|减少|增长|下降|持平|上升|降低)了?/g;
const PERCENT_AFTER = /^\s*[，,]?\s*(?:增长|下降|增加|减少|提高|降低|上升)(?:了)?\s*(?=\d)/;
const CHANGE_WORD_BEFORE = /(?:增加|减少|增长|下降|提高|降低|上升)了?\s*$/;
const REASON_DIRECTION = /(?:收入支出|收支|支出|收入)(增加|减少|持平)的?主要原因/g;
const PROJECT_COUNT = /(?:项目(?:数量?)?(?:为|共)?\s*(\d+)\s*个)|(?:(\d+)\s*个项目)/;
const JIGUAN_NONE = /(?:无|没有|未安排|不涉及)机关运行经费/;
const SUBORDINATES = /下属\s*(\d+)\s*家/;
const UNIT_COUNTS = /(行政单位|参照公务员法管理的?事业单位|参公(?:管理)?单位|事业单位|其他单位)\s*(\d+)\s*家/g;
const LIST_ENTRY = /^\s*(\d+)\s*[.、．]\s*(\S.*)$/;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
const HAS_YEAR = /(?:19|20)\d{2}/;
const YEAR_FOLLOW = /^\s*(?:年|[/.\-－](?=\s*\d{1,2}\s*[/.\-－]\s*\d)|[\-－—–~～至]\s*\d{4})/;
const HISTORY_AFTER = /^\s*年\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?\s*(?:起|以来|开始|至今)/;
const HISTORY_BEFORE = /(?:截至|截止|自|从|始于)\s*$/;
const DOC_NUMBER_OPEN = /[〔\[【(（]\s*$/;
const DOC_NUMBER_CLOSE = /^\s*[〕\]】)）]/;
const SANGONG_REASON = /主要原因(?:是|为)[:：]?([^。；;]*)/;
const GOAL_PERIOD = /[（(]\s*(\d+)\s*年?\s*[-—–~～至到]\s*(\d+)\s*年?\s*[)）]/;
const DATE = /^(\d{4})\s*[年/.\-－]\s*(\d{1,2})\s*[月/.\-－]\s*(\d{1,2})\s*日?$/;
const VALUE_WORDS = /^(?:有效|改善|提高|提升|良好|优秀?|建立健全|健全|是|否|达标|合格|及时|完成|明显|显著|满意|较好|稳定|降低|减少|增加|逐步提高|无)$/;
const VALUE_LIKE = /^[≥≤><=＞＜≧≦]?\s*\d[\d.,]*\s*(?:%|％|人次?|个|次|天|小时|分钟|万元|元|台|套|辆|份|项|家|户|场|件|年|月|日|周|批|篇|期|处|所|名|辆次|平方米|公里)?\s*(?:内|以内|以上|以下|及以上)?$/;
const TRAILING_VALUE = /^(.*?\S)\s*([≥≤><＞＜≧≦]=?\s*\d[\d.]*\s*[%％]?)$/;
const LEVEL1 = /^(?:产出|效益|满意度|成本)指标$/;
const TICK = /^\s*(?:√|✓|✔|☑|■|<input[^>]*checked[^>]*>)/;
const UNTICK = /^\s*(?:□|☐|<input(?![^>]*checked)[^>]*>)/;
const NOT_HEADING = /[。；;，,：:]/;
const NOT_PART_HEADING = /[。；;，,]/;
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

const WHITE = /\s+/g;
/** Labels in tables and headings only need white space removed; full NFKC is for longer text. */
function squash(s: string): string {
  return s.replace(WHITE, "");
}

type HeadingHit = { kind: ChapterKind; name?: string; part?: boolean };

/** Chapter headings of the template (not the parts of 其他相关情况说明, nor project sub-headings). */
function chapterHeading(line: TextLine): HeadingHit | undefined {
  if ((line.cells && line.cells.length > 1) || line.text.length > 60 || NOT_HEADING.test(line.text)) return undefined;
  const t = norm(line.text);
  if (t.length === 0 || t.length > 40) return undefined;
  const s = stripListMarker(t);
  if (/^目录$/.test(s)) return { kind: "目录" };
  const project = /^(.+?)项目经费情况说明$/.exec(s);
  if (project) return { kind: "项目", name: project[1] ?? s };
  if (/(?:主要)?职能$/.test(s) && s.length <= 30) return { kind: "职能" };
  if (/机构设置(?:情况)?$/.test(s)) return { kind: "机构设置" };
  if (/^名词解释$/.test(s)) return { kind: "名词解释" };
  if (/预算编制说明$/.test(s)) return { kind: "编制说明" };
  if (/^其他相关(?:情况)?说明$/.test(s)) return { kind: "其他说明" };
  if (/预算表$/.test(s) && s !== t) return { kind: "其他" };
  if (/绩效目标(?:申报)?表$/.test(s) && s !== t) return { kind: "其他" };
  return undefined;
}

/** The parts of 其他相关情况说明. */
function partHeading(line: TextLine): ChapterKind | undefined {
  if ((line.cells && line.cells.length > 1) || line.text.length > 60 || NOT_PART_HEADING.test(line.text)) return undefined;
  const t = norm(line.text);
  if (t.length > 40) return undefined;
  const s = stripListMarker(t);
  if (s === t) return undefined;
  if (/三公/.test(s) && /经费/.test(s)) return "三公";
  if (/^(?:\d{4}年)?机关运行经费/.test(s)) return "机关运行经费";
  if (/^(?:\d{4}年)?政府采购/.test(s)) return "政府采购";
  if (/^(?:\d{4}年)?(?:项目)?绩效目标/.test(s)) return "绩效目标";
  if (/国有资产/.test(s)) return "国有资产占用";
  return undefined;
}

type ProjectSub = "overview" | "basis" | "implementer" | "plan" | "period" | "budget" | "goals" | "table";

function projectSubHeading(line: { readonly text: string }): ProjectSub | undefined {
  if (line.text.length > 40 || NOT_PART_HEADING.test(line.text)) return undefined;
  const t = norm(line.text);
  if (t.length > 30) return undefined;
  const s = stripListMarker(t);
  if (/绩效目标(?:申报)?表$/.test(s)) return "table";
  if (s === t) return undefined;
  if (/^(?:项目)?概述$/.test(s)) return "overview";
  if (/^立项依据$/.test(s)) return "basis";
  if (/^实施主体$/.test(s)) return "implementer";
  if (/^实施方案$/.test(s)) return "plan";
  if (/^实施周期$/.test(s)) return "period";
  if (/^(?:年度)?预算安排$/.test(s)) return "budget";
  if (/^(?:项目)?绩效目标$/.test(s)) return "goals";
  return undefined;
}

function nline(l: TextLine, index: number): NarrativeLine {
  return {
    text: l.text,
    index,
    ...(l.cells ? { cells: l.cells } : {}),
    ...(l.location ? { location: l.location } : {}),
  };
}

function pos(l: NarrativeLine, offset: number): Position {
  return { line: l.index, offset, ...(l.location ? { location: l.location } : {}) };
}

/** Splits the text lines into chapters (the table of contents is recognised and kept apart). */
function chaptersOf(text: ReadonlyArray<TextLine>): Chapter[] {
  const chapters: Chapter[] = [];
  let current: Chapter = { kind: "封面", heading: "", lines: [] };
  chapters.push(current);
  let inToc = false;
  const tocKinds = new Set<ChapterKind>();
  let top: ChapterKind = "封面";
  text.forEach((l, index) => {
    const hit = chapterHeading(l);
    const open = (kind: ChapterKind, parent?: ChapterKind) => {
      current = { kind, heading: l.text, lines: [], ...(l.location ? { location: l.location } : {}), ...(parent ? { parent } : {}) };
      chapters.push(current);
    };
    if (hit?.kind === "目录" && !inToc && tocKinds.size === 0) {
      inToc = true;
      open("目录");
      top = "目录";
      return;
    }
    if (inToc) {
      if (!hit || !tocKinds.has(hit.kind) || hit.kind === "其他") {
        if (hit) tocKinds.add(hit.kind);
        current.lines.push(nline(l, index));
        return;
      }
      inToc = false;
    }
    if (hit && hit.kind !== "其他" && !(top === "项目" && hit.kind !== "项目")) {
      open(hit.kind);
      top = hit.kind;
      return;
    }
    if (top === "其他说明") {
      const part = partHeading(l);
      if (part) {
        open(part, "其他说明");
        return;
      }
    }
    current.lines.push(nline(l, index));
  });
  return chapters.filter((c) => c.kind !== "封面" || c.lines.length > 0);
}

function figureOf(m: RegExpExecArray, l: NarrativeLine): NarrativeFigure {
  const int = (m[1] ?? "0").replace(/,/g, "");
  const frac = m[2] ?? "";
  const unit = m[3] as "万元" | "元" | "%";
  return { value: frac ? `${int}.${frac}` : int, unit, decimals: frac.length, text: m[0], position: pos(l, m.index) };
}

function subjectOf(normalisedClause: string): Subject | undefined {
  const c = normalisedClause.replace(FILLER, "");
  for (const [re, s] of SUBJECTS) if (re.test(c)) return s;
  return undefined;
}

function clauseBefore(text: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && !CLAUSE_DELIMITER.test(text[i] ?? "")) i--;
  return text.slice(i + 1, end);
}

const NARRATIVE_KINDS = new Set<ChapterKind>(["编制说明", "其他说明", "三公", "机关运行经费", "政府采购", "绩效目标", "国有资产占用"]);

interface FigureScan {
  figures: NarrativeFigure[];
  changes: ChangeStatement[];
  items: NarrativeItem[];
  reasonDirections: Narrative["reasonDirections"];
  sangong: SangongStatement[];
  jiguanNone?: Position;
}

function scanNarrative(chapters: ReadonlyArray<Chapter>): FigureScan {
  const out: FigureScan = { figures: [], changes: [], items: [], reasonDirections: [], sangong: [] };
  for (const ch of chapters) {
    if (!NARRATIVE_KINDS.has(ch.kind)) continue;
    for (const l of ch.lines) {
      if (l.cells && l.cells.length > 1) continue;
      scanLine(ch.kind, l, out);
    }
  }
  return out;
}

function scanLine(kind: ChapterKind, l: NarrativeLine, out: FigureScan): void {
  const text = l.text;
  const figs: NarrativeFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const f = figureOf(m, l);
    if (CHANGE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) f.change = true;
    figs.push(f);
  }
  // Classification items: the first figure after "“name”科目" is the item's amount.
  let itemName: string | undefined;
  let item: NarrativeItem | undefined;
  for (const m of text.matchAll(ITEM)) {
    itemName = (m[1] ?? "").trim();
    const end = m.index + m[0].length;
    const amount = figs.find((f) => f.position.offset >= end && f.unit !== "%");
    if (amount) {
      amount.subject = "科目";
      amount.item = itemName;
      amount.part = "合计";
      item = { name: itemName, amount };
      out.items.push(item);
    }
    break;
  }
  let lastLevel: NarrativeFigure | undefined;
  for (const f of figs) {
    if (f.change) {
      if (lastLevel) {
        if (lastLevel.subject) f.subject = lastLevel.subject;
        if (lastLevel.item) f.item = lastLevel.item;
      }
      continue;
    }
    if (f.subject === undefined) {
      const clause = clauseBefore(text, f.position.offset);
      const c = norm(clause);
      if (item && /基本支出$/.test(c)) {
        f.subject = "科目";
        f.item = item.name;
        f.part = "基本支出";
        item.basic = f;
      } else if (item && /项目支出$/.test(c)) {
        f.subject = "科目";
        f.item = item.name;
        f.part = "项目支出";
        item.project = f;
      } else if (!item) {
        const s = subjectOf(c);
        if (s) f.subject = s;
        else if (kind === "绩效目标" && f.unit === "万元" && /(?:资金|金额|预算)(?:为|共计|合计)?$/.test(c)) f.subject = "绩效目标金额";
      }
    }
    lastLevel = f;
  }
  if (kind === "绩效目标") {
    const m = PROJECT_COUNT.exec(text);
    if (m) {
      const v = m[1] ?? m[2] ?? "0";
      figs.push({ value: String(Number(v)), unit: "个", decimals: 0, text: m[0], position: pos(l, m.index), subject: "绩效目标项目数" });
      figs.sort((a, b) => a.position.offset - b.position.offset);
    }
  }
  // Year-on-year changes.
  const lineChanges: ChangeStatement[] = [];
  for (const m of text.matchAll(CHANGE)) {
    const end = m.index + m[0].length;
    const word = m[3] ?? "";
    const direction = word === "持平" ? "持平" : /增|升/.test(word) ? "增加" : "减少";
    let amount = figs.find((f) => f.position.offset >= end && f.position.offset <= end + 2);
    let percent: NarrativeFigure | undefined;
    if (amount?.unit === "%") {
      percent = amount;
      amount = undefined;
    } else if (amount) {
      const rest = text.slice(amount.position.offset + amount.text.length);
      const p = PERCENT_AFTER.exec(rest);
      if (p) {
        const at = amount.position.offset + amount.text.length + p[0].length;
        percent = figs.find((f) => f.position.offset === at && f.unit === "%");
      }
    }
    let percentDirection: "增加" | "减少" | undefined;
    if (percent) {
      percent.change = true;
      const before = text.slice(Math.max(0, percent.position.offset - 4), percent.position.offset);
      percentDirection = /增|升|提高/.test(before) ? "增加" : /减|降/.test(before) ? "减少" : undefined;
    }
    if (amount) amount.change = true;
    const base = [...figs].reverse().find((f) => f.position.offset < m.index && !f.change);
    const c: ChangeStatement = {
      year: Number(m[1]),
      baseline: m[2] ?? "",
      direction,
      text: m[0],
      position: pos(l, m.index),
      ...(base ? { base } : {}),
      ...(base?.subject ? { subject: base.subject } : {}),
      ...(base?.item ? { item: base.item } : {}),
      ...(amount ? { amount } : {}),
      ...(percent ? { percent } : {}),
      ...(percentDirection ? { percentDirection } : {}),
    };
    if (amount && base?.subject) amount.subject = base.subject;
    lineChanges.push(c);
  }
  out.changes.push(...lineChanges);
  for (const m of text.matchAll(REASON_DIRECTION)) {
    out.reasonDirections.push({ direction: m[1] as "增加" | "减少" | "持平", position: pos(l, m.index) });
  }
  if (kind === "三公") {
    const first = figs.find((f) => !f.change && f.subject !== undefined);
    const s = first?.subject;
    if (first && (s === "三公经费" || s === "因公出国(境)费" || s === "公务用车购置及运行费" || s === "公务用车购置费" || s === "公务用车运行费" || s === "公务接待费")) {
      const r = SANGONG_REASON.exec(text);
      const change = lineChanges.find((c) => c.base === first);
      out.sangong.push({
        item: s,
        amount: first,
        position: first.position,
        ...(change ? { change } : {}),
        ...(r ? { reason: (r[1] ?? "").trim() } : {}),
      });
    }
  }
  if (kind === "机关运行经费" && out.jiguanNone === undefined) {
    const m = JIGUAN_NONE.exec(text);
    if (m) out.jiguanNone = pos(l, m.index);
  }
  out.figures.push(...figs);
}

function structureOf(chapters: ReadonlyArray<Chapter>): Structure | undefined {
  const ch = chapters.find((c) => c.kind === "机构设置");
  if (!ch) return undefined;
  const s: Structure = { counts: {}, entries: [] };
  let listing = false;
  for (const l of ch.lines) {
    const sub = SUBORDINATES.exec(l.text);
    if (sub && s.subordinates === undefined) {
      s.subordinates = Number(sub[1]);
      s.subordinatesPosition = pos(l, sub.index);
    }
    let counted = false;
    for (const m of l.text.matchAll(UNIT_COUNTS)) {
      const raw = m[1] ?? "";
      const key = /参照|参公/.test(raw) ? "参公单位" : raw;
      s.counts[key] = (s.counts[key] ?? 0) + Number(m[2]);
      if (!s.countsPosition) s.countsPosition = pos(l, m.index);
      counted = true;
    }
    if (counted || /具体包括|包括[:：]?$/.test(l.text)) {
      listing = true;
      continue;
    }
    const e = listing ? LIST_ENTRY.exec(l.text) : null;
    if (e) s.entries.push({ name: (e[2] ?? "").trim(), position: pos(l, 0) });
  }
  return s;
}

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, i: number): boolean {
  return ranges.some(([a, b]) => i > a && i < b);
}

function titleRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "《" && open < 0) open = i;
    else if (c === "》" && open >= 0) {
      ranges.push([open, i]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, text.length]);
  return ranges;
}

function yearsOf(chapters: ReadonlyArray<Chapter>): YearReference[] {
  const out: YearReference[] = [];
  for (const ch of chapters) {
    for (const l of ch.lines) {
      const text = l.text;
      if (!HAS_YEAR.test(text)) continue;
      const titles = text.includes("《") ? titleRanges(text) : [];
      for (const m of text.matchAll(YEAR)) {
        const end = m.index + m[0].length;
        const before = text.slice(Math.max(0, m.index - 4), m.index);
        const after = text.slice(end, end + 12);
        let context: YearReference["context"];
        if (DOC_NUMBER_OPEN.test(before) && DOC_NUMBER_CLOSE.test(after)) context = "document-number";
        else if (inRanges(titles, m.index)) context = "title";
        else if (!YEAR_FOLLOW.test(after)) continue;
        else if (HISTORY_AFTER.test(after) || HISTORY_BEFORE.test(before)) context = "history";
        else context = "plain";
        out.push({ year: Number(m[1]), text: text.slice(m.index, Math.min(text.length, end + 1)), position: pos(l, m.index), context, chapter: ch.kind });
      }
    }
  }
  return out;
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
      const label = seg.slice(cut + 1).replace(/^其中/, "").replace(/^[\s:：]+/, "").trim();
      found.push({ label, fig, at: m.index });
      prevEnd = m.index + m[0].length;
    }
    if (found.length === 0) continue;
    const first = found[0];
    const statesTotal = (f: { label: string }) => /预算(?:安排)?(?:资金)?(?:为|共计|合计|总计|总额)?$|合计$|共计$|总计$|总额$/.test(norm(f.label));
    if (total === undefined && first && ((split >= 0 && first.at < split) || (found.length === 1 && statesTotal(first)) || (split < 0 && statesTotal(first)))) {
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
  return t !== "" && (VALUE_LIKE.test(t) || VALUE_WORDS.test(t) || (t.length <= 10 && /\d/.test(t) && /%|％|人|小时|天/.test(t)));
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
        if (g) t.goalPeriod = { text: g[0], from: g[1] ?? "", to: g[2] ?? "", position: pos(l, l.text.indexOf(g[0])) };
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
          const f = projectFigure(next, "万元", pos(l, Math.max(0, l.text.indexOf(next))));
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
    } else if (isValueCell(c)) value = c;
    else if (l3 === undefined) {
      const tv = TRAILING_VALUE.exec(c);
      if (tv) {
        l3 = tv[1] ?? c;
        value = tv[2];
      } else l3 = c;
    }
  }
  if (l3 !== undefined) {
    out.push({ level1: state.l1, level2: state.l2, level3: l3, position: pos(l, 0), ...(value !== undefined ? { value } : {}) });
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

function projectOf(ch: Chapter): ProjectSection {
  const name = stripListMarker(norm(ch.heading)).replace(/项目经费情况说明$/, "");
  const section: ProjectSection = { name, heading: ch.heading, ...(ch.location ? { location: ch.location } : {}) };
  const parts: Partial<Record<ProjectSub, NarrativeLine[]>> = {};
  let current: ProjectSub | undefined;
  for (const l of ch.lines) {
    const sub = current === "table" ? undefined : projectSubHeading(l);
    if (sub) {
      current = sub;
      parts[sub] = sub === "table" ? [l] : [];
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
  if (parts.table) section.table = tableOf(parts.table);
  return section;
}

/**
 * Reads the narrative of a disclosure from its text lines: chapters, the figures the sentences
 * mention and what they refer to, year-on-year statements, the 机构设置 counts, the 三公
 * statements, year references, and the project sections with their 绩效目标表. Never throws on
 * user data: what it cannot read is simply absent.
 *
 * @example
 * ```ts
 * const n = parseNarrative(disclosure);
 * n.items[0]?.name;                 // "其他一般公共服务支出"
 * n.items[0]?.project?.value;       // "3823.35"
 * n.projects[1]?.table?.funds["项目资金总额"]?.value; // "493.3642"
 * ```
 */
export function parseNarrative(d: Disclosure): Narrative {
  const chapters = chaptersOf(d.text);
  const scan = scanNarrative(chapters);
  const structure = structureOf(chapters);
  return {
    ...(d.document.year !== undefined ? { year: d.document.year } : {}),
    chapters,
    figures: scan.figures,
    changes: scan.changes,
    items: scan.items,
    reasonDirections: scan.reasonDirections,
    ...(structure ? { structure } : {}),
    sangong: scan.sangong,
    ...(scan.jiguanNone ? { jiguanNone: scan.jiguanNone } : {}),
    years: yearsOf(chapters),
    projects: chapters.filter((c) => c.kind === "项目").map(projectOf),
  };
}
