/**
 * Figures against the tables (C1) and the classification items (C6): every 万元 figure of 编制说明
 * equals its table amount rounded (rounding-aware, a 尾差 explained as such); each item exists in
 * Table 5 at the path it names, with that amount; the items account for the total; one item is not
 * given two amounts in one paragraph.
 */
import { Amount, Interval, agree } from "@yusuan/money";
import type { ClassifiedRow, Disclosure } from "../model";
import { amountOf, defineRules, intervalOf, tableName, type RuleContext } from "../rules/engine";
import {
  detail,
  label,
  loc,
  one,
  refOf,
  related,
  shownInterval,
  t,
  wanOf,
  WAN,
  type TableRef,
} from "./check-common";
import { resolveItem, t5Index, type Resolution } from "./items";
import type { Narrative, NarrativeFigure, NarrativeItem, Subject } from "./model";

/**
 * The rules of this file.
 *
 * @example
 * ```ts
 * figureRules.map((r) => r.id); // ["C1.narrative-figure", "C1.rounding-residue", …]
 * ```
 */
export const figureRules = defineRules([
  {
    id: "C1.narrative-figure",
    severity: "error",
    title: t("编制说明金额与表格不符", "Narrative figure differs from the table"),
    description: t(
      "编制说明中的每个万元金额应等于对应表格金额除以10000后按打印的小数位四舍五入的结果（按舍入区间比较）。",
      "Every 10k-yuan figure in the narrative must equal its table amount ÷ 10,000 rounded half-up to the printed decimals (compared as rounding intervals).",
    ),
    message: t(
      "编制说明中{label}为{actual}万元，{source}为{tableValue}元，折合{expected}万元，相差{difference}万元",
      "The narrative gives {label} as {actual} but {source} has {tableValue} yuan = {expected} (10k yuan); difference {difference}",
    ),
    examples: {
      firing: [{ find: "科目2476.36万元", replace: "科目2476.46万元" }],
      quiet: [],
    },
  },
  {
    id: "C1.rounding-residue",
    severity: "warning",
    title: t("编制说明尾差调整", "Rounding-residue adjustment in the narrative"),
    description: t(
      "金额与表格折算值相差最后一位的一个单位，且正是这一调整使各部分之和等于打印的合计：属于尾差调整，可接受但应知悉。",
      "The figure is one unit of its last decimal off the table, and exactly this shift makes the parts add up to the printed total: a rounding residue, acceptable but worth knowing.",
    ),
    message: t(
      "编制说明中{label}为{actual}万元，{source}为{tableValue}元，四舍五入应为{expected}万元；为使{equation}而调整了{difference}万元（尾差）",
      "The narrative gives {label} as {actual}; {source} has {tableValue} yuan, which rounds to {expected}; shifted by {difference} so that {equation} (rounding residue)",
    ),
    examples: {
      firing: [],
      quiet: [{ find: "用于项目支出3823.35万元", replace: "用于项目支出3823.36万元" }],
    },
  },
  {
    id: "C1.truncated-figure",
    severity: "warning",
    title: t("编制说明金额按截尾取数", "Narrative figure truncated, not rounded"),
    description: t(
      "万元金额应由元金额四舍五入得到；与表格相差的最后一位正是截尾取数所致：可以解释，但应改为四舍五入。",
      "Figures in 10k yuan are the table's yuan rounded half-up; this one differs in its last place because it was cut off instead: explainable, but it should be rounded.",
    ),
    message: t(
      "编制说明中{label}为{actual}万元，{source}为{tableValue}元，四舍五入应为{expected}万元（说明按截尾取数）",
      "The narrative gives {label} as {actual}; {source} has {tableValue} yuan, which rounds to {expected} (the text cut it off)",
    ),
    examples: {
      // The writer's sheet cuts every figure off (ROUNDDOWN) instead of rounding it.
      firing: [
        { find: "基本支出1988.77万元", replace: "基本支出1988.76万元" },
        { find: "科目595.78万元", replace: "科目595.77万元" },
        { find: "科目1478.82万元", replace: "科目1478.81万元" },
      ],
      quiet: [],
    },
  },
  {
    id: "C1.conflicting-amounts",
    severity: "error",
    title: t("同一段中同一项目金额不一致", "One item, two amounts in one paragraph"),
    description: t(
      "同一段说明中对同一科目或同一项目前后给出的本年金额应一致（如先写住房公积金12.30万元，后写11.80万元）。",
      "Within one paragraph the same item or subject must be given the same amount each time (e.g. 12.30 early and 11.80 later).",
    ),
    message: t(
      "{label}在同一段中先写{first}万元，后写{second}万元",
      "{label} is given as {first} and later as {second} (10k yuan) in the same paragraph",
    ),
    examples: {
      // The item's amount restated with two digits swapped (90.85 for 90.58).
      firing: [
        {
          find: "科目90.58万元，主要用于按照国家规定为职工缴纳的住房公积金支出。",
          replace:
            "科目90.58万元，主要用于按照国家规定为职工缴纳的住房公积金支出。2024年当年预算执行数为88.12万元，2025年预算安排90.85万元，比2024年预算执行数增加2.79%。主要原因是：缴存基数调整。",
        },
      ],
      quiet: [
        {
          find: "科目90.58万元，主要用于按照国家规定为职工缴纳的住房公积金支出。",
          replace:
            "科目90.58万元，主要用于按照国家规定为职工缴纳的住房公积金支出。2024年当年预算执行数为88.12万元，2025年预算安排90.58万元，比2024年预算执行数增加2.79%。主要原因是：缴存基数调整。",
        },
      ],
    },
  },
  {
    id: "C6.item-path",
    severity: "error",
    title: t("说明中的科目层级与表5不符", "Narrative item path does not match Table 5"),
    description: t(
      "以“类-款-项”路径写出的科目，应在表5中按该路径存在：类下有该款，款下有该项（按名称或编码）。",
      "An item written as a path of 类/款/项 names must exist along that path in Table 5: the 类 holds the 款, the 款 holds the 项 (by name or code).",
    ),
    message: t(
      "编制说明中的科目“{item}”与表5不符：{parent}下没有{level}“{part}”{found}",
      "The narrative item “{item}” does not match Table 5: {parent} has no {level} “{part}”{found}",
    ),
    examples: {
      // Written as a path with the wrong 项: Table 5 has 事业单位医疗 (2101102), not 行政单位医疗.
      firing: [
        {
          find: "“事业单位医疗”科目",
          replace: "“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”科目",
        },
      ],
      quiet: [
        {
          find: "“事业单位医疗”科目",
          replace: "“卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）”科目",
        },
      ],
    },
  },
  {
    id: "C6.narrative-item",
    severity: "error",
    title: t("说明中的科目在表5中不存在", "Narrative item is not in Table 5"),
    description: t(
      "编制说明逐项说明的功能分类科目（项、款或类）应在表5中以同一名称存在。",
      "Each classification item the narrative names (项, 款 or 类) must exist in Table 5 under that name.",
    ),
    message: t(
      "编制说明中的科目“{item}”在表5中不存在",
      "The narrative names “{item}”, which is not in Table 5",
    ),
    examples: {
      firing: [{ find: "“执法办案”科目", replace: "“执法办案费”科目" }],
      quiet: [],
    },
  },
  {
    id: "C6.narrative-items-total",
    severity: "warning",
    title: t("逐项说明未覆盖全部支出", "Narrative items do not account for the total"),
    description: t(
      "编制说明逐项列出的科目金额合计应等于表5合计。",
      "The items listed in the narrative should add up to Table 5's total.",
    ),
    message: t(
      "编制说明逐项列出的科目合计{actual}万元，表5合计{tableValue}元（{expected}万元）",
      "The listed items add up to {actual} but Table 5's total is {tableValue} yuan ({expected} ×10k yuan)",
    ),
    examples: {
      firing: [
        {
          find: "6. “住房公积金”科目90.58万元，主要用于按照国家规定为职工缴纳的住房公积金支出。",
          replace: "",
        },
      ],
      quiet: [],
    },
  },
]);

