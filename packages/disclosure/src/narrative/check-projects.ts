/**
 * The project sections (E1: 年度预算安排 items add up to the project total, the 绩效目标表 funds agree;
 * E2: dates and 实施周期 in the budget year, indicators complete).
 */
import { Amount, Interval, agree } from "@yusuan/money";
import type { Location } from "../model";
import { defineRules, type RuleContext } from "../rules/engine";
import { detail, label, t, WAN } from "./check-common";
import type { Narrative, ProjectFigure, ProjectSection } from "./model";

/**
 * The rules of this file.
 *
 * @example
 * ```ts
 * projectRules.map((r) => r.id); // ["E1.project-breakdown", "E1.performance-funds", "E2.project-period", "E2.indicators"]
 * ```
 */
export const projectRules = defineRules([
  {
    id: "E1.project-breakdown",
    severity: "error",
    title: t("年度预算安排明细与合计不符", "Project budget items do not add up"),
    description: t(
      "项目年度预算安排所列各项之和应等于所述项目总额。",
      "The items of a project's annual budget must add up to the stated project total.",
    ),
    message: t(
      "项目“{project}”年度预算安排为{actual}{unit}，所列各项合计{expected}{unit}，相差{difference}{unit}",
      "Project “{project}”: the annual budget is {actual} {unit} but its items add up to {expected} {unit}; difference {difference}",
    ),
    examples: {
      firing: [{ find: "电信费165000元", replace: "电信费165100元" }],
      quiet: [],
    },
  },
  {
    id: "E1.performance-funds",
    severity: "error",
    title: t("绩效目标表项目资金不一致", "Performance table funds disagree"),
    description: t(
      "绩效目标表中项目资金总额 = 财政资金 + 其他资金 = 年度资金申请总额（如填写）；年度预算安排金额应等于项目资金总额×10000（按舍入区间比较）。",
      "In the performance table total funds = fiscal + other = annual request (when given); the annual budget arrangement must equal total funds × 10,000 (rounding-aware).",
    ),
    message: t("项目“{project}”资金不一致：{detail}", "Project “{project}” funds: {detail}"),
    messages: {
      partsSeparator: t("、", " + "),
    },
    examples: {
      firing: [],
      quiet: [
        { find: "项目资金总额\t493. 3642", replace: "项目资金总额\t3839.4862" },
        { find: "其中：财政资金\t493. 3642", replace: "其中：财政资金\t3839.4862" },
      ],
    },
  },
  {
    id: "E2.project-period",
    severity: "warning",
    title: t("项目期间不在预算年度", "Project period outside the budget year"),
    description: t(
      "项目计划开始、完成日期和实施周期应在预算年度内；项目总目标期间应是有效的年份区间。",
      "A project's planned dates and period must fall in the budget year; the overall goal period must be a valid range of years.",
    ),
    message: t("项目“{project}”：{detail}", "Project “{project}”: {detail}"),
    examples: {
      firing: [],
      quiet: [{ find: "(2025年-2022025年)", replace: "(2025年-2025年)" }],
    },
  },
  {
    id: "E2.indicators",
    severity: "warning",
    title: t("绩效指标不完整", "Performance indicators are incomplete"),
    description: t(
      "绩效指标应包括产出指标（数量、质量、时效）、效益指标和满意度指标，且每项都有指标值。",
      "Indicators must cover output (quantity, quality, timeliness), benefit and satisfaction, each with a target value.",
    ),
    message: t("项目“{project}”：{detail}", "Project “{project}”: {detail}"),
    messages: {
      listSeparator: t("、", ", "),
    },
    examples: {
      firing: [],
      quiet: [
        { find: "数量指标\t社工数量", replace: "数量指标\t社工数量\t103人" },
        { find: "质量指标\t资金发放准确率", replace: "质量指标\t资金发放准确率\t100%" },
        { find: "时效指标\t资金支付及时性", replace: "时效指标\t资金支付及时性\t及时" },
        {
          find: "社会效益指标\t对社工社保、福利等方面的保障",
          replace: "社会效益指标\t对社工社保、福利等方面的保障\t有效保障",
        },
      ],
    },
  },
]);

function pfAmount(f: ProjectFigure): Amount {
  return Amount.of(f.value, f.unit);
}

function pfInterval(f: ProjectFigure): Interval {
  if (f.blank) return Interval.exact(Amount.zero(f.unit));
  return f.unit === "元" && f.decimals >= 2
    ? Interval.exact(pfAmount(f))
    : Interval.ofDisplayed(pfAmount(f), f.decimals);
}

