/**
 * Text hygiene (F): stale years, placeholders, cut-off sentences, doubled or missing punctuation and
 * unbalanced quotes — read on paragraphs, so a line break is never taken for a sentence end — and level
 * and kind words (市级 in a district document, 部门 wording in a 单位 document and the reverse).
 */
import type { Disclosure, Location } from "../model";
import type { TableId } from "../report";
import { defineRules, type RuleContext } from "../rules/engine";
import { t } from "./check-common";
import type { ChapterKind, Narrative } from "./model";
import { positionIn } from "./sentences";
import { excerpt, insideRanges, titleRanges } from "./util";

/**
 * The rules of this file.
 *
 * @example
 * ```ts
 * textRules.map((r) => r.id); // ["F1.stale-year", "F2.placeholder", …]
 * ```
 */
export const textRules = defineRules([
  {
    id: "F1.stale-year",
    severity: "warning",
    title: t("疑似过时的年份", "Suspect stale year"),
    description: t(
      "说明目的或本预算期间的语句中，预算年度及上一年以外的年份可疑；文号、引用的文件名和“某年起”等历史说明除外。",
      "Years other than the budget year and the year before are suspect in statements of purpose or of this budget's period; document numbers, cited titles and dated history are fine.",
    ),
    message: t(
      "“{excerpt}”中的{year}年既不是预算年度{budgetYear}年也不是上一年",
      "“{excerpt}” mentions {year}, neither the budget year {budgetYear} nor the year before",
    ),
    examples: {
      firing: [],
      quiet: [
        { find: "保障2022年度", replace: "保障2025年度" },
        { find: "2022年2月-2023年8月特勤安保服务", replace: "2025年1月-2025年12月特勤安保服务" },
        { find: "2023年3月-12月联动执法经费", replace: "2025年3月-12月联动执法经费" },
        { find: "2023年联合执法经费", replace: "2025年联合执法经费" },
        { find: "2023年审计服务费", replace: "2025年审计服务费" },
      ],
    },
  },
  {
    id: "F2.placeholder",
    severity: "error",
    title: t("未替换的占位符", "Placeholder left in the text"),
    description: t(
      "文中留有XX、待填写、【】等占位内容。",
      "The text still contains placeholders such as XX, 待填写 or 【】.",
    ),
    message: t("“{excerpt}”中有占位内容“{match}”", "“{excerpt}” contains the placeholder “{match}”"),
    examples: {
      firing: [{ find: "其他收入0万元。", replace: "其他收入XX万元。" }],
      quiet: [],
    },
  },
  {
    id: "F2.truncated",
    severity: "error",
    title: t("句子不完整", "Truncated sentence"),
    description: t(
      "句子缺少内容，例如“主要原因是。”或缺少金额。",
      "A sentence lacks its content, e.g. “主要原因是。” or a missing amount.",
    ),
    message: t("“{excerpt}”句子不完整（“{match}”）", "“{excerpt}” is cut off (“{match}”)"),
    examples: {
      firing: [{ find: "主要原因是按实际需要调整预算。", replace: "主要原因是。" }],
      quiet: [],
    },
  },
  {
    id: "F2.punctuation",
    severity: "warning",
    title: t("标点重复或缺失", "Doubled or missing punctuation"),
    description: t(
      "标点重复（如“。。”“，，”）或成句的段落缺少句末标点。",
      "Doubled punctuation (“。。”, “，，”) or a sentence paragraph without closing punctuation.",
    ),
    message: t("“{excerpt}”标点有误：{match}", "“{excerpt}” has a punctuation problem: {match}"),
    messages: {
      noEnd: t("“{tail}”后缺少句末标点", "no closing punctuation after “{tail}”"),
    },
    examples: {
      firing: [{ find: "主要原因是按实际需要调整预算。", replace: "主要原因是按实际需要调整预算。。" }],
      quiet: [],
    },
  },
  {
    id: "F2.quotes",
    severity: "warning",
    title: t("引号或括号不配对", "Unbalanced quotes or brackets"),
    description: t("“”、《》、（）应成对出现。", "“”, 《》 and （） must come in pairs."),
    message: t("“{excerpt}”中{pair}不配对", "“{excerpt}” has unbalanced {pair}"),
    examples: {
      firing: [{ find: "“执法办案”科目", replace: "“执法办案科目" }],
      quiet: [],
    },
  },
  {
    id: "F3.level-word",
    severity: "warning",
    title: t("预算级次用语不符", "Wrong government level word"),
    description: t(
      "区级、镇级文件在模板确定级次的部分（名词解释中的定义，如“是区级预算主管部门…”“与区级财政有经费领拨关系…”）不应出现“市级”（镇级文件可写镇级或区级）；项目资金来源等说明中的“市级”不在此列。",
      "Where the template fixes the level (the glossary's definitions, “是区级预算主管部门…”, “与区级财政有经费领拨关系…”) a district or town document must not say 市级 (a town document may say 镇级 or 区级); 市级 as a funding source in a project description is fine.",
    ),
    message: t(
      "{level}文件中出现“{word}”：“{excerpt}”（此类共{count}处）",
      "A {level} document says “{word}”: “{excerpt}” ({count} such places)",
    ),
    examples: {
      firing: [{ find: "是区级预算主管部门", replace: "是市级预算主管部门" }],
      quiet: [],
    },
  },
  {
    id: "F3.kind-word",
    severity: "warning",
    title: t("单位文件使用了部门用语", "部门 wording in a 单位 document"),
    description: t(
      "单位预算（决算）文件应使用“单位”用语，而不是“本部门”“部门预算”等。",
      "A unit document should say 单位, not 本部门 or 部门预算.",
    ),
    message: t("单位文件中出现“{word}”：“{excerpt}”", "A unit document says “{word}”: “{excerpt}”"),
    examples: {
      firing: [{ find: "闵行区浦江镇2025年镇级部门预算", replace: "闵行区浦江镇2025年镇级单位预算" }],
      quiet: [],
    },
  },
  {
    id: "F3.unit-word",
    severity: "warning",
    title: t("部门文件使用了单位用语", "单位 wording in a 部门 document"),
    description: t(
      "部门预算（决算）文件应使用“部门”用语，而不是“本单位”“单位预算”等。",
      "A department document should say 部门, not 本单位 or 单位预算.",
    ),
    message: t(
      "部门文件中出现“{word}”：“{excerpt}”（此类共{count}处）",
      "A department document says “{word}”: “{excerpt}” ({count} such places)",
    ),
    examples: {
      firing: [{ find: "2025年本部门政府采购预算9万元", replace: "2025年本单位政府采购预算9万元" }],
      quiet: [],
    },
  },
]);