/** Printed parts adding up exactly to a printed total: the groups a rounding residue can serve. */
interface Group {
  readonly total: NarrativeFigure;
  readonly parts: ReadonlyArray<NarrativeFigure>;
}

function holds(g: Group): boolean {
  return Amount.sum(g.parts.map(wanOf), WAN).equals(wanOf(g.total));
}

function equationOf(g: Group): string {
  return `${g.parts.map((p) => p.value).join(" + ")} = ${g.total.value}`;
}

/** C1: one narrative figure against its table amount; a one-unit shift that balances a group is a residue. */
function compareFigure(
  ctx: RuleContext,
  f: NarrativeFigure,
  ref: TableRef,
  labelText: string,
  row: string,
  column: string | undefined,
  groups: ReadonlyArray<Group>,
  truncating: boolean,
): void {
  const exact = amountOf(ref.figure, "元");
  if (agree(shownInterval(f), intervalOf(ref.figure, "元"))) return;
  const actual = wanOf(f);
  const expected = Amount.of(exact.to(WAN).toFixed(f.decimals), WAN);
  const difference = actual.minus(expected);
  const tolerance = ctx.tolerance("C1.narrative-figure");
  if (!tolerance.isZero() && actual.to("元").minus(exact).abs().compare(tolerance) <= 0) return;
  const sourceName = tableName(ref.table, ctx.lang);
  const base = {
    table: "N" as const,
    row,
    column,
    location: loc(f),
    expected: expected.toFixed(f.decimals),
    actual: f.value,
    difference: difference.toFixed(f.decimals),
    unit: WAN,
    related: [related(ref)],
  };
  const group = difference.abs().equals(one(f.decimals))
    ? groups.find((g) => (g.total === f || g.parts.includes(f)) && holds(g))
    : undefined;
  if (group) {
    ctx.emit("C1.rounding-residue", {
      ...base,
      params: {
        label: labelText,
        source: sourceName,
        tableValue: exact.toFixed(2),
        equation: equationOf(group),
      },
    });
    return;
  }
  // 87.70 for 877,080 元 in a document that cuts every figure off: explainable, not a contradiction.
  if (truncating && cutOff(f, ref)) {
    ctx.emit("C1.truncated-figure", {
      ...base,
      params: { label: labelText, source: sourceName, tableValue: exact.toFixed(2) },
    });
    return;
  }
  ctx.emit("C1.narrative-figure", {
    ...base,
    suggestion: expected.toFixed(f.decimals),
    params: { label: labelText, source: sourceName, tableValue: exact.toFixed(2) },
  });
}