/**
 * E1 and E2 on every project section.
 *
 * @example
 * ```ts
 * checkProjects(ctx, narrative);
 * ```
 */
export function checkProjects(ctx: RuleContext, n: Narrative): void {
  const year = n.year;
  for (const p of n.projects) {
    checkProjectFunds(ctx, p);
    if (year !== undefined) checkProjectPeriod(ctx, p, year);
    checkIndicators(ctx, p);
  }
}

function checkProjectFunds(ctx: RuleContext, p: ProjectSection): void {
  const b = p.budget;
  if (b?.total && b.items.length > 0) {
    const unit = b.total.unit;
    const sum = Amount.sum(
      b.items.map((i) => pfAmount(i.amount)),
      unit,
    );
    const sumI = Interval.sum(
      b.items.map((i) => pfInterval(i.amount)),
      unit,
    );
    if (!agree(pfInterval(b.total), sumI)) {
      const dec = unit === "元" ? 0 : Math.max(b.total.decimals, 2);
      ctx.emit("E1.project-breakdown", {
        table: "P",
        row: p.name,
        column: "年度预算安排",
        location: b.total.position.location,
        expected: sum.toFixed(dec),
        actual: pfAmount(b.total).toFixed(dec),
        difference: pfAmount(b.total).minus(sum).toFixed(dec),
        unit,
        params: { project: p.name },
      });
    }
  }
  const table = p.table;
  if (!table) return;
  const F = table.funds;
  const wan = (k: string) => F[k];
  const emitFunds = (
    column: string,
    f: ProjectFigure,
    expected: Amount,
    detailKey: string,
    params: Record<string, string | number>,
  ) => {
    const dec = Math.max(f.decimals, 2);
    ctx.emit("E1.performance-funds", {
      table: "P",
      row: p.name,
      column,
      location: f.position.location,
      expected: expected.toFixed(dec),
      actual: pfAmount(f).toFixed(dec),
      difference: pfAmount(f).minus(expected).toFixed(dec),
      unit: WAN,
      params: { project: p.name, detail: detail(ctx, detailKey, params) },
    });
  };
  const sumCheck = (totalKey: string, partKeys: string[]) => {
    const total = wan(totalKey);
    const parts = partKeys.map((k) => wan(k)).filter((f): f is ProjectFigure => f !== undefined);
    if (!total || parts.length === 0 || total.blank) return;
    const sumI = Interval.sum(parts.map(pfInterval), WAN);
    if (agree(pfInterval(total), sumI)) return;
    const exact = Amount.sum(parts.map(pfAmount), WAN);
    emitFunds(totalKey, total, exact, "fundsSum", {
      left: label(ctx, totalKey),
      actual: total.value,
      parts: partKeys
        .filter((k) => wan(k))
        .map((k) => label(ctx, k))
        .join(ctx.text("E1.performance-funds", "partsSeparator")),
      expected: exact.toString(),
    });
  };
  sumCheck("项目资金总额", ["财政资金", "其他资金"]);
  sumCheck("年度资金申请总额", ["当年财政拨款", "上年结转资金", "年度其他资金"]);
  const total = wan("项目资金总额");
  const annual = wan("年度资金申请总额");
  if (total && annual && !total.blank && !annual.blank && !agree(pfInterval(total), pfInterval(annual))) {
    emitFunds("年度资金申请总额", annual, pfAmount(total), "fundsEqual", {
      left: label(ctx, "年度资金申请总额"),
      actual: annual.value,
      right: label(ctx, "项目资金总额"),
      expected: total.value,
    });
  }
  const ref = total && !total.blank ? total : annual && !annual.blank ? annual : undefined;
  if (!b || !ref) return;
  const budgetFigure = b.total;
  const budgetUnit = budgetFigure?.unit ?? b.items[0]?.amount.unit;
  if (!budgetUnit) return;
  const budgetAmount = budgetFigure
    ? pfAmount(budgetFigure)
    : Amount.sum(
        b.items.map((i) => pfAmount(i.amount)),
        budgetUnit,
      );
  const budgetI = budgetFigure
    ? pfInterval(budgetFigure)
    : Interval.sum(
        b.items.map((i) => pfInterval(i.amount)),
        budgetUnit,
      );
  if (agree(budgetI.to(WAN), pfInterval(ref))) return;
  const refKey = ref === total ? "项目资金总额" : "年度资金申请总额";
  const dec = budgetUnit === "元" ? 0 : 4;
  ctx.emit("E1.performance-funds", {
    table: "P",
    row: p.name,
    column: "年度预算安排",
    location: budgetFigure?.position.location ?? b.lines[0]?.location,
    expected: pfAmount(ref).to(budgetUnit).toFixed(dec),
    actual: budgetAmount.toFixed(dec),
    difference: budgetAmount.minus(pfAmount(ref)).toFixed(dec),
    unit: budgetUnit,
    related: [
      {
        table: "P",
        row: p.name,
        column: refKey,
        ...(ref.position.location ? { location: ref.position.location } : {}),
      },
    ],
    params: {
      project: p.name,
      detail: detail(ctx, "budgetVsTable", {
        actual: budgetAmount.toFixed(dec),
        unit: budgetUnit,
        wan: budgetAmount.to(WAN).toString(),
        right: label(ctx, refKey),
        expected: ref.value,
      }),
    },
  });
}

