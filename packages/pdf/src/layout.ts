/**
 * One page → printed lines and table rows in reading order (top to bottom), each with its printed
 * line number on the page.
 */
import type { PageContent, Run } from "./geometry";
import { alignTables, holdsColumns } from "./align";
import { findLattices, place, type Lattice } from "./lattice";

/** A printed line outside any table. */
export interface LineItem {
  readonly kind: "line";
  readonly page: number;
  /** 1-based printed line on the page. */
  readonly line: number;
  /** Baseline (top-down points). */
  readonly y: number;
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly size: number;
}

/** One row of a ruled table. */
export interface RowItem {
  readonly kind: "row";
  readonly page: number;
  readonly line: number;
  readonly y: number;
  /** Cell texts, one per lattice column ("" for empty and covered cells). */
  cells: string[];
  /** The table's column boundaries. */
  readonly xs: number[];
  /** Identifies the table on its page. */
  readonly table: number;
  /** For a table read by alignment: the middle of each column's contents. */
  readonly centres?: number[];
}

/** What a page holds, in reading order. */
export type PageItem = LineItem | RowItem;

/** Runs whose baselines differ by less than this share of their size are on one printed line. */
const SAME_BASELINE = 0.45;

/** Lays out one page. */
export function layoutPage(content: PageContent): PageItem[] {
  const found = findLattices(content.rules);
  const free: Run[] = [];
  const runs = dedupe(content.runs);
  for (const run of runs) {
    if (!found.some((l) => place(l, run))) free.push(run);
  }
  // A ruled table whose cells hold several columns (vertical rules missing between them) is read by
  // alignment instead, with its horizontal rules.
  const lattices = found.filter((l) => {
    if (l.regions.reduce((n, reg) => n + holdsColumns(reg.runs), 0) < 2) return true;
    for (const reg of l.regions) free.push(...reg.runs);
    return false;
  });
  const lineOf = lineNumbering(runs);
  const items: PageItem[] = [];
  // Tables the rules do not give: by alignment, with whatever horizontal rules remain.
  const aligned = alignTables(free, content.rules, content.page, lineOf, lattices.length);
  items.push(...aligned.rows);
  for (const group of groupLines(aligned.rest)) {
    const text = joinRuns(group);
    if (text === "") continue;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const y = median(group.map((r) => r.y));
    items.push({
      kind: "line",
      page: content.page,
      line: lineOf(y),
      y,
      text,
      left: first.x,
      right: last.x + last.w,
      size: median(group.map((r) => r.size)),
    });
  }
  lattices.forEach((l, t) => {
    items.push(...tableRows(l, t, content.page, lineOf));
  });
  // Reading order: by the top of each item; the sort is stable, so rows of one table stay in order.
  return items.sort((a, b) => a.y - b.y);
}

function tableRows(l: Lattice, t: number, page: number, lineOf: (y: number) => number): RowItem[] {
  const rows: RowItem[] = [];
  const cols = l.xs.length - 1;
  const texts = l.regions.map((reg) => cellText(reg.runs));
  if (texts.every((s) => s === "")) return rows;
  for (let i = 0; i < l.ys.length - 1; i++) {
    const cells: string[] = [];
    let top = Infinity;
    for (let j = 0; j < cols; j++) {
      const k = l.cell[i]![j]!;
      const reg = l.regions[k]!;
      if (reg.r0 === i && reg.c0 === j) {
        cells.push(texts[k]!);
        for (const r of reg.runs) top = Math.min(top, r.y);
      } else cells.push("");
    }
    if (cells.every((c) => c === "")) continue;
    rows.push({
      kind: "row",
      page,
      line: lineOf(top),
      y: l.ys[i]! + (top - l.ys[i]!) * 1e-6,
      cells,
      xs: l.xs,
      table: t,
    });
  }
  return rows;
}

/** The text of a cell: its printed lines top to bottom, joined. */
export function cellText(runs: Run[]): string {
  if (runs.length === 0) return "";
  const lines = groupLines(runs)
    .map((l) => joinRuns(l, false))
    .filter((s) => s !== "");
  let out = "";
  for (const line of lines) out = out === "" ? line : joinWrapped(out, line);
  return out;
}

/** Joins a wrapped line to the text before it: no space in Chinese, one between two Latin words. */
export function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** Drops runs printed twice at (almost) the same place, as PDF writers do to fake bold. */
function dedupe(runs: Run[]): Run[] {
  const seen = new Map<string, Run[]>();
  const out: Run[] = [];
  for (const r of runs) {
    const list = seen.get(r.str);
    if (list?.some((o) => Math.abs(o.x - r.x) < r.size * 0.2 && Math.abs(o.y - r.y) < r.size * 0.2)) continue;
    if (list) list.push(r);
    else seen.set(r.str, [r]);
    out.push(r);
  }
  return out;
}

/** Groups runs into printed lines (by baseline), each sorted left to right, lines top to bottom. */
export function groupLines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Run[][] = [];
  let base = -Infinity;
  for (const r of sorted) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(r.y - base) <= SAME_BASELINE * Math.max(r.size, cur[0]!.size)) cur.push(r);
    else {
      lines.push([r]);
      base = r.y;
    }
  }
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

/** Full-width punctuation carries its own spacing: a gap next to it is not a space. */
const NO_SPACE_BEFORE = /^[，。、；：？！）》」』】〕〉”’％,.;:?!)\]}]/;
const NO_SPACE_AFTER = /[（《「『【〔〈“‘([{]$/;

const CJK_END = /[\u3400-\u9fff\uf900-\ufaff]$/;
const CJK_START = /^[\u3400-\u9fff\uf900-\ufaff]/;

/** Joins the runs of one printed line: a space where the PDF put one or left a visible gap. */
export function joinRuns(runs: Run[], gapBetweenCjk = true): string {
  let out = "";
  let end = -Infinity;
  for (const r of runs) {
    const gap = r.x - end;
    // In a cell, characters spread to fill its width (分散对齐) are one word, not several.
    const spread = !gapBetweenCjk && CJK_END.test(out) && CJK_START.test(r.str);
    const wide = r.spaceBefore || (gap > r.size * 0.5 && !spread);
    if (
      out !== "" &&
      wide &&
      !/\s$/.test(out) &&
      !/^\s/.test(r.str) &&
      !NO_SPACE_AFTER.test(out) &&
      !NO_SPACE_BEFORE.test(r.str)
    )
      out += " ";
    out += r.str;
    end = Math.max(end, r.x + r.w);
  }
  return out
    .replace(/\s+/g, " ")
    .replace(/ (?=[，。、；：？！）》」』】〕〉”’％])/g, "")
    .replace(/(?<=[（《「『【〔〈“‘]) /g, "")
    .trim();
}

/** Printed line numbers of a page: every distinct baseline, tables included, top to bottom. */
function lineNumbering(runs: Run[]): (y: number) => number {
  const lines = groupLines(runs).map((l) => ({
    y: median(l.map((r) => r.y)),
    size: median(l.map((r) => r.size)),
  }));
  return (y: number) => {
    let best = 0;
    let dist = Infinity;
    lines.forEach((l, i) => {
      const d = Math.abs(l.y - y);
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    return best + 1;
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)]!;
}