/**
 * Where each item of the narrative is in Table 5 (computed once per check; undefined without Table 5).
 *
 * @example
 * ```ts
 * const where = resolveItems(disclosure, narrative);
 * where?.get(narrative.items[0]!)?.ok; // true
 * ```
 */
export function resolveItems(d: Disclosure, n: Narrative): Map<NarrativeItem, Resolution> | undefined {
  const index = t5Index(d);
  if (!index) return undefined;
  return new Map(n.items.map((it) => [it, resolveItem(index, it.path, it.amount)]));
}

/**
 * C1 and C6 on a parsed narrative.
 *
 * @example
 * ```ts
 * checkFigures(ctx, disclosure, narrative, resolveItems(disclosure, narrative));
 * ```
 */
export function checkFigures(
  ctx: RuleContext,
  d: Disclosure,
  n: Narrative,
  where: Map<NarrativeItem, Resolution> | undefined,
): void {
  const bySubject = new Map<Subject, NarrativeFigure>();
  for (const f of n.figures)
    if (f.subject && !f.change && f.subject !== "科目" && !bySubject.has(f.subject))
      bySubject.set(f.subject, f);
  const groups: Group[] = [];
  for (const it of n.items)
    if (it.basic && it.project) groups.push({ total: it.amount, parts: [it.basic, it.project] });
  const income = bySubject.get("收入预算");
  const incomeParts = (["财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"] as const)
    .map((s) => bySubject.get(s))
    .filter((f): f is NarrativeFigure => f !== undefined);
  if (income && incomeParts.length > 1) groups.push({ total: income, parts: incomeParts });
  const itemsTotal = bySubject.get("一般公共预算拨款支出预算") ?? bySubject.get("财政拨款支出预算");
  if (itemsTotal && n.items.length > 1)
    groups.push({ total: itemsTotal, parts: n.items.map((i) => i.amount) });

  // Figures and their table amounts, compared once all are known: a document that cuts every figure
  // off (two or more, none rounded up) is told so as a warning, not an error per figure.
  const pairs: Array<{
    f: NarrativeFigure;
    ref: TableRef;
    labelText: string;
    row: string;
    column: string | undefined;
  }> = [];
  for (const [s, f] of bySubject) {
    if (f.unit !== WAN) continue;
    const ref = refOf(d, s);
    if (ref) pairs.push({ f, ref, labelText: label(ctx, s), row: s, column: undefined });
  }

  // Items: C6 (exists in T5 at the path it names) and C1 (amount and its split).
  const codes: string[] = [];
  for (const it of n.items) {
    const r = where?.get(it);
    if (!r) break;
    let row: ClassifiedRow | undefined;
    if (r.ok) row = r.row;
    else if (it.path.length > 1 || it.path[0]?.level !== undefined) {
      emitPath(ctx, it, r);
      row = r.row;
    } else {
      ctx.emit("C6.narrative-item", {
        table: "N",
        row: it.name,
        location: loc(it.amount),
        params: { item: it.name },
      });
    }
    if (!row) continue;
    codes.push(row.code);
    const parts: Array<[NarrativeFigure | undefined, "合计" | "基本支出" | "项目支出"]> = [
      [it.amount, "合计"],
      [it.basic, "基本支出"],
      [it.project, "项目支出"],
    ];
    for (const [f, column] of parts) {
      if (!f) continue;
      const ref: TableRef = { table: "T5", row: row.code, column, figure: row.amounts[column] };
      const name = detail(ctx, column === "合计" ? "item" : "itemPart", {
        item: it.name,
        part: label(ctx, column),
      });
      pairs.push({ f, ref, labelText: name, row: it.name, column });
    }
  }
  const truncating =
    pairs.filter((x) => cutOff(x.f, x.ref)).length >= 2 && !pairs.some((x) => roundedUp(x.f, x.ref));
  for (const x of pairs) compareFigure(ctx, x.f, x.ref, x.labelText, x.row, x.column, groups, truncating);
  checkConflicts(ctx, n);
  const total = d.tables.T5?.total?.amounts.合计;
  const set = new Set(codes);
  const nested = codes.some(
    (c) => (c.length > 3 && set.has(c.slice(0, 3))) || (c.length > 5 && set.has(c.slice(0, 5))),
  );
  if (total && n.items.length > 1 && codes.length === n.items.length && !nested) {
    const sum = Interval.sum(
      n.items.map((i) => shownInterval(i.amount)),
      WAN,
    );
    if (!agree(sum, intervalOf(total, "元"))) {
      const printed = Amount.sum(
        n.items.map((i) => wanOf(i.amount)),
        WAN,
      );
      const exact = amountOf(total, "元");
      ctx.emit("C6.narrative-items-total", {
        table: "N",
        row: "合计",
        location: loc(n.items[0]!.amount),
        expected: exact.to(WAN).toFixed(2),
        actual: printed.toFixed(2),
        difference: printed.minus(exact.to(WAN)).toFixed(2),
        unit: WAN,
        related: [
          {
            table: "T5",
            row: "合计",
            column: "合计",
            ...(total.location ? { location: total.location } : {}),
          },
        ],
        params: { tableValue: exact.toFixed(2) },
      });
    }
  }
}

