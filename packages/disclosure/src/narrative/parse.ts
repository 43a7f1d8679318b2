/**
 * Reads the narrative of a disclosure: chapters (chapters.ts), paragraphs joined across line breaks
 * (sentences.ts), figures and their subjects (figures.ts), comparisons (comparisons.ts), the
 * classification items (items.ts), the 三公 statements (sangong.ts), 机构设置 (structure.ts), year
 * references (years.ts) and the project sections (projects.ts). This file only puts them together.
 */
import type { Disclosure } from "../model";
import { chaptersOf } from "./chapters";
import { changesOf, directionPlaceholdersOf } from "./comparisons";
import { figuresOf, subjectOf, type ScannedFigure } from "./figures";
import { ITEM, parsePath } from "./items";
import type {
  ChangeStatement,
  ChapterKind,
  Narrative,
  NarrativeFigure,
  NarrativeItem,
  Paragraph,
  Position,
  Subject,
} from "./model";
import { TOTAL_SUBJECTS } from "./model";
import { projectOf } from "./projects";
import { sangongOf } from "./sangong";
import { paragraphsOf, positionIn } from "./sentences";
import { structureOf } from "./structure";
import { LIST_MARKER } from "./util";
import { yearsOf } from "./years";

const NARRATIVE_KINDS = new Set<ChapterKind>([
  "编制说明",
  "其他说明",
  "三公",
  "机关运行经费",
  "政府采购",
  "绩效目标",
  "国有资产占用",
]);
const TEXT_KINDS_SKIPPED = new Set<ChapterKind>(["封面", "目录"]);
const TOTALS = new Set<Subject>(TOTAL_SUBJECTS);
const REASON_DIRECTION = /(?:收入支出|收支|支出|收入)(增加|减少|持平)的?主要原因/g;
const PROJECT_COUNT = /(?:项目(?:数量?)?(?:为|共)?\s*(\d+)\s*个)|(?:(\d+)\s*个项目)/;
const JIGUAN_NONE = /(?:无|没有|未安排|不涉及)机关运行经费/;
const PERFORMANCE_AMOUNT = /(?:资金|金额|预算)(?:为|共计|合计)?$/;
const PART_LABEL = /(基本支出|项目支出)(?:为)?$/;
/** How far an item's amount may follow its quoted name: "“…”科目5812.12万元", "“…”科目预算为…". */
const ITEM_AMOUNT_GAP = 12;

interface Scan {
  figures: NarrativeFigure[];
  changes: ChangeStatement[];
  items: NarrativeItem[];
  reasonDirections: Narrative["reasonDirections"];
  sangong: Narrative["sangong"];
  placeholders: Narrative["directionPlaceholders"];
  jiguanNone?: Position;
}

function leafName(item: NarrativeItem): string {
  return item.path[item.path.length - 1]?.name ?? item.name;
}

/** 编制说明: items and their figures, carried across paragraphs until the next list entry. */
function scanExplanation(
  p: Paragraph,
  figs: ScannedFigure[],
  current: NarrativeItem | undefined,
  out: Scan,
  year: number | undefined,
): NarrativeItem | undefined {
  const text = p.text;
  const matches = [...text.matchAll(ITEM)].map((m) => ({
    name: (m[1] ?? m[2] ?? "").trim(),
    end: m.index + m[0].length,
  }));
  let item = matches.length === 0 && !LIST_MARKER.test(text) ? current : undefined;
  let mi = 0;
  let pending: { name: string; end: number } | undefined;
  for (const f of figs) {
    while (mi < matches.length && matches[mi]!.end <= f.at) {
      pending = matches[mi]!;
      item = undefined;
      mi++;
    }
    const fig = f.figure;
    if (pending && fig.unit !== "%" && !fig.change && f.at - pending.end <= ITEM_AMOUNT_GAP) {
      fig.subject = "科目";
      fig.item = pending.name;
      fig.part = "合计";
      item = { name: pending.name, path: parsePath(pending.name), amount: fig, restated: [] };
      out.items.push(item);
      pending = undefined;
      continue;
    }
    pending = undefined;
    if (item) {
      if (fig.change || fig.unit !== "万元") continue;
      const part = PART_LABEL.exec(f.label);
      if (part) {
        fig.subject = "科目";
        fig.item = item.name;
        fig.part = part[1] as "基本支出" | "项目支出";
        if (part[1] === "基本支出") item.basic ??= fig;
        else item.project ??= fig;
        continue;
      }
      const leaf = leafName(item);
      if (
        /(?:\d{4}年(?:度)?|本年(?:度)?)(?:预算)?(?:安排|数)?(?:为|是)?$/.test(f.label) &&
        !/执行|上年/.test(f.label) &&
        isThisYear(f.label, year)
      ) {
        fig.item = item.name;
        item.restated.push(fig);
      } else if (leaf.length >= 2 && f.label.endsWith(leaf)) {
        fig.item = item.name;
        item.restated.push(fig);
      }
      continue;
    }
    const s = subjectOf(f.label);
    if (s) fig.subject = s;
  }
  return item;
}