const LEVEL_WORD = /市级/g;
/** Outside the glossary, only the definitions the template fixes the level in. */
const LEVEL_DEFINITION = /市级(?=预算主管部门|财政(?:有经费领拨关系|拨款安排))|与市级财政/g;
const KIND_WORD = /本部门|部门预算(?!(?:支出)?经济分类)|部门主要职能|部门机构设置/g;
const UNIT_WORD = /本单位|(?<!预算)单位预算编制说明|(?<!预算)单位主要职能|(?<!预算)单位机构设置/g;
/** Where a 部门 document speaks for the whole department; a project description may well say 本单位. */
const UNIT_WORD_CHAPTERS = new Set<ChapterKind>([
  "职能",
  "机构设置",
  "编制说明",
  "其他说明",
  "三公",
  "机关运行经费",
  "政府采购",
  "绩效目标",
  "国有资产占用",
]);
const PLACEHOLDER = /(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|[×]{2,}|待填写|待补充|【\s*】/g;
const TRUNCATED =
  /(?:原因(?:是|为)|主要用于|主要是|包括)[:：]?\s*[。；;]|(?:原因(?:是|为))[:：]?\s*$|(?:增加|减少|预算|为|科目)(?:万元|%)/g;
const DOUBLED = /([。，；：、！？])\1|[，、；：][。]|[。][，、；]/g;
const SENTENCE_END = /[。；;！!？?：:…”"）)》、，,]\s*$/;
const LIST_LEAD = /^\s*(?:\d+\s*[)）]|[（(][一二三四五六七八九十\d]+[)）])/;
const NARRATIVE_SENTENCE_CHAPTERS = new Set<ChapterKind>([
  "职能",
  "编制说明",
  "三公",
  "机关运行经费",
  "政府采购",
  "绩效目标",
  "国有资产占用",
]);
const YEAR_SKIP_CHAPTERS = new Set<ChapterKind>(["封面", "目录", "名词解释"]);
/** A paragraph of 50,000 placeholders is one problem: at most this many findings per rule and paragraph. */
const PER_PARAGRAPH = 10;

interface Place {
  table: TableId;
  row?: string;
}

function placesOf(n: Narrative): Map<number, Place> {
  const places = new Map<number, Place>();
  for (const c of n.chapters) {
    const project = c.kind === "项目" ? n.projects.find((p) => p.heading === c.heading)?.name : undefined;
    for (const l of c.lines)
      places.set(l.index, { table: c.kind === "项目" ? "P" : "N", ...(project ? { row: project } : {}) });
  }
  return places;
}

/**
 * F1, F2 and F3 on a parsed narrative.
 *
 * @example
 * ```ts
 * checkText(ctx, disclosure, narrative);
 * ```
 */
export function checkText(ctx: RuleContext, d: Disclosure, n: Narrative): void {
  const places = placesOf(n);
  checkYears(ctx, d, n, places);
  const level = d.document.level ?? "";
  const checkLevel = /区级|县级|镇级|乡级|街道/.test(level);
  const unitDoc = d.document.kind === "单位预算" || d.document.kind === "单位决算";
  // Level and kind words are one slip repeated: one finding per chapter, with the count.
  const counted = new Map<string, { count: number; emit: (count: number) => void }>();
  const count = (key: string, emit: (count: number) => void) => {
    const c = counted.get(key);
    if (c) c.count++;
    else counted.set(key, { count: 1, emit });
  };
  for (const p of n.paragraphs) {
    if (p.repeat) continue;
    const text = p.text;
    const first = p.segments[0];
    const place = places.get(first?.line ?? -1);
    const at = (offset: number): Location | undefined => positionIn(p, offset).location;
    const base = { table: place?.table ?? ("N" as TableId), row: place?.row };
    const keyOf = (m: string) => `${text.slice(0, 30)}|${m}`;
    let k = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (k++ >= PER_PARAGRAPH) break;
      ctx.emit("F2.placeholder", {
        ...base,
        location: at(m.index),
        column: "placeholder",
        key: keyOf(m[0]),
        params: { excerpt: excerpt(text, m.index), match: m[0] },
      });
    }
    k = 0;
    for (const m of text.matchAll(TRUNCATED)) {
      if (k++ >= PER_PARAGRAPH) break;
      ctx.emit("F2.truncated", {
        ...base,
        location: at(m.index),
        column: "truncated",
        key: keyOf(m[0]),
        params: { excerpt: excerpt(text, m.index), match: m[0] },
      });
    }
    k = 0;
    for (const m of text.matchAll(DOUBLED)) {
      if (k++ >= PER_PARAGRAPH) break;
      ctx.emit("F2.punctuation", {
        ...base,
        location: at(m.index),
        column: "punctuation",
        key: keyOf(m[0]),
        params: { excerpt: excerpt(text, m.index), match: m[0] },
      });
    }
    const kind = p.chapter as ChapterKind;
    if (
      NARRATIVE_SENTENCE_CHAPTERS.has(kind) &&
      text.length >= 20 &&
      /[，,]/.test(text) &&
      !SENTENCE_END.test(text)
    ) {
      const tail = text.slice(-6);
      ctx.emit("F2.punctuation", {
        ...base,
        location: at(text.length - 1),
        column: "end",
        key: keyOf("end"),
        params: { excerpt: excerpt(text, text.length), match: ctx.text("F2.punctuation", "noEnd", { tail }) },
      });
    }
    const pair = unbalanced(text.replace(LIST_LEAD, ""));
    if (pair)
      ctx.emit("F2.quotes", {
        ...base,
        location: first?.location,
        column: "quotes",
        key: keyOf(pair),
        params: { excerpt: excerpt(text), pair },
      });
    const inTitle = insideRanges(text.includes("《") ? titleRanges(text) : []);
    if (checkLevel) {
      for (const m of text.matchAll(kind === "名词解释" ? LEVEL_WORD : LEVEL_DEFINITION)) {
        if (inTitle(m.index)) continue;
        const location = at(m.index);
        const ex = excerpt(text, m.index);
        count(`level|${kind}`, (n) =>
          ctx.emit("F3.level-word", {
            ...base,
            location,
            column: "level",
            key: kind,
            params: { level, word: "市级", excerpt: ex, count: n },
          }),
        );
      }
    }
    if (unitDoc) {
      const inTitle2 = insideRanges(text.includes("《") ? titleRanges(text) : []);
      k = 0;
      for (const m of text.matchAll(KIND_WORD)) {
        if (inTitle2(m.index)) continue;
        if (k++ >= PER_PARAGRAPH) break;
        ctx.emit("F3.kind-word", {
          ...base,
          location: at(m.index),
          column: "kind",
          key: keyOf(m[0]),
          params: { word: m[0], excerpt: excerpt(text, m.index) },
        });
      }
    } else if (
      (d.document.kind === "部门预算" || d.document.kind === "部门决算") &&
      UNIT_WORD_CHAPTERS.has(kind)
    ) {
      const inTitle2 = insideRanges(text.includes("《") ? titleRanges(text) : []);
      for (const m of text.matchAll(UNIT_WORD)) {
        if (inTitle2(m.index)) continue;
        const location = at(m.index);
        const ex = excerpt(text, m.index);
        const word = m[0];
        count(`unit|${kind}`, (n) =>
          ctx.emit("F3.unit-word", {
            ...base,
            location,
            column: "kind",
            key: kind,
            params: { word, excerpt: ex, count: n },
          }),
        );
      }
    }
  }
  for (const c of counted.values()) c.emit(c.count);
  // Rows of project tables are not paragraphs: placeholders and quotes cell by cell.
  for (const c of n.chapters) {
    if (c.kind === "封面" || c.kind === "目录") continue;
    for (const l of c.lines) {
      if (!l.cells || l.cells.length < 2) continue;
      const place = places.get(l.index);
      const base = { table: place?.table ?? ("N" as TableId), row: place?.row, location: l.location };
      const keyOf = (m: string) => `${l.text.slice(0, 30)}|${m}`;
      let k = 0;
      for (const m of l.text.matchAll(PLACEHOLDER)) {
        if (k++ >= PER_PARAGRAPH) break;
        ctx.emit("F2.placeholder", {
          ...base,
          column: "placeholder",
          key: keyOf(m[0]),
          params: { excerpt: excerpt(l.text, m.index), match: m[0] },
        });
      }
      const pair = unbalanced(l.text.replace(LIST_LEAD, ""));
      if (pair)
        ctx.emit("F2.quotes", {
          ...base,
          column: "quotes",
          key: keyOf(pair),
          params: { excerpt: excerpt(l.text), pair },
        });
    }
  }
}