/** Whether a figure is its table amount cut off (not rounded) to the printed decimals, and differs from the rounded one. */
function cutOff(f: NarrativeFigure, ref: TableRef): boolean {
  const wan = amountOf(ref.figure, "元").to(WAN);
  const cut = wan.toFixed(f.decimals, "truncate");
  return cut !== wan.toFixed(f.decimals) && cut === wanOf(f).toFixed(f.decimals);
}

/** Whether a figure is its table amount rounded where rounding and cutting off differ. */
function roundedUp(f: NarrativeFigure, ref: TableRef): boolean {
  const wan = amountOf(ref.figure, "元").to(WAN);
  const round = wan.toFixed(f.decimals);
  return round !== wan.toFixed(f.decimals, "truncate") && round === wanOf(f).toFixed(f.decimals);
}

/** C6.item-path: where the path breaks, and where the item's name and amount are in Table 5. */
function emitPath(ctx: RuleContext, it: NarrativeItem, r: Extract<Resolution, { ok: false }>): void {
  const parent = r.parent
    ? detail(ctx, "pathParent", { code: r.parent.code, name: r.parent.name })
    : detail(ctx, "pathTop", {});
  const level = r.part.level ?? "";
  const found = r.row ? detail(ctx, "pathFound", { name: r.row.name, code: r.row.code }) : "";
  ctx.emit("C6.item-path", {
    table: "N",
    row: it.name,
    column: "path",
    location: loc(it.amount),
    ...(r.row
      ? {
          related: [
            {
              table: "T5" as const,
              row: r.row.code,
              ...(r.row.location ? { location: r.row.location } : {}),
            },
          ],
        }
      : {}),
    params: { item: it.name, parent, level, part: r.part.name, found },
  });
}

