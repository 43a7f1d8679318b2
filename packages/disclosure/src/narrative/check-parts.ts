/**
 * Completeness of the narrative (D5: the required parts, each 三公 item's amount, change and reason;
 * the 机构设置 counts) and B7 (a body made only of 事业单位 has no 机关运行经费).
 */
import { Amount } from "@yusuan/money";
import type { Disclosure } from "../model";
import { defineRules, type RuleContext } from "../rules/engine";
import { detail, label, loc, wanOf, t, WAN } from "./check-common";
import type { ChapterKind, Narrative, SangongStatement } from "./model";

/**
 * The rules of this file.
 *
 * @example
 * ```ts
 * partRules.map((r) => r.id); // ["D5.narrative-part", "D5.structure-count", "B7.jiguan-yunxing"]
 * ```
 */
export const partRules = defineRules([
  {
    id: "D5.narrative-part",
    severity: "error",
    title: t("缺少必备的说明部分", "A required narrative part is missing"),
    description: t(
      "应包括：主要职能、机构设置、名词解释、预算编制说明、“三公”经费（每项的金额、增减和原因）、机关运行经费、政府采购、绩效目标、国有资产占用。",
      "Required parts: functions, organisation, glossary, budget explanation, the three public expenses (each with amount, change and reason), agency operating expenses, procurement, performance targets, state assets.",
    ),
    message: t("说明不完整：{detail}", "Incomplete narrative: {detail}"),
    examples: {
      firing: [{ find: "五、国有资产占用情况\n", replace: "" }],
      quiet: [],
    },
  },
  {
    id: "D5.structure-count",
    severity: "error",
    title: t("机构设置家数不一致", "Organisation counts disagree"),
    description: t(
      "机构设置中“下属N家预算单位”、各类单位家数与列出的单位应一致（本部加下属共N+1家）。",
      "“N subordinate units”, the counts by type and the listed entries must agree (N+1 in all with the main body).",
    ),
    message: t("机构设置家数不一致：{detail}", "Organisation counts: {detail}"),
    examples: {
      firing: [{ find: "下属4家预算单位", replace: "下属5家预算单位" }],
      quiet: [],
    },
  },
  {
    id: "B7.jiguan-yunxing",
    severity: "error",
    title: t("事业单位不应有机关运行经费", "Public institutions have no agency operating expenses"),
    description: t(
      "机关运行经费只属于行政单位和参公单位；全部由事业单位组成的部门应说明无机关运行经费。",
      "Agency operating expenses exist only for administrative and civil-service-managed units; a body made only of public institutions must state it has none.",
    ),
    message: t("{detail}", "{detail}"),
    examples: {
      firing: [{ find: "2025年本部门无机关运行经费。", replace: "2025年本部门机关运行经费情况见表9。" }],
      quiet: [],
    },
  },
]);

const REQUIRED_PARTS: ReadonlyArray<ChapterKind> = [
  "职能",
  "机构设置",
  "名词解释",
  "编制说明",
  "三公",
  "机关运行经费",
  "政府采购",
  "绩效目标",
  "国有资产占用",
];
const SANGONG_ITEMS = ["因公出国(境)费", "公务用车购置及运行费", "公务接待费"] as const;

/**
 * D5: the required parts, and each 三公 item with its amount, change and reason (持平 needs none).
 *
 * @example
 * ```ts
 * checkParts(ctx, narrative);
 * ```
 */
export function checkParts(ctx: RuleContext, n: Narrative): void {
  const present = new Set<ChapterKind>();
  for (const c of n.chapters) if (c.lines.length > 0) present.add(c.kind);
  // A workbook with the tables alone has no narrative to judge.
  if (!present.has("编制说明") && !present.has("职能") && !present.has("其他说明") && !present.has("三公"))
    return;
  for (const part of REQUIRED_PARTS) {
    if (present.has(part)) continue;
    ctx.emit("D5.narrative-part", {
      table: "D",
      row: part,
      params: { detail: detail(ctx, "missingChapter", { part: label(ctx, part) }) },
    });
  }
  const sangong = n.chapters.find((c) => c.kind === "三公");
  if (!sangong || sangong.lines.length === 0) return;
  const of = (item: SangongStatement["item"]) => n.sangong.find((x) => x.item === item);
  // 持平 needs no reason; 公务用车购置及运行费 is covered by its two parts when they are stated.
  const stated = (s: SangongStatement | undefined) => ({
    change: s?.change !== undefined,
    reason: s?.change !== undefined && (s.change.direction === "持平" || (s.reason ?? "") !== ""),
  });
  for (const item of SANGONG_ITEMS) {
    const s = of(item);
    let { change, reason } = stated(s);
    if (item === "公务用车购置及运行费" && !change) {
      const parts = [stated(of("公务用车购置费")), stated(of("公务用车运行费"))];
      if (parts.every((x) => x.change))
        ({ change, reason } = { change: true, reason: parts.every((x) => x.reason) });
    }
    const missing: string[] = [];
    if (!s?.amount) missing.push("sangongAmount");
    if (!change) missing.push("sangongChange");
    if (change && !reason) missing.push("sangongReason");
    for (const what of missing) {
      ctx.emit("D5.narrative-part", {
        table: "N",
        row: item,
        column: what,
        location: s?.position.location ?? sangong.location,
        params: {
          detail: detail(ctx, "sangongItem", { item: label(ctx, item), what: detail(ctx, what, {}) }),
        },
      });
    }
  }
}

