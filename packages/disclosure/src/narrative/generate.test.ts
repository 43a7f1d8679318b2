import { describe, expect, it } from "vitest";
import { Amount } from "@yusuan/money";
import { generateNarrative, generateProcurement, generateSangong, sangongFiguresOf } from "./generate";
import { parseNarrative } from "./parse";
import { SAMPLE, disclosureOf } from "./test-helpers";
import { RuleContext } from "../rules/engine";
import { checkNarrative, narrativeRules } from "./rules";

const d = disclosureOf(SAMPLE);

describe("generateNarrative on the sample", () => {
  const g = generateNarrative(d);

  it("writes the income and expenditure sentences from the tables", () => {
    expect(g.paragraphs[0]).toBe(
      "2025年，上海市闵行区浦江镇社区党群服务中心收入预算10576.72万元，其中：财政拨款收入10576.72万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。",
    );
    expect(g.paragraphs[1]).toContain("一般公共预算拨款支出预算10576.72万元");
  });

  it("writes 5812.12 for 其他一般公共服务支出 with parts adding up to it, and names the part that took the residue", () => {
    const item = g.paragraphs.find((p) => p.includes("“其他一般公共服务支出”"))!;
    expect(item).toBe(
      "1. “其他一般公共服务支出”科目5812.12万元，主要用于基本支出1988.77万元；用于项目支出3823.35万元。",
    );
    const sum = Amount.of("1988.77").plus(Amount.of("3823.35"));
    expect(sum.toFixed(2)).toBe("5812.12");
    const note = g.notes.find((n) => n.includes("其他一般公共服务支出"));
    expect(note).toContain("项目支出");
    expect(note).toContain("3823.36");
    expect(note).toContain("3823.35");
  });

  it("has one item per T5 项 row, and the items add up to the total", () => {
    const items = g.paragraphs.filter((p) => /^\d+\. /.test(p));
    expect(items).toHaveLength(8);
    const total = items.map((p) => Amount.of(/科目([\d.]+)万元/.exec(p)![1]!)).reduce((a, b) => a.plus(b));
    expect(total.toFixed(2)).toBe("10576.72");
  });

  it("passes the narrative checks when put back as the 编制说明", () => {
    const lines = SAMPLE.split("\n");
    const start = lines.findIndex((l) => l.startsWith("2025年，上海市"));
    const end = lines.findIndex((l) => l.startsWith("6. “住房公积金”"));
    const text = [...lines.slice(0, start), ...g.paragraphs, ...lines.slice(end + 1)].join("\n");
    const d2 = disclosureOf(text);
    const ctx = new RuleContext(d2, new Map(narrativeRules.map((r) => [r.id, r])), {});
    checkNarrative(ctx, parseNarrative(d2));
    expect(
      ctx.findings.filter((f) => f.rule.startsWith("C1") || f.rule.startsWith("C6")).map((f) => f.rule),
    ).toEqual(["C1.rounding-residue"]);
  });

  it("speaks English on request", () => {
    expect(generateNarrative(d, { lang: "en" }).paragraphs[0]).toContain("budgets income of 10576.72");
  });
});

describe("generateSangong and generateProcurement", () => {
  it("writes the 三公 items with changes and reasons, and notes a missing reason", () => {
    const s = generateSangong({
      year: 2025,
      abroad: "0",
      reception: "0.8",
      purchase: "0",
      running: "0",
      previous: { abroad: "0", reception: "0.92", purchase: "0", running: "0" },
      reasons: { reception: "按实际需要调整" },
    });
    expect(s.paragraphs[0]).toBe("2025年“三公”经费预算数为0.80万元，比2024年预算减少0.12万元。其中：");
    expect(s.paragraphs[3]).toBe(
      "（三）公务接待费0.80万元，比2024年预算减少0.12万元，主要原因是按实际需要调整。",
    );
    expect(s.notes).toHaveLength(0);
    const missing = generateSangong({
      year: 2025,
      abroad: "1",
      reception: "0",
      purchase: "0",
      running: "0",
      previous: { abroad: "0", reception: "0", purchase: "0", running: "0" },
    });
    expect(missing.notes[0]).toContain("因公出国（境）费");
  });

  it("reads the 三公 figures from T9", () => {
    expect(sangongFiguresOf(d)).toMatchObject({ year: 2025, reception: "0.8", abroad: "0" });
  });

  it("writes 政府采购 with the total as the sum of its parts", () => {
    const p = generateProcurement({
      year: 2025,
      goods: "1.5",
      works: "0",
      services: "9",
      sme: "9",
      small: "10",
    });
    expect(p.paragraphs[0]).toContain("政府采购预算10.50万元");
    expect(p.paragraphs[1]).toContain("预留给小型和微型企业的政府采购项目预算为10.00万元");
    expect(p.notes).toHaveLength(1);
  });
});
