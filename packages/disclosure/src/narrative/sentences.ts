/**
 * Sentences across line breaks. A PDF (and text copied from it) breaks lines where the page is full,
 * not where a sentence ends; the template's sentences end with 。 and its paragraphs start with a list
 * marker or a heading. So printed lines are joined into paragraphs until a line ends a sentence, and
 * every check that reads sentences (figures, comparisons, punctuation, quotes) reads paragraphs.
 */
import type { ChapterKind, NarrativeLine, Paragraph, Position } from "./model";
import { LIST_MARKER } from "./util";

/** A line that ends its sentence: 。！？ possibly followed by a closing quote or bracket. */
const ENDS_SENTENCE = /[。！？!?][”"’'）)」』]*\s*$/;
/** A short line with no sentence punctuation: a heading or a label of its own ("三、实施主体"). */
const SENTENCE_PUNCT = /[。；;，,：:！!？?]/;
/** A line left inside quotes or brackets ("4. “事业单位") goes on. */
const OPEN_MARK = /[“《（(][^”》）)]*$/;
/** A line that starts with closing punctuation continues the previous one ("。" printed on its own line). */
const CONTINUES = /^[。，,；;：:、）)”’」』！!？?]/;

function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return t.length <= 20 && !SENTENCE_PUNCT.test(t) && !OPEN_MARK.test(t);
}

/**
 * Joins a chapter's printed lines into paragraphs: a line continues the previous one unless the
 * previous ended a sentence, or this one starts with a list marker, or either is a heading-like short
 * line. Rows of several cells (project tables) are not paragraphs. A paragraph repeating an earlier
 * one of the chapter word for word is marked `repeat` (a duplicated block in extracted text).
 *
 * @example
 * ```ts
 * const ps = paragraphsOf("编制说明", [
 *   { text: "…比2023年预算执行数减少44.60%。主要原因是：", index: 83 },
 *   { text: "其他社会保障和就业支出经费减少。", index: 84 },
 * ]);
 * ps.length; // 1
 * ```
 */
export function paragraphsOf(chapter: ChapterKind, lines: ReadonlyArray<NarrativeLine>): Paragraph[] {
  const out: Paragraph[] = [];
  const seen = new Set<string>();
  let parts: string[] = [];
  let segments: Paragraph["segments"] = [];
  let length = 0;
  let last = "";
  const flush = () => {
    if (parts.length === 0) return;
    const text = parts.join("");
    const repeat = text.length >= 20 && seen.has(text);
    if (text.length >= 20) seen.add(text);
    out.push({ chapter, text, segments, ...(repeat ? { repeat: true } : {}) });
    parts = [];
    segments = [];
    length = 0;
  };
  for (const l of lines) {
    if (l.cells && l.cells.length > 1) {
      flush();
      last = "";
      continue;
    }
    const text = l.text.trim();
    if (text === "") continue;
    const starts =
      parts.length === 0 ||
      (!CONTINUES.test(text) && (ENDS_SENTENCE.test(last) || LIST_MARKER.test(text) || isHeadingLike(last)));
    if (starts) flush();
    segments.push({ line: l.index, start: length, ...(l.location ? { location: l.location } : {}) });
    parts.push(text);
    length += text.length;
    last = text;
  }
  flush();
  return out;
}

/**
 * Where an offset of a paragraph's text was printed: its line and the offset in that line. A binary
 * search over the segments.
 *
 * @example
 * ```ts
 * const p = paragraphsOf("编制说明", [{ text: "甲。乙", index: 4 }])[0]!;
 * positionIn(p, 2); // { line: 4, offset: 2 }
 * ```
 */
export function positionIn(p: Paragraph, offset: number): Position {
  const segs = p.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segs[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo] ?? { line: 0, start: 0 };
  return {
    line: s.line,
    offset: Math.max(0, offset - s.start),
    ...("location" in s && s.location ? { location: s.location } : {}),
  };
}
