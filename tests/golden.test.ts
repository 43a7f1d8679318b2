/**
 * Golden report: the complete list of findings for the bundled sample, pinned. Each entry names the
 * line of examples/sample.txt that proves it is real; a new finding or a lost one fails this test and
 * must be justified against the document.
 */
import { expect, test } from "vitest";
import { analyzeText, sampleText } from "./fixtures/sample";

const GOLDEN = [
  // line 111 "1. 一般公共预算资金\t\t…": T1 leaves the three sources of 财政拨款收入 (105,767,210.12, line 110)
  // blank, while T4 line 188 shows 一般公共预算资金 105,767,210.12.
  { rule: "A4.fiscal-sources-blank", severity: "warning", table: "T1", row: "财政拨款收入", line: 111 },
  // line 89: "政府性基金拨款支出预算0万元，比2024年预算持平" — 持平 takes 与 (与2024年预算持平); "比…持平" is the
  // wording slip the domain names (a warning). The same slip in the 三公 part is the finding at line 309.
  { rule: "C2.chiping-wording", severity: "warning", table: "N", row: "政府性基金拨款支出预算", line: 89 },
  // line 95: "用于项目支出3823.35万元" while T3/T5 print 38,233,551.78 元 (= 3823.36万元); the writer shifted
  // 0.01 so that 1988.77 + 3823.35 = 5812.12 — a rounding residue (尾差), not a plain mismatch.
  { rule: "C1.rounding-residue", severity: "warning", table: "N", row: "其他一般公共服务支出", line: 95 },
  // line 309: "因公出国（境）费0万元，比2024年预算持平" (and lines 311 ×3): "比…持平" again, one finding for the 三公 part.
  { rule: "C2.chiping-wording", severity: "warning", table: "N", row: "因公出国(境)费", line: 309 },
  // line 339: the 社工 project's 概述 says "保障2022年度本单位社区工作者工资福利…" in a 2025 budget.
  { rule: "F1.stale-year", severity: "warning", table: "P", row: "社工", line: 339 },
  // lines 383–388: the 社工 绩效目标表 gives no 指标值 for 社工数量, 资金发放准确率, 资金支付及时性 and
  // 对社工社保、福利等方面的保障 (only 社工满意度 has "100%").
  { rule: "E2.indicators", severity: "warning", table: "P", row: "社工", line: 383 },
  // line 422: 安保经费 年度预算安排 items add up to 38,394,862 元 (3839.4862万元) but its 绩效目标表
  // (line 436) says 项目资金总额 493. 3642万元.
  { rule: "E1.performance-funds", severity: "error", table: "P", row: "安保经费", line: 422 },
  // line 422: "2022年2月-2023年8月特勤安保服务…" and "2023年3月-12月联动执法经费…" listed as 2025 budget items.
  { rule: "F1.stale-year", severity: "warning", table: "P", row: "安保经费", line: 422 },
  { rule: "F1.stale-year", severity: "warning", table: "P", row: "安保经费", line: 422 },
  // line 438: "项目总目标 (2025年-2022025年)" — not a valid period.
  { rule: "E2.project-period", severity: "warning", table: "P", row: "安保经费", line: 438 },
];

test("the sample's findings are exactly the pinned list", () => {
  const { findings } = analyzeText(sampleText());
  const got = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    table: f.table,
    row: f.row,
    line: f.location && "line" in f.location ? f.location.line : undefined,
  }));
  expect(got).toEqual(GOLDEN);
});

test("the sample has exactly one error: the 安保经费 project funds", () => {
  const { findings } = analyzeText(sampleText());
  const errors = findings.filter((f) => f.severity === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({
    rule: "E1.performance-funds",
    actual: expect.any(String),
    expected: expect.any(String),
  });
});

test("fingerprints are stable across runs and distinct across findings", () => {
  const a = analyzeText(sampleText()).findings.map((f) => f.fingerprint);
  const b = analyzeText(sampleText()).findings.map((f) => f.fingerprint);
  expect(a).toEqual(b);
  expect(new Set(a).size).toBe(a.length);
});
