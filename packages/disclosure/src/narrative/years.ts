/**
 * Years printed in the text and the context that decides whether one may differ from the budget year:
 * a document number (〔2019〕94号), a cited title (《…2022年…》), dated history ("2021年7月起"), or plain.
 */
import type { Chapter, YearReference } from "./model";
import { insideRanges, titleRanges } from "./util";

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
const HAS_YEAR = /(?:19|20)\d{2}/;
const YEAR_FOLLOW = /^\s*(?:年|[/.\-－](?=\s*\d{1,2}\s*[/.\-－]\s*\d)|[-－—–~～至]\s*\d{4})/;
const HISTORY_AFTER = /^\s*年\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?\s*(?:起|以来|开始|至今)/;
const HISTORY_BEFORE = /(?:截至|截止|自|从|始于)\s*$/;
const DOC_NUMBER_OPEN = /[〔[【(（]\s*$/;
const DOC_NUMBER_CLOSE = /^\s*[〕\]】)）]/;

/**
 * Every year reference of the chapters' lines, with its context.
 *
 * @example
 * ```ts
 * yearsOf(chapters).filter((y) => y.context === "plain").map((y) => y.year);
 * ```
 */
export function yearsOf(chapters: ReadonlyArray<Chapter>): YearReference[] {
  const out: YearReference[] = [];
  for (const ch of chapters) {
    for (const l of ch.lines) {
      const text = l.text;
      if (!HAS_YEAR.test(text)) continue;
      const inTitle = insideRanges(text.includes("《") ? titleRanges(text) : []);
      for (const m of text.matchAll(YEAR)) {
        const end = m.index + m[0].length;
        const before = text.slice(Math.max(0, m.index - 4), m.index);
        const after = text.slice(end, end + 12);
        let context: YearReference["context"];
        if (DOC_NUMBER_OPEN.test(before) && DOC_NUMBER_CLOSE.test(after)) context = "document-number";
        else if (inTitle(m.index)) context = "title";
        else if (!YEAR_FOLLOW.test(after)) continue;
        else if (HISTORY_AFTER.test(after) || HISTORY_BEFORE.test(before)) context = "history";
        else context = "plain";
        const position = { line: l.index, offset: m.index, ...(l.location ? { location: l.location } : {}) };
        out.push({
          year: Number(m[1]),
          text: text.slice(m.index, Math.min(text.length, end + 1)),
          position,
          context,
          chapter: ch.kind,
        });
      }
    }
  }
  return out;
}
