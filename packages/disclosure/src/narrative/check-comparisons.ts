/**
 * Comparisons with last year (C2) and their percentages (C3). The standard Shanghai template compares
 * the totals and the 三公 items with 上年预算 and each 科目 item with 上年预算执行数: that is right.
 * Reported are a mix of baselines within one family, a wrong year, income and expenditure changes that
 * disagree, a change that cannot be, "比…持平", percentages and direction words that contradict their
 * amounts, reasons that contradict the direction, and the template's "增加（减少）" left in place.
 */
import { Amount, Interval, agree, percentChange } from "@yusuan/money";
import { defineRules, type RuleContext } from "../rules/engine";
import { detail, label, loc, shownInterval, t, wanOf, WAN } from "./check-common";
import { baselineKey } from "./comparisons";
import type { Resolution } from "./items";
import type { ChangeStatement, Narrative, NarrativeFigure, NarrativeItem, Subject } from "./model";

/**
 * The rules of this file.
 *
 * @example
 * ```ts
 * comparisonRules.map((r) => r.id); // ["C2.year-comparison", "C2.impossible-change", …]
 * ```
 */
export const comparisonRules = defineRules([
  {
    id: "C2.year-comparison",
    severity: "error",
    title: t("增减比较口径有误", "Year-on-year comparison is inconsistent"),
    description: t(
      "“比Y年预算增加/减少”中的Y应为预算年度的上一年；收入与支出重复说明的增减应一致；比较基数（预算或预算执行数）应统一；原因说明的方向应与增减一致。",
      "In “compared with year Y” Y must be the budget year − 1; the change stated for income and for expenditure must agree; the baseline must be the same throughout; the reason sentence must name the same direction.",
    ),
    message: t("编制说明的增减比较有误：{detail}", "Year-on-year comparison: {detail}"),
    examples: {
      firing: [
        { find: "比2024年预算减少3822.36万元；事业收入", replace: "比2023年预算减少3822.36万元；事业收入" },
      ],
      quiet: [],
    },
  },
  {
    id: "C2.impossible-change",
    severity: "error",
    title: t("所述增减不可能成立", "A stated change is impossible"),
    description: t(
      "所述增减必须可能成立：本年金额比上年增加的数额不能超过本年金额（否则上年金额为负数），减少的百分比不能超过100%。常见于照抄合计的增减额。",
      "A stated change must be possible: an increase cannot exceed this year's amount (last year would be negative) and a decrease cannot exceed 100%. Often a total's change copied to a part.",
    ),
    message: t("所述增减不可能成立：{detail}", "Impossible change: {detail}"),
    examples: {
      // Last year's 0.92万元 written as the change: an increase larger than this year's 0.8万元.
      firing: [
        {
          find: "公务接待费0.8万元。比2024年预算减少0.12万元",
          replace: "公务接待费0.8万元。比2024年预算增加0.92万元",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "C2.chiping-wording",
    severity: "warning",
    title: t("“持平”搭配不当", "“持平” used with 比"),
    description: t(
      "表示没有变化应写“与Y年预算持平”；“比”用于“增加/减少”，“比…持平”是搭配错误。",
      "No change is written “与Y年预算持平”; 比 goes with 增加/减少, so “比…持平” is a wording slip.",
    ),
    message: t(
      "“{text}”搭配不当，应写作“与…持平”（此类共{count}处）",
      "“{text}”: 持平 takes 与, not 比 ({count} such places)",
    ),
    examples: {
      firing: [],
      quiet: [
        { find: "比2024年预算持平", replace: "与2024年预算持平" },
        { find: "比2024年预算持平", replace: "与2024年预算持平" },
        { find: "比2024年预算持平", replace: "与2024年预算持平" },
        { find: "比2024年预算持平", replace: "与2024年预算持平" },
        { find: "比2024年预算持平", replace: "与2024年预算持平" },
        { find: "比2024年预算持平", replace: "与2024年预算持平" },
      ],
    },
  },
  {
    id: "C3.percentage",
    severity: "error",
    title: t("增减百分比与金额不符", "Percentage does not match its amounts"),
    description: t(
      "“增加/减少p%”的方向和大小应与其两个金额相符（按打印精度）。",
      "A stated percentage change must match its two amounts in direction and size, to the printed precision.",
    ),
    message: t(
      "{label}{direction}{amount}万元（本年{current}万元），应为{expected}%，说明为{actual}%",
      "{label}: change {direction} {amount} on {current} (10k yuan) is {expected}%, the text says {actual}%",
    ),
    examples: {
      firing: [
        {
          find: "比2024年预算减少3822.36万元；事业收入",
          replace: "比2024年预算减少3822.36万元，下降50%；事业收入",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "C3.direction",
    severity: "error",
    title: t("增减方向与金额不符", "Direction contradicts the amounts"),
    description: t(
      "“上年执行数A…本年B…增加/减少p%”中，增减方向应与两个金额相符（按舍入区间判断）。",
      "In “last year A … this year B … up/down p%” the direction word must agree with the two amounts (rounding-aware).",
    ),
    message: t(
      "{label}上年为{prior}万元、本年为{current}万元，应为“{expected}”，说明为“{actual}”",
      "{label}: last year {prior}, this year {current} (10k yuan) is “{expected}” but the text says “{actual}”",
    ),
    examples: {
      // 2380.00 → 2476.36 is up 4.05%, written 减少.
      firing: [
        {
          find: "科目2476.36万元，主要用于视频图像监控等费用的支出。",
          replace:
            "科目2476.36万元，主要用于视频图像监控等费用的支出。2024年当年预算执行数为2380.00万元，2025年预算安排2476.36万元，比2024年预算执行数减少4.05%。主要原因是：视频监控点位增加。",
        },
      ],
      quiet: [
        {
          find: "科目2476.36万元，主要用于视频图像监控等费用的支出。",
          replace:
            "科目2476.36万元，主要用于视频图像监控等费用的支出。2024年当年预算执行数为2380.00万元，2025年预算安排2476.36万元，比2024年预算执行数增加4.05%。主要原因是：视频监控点位增加。",
        },
      ],
    },
  },
  {
    id: "C3.reason-direction",
    severity: "error",
    title: t("原因说明与增减方向矛盾", "The reason contradicts the direction"),
    description: t(
      "增减的原因应与增减方向一致，例如“减少2.98%……主要原因是经费增加”自相矛盾。",
      "The reason given must agree with the direction: “down 2.98% … mainly because funding increased” contradicts itself.",
    ),
    message: t(
      "{label}说明为“{direction}”，但原因称“{reason}”",
      "{label} is stated as {direction} but the reason says “{reason}”",
    ),
    examples: {
      // A decrease explained by a reason copied from a year when the item rose.
      firing: [
        {
          find: "比2024年预算减少0.12万元，主要原因是按实际需要调整。",
          replace: "比2024年预算减少0.12万元，主要原因是公务接待经费增加。",
        },
      ],
      quiet: [
        {
          find: "比2024年预算减少0.12万元，主要原因是按实际需要调整。",
          replace: "比2024年预算减少0.12万元，主要原因是公务接待经费压减。",
        },
      ],
    },
  },
  {
    id: "C3.direction-placeholder",
    severity: "error",
    title: t("增减方向未确定", "Direction left open"),
    description: t(
      "模板中的备选词（如“增加（减少）”）应按实际情况删去其一。",
      "The template's alternatives (such as “增加（减少）”) must be reduced to the one that applies.",
    ),
    message: t(
      "“{text}”未确定增减方向（模板备选词未删除）",
      "“{text}” leaves the direction open (the template's alternatives were kept)",
    ),
    examples: {
      firing: [
        {
          find: "比2024年预算减少3822.36万元；事业收入",
          replace: "比2024年预算增加（减少）3822.36万元；事业收入",
        },
      ],
      quiet: [],
    },
  },
]);

const PAIRS: ReadonlyArray<readonly [Subject, Subject]> = [
  ["收入预算", "支出预算"],
  ["财政拨款收入", "财政拨款支出预算"],
];
/** The template's baseline per family: totals and 三公 against 上年预算, 科目 items against 上年预算执行数. */
const TEMPLATE_BASELINE: Readonly<Record<string, string>> = {
  totals: "预算",
  sangong: "预算",
  item: "预算执行数",
};

/**
 * C2 on a parsed narrative.
 *
 * @example
 * ```ts
 * checkChanges(ctx, narrative);
 * ```
 */
export function checkChanges(ctx: RuleContext, n: Narrative): void {
  const year = n.year;
  for (const c of n.changes) {
    if (year !== undefined && c.year !== undefined && c.year !== year - 1) {
      ctx.emit("C2.year-comparison", {
        table: "N",
        row: c.subject ?? c.item ?? "",
        column: "year",
        location: c.position.location,
        expected: String(year - 1),
        actual: String(c.year),
        key: c.text,
        params: { detail: detail(ctx, "wrongYear", { text: c.text, year: c.year, expectedYear: year - 1 }) },
      });
    }
  }
  checkBaselines(ctx, n);
  const first = (s: Subject) =>
    n.changes.find((c) => c.subject === s && c.base && !c.base.item && c.family === "totals");
  for (const [a, b] of PAIRS) {
    const x = first(a);
    const y = first(b);
    if (!x || !y) continue;
    const common = {
      table: "N" as const,
      row: b,
      column: "change",
      location: y.position.location,
      related: [
        { table: "N" as const, row: a, ...(x.position.location ? { location: x.position.location } : {}) },
      ],
    };
    if (x.direction !== y.direction) {
      ctx.emit("C2.year-comparison", {
        ...common,
        expected: x.direction,
        actual: y.direction,
        params: {
          detail: detail(ctx, "pairDirection", {
            left: label(ctx, a),
            leftDirection: x.direction,
            right: label(ctx, b),
            rightDirection: y.direction,
          }),
        },
      });
    } else if (x.amount && y.amount && !wanOf(x.amount).equals(wanOf(y.amount))) {
      ctx.emit("C2.year-comparison", {
        ...common,
        expected: x.amount.value,
        actual: y.amount.value,
        difference: wanOf(y.amount).minus(wanOf(x.amount)).toString(),
        unit: WAN,
        params: {
          detail: detail(ctx, "pairAmount", {
            left: label(ctx, a),
            leftAmount: x.amount.value,
            right: label(ctx, b),
            rightAmount: y.amount.value,
          }),
        },
      });
    }
  }
  const fiscal = first("财政拨款收入") ?? first("财政拨款支出预算");
  if (fiscal) {
    for (const r of n.reasonDirections) {
      if (r.direction === fiscal.direction) continue;
      ctx.emit("C2.year-comparison", {
        table: "N",
        row: "财政拨款收入",
        column: "reason",
        location: r.position.location,
        expected: fiscal.direction,
        actual: r.direction,
        params: {
          detail: detail(ctx, "reasonDirection", {
            direction: r.direction,
            expectedDirection: fiscal.direction,
          }),
        },
      });
    }
  }
  checkImpossible(ctx, n);
  checkChiping(ctx, n);
}

/** One baseline within a family; the template's baseline is the expected one when it is used at all. */
function checkBaselines(ctx: RuleContext, n: Narrative): void {
  const families = new Map<string, ChangeStatement[]>();
  for (const c of n.changes) {
    if (baselineKey(c.baseline) === "" || !c.family || c.family === "other") continue;
    push(families, c.family, c);
  }
  for (const [family, cs] of families) {
    const counts = new Map<string, number>();
    for (const c of cs) counts.set(baselineKey(c.baseline), (counts.get(baselineKey(c.baseline)) ?? 0) + 1);
    if (counts.size < 2) continue;
    const template = TEMPLATE_BASELINE[family] ?? "";
    const main = counts.has(template) ? template : ([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "");
    const off = cs.filter((c) => baselineKey(c.baseline) !== main);
    // Report the mix once per family, at the first statement off the baseline that states a change.
    const c = off.find((x) => x.direction !== "持平") ?? off[0];
    const other = cs.find((x) => baselineKey(x.baseline) === main);
    if (!c) continue;
    ctx.emit("C2.year-comparison", {
      table: "N",
      row: c.subject ?? c.item ?? "",
      column: "baseline",
      location: c.position.location,
      key: `${family}|${c.text}`,
      ...(other
        ? {
            related: [
              {
                table: "N" as const,
                row: other.subject ?? other.item ?? "",
                ...(other.position.location ? { location: other.position.location } : {}),
              },
            ],
          }
        : {}),
      params: {
        detail: detail(ctx, "baseline", {
          text: c.text,
          baseline: c.baseline,
          expectedBaseline: other?.baseline ?? main,
        }),
      },
    });
  }
}

/** C2.impossible-change: an increase larger than this year's amount; a decrease of more than 100%. */
function checkImpossible(ctx: RuleContext, n: Narrative): void {
  for (const c of n.changes) {
    const lbl = c.subject ? label(ctx, c.subject) : c.item ? detail(ctx, "item", { item: c.item }) : "";
    const base = {
      table: "N" as const,
      row: c.subject ?? c.item ?? "",
      column: "change",
      location: c.position.location,
      key: c.text,
    };
    if (c.direction === "增加" && c.amount?.unit === WAN && c.base?.unit === WAN) {
      const now = shownInterval(c.base);
      const up = shownInterval(c.amount);
      if (now.high.compare(up.low) < 0) {
        const prior = wanOf(c.base).minus(wanOf(c.amount));
        ctx.emit("C2.impossible-change", {
          ...base,
          expected: `≤ ${c.base.value}`,
          actual: c.amount.value,
          unit: WAN,
          params: {
            detail: detail(ctx, "impossibleIncrease", {
              label: lbl,
              current: c.base.value,
              amount: c.amount.value,
              prior: prior.toString(),
            }),
          },
        });
      }
    } else if (
      c.direction === "减少" &&
      c.percent &&
      Interval.ofDisplayed(Amount.of(c.percent.value), c.percent.decimals).low.compare(Amount.of("100")) > 0
    ) {
      ctx.emit("C2.impossible-change", {
        ...base,
        expected: "≤ 100",
        actual: c.percent.value,
        params: { detail: detail(ctx, "impossibleDecrease", { label: lbl, percent: c.percent.value }) },
      });
    }
  }
}

/** C2.chiping-wording: "比…持平", once per family with the count. */
function checkChiping(ctx: RuleContext, n: Narrative): void {
  const byFamily = new Map<string, ChangeStatement[]>();
  for (const c of n.changes) {
    if (c.direction !== "持平" || c.wording !== "比" || !/持平/.test(c.text)) continue;
    const k = c.family ?? "other";
    push(byFamily, k, c);
  }
  for (const [family, cs] of byFamily) {
    const c = cs[0]!;
    ctx.emit("C2.chiping-wording", {
      table: "N",
      row: c.subject ?? c.item ?? "",
      column: "wording",
      location: c.position.location,
      key: family,
      params: { text: c.text, count: cs.length },
    });
  }
}

/**
 * C3 on a parsed narrative; `where` gives each item's Table 5 row (for a 上年 column when the table has one).
 *
 * @example
 * ```ts
 * checkPercentages(ctx, narrative, resolveItems(disclosure, narrative));
 * ```
 */
export function checkPercentages(
  ctx: RuleContext,
  n: Narrative,
  where?: Map<NarrativeItem, Resolution>,
): void {
  const items = new Map<string, NarrativeItem>();
  for (const it of n.items) if (!items.has(it.name)) items.set(it.name, it);
  const hundred = "100";
  for (const c of n.changes) {
    const p = c.percent;
    if (!p) continue;
    const lbl = c.subject ? label(ctx, c.subject) : (c.item ?? "");
    const common = {
      table: "N" as const,
      row: c.subject ?? c.item ?? "",
      column: "percent",
      location: loc(p),
      key: c.text,
    };
    const wordConflict =
      (c.percentDirection && c.direction !== "持平" && c.percentDirection !== c.direction) ||
      (c.direction === "持平" && !Amount.of(p.value).isZero());
    if (wordConflict) {
      ctx.emit("C3.percentage", {
        ...common,
        actual: p.value,
        expected: c.direction,
        params: {
          label: lbl,
          direction: c.percentDirection ?? c.direction,
          amount: c.amount?.value ?? "",
          current: c.base?.value ?? "",
          expected: c.direction === "持平" ? "0" : "",
        },
      });
      continue;
    }
    if (!c.amount) {
      checkAgainstPrior(ctx, c, items, where);
      continue;
    }
    if (!c.base || c.base.unit !== WAN || c.amount.unit !== WAN) continue;
    // Bounds of the percentage from the rounding intervals of the current amount and the change.
    const a = shownInterval(c.amount);
    const b = shownInterval(c.base);
    const sign = c.direction === "减少" ? -1 : 1;
    const priorLow = sign > 0 ? b.low.minus(a.high) : b.low.plus(a.low);
    const priorHigh = sign > 0 ? b.high.minus(a.low) : b.high.plus(a.high);
    if (!priorLow.isPositive()) continue;
    const maxP = a.high.times(hundred).dividedBy(priorLow.toString());
    const minP = a.low.isNegative() ? Amount.zero(WAN) : a.low.times(hundred).dividedBy(priorHigh.toString());
    const printed = Interval.ofDisplayed(Amount.of(p.value, WAN), p.decimals);
    if (agree(printed, Interval.between(minP, maxP))) continue;
    const prior = sign > 0 ? wanOf(c.base).minus(wanOf(c.amount)) : wanOf(c.base).plus(wanOf(c.amount));
    const expected = wanOf(c.amount).times(hundred).dividedBy(prior.toString()).toFixed(p.decimals);
    ctx.emit("C3.percentage", {
      ...common,
      expected,
      actual: p.value,
      difference: Amount.of(p.value).minus(Amount.of(expected)).toFixed(p.decimals),
      params: { label: lbl, direction: c.direction, amount: c.amount.value, current: c.base.value },
    });
  }
}

const UP_REASON =
  /(?:经费|支出|预算|资金|费用|拨款|费)(?:有所|略有|相应|大幅|较大幅度)?(?:增加|增长|上升|提高)/;
const DOWN_REASON =
  /(?:经费|支出|预算|资金|费用|拨款|费)(?:有所|略有|相应|大幅|较大幅度)?(?:减少|下降|降低|压减|缩减)/;

/**
 * C3.reason-direction and C3.direction-placeholder.
 *
 * @example
 * ```ts
 * checkReasons(ctx, narrative);
 * ```
 */
export function checkReasons(ctx: RuleContext, n: Narrative): void {
  for (const c of n.changes) {
    const r = c.reason;
    if (!r || c.direction === "持平") continue;
    const up = UP_REASON.test(r.text);
    const down = DOWN_REASON.test(r.text);
    if ((c.direction === "增加" && down && !up) || (c.direction === "减少" && up && !down)) {
      const lbl = c.subject ? label(ctx, c.subject) : c.item ? detail(ctx, "item", { item: c.item }) : "";
      const direction = c.percent
        ? `${c.direction}${c.percent.value}%`
        : c.amount
          ? `${c.direction}${c.amount.value}万元`
          : c.direction;
      ctx.emit("C3.reason-direction", {
        table: "N",
        row: c.subject ?? c.item ?? "",
        column: "reason",
        location: r.position.location,
        expected: c.direction,
        actual: r.text,
        key: c.text + r.text,
        params: { label: lbl, direction, reason: r.text },
      });
    }
  }
  for (const p of n.directionPlaceholders) {
    ctx.emit("C3.direction-placeholder", {
      table: "N",
      column: "direction",
      location: p.position.location,
      key: `${p.position.line}:${p.position.offset}`,
      params: { text: p.text },
    });
  }
}

/** The Table 5 amount of last year for an item, when the table has such a column (never invented). */
function tablePrior(
  it: NarrativeItem | undefined,
  where?: Map<NarrativeItem, Resolution>,
): NarrativeFigure | undefined {
  const r = it ? where?.get(it) : undefined;
  const row = r?.ok ? r.row : undefined;
  if (!row) return undefined;
  const key = Object.keys(row.amounts).find((k) => /上年/.test(k));
  const f = key ? row.amounts[key] : undefined;
  if (!f || f.blank) return undefined;
  return {
    value: Amount.of(f.value).to(WAN).toString(),
    unit: WAN,
    decimals: 6,
    text: f.text,
    position: { line: 0, offset: 0, ...(f.location ? { location: f.location } : {}) },
  };
}

/** Bounds of |current − prior| / prior × 100 from the two rounding intervals (prior > 0). */
function percentBounds(prior: Interval, current: Interval, direction: "增加" | "减少"): Interval | undefined {
  if (!prior.low.isPositive()) return undefined;
  const ratio = (a: Amount, b: Amount) =>
    Amount.of(a.to(WAN).dividedBy(b.to(WAN).toString()).toString()).times("100");
  const hundred = Amount.of("100");
  if (direction === "增加") {
    const lo = ratio(current.low, prior.high).minus(hundred);
    const hi = ratio(current.high, prior.low).minus(hundred);
    return Interval.between(lo.isNegative() ? Amount.zero() : lo, hi);
  }
  const lo = hundred.minus(ratio(current.high, prior.low));
  const hi = hundred.minus(ratio(current.low, prior.high));
  return Interval.between(lo.isNegative() ? Amount.zero() : lo, hi);
}

/** "上年执行数A…本年B…增加/减少p%": direction and size from the sentence's amounts or Table 5's. */
function checkAgainstPrior(
  ctx: RuleContext,
  c: ChangeStatement,
  items: Map<string, NarrativeItem>,
  where?: Map<NarrativeItem, Resolution>,
): void {
  const it = c.item ? items.get(c.item) : undefined;
  const prior = c.prior ?? tablePrior(it, where);
  if (!prior || prior.unit !== WAN) return;
  const currents = [c.current, c.base, it?.amount].filter(
    (f, i, a): f is NarrativeFigure => f !== undefined && f.unit === WAN && f !== prior && a.indexOf(f) === i,
  );
  if (currents.length === 0) return;
  const a = shownInterval(prior);
  const lbl = c.subject ? label(ctx, c.subject) : c.item ? detail(ctx, "item", { item: c.item }) : "";
  const common = {
    table: "N" as const,
    row: c.subject ?? c.item ?? "",
    location: c.position.location,
    key: c.text,
  };
  const directionOf = (b: Interval): "增加" | "减少" | "持平" | undefined =>
    b.low.compare(a.high) > 0 ? "增加" : b.high.compare(a.low) < 0 ? "减少" : undefined;
  // Quiet when any reading of this year's amount agrees (the item's amount or the one restated).
  const verdicts = currents.map((cur) => {
    const b = shownInterval(cur);
    const actual = directionOf(b);
    if (actual !== undefined && actual !== c.direction) return { cur, wrong: "direction" as const, actual };
    if (c.direction === "持平" && actual === undefined) return { cur, wrong: undefined };
    if (actual === undefined && c.direction !== "持平" && !c.percent) return { cur, wrong: undefined };
    if (!c.percent || c.direction === "持平") return { cur, wrong: undefined };
    const bounds = percentBounds(a, b, c.direction);
    if (!bounds) return { cur, wrong: undefined };
    const printed = Interval.ofDisplayed(Amount.of(c.percent.value), c.percent.decimals);
    return agree(printed, bounds) ? { cur, wrong: undefined } : { cur, wrong: "size" as const };
  });
  if (verdicts.some((v) => v.wrong === undefined)) return;
  const v = verdicts[0]!;
  const cur = v.cur;
  if (v.wrong === "direction") {
    ctx.emit("C3.direction", {
      ...common,
      column: "direction",
      expected: v.actual,
      actual: c.direction,
      params: {
        label: lbl,
        prior: prior.value,
        current: cur.value,
        expected: v.actual ?? "",
        actual: c.direction,
      },
    });
    return;
  }
  const p = c.percent!;
  const pc = percentChange(wanOf(prior), wanOf(cur), p.decimals);
  const expected = pc.percent ?? "";
  ctx.emit("C3.percentage", {
    ...common,
    column: "percent",
    location: loc(p),
    expected,
    actual: p.value,
    difference:
      expected === "" ? undefined : Amount.of(p.value).minus(Amount.of(expected)).toFixed(p.decimals),
    params: {
      label: lbl,
      direction: c.direction,
      amount: pc.difference.abs().toString(),
      current: cur.value,
    },
  });
}

/** Appends to the list under a key (a list per key, grown in place). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
