/**
 * Figures in sentences and what they stand for. One forward pass per paragraph: each figure gets the
 * clause just before it (bounded to a label's length), and the label tells the subject
 * ("财政拨款收入18,976.76万元" → 财政拨款收入). No backward rescans, so the cost is linear in the text.
 */
import type { NarrativeFigure, Paragraph, Subject } from "./model";
import { positionIn } from "./sentences";
import { normText } from "./util";

/** A figure with its unit: "10576.72万元", "58,121,209.78元", "10.5%", "493. 3642万元" (stray space). */
export const FIGURE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\s?[.．]\s?(\d+))?\s*(万元|元|%)/g;
const DELIMITER = /[，,；;。：:、！!？?]/;
/** Labels are short; a longer clause is cut to its last characters (what names the figure). */
const LABEL_MAX = 40;
const FILLER = /(?:为|是|共计|合计|总计|共|达|约|计)$/;
const CHANGE_WORD_BEFORE = /(?:增加|减少|增长|下降|提高|降低|上升)了?\s*$/;

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
  // The template's own synonyms: 公务车购置及运行费, 公务车用车运行费.
  [/公务用?车(?:辆)?购置及运行(?:维护)?费$/, "公务用车购置及运行费"],
  [/公务用?车(?:辆)?购置费$/, "公务用车购置费"],
  [/公务用?车(?:用车)?运行(?:维护)?费$/, "公务用车运行费"],
  [/公务接待费$/, "公务接待费"],
  [/机关运行经费(?:预算数?)?$/, "机关运行经费"],
  [/小型和微型企业.*预算(?:金额)?$/, "小型和微型企业预留"],
  [/中小企业.*预算(?:金额)?$/, "中小企业预留"],
  [/政府采购货物(?:预算)?$/, "政府采购货物"],
  [/政府采购工程(?:预算)?$/, "政府采购工程"],
  [/政府采购服务(?:预算)?$/, "政府采购服务"],
  [/政府采购(?:预算)?(?:总额|金额)?$/, "政府采购"],
];

/**
 * A figure of a paragraph with the clause before it (normalised, at most a label's length) and its
 * offset in the paragraph's text.
 */
export interface ScannedFigure {
  readonly figure: NarrativeFigure;
  /** Offset in the paragraph's text. */
  readonly at: number;
  /** The normalised clause before the figure, from the last delimiter (at most 40 characters). */
  readonly label: string;
}

/**
 * The subject a clause label names, if the template has one for it.
 *
 * @example
 * ```ts
 * subjectOf("其中:财政拨款收入"); // "财政拨款收入"
 * subjectOf("公务车购置及运行费"); // "公务用车购置及运行费"
 * ```
 */
export function subjectOf(label: string): Subject | undefined {
  const c = label.replace(FILLER, "");
  for (const [re, s] of SUBJECTS) if (re.test(c)) return s;
  return undefined;
}

/**
 * Every figure of a paragraph, in order, with its clause label; a figure right after 增加/减少… is
 * marked as a change rather than a level.
 *
 * @example
 * ```ts
 * const figs = figuresOf(paragraph);
 * figs.map((f) => [f.label, f.figure.value]); // [["收入预算", "18976.76"], ["其中:财政拨款收入", "18976.76"], …]
 * ```
 */
export function figuresOf(p: Paragraph): ScannedFigure[] {
  const text = p.text;
  const out: ScannedFigure[] = [];
  let lastDelimiter = -1;
  let scanned = 0;
  for (const m of text.matchAll(FIGURE)) {
    // Advance the delimiter cursor over the text since the previous figure: each character once.
    for (let i = scanned; i < m.index; i++) if (DELIMITER.test(text[i] ?? "")) lastDelimiter = i;
    scanned = m.index + m[0].length;
    const int = (m[1] ?? "0").replace(/,/g, "");
    const frac = m[2] ?? "";
    const figure: NarrativeFigure = {
      value: frac ? `${int}.${frac}` : int,
      unit: m[3] as "万元" | "元" | "%",
      decimals: frac.length,
      text: m[0],
      position: positionIn(p, m.index),
    };
    if (CHANGE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) figure.change = true;
    const from = Math.max(lastDelimiter + 1, m.index - LABEL_MAX);
    out.push({ figure, at: m.index, label: normText(text.slice(from, m.index)) });
    if (DELIMITER.test(text[scanned - 1] ?? "")) lastDelimiter = scanned - 1;
  }
  return out;
}
