import { readFileSync } from "node:fs";
import { gridOf, replaced, sampleText } from "../../../../tests/fixtures/sample";
import type { Disclosure } from "../model";
import type { Finding } from "../report";
import { recognize } from "../recognize";
import { RuleContext } from "../rules/engine";
import { parseNarrative } from "./parse";
import { checkNarrative, narrativeRules } from "./rules";

/** The sample document of the repository, and the sample with exact replacements. */
export const SAMPLE = sampleText();
export { replaced as edited };

/** Text → Disclosure through the real reader and recognizer. */
export function disclosureOf(text: string): Disclosure {
  return recognize(gridOf(text)).disclosure;
}

/** Runs the narrative rules on a text (optionally adjusting the disclosure first). */
export function findingsOf(
  text: string,
  adjust?: (d: Disclosure) => Disclosure,
  lang: "zh-CN" | "en" = "zh-CN",
): Finding[] {
  const d0 = disclosureOf(text);
  const d = adjust ? adjust(d0) : d0;
  const ctx = new RuleContext(d, new Map(narrativeRules.map((r) => [r.id, r])), { lang });
  checkNarrative(ctx, parseNarrative(d));
  return ctx.findings;
}

/** The 1-based text line of a finding. */
export function lineOf(f: Finding): number | undefined {
  return f.location && "line" in f.location ? f.location.line : undefined;
}

/** A real development document's reference text (tests/fixtures/real/tsv/NAME.txt). */
export function realText(name: string): string {
  return readFileSync(new URL(`../../../../tests/fixtures/real/tsv/${name}.txt`, import.meta.url), "utf8");
}

/** A text with exact replacements, in order (each `from` must occur). */
export function replacedIn(text: string, ...pairs: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`not in the text: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}
