/**
 * The rule registry: every rule any part of yusuan reports, gathered from the modules that hold them
 * (each module has its rules' meta next to the checks that emit them). Rule ids are typed: {@link RuleId}
 * is the union of every id here, so `emit`, fill's identities and waivers are checked when compiled.
 */
import type { RuleSpec } from "./engine";
import { tableRules } from "./tables-a";
import { crossRules } from "./cross-b";
import { formRules } from "./form-d";
import { unreadableRules } from "./unreadable";
import { formulaRules } from "../formula-cells";
import { figureRules } from "../narrative/check-figures";
import { comparisonRules } from "../narrative/check-comparisons";
import { sangongRules } from "../narrative/check-sangong";
import { partRules } from "../narrative/check-parts";
import { projectRules } from "../narrative/check-projects";
import { textRules } from "../narrative/check-text";
import { buildRules, engineRules, fillRules, inputRules } from "./faces";

const ALL = [
  ...tableRules,
  ...crossRules,
  ...formRules,
  ...unreadableRules,
  ...figureRules,
  ...comparisonRules,
  ...sangongRules,
  ...partRules,
  ...projectRules,
  ...textRules,
  ...formulaRules,
  ...engineRules,
  ...inputRules,
  ...fillRules,
  ...buildRules,
] as const;

/**
 * The id of a rule in the registry, e.g. `"A3.row-identity"`.
 *
 * @example
 * ```ts
 * const id: RuleId = "B1.t1-t2-t3"; // a typo here fails to compile
 * ```
 */
export type RuleId = (typeof ALL)[number]["id"];

/**
 * Every rule yusuan reports, with its default severity, texts and examples.
 *
 * @example
 * ```ts
 * RULES.find((r) => r.id === "A3.row-identity")?.title["zh-CN"]; // "行内合计等于各分项之和"
 * ```
 */
export const RULES: ReadonlyArray<RuleSpec & { readonly id: RuleId }> = ALL;

let byId: ReadonlyMap<string, RuleSpec & { readonly id: RuleId }> | undefined;

/**
 * The rule with this id, or undefined for an id no rule has.
 *
 * @example
 * ```ts
 * ruleSpec("D1.table-missing")?.severity; // "error"
 * ruleSpec("no.such-rule"); // undefined
 * ```
 */
export function ruleSpec(id: string): (RuleSpec & { readonly id: RuleId }) | undefined {
  byId ??= new Map(RULES.map((r) => [r.id, r]));
  return byId.get(id);
}

/**
 * Whether a string is the id of a registered rule.
 *
 * @example
 * ```ts
 * isRuleId("A3.row-identity"); // true
 * ```
 */
export function isRuleId(id: string): id is RuleId {
  return ruleSpec(id) !== undefined;
}
