/**
 * Small text helpers of the narrative reader. Everything here is linear in its input and keeps no
 * cache: narrative text is read once, and a cache keyed by arbitrary sentences would grow without bound.
 */

const QUOTES = /[“”„‟〝〞「」『』]/g;
const SINGLE = /[‘’]/g;
const WHITE = /\s+/g;

/**
 * NFKC (full-width → half-width), unified quotes, no white space — like the shared `norm`, but with
 * no cache, for text that is not a repeated label (clauses of sentences).
 *
 * @example
 * ```ts
 * normText("“三公”经费 预算数为"); // "\"三公\"经费预算数为"
 * ```
 */
export function normText(text: string): string {
  return text.normalize("NFKC").replace(QUOTES, '"').replace(SINGLE, "'").replace(WHITE, "");
}

/**
 * A list marker at the start of a line: "一、", "1.", "1、", "（二）", "(3)", "①".
 *
 * @example
 * ```ts
 * LIST_MARKER.test("（一）因公出国（境）费0万元"); // true
 * LIST_MARKER.test("2025年，收入预算"); // false
 * ```
 */
export const LIST_MARKER =
  /^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[.、．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])/;

/**
 * The place of a figure or word in the text a check reports: a short excerpt around it.
 *
 * @example
 * ```ts
 * excerpt("比2024年预算减少3822.36万元；事业收入0万元", 3, 12); // "比2024年预算减少382…"
 * ```
 */
export function excerpt(text: string, at = 0, width = 40): string {
  const start = Math.max(0, Math.min(at - 10, text.length - width));
  const s = text.slice(start, start + width).replace(/\t/g, " ");
  return (start > 0 ? "…" : "") + s + (start + width < text.length ? "…" : "");
}

/**
 * The 《…》 spans of a text as [open, close] index pairs, found in one pass (an unclosed 《 runs to the end).
 *
 * @example
 * ```ts
 * titleRanges("按照《2022年办法》执行"); // [[2, 9]]
 * ```
 */
export function titleRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x300a && open < 0) open = i;
    else if (c === 0x300b && open >= 0) {
      ranges.push([open, i]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, text.length]);
  return ranges;
}

/**
 * Tells, for increasing positions, whether each lies inside one of the ranges — a forward walk, so a
 * text with many titles and many matches stays linear.
 *
 * @example
 * ```ts
 * const inside = insideRanges(titleRanges("《2022年》与2022年"));
 * [inside(1), inside(8)]; // [true, false]
 * ```
 */
export function insideRanges(ranges: ReadonlyArray<readonly [number, number]>): (at: number) => boolean {
  let k = 0;
  return (at: number) => {
    while (k < ranges.length && (ranges[k]?.[1] ?? 0) < at) k++;
    const r = ranges[k];
    return r !== undefined && at > r[0] && at < r[1];
  };
}
