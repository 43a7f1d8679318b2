/**
 * The whole document: drops running headers, footers and page numbers, strips table-of-contents
 * leaders, joins wrapped lines into paragraphs, keeps a table continued on the next page in its
 * columns, and builds the Grid.
 */
import { TEXT_SHEET, cellAddress, type Cell, type Grid } from "@yusuan/disclosure";
import { joinWrapped, type LineItem, type PageItem } from "./layout";

/** What each page measured, for the margins. */
export interface PageInfo {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly items: PageItem[];
}

/** Builds the grid of a document from its laid-out pages. */
export function assemble(pages: PageInfo[], name: string): Grid {
  const kept = dropRunningLines(pages);
  const items: PageItem[] = kept.flatMap((p) =>
    p.items.map((it) => (it.kind === "line" ? stripLeaders(it) : it)),
  );
  const margins = measureMargins(kept);
  alignContinuedTables(items);
  const rows: Cell[][] = [];
  const lines: number[] = [];
  const pageOf: number[] = [];
  let paragraph: { item: LineItem; text: string; last: LineItem } | undefined;
  const flush = () => {
    if (!paragraph) return;
    push([paragraph.text], paragraph.item);
    paragraph = undefined;
  };
  const push = (texts: string[], at: PageItem) => {
    while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
    if (texts.length === 0) return;
    const r = rows.length;
    rows.push(
      texts.map((text, c) => ({
        address: cellAddress(r, c),
        row: r,
        col: c,
        value: text === "" ? null : text,
        text,
      })),
    );
    lines.push(at.line);
    pageOf.push(at.page);
  };
  for (const it of items) {
    if (it.kind === "row") {
      flush();
      push([...it.cells], it);
      continue;
    }
    if (it.text === "") continue;
    if (paragraph && continues(paragraph.last, it, margins)) {
      paragraph.text = joinWrapped(paragraph.text, it.text);
      paragraph.last = it;
      continue;
    }
    flush();
    paragraph = { item: it, text: it.text, last: it };
  }
  flush();
  return { source: { kind: "pdf", name }, sheets: [{ name: TEXT_SHEET, rows, lines, pages: pageOf }] };
}

interface Margins {
  left: (page: number) => number;
  right: (page: number) => number;
}

/**
 * The text block's left and right edges of each page: the leftmost line start, and the rightmost end
 * of the page's long lines (or, on a page with few long lines, the most common such end of pages of
 * the same size).
 */
function measureMargins(pages: PageInfo[]): Margins {
  const byClass = new Map<string, number[]>();
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  const classOf = (p: PageInfo) => `${Math.round(p.width)}x${Math.round(p.height)}`;
  const longRights = (p: PageInfo) =>
    p.items
      .filter((it): it is LineItem => it.kind === "line" && Array.from(it.text).length >= 15)
      .map((it) => it.right);
  for (const p of pages) {
    const list = byClass.get(classOf(p)) ?? [];
    byClass.set(classOf(p), list);
    list.push(...longRights(p));
    const lefts = p.items.filter((it): it is LineItem => it.kind === "line").map((it) => it.left);
    if (lefts.length) left.set(p.page, Math.min(...lefts));
  }
  for (const p of pages) {
    const rights = longRights(p);
    // Without enough long lines to see the margin, no line is known to reach it: nothing is joined.
    const ofClass = byClass.get(classOf(p)) ?? [];
    right.set(
      p.page,
      rights.length >= 3 ? Math.max(...rights) : ofClass.length >= 3 ? mode(ofClass, "max") : Infinity,
    );
  }
  return { left: (page) => left.get(page) ?? 0, right: (page) => right.get(page) ?? Infinity };
}

/** The most common value (in 3-point bins); its smallest or largest member. */
function mode(values: number[], pick: "min" | "max"): number {
  if (values.length === 0) return pick === "min" ? 0 : Infinity;
  const bins = new Map<number, number[]>();
  for (const v of values) {
    const k = Math.round(v / 3);
    bins.set(k, [...(bins.get(k) ?? []), v]);
  }
  let best: number[] = [];
  for (const b of bins.values()) if (b.length > best.length) best = b;
  if (best.length < 2) return pick === "min" ? 0 : Infinity;
  return pick === "min" ? Math.min(...best) : Math.max(...best);
}

/** A list item, heading or note that starts its own paragraph. */
const STARTS_ITEM =
  /^(\d{1,3}\s*[.．、）)](?!\d)|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十\d]{1,3}[章节条部分]|注\s*[:：\d]|[①-⑳]|[●•■◆▪·]|附[件表])/;

