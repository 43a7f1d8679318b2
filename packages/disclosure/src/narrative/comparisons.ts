/**
 * Year-on-year comparisons: "比2024年预算减少3822.36万元", "与2024年预算持平", "与上年预算数持平",
 * "比2023年预算执行数减少57.14%", with last year's amount when the sentence states it ("2023年当年预算
 * 执行数为60.13万元，2024年预算安排25.77万元，…") and the reason that follows ("主要原因是：…").
 * Figures and comparisons are both in text order, so they are matched with two cursors: linear.
 */
import type { ChangeStatement, NarrativeFigure, Paragraph } from "./model";
import type { ScannedFigure } from "./figures";
import { positionIn } from "./sentences";

const CHANGE =
  /(比|与)\s*(?:(\d{4})\s*年(?:度)?|上年(?:度)?)\s*(?:[（(][^）)]{0,16}[)）])?\s*(同期预算|预算执行数|预算数|预算|决算数|决算|执行数)?\s*(?:相比)?\s*[，,]?\s*(增加|减少|增长|下降|持平|上升|降低|一致|相同)了?/g;
const PERCENT_AFTER = /^\s*[，,]?\s*(?:增长|下降|增加|减少|提高|降低|上升)(?:了)?\s*(?=\d)/;
const REASON = /(?:主要)?原因(?:主要)?(?:是|为|在于)?\s*[:：]?/g;
const REASON_END = /[。；;！!？?]/;
const PLACEHOLDER =
  /(?:增加|增长|上升|提高)\s*[（(/／]\s*(?:减少|下降|降低)\s*[)）]?|(?:减少|下降|降低)\s*[（(/／]\s*(?:增加|增长|上升|提高)\s*[)）]?/g;
const PRIOR_LABEL = /(?:(\d{4})年|上年)(?:度)?(?:当年)?(?:预算)?(?:执行数?|数)?(?:为|是)?$/;
const CURRENT_LABEL = /(?:(\d{4})年(?:度)?|本年(?:度)?)(?:预算)?(?:安排|数)?(?:为|是)?$/;

/** The baseline words that mean the same comparison base. */
export function baselineKey(b: string): string {
  if (b === "") return "";
  if (/执行/.test(b)) return "预算执行数";
  if (/决算/.test(b)) return "决算数";
  return "预算";
}

/**
 * Whether a scanned figure states last year's amount ("2023年当年预算执行数为60.13万元") or this year's
 * again ("2024年预算安排25.77万元"), judged by its label and the budget year.
 *
 * @example
 * ```ts
 * roleOf({ label: "2023年当年预算执行数为" } as ScannedFigure, 2024); // "prior"
 * roleOf({ label: "2024年预算安排" } as ScannedFigure, 2024); // "current"
 * ```
 */
export function roleOf(
  f: Pick<ScannedFigure, "label">,
  year: number | undefined,
): "prior" | "current" | undefined {
  const label = f.label;
  const p = PRIOR_LABEL.exec(label);
  if (p && /执行|上年/.test(label) && (p[1] === undefined || year === undefined || Number(p[1]) < year))
    return "prior";
  if (p && p[1] !== undefined && year !== undefined && Number(p[1]) < year && /预算/.test(label))
    return "prior";
  const c = CURRENT_LABEL.exec(label);
  if (
    c &&
    (c[1] === undefined ? /本年/.test(label) : year !== undefined && Number(c[1]) === year) &&
    /预算|本年/.test(label)
  )
    return "current";
  return undefined;
}

/**
 * The comparisons of a paragraph, with the change amount and percentage printed after each, the level
 * figure before it (`base`), and last year's / this year's amounts the same sentence states.
 *
 * @example
 * ```ts
 * const cs = changesOf(paragraph, figuresOf(paragraph), 2024);
 * cs.map((c) => [c.year, c.baseline, c.direction, c.percent?.value]); // [[2023, "预算执行数", "减少", "57.14"]]
 * ```
 */