/** Whether a label's year is the budget year ("2024年预算安排" in a 2024 budget; "本年预算"). */
function isThisYear(label: string, year: number | undefined): boolean {
  const m = /(\d{4})年/.exec(label);
  return m ? year !== undefined && Number(m[1]) === year : /本年/.test(label);
}

function familyOf(c: ChangeStatement, kind: ChapterKind): ChangeStatement["family"] {
  if (c.item) return "item";
  if (kind === "三公") return "sangong";
  if (c.subject && TOTALS.has(c.subject)) return "totals";
  return "other";
}

function scanNarrative(paragraphs: ReadonlyArray<Paragraph>, year: number | undefined): Scan {
  const out: Scan = {
    figures: [],
    changes: [],
    items: [],
    reasonDirections: [],
    sangong: [],
    placeholders: [],
  };
  let current: NarrativeItem | undefined;
  for (const p of paragraphs) {
    const kind = p.chapter as ChapterKind;
    if (!NARRATIVE_KINDS.has(kind) || p.repeat) continue;
    const figs = figuresOf(p);
    if (kind === "编制说明") current = scanExplanation(p, figs, current, out, year);
    else {
      for (const f of figs) {
        if (f.figure.change) continue;
        const s = subjectOf(f.label);
        if (s) f.figure.subject = s;
        else if (kind === "绩效目标" && f.figure.unit === "万元" && PERFORMANCE_AMOUNT.test(f.label))
          f.figure.subject = "绩效目标金额";
      }
    }
    const changes = changesOf(p, figs, year);
    for (const c of changes) {
      const base = c.base;
      if (base?.subject) c.subject = base.subject;
      if (base?.item) c.item = base.item;
      if (c.amount && base?.subject) c.amount.subject = base.subject;
      if (c.amount && base?.item) c.amount.item = base.item;
      c.family = familyOf(c, kind);
    }
    out.changes.push(...changes);
    if (kind === "三公") out.sangong.push(...sangongOf(figs, changes));
    if (kind === "编制说明" || kind === "三公") out.placeholders.push(...directionPlaceholdersOf(p));
    for (const m of p.text.matchAll(REASON_DIRECTION))
      out.reasonDirections.push({
        direction: m[1] as "增加" | "减少" | "持平",
        position: positionIn(p, m.index),
      });
    const list = figs.map((f) => f.figure);
    if (kind === "绩效目标") {
      const m = PROJECT_COUNT.exec(p.text);
      if (m)
        list.push({
          value: String(Number(m[1] ?? m[2] ?? "0")),
          unit: "个",
          decimals: 0,
          text: m[0],
          position: positionIn(p, m.index),
          subject: "绩效目标项目数",
        });
    }
    if (kind === "机关运行经费" && out.jiguanNone === undefined) {
      const m = JIGUAN_NONE.exec(p.text);
      if (m) out.jiguanNone = positionIn(p, m.index);
    }
    out.figures.push(...list);
  }
  return out;
}

/**
 * Reads the narrative of a disclosure from its text lines: chapters, paragraphs, the figures the
 * sentences mention and what they refer to, comparisons with last year, the classification items,
 * the 机构设置 counts, the 三公 statements, year references, and the project sections with their
 * 绩效目标表. Never throws on user data: what it cannot read is simply absent. Linear in the text.
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
  const paragraphs = chapters
    .filter((c) => !TEXT_KINDS_SKIPPED.has(c.kind))
    .flatMap((c) => paragraphsOf(c.kind, c.lines));
  const scan = scanNarrative(paragraphs, d.document.year);
  const structure = structureOf(chapters);
  return {
    ...(d.document.year !== undefined ? { year: d.document.year } : {}),
    chapters,
    paragraphs,
    figures: scan.figures,
    changes: scan.changes,
    items: scan.items,
    reasonDirections: scan.reasonDirections,
    ...(structure ? { structure } : {}),
    sangong: scan.sangong,
    directionPlaceholders: scan.placeholders,
    ...(scan.jiguanNone ? { jiguanNone: scan.jiguanNone } : {}),
    years: yearsOf(chapters),
    projects: chapters.filter((c) => c.kind === "项目").flatMap(projectOf),
  };
}