const PERIOD_YEARS = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

function checkProjectPeriod(ctx: RuleContext, p: ProjectSection, year: number): void {
  const emitP = (
    column: string,
    location: Location | undefined,
    key: string,
    params: Record<string, string | number>,
  ) =>
    ctx.emit("E2.project-period", {
      table: "P",
      row: p.name,
      column,
      location,
      params: { project: p.name, detail: detail(ctx, key, params) },
    });
  const tb = p.table;
  for (const [field, date] of [
    ["计划开始日期", tb?.start],
    ["计划完成日期", tb?.end],
  ] as const) {
    if (date?.date && date.date.slice(0, 4) !== String(year))
      emitP(field, date.position.location, "dateOutside", {
        field: label(ctx, field),
        text: date.text,
        year,
      });
  }
  if (p.period) {
    const years = [...p.period.text.matchAll(PERIOD_YEARS)].map((m) => Number(m[1]));
    const range = years.length >= 2 ? [Math.min(...years), Math.max(...years)] : years;
    const covers =
      range.length === 2
        ? range[0]! <= year && year <= range[1]!
        : range.length === 1
          ? range[0] === year
          : true;
    if (!covers)
      emitP("实施周期", p.period.lines[0]?.location, "periodOutside", {
        field: label(ctx, "实施周期"),
        text: p.period.text,
        year,
      });
  }
  const g = tb?.goalPeriod;
  if (g) {
    const valid = /^\d{4}$/.test(g.from) && /^\d{4}$/.test(g.to) && Number(g.from) <= Number(g.to);
    if (!valid)
      emitP("项目总目标", g.position.location, "periodTypo", {
        field: label(ctx, "项目总目标"),
        text: g.text,
        year,
      });
    else if (Number(g.from) > year || Number(g.to) < year)
      emitP("项目总目标", g.position.location, "periodOutside", {
        field: label(ctx, "项目总目标"),
        text: g.text,
        year,
      });
  }
}

function checkIndicators(ctx: RuleContext, p: ProjectSection): void {
  const tb = p.table;
  if (!tb) return;
  const has = (l1: RegExp, l2?: RegExp) =>
    tb.indicators.some((i) => l1.test(i.level1) && (!l2 || l2.test(i.level2)));
  const missing: string[] = [];
  if (!has(/产出/, /数量/)) missing.push("产出-数量");
  if (!has(/产出/, /质量/)) missing.push("产出-质量");
  if (!has(/产出/, /时效/)) missing.push("产出-时效");
  if (!has(/效益/)) missing.push("效益");
  if (!has(/满意度/)) missing.push("满意度");
  const sep = ctx.text("E2.indicators", "listSeparator");
  if (missing.length > 0) {
    ctx.emit("E2.indicators", {
      table: "P",
      row: p.name,
      column: "coverage",
      location: tb.location,
      params: {
        project: p.name,
        detail: detail(ctx, "indicatorsMissing", { missing: missing.map((m) => label(ctx, m)).join(sep) }),
      },
    });
  }
  const empty = tb.indicators.filter((i) => i.value === undefined || i.value.trim() === "");
  if (empty.length > 0) {
    ctx.emit("E2.indicators", {
      table: "P",
      row: p.name,
      column: "value",
      location: empty[0]?.position.location,
      params: {
        project: p.name,
        detail: detail(ctx, "indicatorsNoValue", { names: empty.map((i) => `“${i.level3}”`).join(sep) }),
      },
    });
  }
}