export function changesOf(
  p: Paragraph,
  figs: ReadonlyArray<ScannedFigure>,
  year: number | undefined,
): ChangeStatement[] {
  const text = p.text;
  const out: ChangeStatement[] = [];
  let k = 0; // first figure not before the current comparison
  let base: NarrativeFigure | undefined;
  let prior: NarrativeFigure | undefined;
  let current: NarrativeFigure | undefined;
  const offsets: number[] = [];
  for (const m of text.matchAll(CHANGE)) {
    // Figures before the comparison: the level it compares, and any prior / current amounts.
    while (k < figs.length && (figs[k]?.at ?? 0) < m.index) {
      const f = figs[k]!;
      if (!f.figure.change) {
        const role = roleOf(f, year);
        if (role === "prior") prior = f.figure;
        else {
          if (role === "current") current = f.figure;
          base = f.figure;
        }
      }
      k++;
    }
    const end = m.index + m[0].length;
    const word = m[4] ?? "";
    const direction = /持平|一致|相同/.test(word) ? "持平" : /增|升/.test(word) ? "增加" : "减少";
    let amount: NarrativeFigure | undefined;
    let percent: NarrativeFigure | undefined;
    const next = figs[k];
    if (next && next.at >= end && next.at <= end + 2) {
      if (next.figure.unit === "%") percent = next.figure;
      else {
        amount = next.figure;
        const after = next.at + next.figure.text.length;
        const pa = PERCENT_AFTER.exec(text.slice(after, after + 12));
        const pf = figs[k + 1];
        if (pa && pf && pf.at === after + pa[0].length && pf.figure.unit === "%") percent = pf.figure;
      }
    }
    let percentDirection: "增加" | "减少" | undefined;
    if (percent) percent.change = true;
    if (percent && amount) {
      const at = figs[k + 1]?.at ?? 0;
      const w = text.slice(Math.max(0, at - 4), at);
      percentDirection = /增|升|提高/.test(w) ? "增加" : /减|降/.test(w) ? "减少" : undefined;
    }
    if (amount) amount.change = true;
    offsets.push(m.index);
    out.push({
      ...(m[2] !== undefined ? { year: Number(m[2]) } : {}),
      baseline: m[3] ?? "",
      direction,
      wording: m[1] === "与" ? "与" : "比",
      text: m[0],
      position: positionIn(p, m.index),
      ...(base ? { base } : {}),
      ...(amount ? { amount } : {}),
      ...(percent ? { percent } : {}),
      ...(percentDirection ? { percentDirection } : {}),
      ...(prior ? { prior } : {}),
      ...(current ? { current } : {}),
    });
    // Prior and current amounts belong to the comparison that follows them, once.
    prior = undefined;
    current = undefined;
  }
  attachReasons(p, out, offsets);
  return out;
}

/** Each "主要原因是…" goes to the latest comparison before it that has no reason yet. */
function attachReasons(p: Paragraph, changes: ChangeStatement[], offsets: ReadonlyArray<number>): void {
  if (changes.length === 0) return;
  const text = p.text;
  let c = -1;
  for (const m of text.matchAll(REASON)) {
    while (c + 1 < changes.length && (offsets[c + 1] ?? Infinity) < m.index) c++;
    const target = changes[c];
    if (!target || target.reason) continue;
    const from = m.index + m[0].length;
    let to = from;
    while (to < text.length && to - from < 200 && !REASON_END.test(text[to] ?? "")) to++;
    target.reason = { text: text.slice(from, to).trim(), position: positionIn(p, m.index) };
  }
}

/**
 * "增加（减少）" and the like: the template's alternatives left in the text.
 *
 * @example
 * ```ts
 * directionPlaceholdersOf(paragraph).map((x) => x.text); // ["增加（减少）"]
 * ```
 */
export function directionPlaceholdersOf(
  p: Paragraph,
): Array<{ text: string; position: ReturnType<typeof positionIn> }> {
  const out: Array<{ text: string; position: ReturnType<typeof positionIn> }> = [];
  for (const m of p.text.matchAll(PLACEHOLDER)) out.push({ text: m[0], position: positionIn(p, m.index) });
  return out;
}
