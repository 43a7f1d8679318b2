/**
 * The narrative and project-section rules, gathered from the files that hold them — each file has its
 * rules' specs (ids, severities, texts in both languages) next to the checks that emit them:
 *
 * | rules | file |
 * |---|---|
 * | C1 figures against the tables, C6 classification items | check-figures.ts |
 * | C2 comparisons with last year, C3 percentages | check-comparisons.ts |
 * | C4 三公 / 机关运行经费 / 政府采购, C5 绩效目标 | check-sangong.ts |
 * | D5 required parts and 机构设置, B7 机关运行经费 of 事业单位 | check-parts.ts |
 * | E1, E2 project sections | check-projects.ts |
 * | F1, F2, F3 text hygiene | check-text.ts |
 */
import type { RuleContext } from "../rules/engine";
import { checkChanges, checkPercentages, checkReasons, comparisonRules } from "./check-comparisons";
import { checkFigures, figureRules, resolveItems } from "./check-figures";
import { checkParts, checkStructure, partRules } from "./check-parts";
import { checkProjects, projectRules } from "./check-projects";
import { checkPerformance, checkProcurement, checkT9, sangongRules } from "./check-sangong";
import { checkText, textRules } from "./check-text";
import type { Narrative } from "./model";

/**
 * The narrative and project-section rules (C, D5, B7, E, F). Messages are templates; the engine
 * fills table/row/column/expected/actual/difference/unit and the params each finding passes.
 *
 * @example
 * ```ts
 * const ids = narrativeRules.map((r) => r.id); // ["C1.narrative-figure", "C1.rounding-residue", …]
 * ```
 */
export const narrativeRules = [
  ...figureRules,
  ...comparisonRules,
  ...sangongRules,
  ...partRules,
  ...projectRules,
  ...textRules,
] as const;

// Where each narrative item sits in the tables, worked out once per narrative for the checks that need it.
const placed = new WeakMap<Narrative, ReturnType<typeof resolveItems>>();
function whereOf(ctx: RuleContext, n: Narrative): ReturnType<typeof resolveItems> {
  let where = placed.get(n);
  if (!where) {
    where = resolveItems(ctx.d, n);
    placed.set(n, where);
  }
  return where;
}

/**
 * The narrative checks as units the engine runs one by one: a failure in one (a defect of yusuan)
 * is reported and does not stop the others.
 *
 * @example
 * ```ts
 * for (const c of narrativeChecks) c.run(ctx, parseNarrative(disclosure));
 * ```
 */
export const narrativeChecks: ReadonlyArray<{
  readonly name: string;
  readonly run: (ctx: RuleContext, n: Narrative) => void;
}> = [
  { name: "C1/C6 figures", run: (ctx, n) => checkFigures(ctx, ctx.d, n, whereOf(ctx, n)) },
  { name: "C2 changes", run: (ctx, n) => checkChanges(ctx, n) },
  { name: "C3 percentages", run: (ctx, n) => checkPercentages(ctx, n, whereOf(ctx, n)) },
  { name: "C2 reasons", run: (ctx, n) => checkReasons(ctx, n) },
  { name: "C4 三公", run: (ctx, n) => checkT9(ctx, ctx.d, n) },
  { name: "C4 procurement", run: (ctx, n) => checkProcurement(ctx, n) },
  { name: "C5 performance", run: (ctx, n) => checkPerformance(ctx, ctx.d, n) },
  { name: "D5 parts", run: (ctx, n) => checkParts(ctx, n) },
  { name: "D5 structure", run: (ctx, n) => checkStructure(ctx, ctx.d, n) },
  { name: "E projects", run: (ctx, n) => checkProjects(ctx, n) },
  { name: "F text", run: (ctx, n) => checkText(ctx, ctx.d, n) },
];

/**
 * Runs every narrative rule on a parsed narrative. Findings go to the context (which applies the
 * rule selection, severities and tolerances of the run).
 *
 * @example
 * ```ts
 * const ctx = new RuleContext(disclosure, new Map(narrativeRules.map((r) => [r.id, r])), {});
 * checkNarrative(ctx, parseNarrative(disclosure));
 * ctx.findings.filter((f) => f.rule === "C1.rounding-residue").length; // 1 on the sample
 * ```
 */
export function checkNarrative(ctx: RuleContext, n: Narrative): void {
  for (const c of narrativeChecks) c.run(ctx, n);
}