/** C1.conflicting-amounts: one item or subject given two amounts within one paragraph. */
function checkConflicts(ctx: RuleContext, n: Narrative): void {
  const emit = (labelText: string, row: string, first: NarrativeFigure, second: NarrativeFigure) =>
    ctx.emit("C1.conflicting-amounts", {
      table: "N",
      row,
      column: "restated",
      location: loc(second),
      expected: first.value,
      actual: second.value,
      difference: wanOf(second).minus(wanOf(first)).toString(),
      unit: WAN,
      key: `${second.position.line}:${second.position.offset}`,
      related: [
        { table: "N", row, ...(first.position.location ? { location: first.position.location } : {}) },
      ],
      params: { label: labelText, first: first.value, second: second.value },
    });
  for (const it of n.items) {
    for (const f of it.restated) {
      if (!agree(shownInterval(f), shownInterval(it.amount)))
        emit(detail(ctx, "item", { item: it.name }), it.name, it.amount, f);
    }
  }
  // Subjects: the first figure of each subject per paragraph against the later ones.
  const paragraphOf = new Map<number, number>();
  n.paragraphs.forEach((p, i) => {
    for (const s of p.segments) paragraphOf.set(s.line, i);
  });
  const firsts = new Map<string, NarrativeFigure>();
  for (const f of n.figures) {
    if (!f.subject || f.change || f.unit !== WAN || f.subject === "科目" || f.subject === "绩效目标项目数")
      continue;
    const k = `${paragraphOf.get(f.position.line) ?? -1}|${f.subject}`;
    const first = firsts.get(k);
    if (!first) firsts.set(k, f);
    else if (!agree(shownInterval(f), shownInterval(first))) emit(label(ctx, f.subject), f.subject, first, f);
  }
}
