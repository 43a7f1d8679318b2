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
import type { RuleContext, RuleSpec } from "../rules/engine";
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
export const narrativeRules: RuleSpec[] = [...figureRules, ...comparisonRules, ...sangongRules, ...partRules, ...projectRules, ...textRules];

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
  const d = ctx.d;
  const where = resolveItems(d, n);
  checkFigures(ctx, d, n, where);
  checkChanges(ctx, n);
  checkPercentages(ctx, n, where);
  checkReasons(ctx, n);
  checkT9(ctx, d, n);
  checkProcurement(ctx, n);
  checkPerformance(ctx, d, n);
  checkParts(ctx, n);
  checkStructure(ctx, d, n);
  checkProjects(ctx, n);
  checkText(ctx, d, n);
}
