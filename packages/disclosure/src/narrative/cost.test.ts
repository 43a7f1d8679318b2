/**
 * A guard on the narrative reader's cost: it must stay linear in the length of a line. Hostile or
 * broken inputs — 50,000 figures on one line, 10,000 quoted items, a line without any delimiter —
 * once took minutes and most of a gigabyte; the bound here is generous on purpose (not a benchmark).
 */
import { describe, expect, it } from "vitest";
import type { Disclosure } from "../model";
import { RuleContext } from "../rules/engine";
import { parseNarrative } from "./parse";
import { checkNarrative, narrativeRules } from "./rules";
import { disclosureOf, SAMPLE } from "./test-helpers";

const base = disclosureOf(SAMPLE);
const withText = (...lines: string[]): Disclosure => ({
  ...base,
  text: ["2025年部门预算编制说明", ...lines].map((text, row) => ({
    text,
    sheet: "文本",
    row,
    location: { line: row + 1 },
  })),
});

function timed(d: Disclosure): { ms: number; findings: number } {
  const start = performance.now();
  const ctx = new RuleContext(d, new Map(narrativeRules.map((r) => [r.id, r])), {});
  checkNarrative(ctx, parseNarrative(d));
  return { ms: performance.now() - start, findings: ctx.findings.length };
}

describe("the narrative's cost is bounded", () => {
  it("50,000 figures on one line (226 KB)", () => {
    const line = `收入预算${"1.00万元，".repeat(37_600)}`;
    expect(line.length).toBeGreaterThan(226_000 / 1.2);
    const r = timed(withText(line));
    expect(r.ms).toBeLessThan(5_000);
  });
  it("50,000 figures with no delimiter at all, and comparisons between them", () => {
    const r = timed(withText(`支出预算${"1万元比2024年预算增加1万元".repeat(10_000)}`));
    expect(r.ms).toBeLessThan(5_000);
  });
  it("10,000 quoted items with paths, comparisons and reasons", () => {
    const item =
      "“一般公共服务支出（类）其他一般公共服务支出（款）其他一般公共服务支出（项）”科目5812.12万元，2024年当年预算执行数为5812.12万元，2025年预算安排5812.12万元，与2024年预算执行数持平，主要原因是经费不变；";
    const r = timed(withText("财政拨款支出主要内容如下：", item.repeat(10_000)));
    expect(r.ms).toBeLessThan(5_000);
    // The items are all read: together they exceed Table 5's total, reported once.
    expect(r.findings).toBeGreaterThan(0);
  });
  it("20,000 open quotes and 20,000 level words", () => {
    const r = timed(withText("“".repeat(20_000) + "市级".repeat(20_000) + "XX".repeat(20_000)));
    expect(r.ms).toBeLessThan(5_000);
  });
});
