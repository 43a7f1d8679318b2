/**
 * “三公”经费预算情况说明: each item's amount, its comparison with last year and the reason. One paragraph
 * often holds several items ("（二）公务用车购置及运行费…其中：公务用车购置费…；公务用车运行费…"): each
 * item's statement runs from its figure to the next item's figure.
 */
import type { ChangeStatement, SangongStatement, Subject } from "./model";
import type { ScannedFigure } from "./figures";

const ITEMS = new Set<Subject>([
  "三公经费",
  "因公出国(境)费",
  "公务用车购置及运行费",
  "公务用车购置费",
  "公务用车运行费",
  "公务接待费",
]);

/**
 * The 三公 statements of one paragraph, given its figures (with subjects set) and its comparisons.
 *
 * @example
 * ```ts
 * sangongOf(figs, changes).map((s) => [s.item, s.amount?.value, s.change?.direction]);
 * // [["公务用车购置及运行费", "36.56", "减少"], ["公务用车购置费", "15", "减少"], ["公务用车运行费", "21.56", "减少"]]
 * ```
 */
export function sangongOf(
  figs: ReadonlyArray<ScannedFigure>,
  changes: ReadonlyArray<ChangeStatement>,
): SangongStatement[] {
  const out: SangongStatement[] = [];
  const heads = figs.filter(
    (f) => !f.figure.change && f.figure.subject !== undefined && ITEMS.has(f.figure.subject),
  );
  let c = 0;
  heads.forEach((h, i) => {
    const next = heads[i + 1];
    const item = h.figure.subject as SangongStatement["item"];
    let change: ChangeStatement | undefined;
    // Comparisons are in text order; the first one after this item's figure and before the next item's.
    while (c < changes.length && before(changes[c]!, h)) c++;
    const candidate = changes[c];
    if (candidate && (!next || before(candidate, next))) {
      change = candidate;
      c++;
    }
    out.push({
      item,
      amount: h.figure,
      position: h.figure.position,
      ...(change ? { change } : {}),
      ...(change?.reason ? { reason: change.reason.text } : {}),
    });
  });
  return out;
}

/** Whether a comparison was printed before a figure. */
function before(c: ChangeStatement, f: ScannedFigure): boolean {
  const a = c.position;
  const b = f.figure.position;
  return a.line < b.line || (a.line === b.line && a.offset < b.offset);
}
