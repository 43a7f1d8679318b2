/**
 * Chapters and the table of contents. The template's chapters come in a fixed order under fixed
 * headings; the table of contents lists them first, in text copied from a PDF with dotted leaders and
 * page numbers ("一、部门主要职能 ………… 3"), in extracted text with those stripped.
 */
import type { TextLine } from "../model";
import { norm, stripListMarker } from "../text-norm";
import type { Chapter, ChapterKind, NarrativeLine } from "./model";

const NOT_HEADING = /[。；;，,：:]/;
const NOT_PART_HEADING = /[。；;，,]/;
/** Dotted leaders and an optional page number at the end of a contents line. */
const LEADERS = /\s*(?:[.．。·•…‥⋯_—-]\s*){3,}\s*\d{0,4}\s*$/;
/** A page number after a wide gap ("三、名词解释      5"). */
const PAGE_NUMBER = /\S\s{2,}\d{1,4}\s*$/;
/** Lines a contents list may hold: short, without sentence punctuation. */
const SENTENCE = /[。；;，,]/;

type HeadingHit = { kind: ChapterKind; name?: string };

/**
 * A contents entry's text without its leaders and page number; undefined when the line has neither.
 *
 * @example
 * ```ts
 * tocEntryText("一、部门主要职能 ……………… 3"); // "一、部门主要职能"
 * tocEntryText("一、部门主要职能"); // undefined
 * ```
 */
export function tocEntryText(text: string): string | undefined {
  if (LEADERS.test(text)) return text.replace(LEADERS, "").trim();
  if (PAGE_NUMBER.test(text)) return text.replace(/\s+\d{1,4}\s*$/, "").trim();
  return undefined;
}

/**
 * The chapter a heading opens (not the parts of 其他相关情况说明, nor project sub-headings).
 *
 * @example
 * ```ts
 * chapterHeading({ text: "2025年部门预算编制说明", sheet: "文本", row: 0 })?.kind; // "编制说明"
 * chapterHeading({ text: "科技创新专项经费情况说明", sheet: "文本", row: 0 })?.kind; // "项目"
 * ```
 */
export function chapterHeading(
  line: Pick<TextLine, "text" | "cells">,
  text = line.text,
): HeadingHit | undefined {
  if ((line.cells && line.cells.length > 1) || text.length > 60 || NOT_HEADING.test(text)) return undefined;
  const t = norm(text);
  if (t.length === 0 || t.length > 40) return undefined;
  const s = stripListMarker(t);
  if (/^目录$/.test(s)) return { kind: "目录" };
  if (!/三公|机关运行/.test(s)) {
    const project = /^(.*?)(?:项目)?经费情况说明$/.exec(s);
    if (project) return { kind: "项目", name: project[1] ?? "" };
  }
  if (/(?:主要)?职能$/.test(s) && s.length <= 30) return { kind: "职能" };
  if (/机构设置(?:情况)?$/.test(s)) return { kind: "机构设置" };
  if (/^名词解释$/.test(s)) return { kind: "名词解释" };
  if (/预算编制说明$/.test(s)) return { kind: "编制说明" };
  if (/^其他相关(?:情况)?说明$/.test(s)) return { kind: "其他说明" };
  if (/预算表$/.test(s) && s !== t) return { kind: "其他" };
  if (/绩效目标(?:申报|填报)?表$/.test(s) && s !== t) return { kind: "其他" };
  return undefined;
}

/**
 * The part of 其他相关情况说明 a numbered heading opens.
 *
 * @example
 * ```ts
 * partHeading({ text: "一、2025年“三公”经费预算情况说明", sheet: "文本", row: 0 }); // "三公"
 * ```
 */
export function partHeading(line: Pick<TextLine, "text" | "cells">): ChapterKind | undefined {
  if ((line.cells && line.cells.length > 1) || line.text.length > 60 || NOT_PART_HEADING.test(line.text))
    return undefined;
  const t = norm(line.text);
  if (t.length > 40) return undefined;
  const s = stripListMarker(t);
  if (s === t) return undefined;
  if (/三公/.test(s) && /经费/.test(s)) return "三公";
  if (/^(?:\d{4}年)?机关运行经费/.test(s)) return "机关运行经费";
  if (/^(?:\d{4}年)?政府采购/.test(s)) return "政府采购";
  if (/^(?:\d{4}年)?(?:项目)?绩效目标/.test(s)) return "绩效目标";
  if (/国有资产/.test(s)) return "国有资产占用";
  return undefined;
}

