import { describe, expect, it } from "vitest";
import { CliError } from "./errors";
import { checkRuleIds, expandRulePattern, ruleMatches } from "./rule-ids";

const IDS = ["A3.row-identity", "A4.t1-totals", "B1.t1-t2-t3", "F1.stale-year", "input.unreadable"];

describe("rule ids", () => {
  it("match as the engine matches: an id, a family, a letter", () => {
    expect(ruleMatches("A3.row-identity", "A3.row-identity")).toBe(true);
    expect(ruleMatches("A3.row-identity", "A3")).toBe(true);
    expect(ruleMatches("A3.row-identity", "A")).toBe(true);
    expect(ruleMatches("A3.row-identity", "A3.row")).toBe(false);
    expect(ruleMatches("input.unreadable", "input")).toBe(true);
    expect(expandRulePattern("A", IDS)).toEqual(["A3.row-identity", "A4.t1-totals"]);
  });

  it("refuse an unknown id with the closest ones and the list of valid ids", () => {
    expect(() => checkRuleIds(["A3", "B", "input"], IDS, "--rules")).not.toThrow();
    let error: unknown;
    try {
      checkRuleIds(["A9", "F1.stale"], IDS, "--rules");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    const e = error as CliError;
    expect(e.code).toBe("cli.usage");
    expect(e.message).toContain("未知的规则编号 “A9”、“F1.stale”");
    expect(e.messageEn).toContain("Did you mean");
    expect(e.messageEn).toContain("F1.stale-year");
    expect(e.messageEn).toContain(IDS.join(", "));
  });
});
