/**
 * Rule ids on the command line and in the config file are checked against the rules that exist: a
 * mistyped id would otherwise select nothing and the run would pass having checked nothing.
 */
import { CliError } from "./errors";

/**
 * Whether a pattern (an id or a prefix: "A3.row-identity", "B", "D1") selects a rule id, the way the
 * engine's `rules`/`disable` options match.
 *
 * @example
 * ```ts
 * ruleMatches("A3.row-identity", "A3"); // true
 * ruleMatches("A3.row-identity", "A"); // true
 * ruleMatches("A3.row-identity", "A3.row"); // false
 * ```
 */
export function ruleMatches(id: string, pattern: string): boolean {
  return (
    id === pattern ||
    id.startsWith(pattern.endsWith(".") ? pattern : `${pattern}.`) ||
    (pattern.length <= 2 && id.startsWith(pattern))
  );
}

/** The known ids closest to a mistyped one (same family first, then by edit distance). */
function suggestions(pattern: string, ids: readonly string[]): string[] {
  const p = pattern.toLowerCase();
  const extending = ids.filter((id) => id.toLowerCase().startsWith(p));
  if (extending.length > 0) return extending.slice(0, 3);
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  return ids
    .map((id) => ({
      id,
      d: Math.min(distance(p, id.toLowerCase()), distance(p, (id.split(".")[1] ?? id).toLowerCase()) + 1),
    }))
    .filter((x) => x.d <= Math.max(2, Math.floor(p.length / 3)))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((x) => x.id);
}

/**
 * Checks that every pattern selects at least one of `ids`; otherwise a usage error (exit 2) that
 * names the unknown ones, suggests the closest, and lists the valid ids.
 *
 * @example
 * ```ts
 * checkRuleIds(["A3", "B9"], ["A3.row-identity", "B1.t1-t2-t3"], "--rules"); // throws: "B9" is unknown
 * ```
 */
export function checkRuleIds(
  patterns: readonly string[],
  ids: readonly string[],
  where: string,
  whereEn = where,
): void {
  const unknown = patterns.filter((p) => !ids.some((id) => ruleMatches(id, p)));
  if (unknown.length === 0) return;
  const near = unknown.flatMap((u) => suggestions(u, ids));
  const hintZh = near.length > 0 ? `是否想用 ${[...new Set(near)].join("、")}？` : "";
  const hintEn = near.length > 0 ? `Did you mean ${[...new Set(near)].join(", ")}? ` : "";
  const list = ids.join(", ");
  throw new CliError(
    "cli.usage",
    `${where}：未知的规则编号 ${unknown.map((u) => `“${u}”`).join("、")}。${hintZh}\n可用的规则（编号或其前缀，如 A、B1）：${list}`,
    `${whereEn}: unknown rule id${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}. ${hintEn}\nValid rules (an id or a prefix such as A or B1): ${list}`,
  );
}

/**
 * The rule ids a pattern selects.
 *
 * @example
 * ```ts
 * expandRulePattern("A3", ["A3.row-identity", "A4.t1-totals"]); // ["A3.row-identity"]
 * ```
 */
export function expandRulePattern(pattern: string, ids: readonly string[]): string[] {
  return ids.filter((id) => ruleMatches(id, pattern));
}
