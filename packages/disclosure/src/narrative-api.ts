import type { Grid } from "./grid";
import type { Disclosure } from "./model";
import { recognize } from "./recognize";
import { generateNarrative as fromDisclosure } from "./narrative/generate";
import type { Lang } from "./i18n";

/**
 * The 预算编制说明 sentences generated from the tables (figures in 万元, parts allocated by largest
 * remainder so they add up, with notes naming the part that absorbed a rounding residue).
 * Takes a grid (any host) or an already recognized disclosure.
 *
 * @example
 * ```ts
 * const { paragraphs, notes } = generateNarrative(grid);
 * paragraphs.forEach((p) => console.log(p));
 * ```
 */
export function generateNarrative(
  input: Grid | Disclosure,
  options: { lang?: Lang } = {},
): { paragraphs: string[]; notes: string[] } {
  const d = "sheets" in input ? recognize(input).disclosure : input;
  return fromDisclosure(d, options);
}