/**
 * D5 and B7: 机构设置 counts against the entries; a body of 事业单位 has no 机关运行经费.
 *
 * @example
 * ```ts
 * checkStructure(ctx, disclosure, narrative);
 * ```
 */
export function checkStructure(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const s = n.structure;
  if (!s) return;
  const counted = Object.values(s.counts).reduce((a, b) => a + b, 0);
  const hasCounts = Object.keys(s.counts).length > 0;
  const entries = s.entries.length;
  const where = s.countsPosition?.location ?? s.subordinatesPosition?.location;
  if (s.subordinates !== undefined) {
    const all = s.subordinates + 1;
    if (entries > 0 && entries !== all) {
      ctx.emit("D5.structure-count", {
        table: "N",
        row: "机构设置",
        column: "entries",
        location: s.subordinatesPosition?.location,
        expected: String(all),
        actual: String(entries),
        params: {
          detail: detail(ctx, "entriesVsSubordinates", {
            subordinates: s.subordinates,
            expected: all,
            actual: entries,
          }),
        },
      });
    }
    if (hasCounts && counted !== all) {
      ctx.emit("D5.structure-count", {
        table: "N",
        row: "机构设置",
        column: "counts",
        location: where,
        expected: String(all),
        actual: String(counted),
        params: { detail: detail(ctx, "countsVsSubordinates", { expected: all, actual: counted }) },
      });
    }
  } else if (hasCounts && entries > 0 && counted !== entries) {
    ctx.emit("D5.structure-count", {
      table: "N",
      row: "机构设置",
      column: "counts",
      location: where,
      expected: String(entries),
      actual: String(counted),
      params: { detail: detail(ctx, "countsVsEntries", { expected: entries, actual: counted }) },
    });
  }
  // B7: only public institutions → no agency operating expenses.
  const admin = (s.counts.行政单位 ?? 0) + (s.counts.参公单位 ?? 0);
  const shiye = s.counts.事业单位 ?? 0;
  if (admin > 0 || shiye === 0) return;
  const jf = n.figures.find((x) => x.subject === "机关运行经费" && !x.change && x.unit === WAN);
  const tj = d.tables.T9?.amounts.机关运行经费;
  if (jf && wanOf(jf).isPositive()) {
    ctx.emit("B7.jiguan-yunxing", {
      table: "N",
      row: "机关运行经费",
      column: "narrative",
      location: loc(jf),
      expected: "0",
      actual: jf.value,
      unit: WAN,
      params: {
        detail: detail(ctx, "jiguanForShiye", {
          count: shiye,
          where: detail(ctx, "whereNarrative", {}),
          actual: jf.value,
        }),
      },
    });
  } else if (tj && !tj.blank && Amount.of(tj.value).isPositive()) {
    ctx.emit("B7.jiguan-yunxing", {
      table: "T9",
      column: "机关运行经费",
      location: tj.location,
      expected: "0",
      actual: tj.value,
      unit: WAN,
      params: {
        detail: detail(ctx, "jiguanForShiye", {
          count: shiye,
          where: detail(ctx, "whereTable9", {}),
          actual: tj.value,
        }),
      },
    });
  } else if (!jf && !n.jiguanNone && n.chapters.some((c) => c.kind === "机关运行经费")) {
    const ch = n.chapters.find((c) => c.kind === "机关运行经费");
    ctx.emit("B7.jiguan-yunxing", {
      table: "N",
      row: "机关运行经费",
      column: "statement",
      location: ch?.location,
      params: { detail: detail(ctx, "jiguanNotStated", { count: shiye }) },
    });
  }
}
