/**
 * The figures of 其他相关情况说明 against Table 9 and each other (C4: 三公, 机关运行经费, 政府采购) and
 * 绩效目标 against Table 3 (C5).
 */
import { Amount, Interval, agree } from "@yusuan/money";
import type { Disclosure, Figure } from "../model";
import { amountOf, defineRules, intervalOf, tableName, type RuleContext } from "../rules/engine";
import { detail, label, loc, shownInterval, t, wanOf, WAN } from "./check-common";
import type { Narrative, NarrativeFigure, Subject } from "./model";

/**
 * The rules of this file.
 *
 * @example
 * ```ts
 * sangongRules.map((r) => r.id); // ["C4.sangong-narrative", …]
 * ```
 */
export const sangongRules = defineRules([
  {
    id: "C4.sangong-narrative",
    severity: "error",
    title: t("“三公”经费说明与表9不符", "Three public expenses differ from Table 9"),
    description: t(
      "“三公”经费说明中的各项金额应等于表9对应金额。",
      "Each of the three public expenses in the narrative must equal Table 9.",
    ),
    message: t(
      "说明中{label}为{actual}万元，表9为{expected}万元",
      "The narrative gives {label} as {actual} but Table 9 has {expected} (10k yuan)",
    ),
    examples: {
      firing: [{ find: "（三）公务接待费0.8万元", replace: "（三）公务接待费0.9万元" }],
      quiet: [],
    },
  },
  {
    id: "C4.jiguan-narrative",
    severity: "error",
    title: t("机关运行经费说明与表9不符", "Agency operating expenses differ from Table 9"),
    description: t(
      "机关运行经费说明应与表9一致；说明“无机关运行经费”时表9应为0或空。",
      "The agency operating expenses in the narrative must equal Table 9; “none” requires Table 9 to be zero or blank.",
    ),
    message: t("机关运行经费说明与表9不符：{detail}", "Agency operating expenses: {detail}"),
    examples: {
      firing: [{ find: "2025年本部门无机关运行经费。", replace: "2025年本部门机关运行经费预算为1.5万元。" }],
      quiet: [],
    },
  },
  {
    id: "C4.procurement-total",
    severity: "error",
    title: t("政府采购金额不平衡", "Procurement figures do not add up"),
    description: t(
      "政府采购预算总额应等于货物、工程、服务之和；预留给小微企业的金额不应超过面向中小企业预留的金额。",
      "Procurement total = goods + works + services; the amount for small and micro firms cannot exceed the SME reservation.",
    ),
    message: t("政府采购说明有误：{detail}", "Procurement statement: {detail}"),
    examples: {
      firing: [{ find: "政府采购服务预算9万元", replace: "政府采购服务预算7万元" }],
      quiet: [],
    },
  },
  {
    id: "C5.performance-amount",
    severity: "error",
    title: t("绩效目标金额超过项目支出", "Performance-target amount exceeds project expenditure"),
    description: t(
      "编报绩效目标的项目资金不应超过表3项目支出合计（按舍入区间比较）。",
      "The amount of projects with performance targets cannot exceed Table 3's project expenditure total (rounding-aware).",
    ),
    message: t(
      "绩效目标涉及项目资金{actual}万元，超过表3项目支出合计{tableValue}元（{expected}万元）",
      "Performance targets cover {actual} but Table 3's project expenditure is {tableValue} yuan ({expected} ×10k yuan)",
    ),
    examples: {
      firing: [{ find: "资金7778.53万元", replace: "资金7800.00万元" }],
      quiet: [],
    },
  },
  {
    id: "C5.performance-amount-note",
    severity: "info",
    title: t("绩效目标金额小于项目支出", "Performance-target amount below project expenditure"),
    description: t(
      "编报绩效目标的项目资金小于表3项目支出合计：并非所有项目都编报了绩效目标，供核对。",
      "Fewer project funds have performance targets than Table 3's project expenditure: not every project has targets; for review.",
    ),
    message: t(
      "绩效目标涉及项目资金{actual}万元，少于表3项目支出合计{expected}万元",
      "Performance targets cover {actual}, less than Table 3's project expenditure {expected} (10k yuan)",
    ),
    examples: {
      firing: [{ find: "资金7778.53万元", replace: "资金7700.00万元" }],
      quiet: [],
    },
  },
  {
    id: "C5.performance-count",
    severity: "error",
    title: t("绩效目标项目数有误", "Performance-target project count is wrong"),
    description: t(
      "编报绩效目标的项目个数应为正整数。",
      "The number of projects with performance targets must be a positive integer.",
    ),
    message: t(
      "编报绩效目标的项目数为{actual}个，应为正整数",
      "The number of projects with targets is {actual}; it must be positive",
    ),
    examples: {
      firing: [{ find: "项目37个", replace: "项目0个" }],
      quiet: [],
    },
  },
]);

const SANGONG_COLUMNS: ReadonlyArray<readonly [Subject, string]> = [
  ["三公经费", "合计"],
  ["因公出国(境)费", "因公出国(境)费"],
  ["公务用车购置及运行费", "公务用车小计"],
  ["公务用车购置费", "购置费"],
  ["公务用车运行费", "运行费"],
  ["公务接待费", "公务接待费"],
];

function t9Interval(f: Figure | undefined): Interval {
  return f && !f.blank
    ? Interval.ofDisplayed(Amount.of(f.value, WAN), f.decimals)
    : Interval.exact(Amount.zero(WAN));
}

/**
 * C4: the 三公 and 机关运行经费 figures against Table 9.
 *
 * @example
 * ```ts
 * checkT9(ctx, disclosure, narrative);
 * ```
 */
