// Zero-width characters pasted from web pages and PDFs; the joiner is alone in its branch, since in a
// character class it would read as a joined sequence.
const SPACES = /(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+/gu;

/**
 * The form of a classification name used for comparison: full-width letters, digits and punctuation
 * become half-width (NFKC, which also maps the Kangxi radicals some PDF extractors emit to the
 * ordinary characters), and all spaces, including ideographic and zero-width ones, are removed.
 *
 * @example
 * ```ts
 * normaliseName("因公出国（境）费用"); // "因公出国(境)费用"
 * normaliseName(" 行政 运行 "); // "行政运行"
 * ```
 */
export function normaliseName(name: string): string {
  return name.normalize("NFKC").replace(SPACES, "");
}

/** How two names that normalise to the same text differ. */
export type NameDifference = "spaces" | "width" | "both";

/**
 * For two names with equal {@link normaliseName} forms: whether they differ only in spaces, only in
 * character width, or in both.
 *
 * @example
 * ```ts
 * nameDifference("因公出国（境）费用", "因公出国(境)费用"); // "width"
 * ```
 */
export function nameDifference(a: string, b: string): NameDifference {
  if (a.replace(SPACES, "") === b.replace(SPACES, "")) return "spaces";
  if (a.normalize("NFKC") === b.normalize("NFKC")) return "width";
  return "both";
}