const ENDS_SENTENCE = /[。！？；：!?;:][”’"）)]?$/;

/** Whether line b continues the paragraph whose last line is a. */
function continues(a: LineItem, b: LineItem, m: Margins): boolean {
  if (Math.abs(a.size - b.size) > 0.15 * Math.max(a.size, b.size)) return false;
  const right = m.right(a.page);
  // a stops short of the margin: its paragraph ends — unless the next word (digits, Latin) did not fit.
  const word = /^[\x21-\x7e]+/.exec(b.text)?.[0].length ?? 0;
  if (a.right < right - 2.2 * a.size - word * 0.6 * b.size) return false;
  if (ENDS_SENTENCE.test(a.text)) return false; // a sentence ending at the margin ends its paragraph
  if (b.left > m.left(b.page) + 0.8 * b.size) return false; // b is indented: a new paragraph
  if (STARTS_ITEM.test(b.text)) return false;
  if (a.page === b.page && b.y - a.y > 3 * a.size) return false;
  if (a.page !== b.page && b.page !== a.page + 1) return false;
  return true;
}

const LEADERS = /\s*(?:[.．。·•‧∙…⋯‥_]\s*){4,}\s*(?:[-—–]?\s*\d{1,4}\s*[-—–]?)?\s*$/;

/** A table-of-contents line without its dotted leaders and page number. */
function stripLeaders(it: LineItem): LineItem {
  if (!LEADERS.test(it.text)) return it;
  const text = it.text.replace(LEADERS, "").trim();
  return { ...it, text, right: it.left };
}

const PAGE_NUMBER =
  /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/;

/** Drops page numbers and running headers and footers: text repeated at the top or bottom of pages. */
function dropRunningLines(pages: PageInfo[]): PageInfo[] {
  const band = (p: PageInfo, it: LineItem): "top" | "bottom" | undefined =>
    it.y < p.height * 0.1 ? "top" : it.y > p.height * 0.9 ? "bottom" : undefined;
  const shape = (it: LineItem) => it.text.replace(/\d+/g, "#").replace(/\s+/g, "");
  const counts = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const it of p.items) {
      if (it.kind !== "line") continue;
      const b = band(p, it);
      if (!b) continue;
      const k = `${b}|${shape(it)}`;
      counts.set(k, (counts.get(k) ?? new Set()).add(p.page));
    }
  }
  const repeatedOn = Math.max(3, Math.ceil(pages.length * 0.25));
  return pages.map((p) => {
    const edgeLines = p.items.filter((it): it is LineItem => it.kind === "line" && band(p, it) !== undefined);
    const drop = new Set<PageItem>();
    for (const it of edgeLines) {
      const b = band(p, it)!;
      const onlyAtEdge = b === "top" ? isFirst(p, it) : isLast(p, it);
      if (PAGE_NUMBER.test(it.text.trim()) && onlyAtEdge) drop.add(it);
      else if ((counts.get(`${b}|${shape(it)}`)?.size ?? 0) >= repeatedOn) drop.add(it);
    }
    return drop.size === 0 ? p : { ...p, items: p.items.filter((it) => !drop.has(it)) };
  });
}

function isFirst(p: PageInfo, it: LineItem): boolean {
  return p.items.every((o) => o === it || o.y >= it.y - 1);
}

function isLast(p: PageInfo, it: LineItem): boolean {
  return p.items.every((o) => o === it || o.y <= it.y + 1);
}

/**
 * A table that runs onto the next page is one table: when a page starts with a table and the page
 * before ended with one whose columns include this one's, the rows take the first table's columns.
 */
function alignContinuedTables(items: PageItem[]): void {
  // The previous row's page and table, and the columns (boundaries) its table ended up in.
  let prev: { page: number; table: number; xs: number[] } | undefined;
  let mapping: { page: number; table: number; map: number[]; width: number; xs: number[] } | undefined;
  for (const it of items) {
    if (it.kind !== "row") {
      prev = undefined;
      mapping = undefined;
      continue;
    }
    if (mapping && mapping.page === it.page && mapping.table === it.table) {
      it.cells = remap(it.cells, mapping.map, mapping.width);
      prev = { page: it.page, table: it.table, xs: mapping.xs };
      continue;
    }
    mapping = undefined;
    if (prev && it.page === prev.page + 1) {
      const px = prev.xs;
      const map = it.xs.slice(0, -1).map((x) => px.findIndex((p) => Math.abs(p - x) <= 3));
      const last = px.findIndex((p) => Math.abs(p - it.xs[it.xs.length - 1]!) <= 3);
      if (!(map.every((k) => k >= 0) && last >= 0) && it.centres) {
        // A table read by alignment: each column goes where its contents fall among the first page's columns.
        const byCentre = centresInto(it.centres, px);
        if (byCentre) {
          map.splice(0, map.length, ...byCentre);
          mapping = { page: it.page, table: it.table, map, width: px.length - 1, xs: px };
          it.cells = remap(it.cells, map, mapping.width);
          prev = { page: it.page, table: it.table, xs: px };
          continue;
        }
      }
      if (map.every((k) => k >= 0) && last >= 0) {
        mapping = { page: it.page, table: it.table, map, width: px.length - 1, xs: px };
        it.cells = remap(it.cells, map, mapping.width);
        prev = { page: it.page, table: it.table, xs: px };
        continue;
      }
    }
    prev = { page: it.page, table: it.table, xs: it.xs };
  }
}

/** The column of boundaries `xs` that holds each centre, in order; undefined if one falls outside or two share one. */
function centresInto(centres: number[], xs: number[]): number[] | undefined {
  const out: number[] = [];
  for (const c of centres) {
    if (c < xs[0]! - 3 || c > xs[xs.length - 1]! + 3) return undefined;
    let k = 0;
    while (k < xs.length - 2 && c > xs[k + 1]!) k++;
    if (out.length > 0 && k <= out[out.length - 1]!) return undefined;
    out.push(k);
  }
  return out;
}

function remap(cells: string[], map: number[], width: number): string[] {
  const out = new Array<string>(width).fill("");
  cells.forEach((c, j) => {
    const k = map[j];
    if (k !== undefined && k >= 0) out[k] = out[k] ? `${out[k]}${c}` : c;
  });
  return out;
}