export function checkT9(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const t9 = d.tables.T9;
  if (!t9) return;
  for (const [s, column] of SANGONG_COLUMNS) {
    const f = n.figures.find((x) => x.subject === s && !x.change);
    if (!f || f.unit !== WAN) continue;
    const tf = t9.amounts[column];
    if (agree(shownInterval(f), t9Interval(tf))) continue;
    const tv = tf ? Amount.of(tf.value, WAN) : Amount.zero(WAN);
    ctx.emit("C4.sangong-narrative", {
      table: "N",
      row: s,
      column,
      location: loc(f),
      expected: tf?.blank ? "0" : (tf?.value ?? "0"),
      actual: f.value,
      difference: wanOf(f).minus(tv).toString(),
      unit: WAN,
      related: [{ table: "T9", column, ...(tf?.location ? { location: tf.location } : {}) }],
      params: { label: label(ctx, s) },
    });
  }
  const tj = t9.amounts.机关运行经费;
  const jf = n.figures.find((x) => x.subject === "机关运行经费" && !x.change && x.unit === WAN);
  const tjAmount = tj ? Amount.of(tj.value, WAN) : Amount.zero(WAN);
  if (jf && !agree(shownInterval(jf), t9Interval(tj))) {
    ctx.emit("C4.jiguan-narrative", {
      table: "N",
      row: "机关运行经费",
      column: "机关运行经费",
      location: loc(jf),
      expected: tjAmount.toString(),
      actual: jf.value,
      difference: wanOf(jf).minus(tjAmount).toString(),
      unit: WAN,
      related: [{ table: "T9", column: "机关运行经费", ...(tj?.location ? { location: tj.location } : {}) }],
      params: {
        detail: detail(ctx, "fundsEqual", {
          left: label(ctx, "机关运行经费"),
          actual: jf.value,
          right: tableName("T9", ctx.lang),
          expected: tjAmount.toString(),
        }),
      },
    });
  }
  if (n.jiguanNone && tjAmount.isPositive()) {
    ctx.emit("C4.jiguan-narrative", {
      table: "N",
      row: "机关运行经费",
      column: "none",
      location: n.jiguanNone.location,
      expected: "0",
      actual: tjAmount.toString(),
      unit: WAN,
      related: [{ table: "T9", column: "机关运行经费", ...(tj?.location ? { location: tj.location } : {}) }],
      params: { detail: detail(ctx, "jiguanNoneButTable", { expected: tjAmount.toString() }) },
    });
  }
}

/**
 * C4: 政府采购 total = 货物 + 工程 + 服务; 小微 ≤ 中小企业.
 *
 * @example
 * ```ts
 * checkProcurement(ctx, narrative);
 * ```
 */
export function checkProcurement(ctx: RuleContext, n: Narrative): void {
  const get = (s: Subject) => n.figures.find((f) => f.subject === s && !f.change && f.unit === WAN);
  const total = get("政府采购");
  const parts = [get("政府采购货物"), get("政府采购工程"), get("政府采购服务")];
  if (total && parts.every((p) => p !== undefined)) {
    const ps = parts as NarrativeFigure[];
    const sum = Interval.sum(ps.map(shownInterval), WAN);
    if (!agree(shownInterval(total), sum)) {
      const exact = Amount.sum(ps.map(wanOf), WAN);
      ctx.emit("C4.procurement-total", {
        table: "N",
        row: "政府采购",
        column: "合计",
        location: loc(total),
        expected: exact.toString(),
        actual: total.value,
        difference: wanOf(total).minus(exact).toString(),
        unit: WAN,
        params: {
          detail: detail(ctx, "procurementSum", {
            actual: total.value,
            goods: ps[0]!.value,
            works: ps[1]!.value,
            services: ps[2]!.value,
            expected: exact.toString(),
          }),
        },
      });
    }
  }
  const sme = get("中小企业预留");
  const small = get("小型和微型企业预留");
  if (sme && small && shownInterval(small).low.compare(shownInterval(sme).high) > 0) {
    ctx.emit("C4.procurement-total", {
      table: "N",
      row: "政府采购",
      column: "小型和微型企业",
      location: loc(small),
      expected: sme.value,
      actual: small.value,
      unit: WAN,
      params: { detail: detail(ctx, "procurementSmall", { actual: small.value, expected: sme.value }) },
    });
  }
}

/**
 * C5: the 绩效目标 amount against Table 3 项目支出, and the project count.
 *
 * @example
 * ```ts
 * checkPerformance(ctx, disclosure, narrative);
 * ```
 */
export function checkPerformance(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const count = n.figures.find((f) => f.subject === "绩效目标项目数");
  if (count && !(Number(count.value) > 0)) {
    ctx.emit("C5.performance-count", {
      table: "N",
      row: "绩效目标",
      column: "项目数",
      location: loc(count),
      actual: count.value,
    });
  }
  const f = n.figures.find((x) => x.subject === "绩效目标金额" && x.unit === WAN);
  const tf = d.tables.T3?.total?.amounts.项目支出;
  if (!f || !d.tables.T3) return;
  const table = amountOf(tf, "元");
  const shown = shownInterval(f);
  if (agree(shown, intervalOf(tf, "元"))) return;
  const more = shown.low.compare(table.to(WAN)) > 0;
  ctx.emit(more ? "C5.performance-amount" : "C5.performance-amount-note", {
    table: "N",
    row: "绩效目标",
    column: "项目资金",
    location: loc(f),
    expected: table.to(WAN).toFixed(f.decimals),
    actual: f.value,
    difference: wanOf(f).minus(table.to(WAN)).toFixed(Math.max(2, f.decimals)),
    unit: WAN,
    related: [
      { table: "T3", row: "合计", column: "项目支出", ...(tf?.location ? { location: tf.location } : {}) },
    ],
    params: { tableValue: table.toFixed(2) },
  });
}