function nline(l: TextLine, index: number): NarrativeLine {
  return {
    text: l.text,
    index,
    ...(l.cells ? { cells: l.cells } : {}),
    ...(l.location ? { location: l.location } : {}),
  };
}

function sentenceLike(l: TextLine | undefined): boolean {
  if (!l || (l.cells && l.cells.length > 1)) return false;
  const t = l.text.trim();
  return t.length > 40 || SENTENCE.test(t);
}

/**
 * Splits the text lines into chapters. The table of contents is kept apart and closed at the first
 * heading of a chapter it already listed, at a heading followed by a sentence, or at the first
 * sentence — so it can never swallow the narrative.
 *
 * @example
 * ```ts
 * chaptersOf(disclosure.text).map((c) => c.kind); // ["封面", "目录", "职能", "机构设置", …]
 * ```
 */
export function chaptersOf(text: ReadonlyArray<TextLine>): Chapter[] {
  const chapters: Chapter[] = [];
  let current: Chapter = { kind: "封面", heading: "", lines: [] };
  chapters.push(current);
  let inToc = false;
  let tocSeen = false;
  const tocKinds = new Set<ChapterKind>();
  let top: ChapterKind = "封面";
  text.forEach((l, index) => {
    const entry = tocEntryText(l.text);
    const hit = chapterHeading(l, entry ?? l.text);
    const open = (kind: ChapterKind, parent?: ChapterKind) => {
      current = {
        kind,
        heading: l.text,
        lines: [],
        ...(l.location ? { location: l.location } : {}),
        ...(parent ? { parent } : {}),
      };
      chapters.push(current);
    };
    if (hit?.kind === "目录" && !tocSeen) {
      inToc = true;
      tocSeen = true;
      open("目录");
      top = "目录";
      return;
    }
    if (inToc) {
      const closes =
        (hit !== undefined &&
          hit.kind !== "其他" &&
          entry === undefined &&
          (tocKinds.has(hit.kind) || sentenceLike(text[index + 1]))) ||
        (entry === undefined && sentenceLike(l));
      if (!closes) {
        if (hit) tocKinds.add(hit.kind);
        current.lines.push(nline(l, index));
        return;
      }
      inToc = false;
    }
    if (hit && hit.kind !== "其他" && !(top === "项目" && hit.kind !== "项目")) {
      open(hit.kind);
      top = hit.kind;
      return;
    }
    if (top === "其他说明") {
      const part = partHeading(l);
      if (part) {
        open(part, "其他说明");
        return;
      }
    }
    current.lines.push(nline(l, index));
  });
  return chapters.filter((c) => c.kind !== "封面" || c.lines.length > 0);
}

/** The sub-headings of a project section. */
export type ProjectSub =
  | "overview"
  | "basis"
  | "implementer"
  | "plan"
  | "period"
  | "budget"
  | "goals"
  | "table";

/**
 * The sub-heading of a project section a line is, if any. "详见单位的项目绩效目标表" refers to a
 * table printed elsewhere; it is not the table's title.
 *
 * @example
 * ```ts
 * projectSubHeading({ text: "六、年度预算安排" }); // "budget"
 * projectSubHeading({ text: "详见单位的项目绩效目标表" }); // undefined
 * ```
 */
export function projectSubHeading(line: { readonly text: string }): ProjectSub | undefined {
  if (line.text.length > 40 || NOT_PART_HEADING.test(line.text)) return undefined;
  const t = norm(line.text);
  if (t.length > 30) return undefined;
  const s = stripListMarker(t);
  if (/绩效目标(?:申报|填报)?表$/.test(s) && !/^[(（]?(?:详见|见|参见|附)/.test(s)) return "table";
  if (s === t) return undefined;
  if (/^(?:项目)?(?:概述|概况)$/.test(s)) return "overview";
  if (/^立项依据$/.test(s)) return "basis";
  if (/^实施主体$/.test(s)) return "implementer";
  if (/^实施方案$/.test(s)) return "plan";
  if (/^实施周期$/.test(s)) return "period";
  if (/^(?:年度)?预算安排$/.test(s)) return "budget";
  if (/^(?:项目)?绩效目标$/.test(s)) return "goals";
  return undefined;
}
