/**
 * Golden findings of every real development document (tests/fixtures/real/README.md), as TAB text and as
 * the published PDF: every error and warning pinned, each justified by the document's own words. A new
 * finding here, or one gone, is a change in what an inspector is told about a real document — it has to
 * be argued in this file, not accepted by updating a snapshot. Infos are counted, not pinned.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { analyze, type Analysis, type Finding } from "@yusuan/disclosure";
import { readPdf } from "@yusuan/pdf";
import { REAL_DOCUMENTS, analyzeReal, type RealDocument } from "./fixtures/real-docs";

type Pinned = [
  severity: "error" | "warning",
  table: Finding["table"],
  rule: string,
  row: string,
  line: number,
];

const GOLDEN: Record<RealDocument, { findings: Pinned[]; infos: number }> = {
  ptczj_2025_bumen: {
    findings: [
      // Table 7 (国有资本经营预算) is empty with the note "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。":
      // the note names the other fund.
      ["error", "T7", "D2.note-wrong-fund", "", 211],
      // The items listed add to 3,921.38万元 against Table 5's 31,214,205.80 元: the 800万元 typo of line 62.
      ["warning", "N", "C6.narrative-items-total", "合计", 56],
      // 87.70 / 78.21 / 204.91 / 268.77万元 for 877,080 / 782,164 / 2,049,197 / 2,687,760 元: cut off, not rounded
      // (78.2164 → 78.22); consistently, so a warning per figure, not an error.
      [
        "warning",
        "N",
        "C1.truncated-figure",
        "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）",
        60,
      ],
      // "…机关事业单位职业年金缴费支出（项）”887.36万元" while Table 5 prints 873,617 元 = 87.36万元 (the PDF says 887.36 too).
      [
        "error",
        "N",
        "C1.narrative-figure",
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
        62,
      ],
      [
        "warning",
        "N",
        "C1.truncated-figure",
        "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）",
        64,
      ],
      ["warning", "N", "C1.truncated-figure", "住房保障支出（类）住房改革支出（款）住房公积金（项）", 65],
      ["warning", "N", "C1.truncated-figure", "住房保障支出（类）住房改革支出（款）购房补贴（项）", 66],
      // A 部门 document: "2025年度本单位政府采购预算117.00万元" and "本单位编报绩效目标的项目共4个".
      ["warning", "N", "F3.unit-word", "", 269],
      ["warning", "N", "F3.unit-word", "", 271],
    ],
    // 绩效目标 598.46万元 < 表3 项目支出 609.31万元: allowed, noted.
    infos: 1,
  },
  qufuban_2025_bumen: {
    // Passed by the district inspectors: no error. It does write "政府性基金拨款支出预算0万元，比2024年预算持平" (twice):
    // 持平 takes 与, a wording warning.
    findings: [["warning", "N", "C2.chiping-wording", "政府性基金拨款支出预算", 58]],
    infos: 1,
  },
  shangwuwei_2025_bumen: {
    findings: [
      // "财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元" against "支出预算…比2024年预算增加24,491.71万元":
      // two baselines in the totals paragraph, so the two increases differ.
      ["error", "N", "C2.year-comparison", "财政拨款收入", 72],
      // "政府性基金拨款支出预算0万元，比2024年预算执行数持平".
      ["warning", "N", "C2.chiping-wording", "政府性基金拨款支出预算", 73],
      ["error", "N", "C2.year-comparison", "财政拨款支出预算", 73],
    ],
    infos: 1,
  },
  shangwuwei_2025_danwei: {
    // The unit version repeats the department version's totals paragraph word for word.
    findings: [
      ["error", "N", "C2.year-comparison", "财政拨款收入", 68],
      ["warning", "N", "C2.chiping-wording", "政府性基金拨款支出预算", 69],
      ["error", "N", "C2.year-comparison", "财政拨款支出预算", 69],
    ],
    infos: 1,
  },
  shegongbu_2024_juesuan: {
    // "2024年度部门决算": a final account; one finding says so, nothing else is checked.
    findings: [["warning", "D", "D6.document-kind", "", 1]],
    infos: 0,
  },
  wanli_2023_bumen: {
    findings: [
      // "国有资本经营预算拨款支出预算0万元，比2022年预算持平" (比…持平).
      ["warning", "N", "C2.chiping-wording", "国有资本经营预算拨款支出预算", 54],
      // "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元": last year would be −1421.25万元.
      ["error", "N", "C2.impossible-change", "政府性基金拨款支出预算", 54],
      // "2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%": the amounts give 289.12%.
      ["error", "N", "C3.percentage", "一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）", 59],
      // "2022年当年预算执行数为15.00万元，2023年预算安排15.00万元，比2022年预算执行数持平".
      ["warning", "N", "C2.chiping-wording", "公共安全支出（类）司法（款）公共法律服务（项）", 65],
      // "…职业年金缴费支出（项）”220.63万元…2023年预算安排441.25万元，比2022年预算执行数增加60.54%": two amounts for one
      // item, and 132.59 → 441.25 is +232.79%, not 60.54%.
      [
        "error",
        "N",
        "C1.conflicting-amounts",
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
        74,
      ],
      [
        "error",
        "N",
        "C3.percentage",
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
        74,
      ],
      // "2023年“三公”经费预算数为22.91万元，比2022年预算持平".
      ["warning", "N", "C2.chiping-wording", "三公经费", 426],
      // Each 绩效目标表 lists 数量指标 and 质量指标 under 产出指标 but no 时效指标.
      ["warning", "P", "E2.indicators", "新建万里街道社区公共服务中心", 457],
      ["warning", "P", "E2.indicators", "就业援助基地补贴", 475],
      ["warning", "P", "E2.indicators", "社区环境整治和建设经费", 492],
      ["warning", "P", "E2.indicators", "各类工作经费", 509],
      ["warning", "P", "E2.indicators", "公共服务设施运行经费", 565],
      // "年度资金申请总额 10,903,043.00 … 其中：当年财政拨款 11,419,043.00".
      ["error", "P", "E1.performance-funds", "公共服务设施运行经费", 570],
    ],
    infos: 1,
  },
  wanli_2024_bumen: {
    findings: [
      // Table 8 prints "301	2	津贴补贴" and "301	7	绩效工资": 款 codes with one digit.
      ["warning", "T8", "D3.code-form", "30102", 397],
      ["warning", "T8", "D3.code-form", "30107", 398],
      // Table 9's title "部门“三公”经费和机关运行经费预算表" has no year.
      ["error", "T9", "D1.title-year-missing", "", 429],
      // Table 9 prints 47.91 … 443.18 and then "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。".
      ["error", "T9", "D2.note-on-data", "", 435],
      // 名词解释 of a district document: "财政拨款收入：是市级预算主管部门…".
      ["warning", "N", "F3.level-word", "", 46],
      ["warning", "N", "C2.chiping-wording", "政府性基金拨款支出预算", 57],
      // "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：…经费增加。"
      ["error", "N", "C3.reason-direction", "一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）", 63],
      ["warning", "N", "C2.chiping-wording", "科学技术支出（类）科学技术普及（款）科普活动（项）", 70],
      // "住房公积金（项）”350.35万元…2024年预算安排352.67万元": two amounts for one item in one paragraph.
      ["error", "N", "C1.conflicting-amounts", "住房保障支出（类）住房改革支出（款）住房公积金（项）", 97],
      ["warning", "N", "C2.chiping-wording", "因公出国(境)费", 440],
    ],
    infos: 1,
  },
  wanli_2025_bumen: {
    findings: [
      // 212 printed 154,369,326 while its 款 add to 154,369,327; 212 01 printed 94,995,790 while its 项 (and 基本 +
      // 项目) add to 94,995,789: exact 元 figures, so errors, in every table that prints them.
      ["error", "T2", "A1.parent-sum", "212", 166],
      ["error", "T2", "A1.parent-sum", "212", 166],
      ["error", "T2", "A1.parent-sum", "21201", 167],
      ["error", "T2", "A1.parent-sum", "21201", 167],
      ["error", "T3", "A1.parent-sum", "212", 243],
      ["error", "T3", "A1.parent-sum", "21201", 244],
      ["error", "T3", "A3.row-identity", "21201", 244],
      ["error", "T5", "A1.parent-sum", "212", 344],
      ["error", "T5", "A1.parent-sum", "21201", 345],
      ["error", "T5", "A3.row-identity", "21201", 345],
      ["warning", "N", "C2.chiping-wording", "政府性基金拨款支出预算", 57],
      // Item 21 "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）": Table 5 has 计划生育事务 under 21007, not under a 款 卫生健康支出.
      ["error", "N", "C6.item-path", "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）", 81],
      ["warning", "N", "C2.chiping-wording", "因公出国(境)费", 433],
    ],
    infos: 1,
  },
};

const pinned = (a: Analysis): Pinned[] =>
  a.findings
    .filter((f): f is Finding & { severity: "error" | "warning" } => f.severity !== "info")
    .map((f) => [
      f.severity,
      f.table,
      f.rule,
      f.row ?? "",
      f.location && "line" in f.location ? f.location.line : 0,
    ]);
const withoutLine = (list: Pinned[]): string[] =>
  list.map(([s, t, r, row]) => `${s} ${t} ${r} ${row}`).sort();
const infos = (a: Analysis): number => a.findings.filter((f) => f.severity === "info").length;

describe("golden findings of the real documents, as TAB text", () => {
  for (const name of REAL_DOCUMENTS) {
    test(name, () => {
      const a = analyzeReal(name);
      expect(pinned(a)).toEqual(GOLDEN[name].findings);
      expect(infos(a)).toBe(GOLDEN[name].infos);
    });
  }
});

describe("golden findings of the real documents, as the published PDF", () => {
  const fromPdf = new Map<RealDocument, Analysis>();
  beforeAll(async () => {
    for (const name of REAL_DOCUMENTS) {
      const bytes = new Uint8Array(
        readFileSync(fileURLToPath(new URL(`./fixtures/real/pdf/${name}.pdf`, import.meta.url))),
      );
      const r = await readPdf(bytes, `${name}.pdf`);
      if (!r.ok) throw new Error(r.error.message);
      fromPdf.set(name, analyze(r.grid));
    }
  }, 120_000);
  for (const name of REAL_DOCUMENTS) {
    test(name, () => {
      const a = fromPdf.get(name)!;
      expect(withoutLine(pinned(a))).toEqual(withoutLine(GOLDEN[name].findings));
      expect(infos(a)).toBe(GOLDEN[name].infos);
      // Every finding in a table or the narrative says on which page of the PDF it is.
      for (const f of a.findings) if (f.location) expect(f.location).toHaveProperty("page");
    });
  }
});
