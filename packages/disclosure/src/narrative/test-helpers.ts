import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Disclosure } from "../model";
import type { Finding } from "../report";
import { recognize } from "../recognize";
import { RuleContext } from "../rules/engine";
import { readTextDocument } from "../text";
import { parseNarrative } from "./parse";
import { checkNarrative, narrativeRules } from "./rules";

/** The sample document of the repository. */
export const SAMPLE = readFileSync(fileURLToPath(new URL("../../../../examples/sample.txt", import.meta.url)), "utf8");

/** The sample with exact, checked replacements (each `from` must occur). */
export function edited(...pairs: Array<[string, string]>): string {
  let text = SAMPLE;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`not in the sample: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** Text → Disclosure through the real reader and recognizer. */
export function disclosureOf(text: string): Disclosure {
  const r = readTextDocument(text, "sample.txt");
  if (!r.ok) throw new Error(r.message);
  return recognize(r.grid).disclosure;
}

/** Runs the narrative rules on a text (optionally adjusting the disclosure first). */
export function findingsOf(text: string, adjust?: (d: Disclosure) => Disclosure, lang: "zh-CN" | "en" = "zh-CN"): Finding[] {
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