/** F1: years other than the budget year and the year before, in statements of purpose or period. */
function checkYears(ctx: RuleContext, d: Disclosure, n: Narrative, places: Map<number, Place>): void {
  const year = n.year;
  if (year === undefined) return;
  const seen = new Set<string>();
  for (const y of n.years) {
    if (y.context !== "plain" || y.year >= year - 1 || YEAR_SKIP_CHAPTERS.has(y.chapter as ChapterKind))
      continue;
    const k = `${y.position.line}:${y.year}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const place = places.get(y.position.line);
    const text = d.text[y.position.line]?.text ?? y.text;
    ctx.emit("F1.stale-year", {
      table: place?.table ?? "N",
      row: place?.row,
      column: String(y.year),
      location: y.position.location,
      key: text.slice(0, 30),
      params: { excerpt: excerpt(text, y.position.offset), year: y.year, budgetYear: year },
    });
  }
}

const PAIR_MARKS = /[“”《》（）()]/;

/** The first pair whose opening and closing marks do not balance in the text, if any. */
function unbalanced(text: string): string | undefined {
  if (!PAIR_MARKS.test(text)) return undefined;
  let quotes = 0;
  let titles = 0;
  let parens = 0;
  let bad = "";
  for (let i = 0; i < text.length && bad === ""; i++) {
    switch (text.charCodeAt(i)) {
      case 0x201c:
        quotes++;
        break;
      case 0x201d:
        if (--quotes < 0) bad = "“”";
        break;
      case 0x300a:
        titles++;
        break;
      case 0x300b:
        if (--titles < 0) bad = "《》";
        break;
      case 0xff08:
      case 0x28:
        parens++;
        break;
      case 0xff09:
      case 0x29:
        if (--parens < 0) bad = "（）";
        break;
    }
  }
  if (bad !== "") return bad;
  return quotes !== 0 ? "“”" : titles !== 0 ? "《》" : parens !== 0 ? "（）" : undefined;
}
