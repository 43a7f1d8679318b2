/**
 * Tables without (enough) ruling lines: read by alignment. Printed lines are split into segments
 * where the text leaves a gap; runs of lines whose segments form columns (with amounts among them)
 * are a table. The data rows' segments give the columns (amounts right-aligned, labels
 * left-aligned: each column is the x-range its cells cover); the header's words, possibly wrapped
 * over several printed lines, are stacked into blocks and placed in the header rows and columns they
 * are centred on. Rows come from horizontal rules where the page has them, else from the baselines
 * of the lines that carry amounts; a label wrapped onto a line of its own stays in its row's cell.
 */
import type { Rule, Run } from "./geometry";
import { cellText, groupLines, type RowItem } from "./layout";

/** A piece of a printed line: runs with no wide gap between them. */
interface Segment {
  readonly runs: Run[];
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
  readonly numeric: boolean;
}

interface Line {
  readonly runs: Run[];
  readonly y: number;
  readonly size: number;
  readonly segs: Segment[];
}

/** A gap wider than this share of the font size separates two segments of a line. */
const SEGMENT_GAP = 0.6;
/** Lines of one table are at most this many font sizes apart. */
const TABLE_GAP = 5;
/** Wrapped lines of one cell are at most this many font sizes apart (baseline to baseline). */
const WRAP_PITCH = 1.45;

const NUMERIC = /^[（(]?[-−–—－+]?[\d０-９][\d０-９,，.．\s]*[)）]?%?$|^[-—–－]{1,3}$/;
const AMOUNT = /^[-−]?\d{1,3}([,，]\d{3})+(\.\d+)?$|^[-−]?\d+\.\d{1,2}$/;
const CJK_END = /[\u3400-\u9fff\uf900-\ufaff）)]$/;
const CJK_START = /^[\u3400-\u9fff\uf900-\ufaff（(]/;
const TOTAL = /^(合\s*计|总\s*计|小\s*计)$/;
const CAPTION = /^(编制|填报)(部门|单位)|^单位\s*[:：]/;
const NOTE = /^(注|说明|备注)\s*[:：\d一二三四五六七八九十①-⑳]/;

/** What the aligned tables of a page took, and the runs left over. */
export interface AlignedResult {
  readonly rows: RowItem[];
  readonly rest: Run[];
}

/**
 * Finds the tables among a page's free runs by alignment and reads them into rows. `rules` are the
 * page's horizontal rules not used by a ruled table (they separate rows when present); `firstTable`
 * numbers the tables after the page's ruled ones.
 */
export function alignTables(
  runs: Run[],
  rules: Rule[],
  page: number,
  lineOf: (y: number) => number,
  firstTable: number,
): AlignedResult {
  if (runs.length === 0) return { rows: [], rest: runs };
  const lines = groupLines(runs).map(toLine);
  const regions = findRegions(lines);
  if (regions.length === 0) return { rows: [], rest: runs };
  const taken = new Set<Run>();
  const rows: RowItem[] = [];
  regions.forEach((region, k) => {
    const out = readRegion(region, rules, page, lineOf, firstTable + k);
    if (out.length === 0) return;
    rows.push(...out);
    for (const l of region) for (const r of l.runs) taken.add(r);
  });
  return { rows, rest: runs.filter((r) => !taken.has(r)) };
}

/**
 * How many printed lines of one ruled cell look like several cells side by side (a figure apart from
 * other text, or three pieces of text apart): the rules between those columns are missing.
 */
export function holdsColumns(runs: Run[]): number {
  if (runs.length < 2) return 0;
  return groupLines(runs).filter((line) => {
    const segs = segments(line);
    return (
      segs.length >= 3 ||
      (segs.length >= 2 && segs.some((s) => AMOUNT.test(s.text.trim()) || /^\d{3,}$/.test(s.text.trim())))
    );
  }).length;
}

function toLine(runs: Run[]): Line {
  const sizes = runs.map((r) => r.size).sort((a, b) => a - b);
  const size = sizes[(sizes.length - 1) >> 1]!;
  const ys = runs.map((r) => r.y).sort((a, b) => a - b);
  return { runs, y: ys[(ys.length - 1) >> 1]!, size, segs: segments(runs) };
}

/** Splits a printed line (runs left to right) where a gap is wider than {@link SEGMENT_GAP}. */
export function segments(runs: Run[]): Segment[] {
  const out: Segment[] = [];
  let cur: Run[] = [];
  let end = -Infinity;
  const flush = () => {
    if (cur.length === 0) return;
    const text = cellText(cur);
    const x0 = Math.min(...cur.map((r) => r.x));
    const x1 = Math.max(...cur.map((r) => r.x + r.w));
    const size = Math.max(...cur.map((r) => r.size));
    out.push({ runs: cur, x0, x1, y: cur[0]!.y, size, text, numeric: NUMERIC.test(text.trim()) });
    cur = [];
  };
  for (const r of runs) {
    const prev = cur[cur.length - 1];
    const gap = r.x - end;
    // A formatted amount ends its cell: the next cell may start closer than a wide gap.
    // Chinese text runs on without spaces: a visible gap between two Chinese runs separates cells.
    const cjk = CJK_END.test(prev?.str ?? "") && CJK_START.test(r.str);
    if (
      prev &&
      (gap > (cjk ? 0.3 : SEGMENT_GAP) * Math.max(r.size, prev.size) ||
        (gap > 0.15 * prev.size && AMOUNT.test(prev.str.trim())))
    )
      flush();
    cur.push(r);
    end = Math.max(end, r.x + r.w);
  }
  flush();
  return out.filter((s) => s.text !== "");
}

const isCaption = (l: Line) => l.segs.some((s) => CAPTION.test(s.text));
const isNote = (l: Line) => NOTE.test(l.segs[0]?.text ?? "");
const numericCount = (l: Line) => l.segs.filter((s) => s.numeric).length;
/** A line that looks like a table row: several cells, at least one of them a figure, or three cells. */
const isSeed = (l: Line) =>
  !isCaption(l) && !isNote(l) && ((l.segs.length >= 2 && numericCount(l) >= 1) || l.segs.length >= 3);
const sameSize = (a: Line, b: Line) => Math.abs(a.size - b.size) <= 0.15 * Math.max(a.size, b.size);

/** Groups the lines of a page into table regions (top to bottom), each a list of lines. */
function findRegions(lines: Line[]): Line[][] {
  const regions: Line[][] = [];
  let i = 0;
  const used = new Set<number>();
  while (i < lines.length) {
    if (!isSeed(lines[i]!)) {
      i++;
      continue;
    }
    // A core of seed lines, with short lines (wrapped labels, lone cells) between them.
    let start = i;
    let end = i;
    let j = i + 1;
    while (j < lines.length) {
      const l = lines[j]!;
      const prev = lines[j - 1]!;
      if (l.y - prev.y > TABLE_GAP * prev.size || !sameSize(l, lines[end]!) || isCaption(l) || isNote(l))
        break;
      if (isSeed(l)) {
        end = j;
        j++;
        continue;
      }
      if (!small(l, lines.slice(start, end + 1))) break;
      j++;
    }
    const core = lines.slice(start, end + 1);
    const width = extent(core);
    // Header lines above the first seed line.
    while (start - 1 >= 0 && !used.has(start - 1)) {
      const l = lines[start - 1]!;
      const below = lines[start]!;
      if (below.y - l.y > TABLE_GAP * l.size || !sameSize(l, below) || isCaption(l) || isNote(l)) break;
      if (l.segs.some((s) => s.x1 - s.x0 > 0.6 * (width[1] - width[0]))) break; // a sentence, a title
      if (l.segs.some((s) => s.x1 < width[0] - 2 * l.size || s.x0 > width[1] + 2 * l.size)) break;
      start--;
    }
    // Lone short cells just below (the 合计 row of an empty table, a wrapped last label).
    const pitch = rowPitch(lines.slice(start, end + 1));
    while (end + 1 < lines.length) {
      const l = lines[end + 1]!;
      const prev = lines[end]!;
      if (
        l.y - prev.y > Math.max(2.5 * prev.size, 1.3 * pitch) ||
        !sameSize(l, prev) ||
        isCaption(l) ||
        isNote(l)
      )
        break;
      if (!small(l, lines.slice(start, end + 1))) break;
      end++;
    }
    const region = lines.slice(start, end + 1);
    if (isTable(region)) {
      regions.push(region);
      for (let k = start; k <= end; k++) used.add(k);
    }
    i = Math.max(end + 1, j);
  }
  return regions;
}

/** A line that can be part of a table: each of its segments is narrow against the table. */
function small(l: Line, table: Line[]): boolean {
  const [x0, x1] = extent([...table, l]);
  const w = x1 - x0;
  return w > 0 && l.segs.every((s) => s.x1 - s.x0 <= 0.45 * w);
}

function extent(lines: Line[]): [number, number] {
  let a = Infinity;
  let b = -Infinity;
  for (const l of lines) {
    for (const s of l.segs) {
      a = Math.min(a, s.x0);
      b = Math.max(b, s.x1);
    }
  }
  return [a, b];
}

/** Median distance between consecutive lines carrying figures (Infinity when under two). */
function rowPitch(lines: Line[]): number {
  const ys = lines.filter((l) => numericCount(l) > 0).map((l) => l.y);
  const d: number[] = [];
  for (let i = 1; i < ys.length; i++) d.push(ys[i]! - ys[i - 1]!);
  d.sort((a, b) => a - b);
  return d.length === 0 ? Infinity : d[(d.length - 1) >> 1]!;
}

/** A region is a table when its lines make at least three columns, or carry two figures side by side. */
function isTable(region: Line[]): boolean {
  const seeds = region.filter(isSeed);
  if (seeds.length === 0) return false;
  if (seeds.some((l) => numericCount(l) >= 2)) return true;
  return seeds.length >= 2 && seeds.some((l) => l.segs.length >= 3);
}

/** A column: the x-range its cells cover. */
interface Column {
  x0: number;
  x1: number;
}

/** A header cell: segments of consecutive header lines stacked in one place. */
interface Block {
  segs: Segment[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  /** Rows [r0, r1] it covers at least, then those it was widened to. */
  r0: number;
  r1: number;
  cols: number[];
}

function readRegion(
  region: Line[],
  rules: Rule[],
  page: number,
  lineOf: (y: number) => number,
  table: number,
): RowItem[] {
  const size = median(region.map((l) => l.size));
  const [left, right] = extent(region);
  const firstFigure = region.findIndex((l) => numericCount(l) > 0 && l.segs.length >= 2);
  let headerEnd: number; // header lines are region[0 .. headerEnd)
  if (firstFigure >= 0) headerEnd = firstFigure;
  else {
    let lastMulti = -1;
    region.forEach((l, i) => {
      if (l.segs.length >= 2) lastMulti = i;
    });
    headerEnd = lastMulti + 1;
  }
  const headerLines = region.slice(0, headerEnd);
  const bodyLines = region.slice(headerEnd);

  // Columns: the body's segments, narrowest first; a segment over two columns is a merged cell.
  const cols: Column[] = [];
  const bodySegs = bodyLines.flatMap((l) => l.segs);
  // A total row's label is a merged cell over the code and name columns: it makes no column.
  clusterInto(
    cols,
    bodyLines.flatMap((l) => l.segs.filter((s, i) => !(i === 0 && TOTAL.test(s.text)))),
  );
  const blocks = stackBlocks(headerLines);

  // Rows from horizontal rules, when the page has them across this table.
  const top = region[0]!.y - 2 * size;
  const bottom = region[region.length - 1]!.y + size;
  const hs = rules.filter(
    (r) =>
      r.kind === "h" && r.pos > top && r.pos < bottom && Math.min(r.to, right) - Math.max(r.from, left) > 0,
  );
  const long = hs.filter((r) => Math.min(r.to, right) - Math.max(r.from, left) > 0.3 * (right - left));
  const ruled = clusterValues(long.length >= 2 ? hs.map((r) => r.pos) : []);

  if (ruled.length >= 2) {
    // Header blocks whose band ends where the header ends and that sit over no body column are
    // columns of their own (a column empty in every data row).
    const below = (s: Segment) => {
      const cy = s.y - 0.35 * s.size;
      const xc = (s.x0 + s.x1) / 2;
      let y = Infinity;
      for (const h of hs) if (h.pos > cy && h.from - 2 <= xc && h.to + 2 >= xc) y = Math.min(y, h.pos);
      return y;
    };
    const last = Math.max(...blocks.map((b) => below(b.segs[b.segs.length - 1]!)), -Infinity);
    addHeaderColumns(cols, blocks, (b) => Math.abs(below(b.segs[b.segs.length - 1]!) - last) <= 2, bodySegs);
    addFarColumns(cols, bodySegs);
    if (cols.length === 0) return [];
    return emitRuled(region, cols, hs, ruled, left, right, page, lineOf, table);
  }

  if (cols.length === 0 && blocks.length === 0) return [];
  const K = assignHeaderRows(blocks, cols, size);
  addHeaderColumns(cols, blocks, (b) => b.r1 === K - 1, bodySegs);
  addFarColumns(cols, bodySegs);
  const mid = columnEdges(cols, left, right);
  for (const b of blocks) {
    b.cols = overlapped(cols, b.x0, b.x1);
    if (b.cols.length === 0) b.cols = [containing(mid, (b.x0 + b.x1) / 2)];
  }
  if (cols.length === 0) return [];
  const edges = columnEdges(cols, left, right, blocks, bodySegs);
  const grid: Run[][][] = [];
  const rowY: number[] = [];
  const ensure = (r: number, y: number) => {
    while (grid.length <= r) grid.push(cols.map(() => []));
    rowY[r] = Math.min(rowY[r] ?? Infinity, y);
  };
  // Header cells: each block in its first row, in the first column of the columns it is centred on.
  for (const b of blocks) {
    const rowsOf = (o: Block) => [o.r0, o.r1] as const;
    const others = blocks.filter((o) => o !== b && rowsOf(o)[0] <= b.r1 && rowsOf(o)[1] >= b.r0);
    const c = centredColumn(
      b.cols,
      (b.x0 + b.x1) / 2,
      edges,
      others.map((o) => o.cols),
      b.size,
    );
    ensure(b.r0, b.top);
    grid[b.r0]![c]!.push(...b.segs.flatMap((s) => s.runs));
  }
  // Body rows: one per line with figures (or several cells); other lines join the row they belong to.
  const rows = bodyRows(bodyLines, cols, size);
  rows.forEach((group, k) => {
    const r = K + k;
    ensure(r, Math.min(...group.map((l) => l.y)));
    for (const l of group) {
      const taken = l.segs.map((s) => overlapped(cols, s.x0, s.x1));
      l.segs.forEach((s, i) => {
        const others = taken.filter((_, j) => j !== i);
        const own = taken[i]!;
        const c =
          own.length === 1
            ? own[0]!
            : own.length === 0
              ? nearest(cols, s)
              : centredColumn(own, (s.x0 + s.x1) / 2, edges, others, s.size);
        grid[r]![c]!.push(...s.runs);
      });
    }
  });
  return toItems(grid, rowY, edges, cols, page, lineOf, table);
}

/** Rows of a table whose horizontal rules survive: the bands between rules crossing each cell. */
function emitRuled(
  region: Line[],
  cols: Column[],
  hs: Rule[],
  ys: number[],
  left: number,
  right: number,
  page: number,
  lineOf: (y: number) => number,
  table: number,
): RowItem[] {
  const edges = columnEdges(cols, left, right);
  const grid: Run[][][] = [];
  const rowY: number[] = [];
  for (const l of region) {
    for (const s of l.segs) {
      const cy = s.y - 0.35 * s.size;
      const xc = (s.x0 + s.x1) / 2;
      let band = 0;
      ys.forEach((y, k) => {
        if (y < cy && hs.some((h) => Math.abs(h.pos - y) <= 2 && h.from - 2 <= xc && h.to + 2 >= xc))
          band = k + 1;
      });
      while (grid.length <= band) grid.push(cols.map(() => []));
      rowY[band] = Math.min(rowY[band] ?? Infinity, s.y);
      const own = overlapped(cols, s.x0, s.x1);
      const c = own.length === 1 ? own[0]! : own.length === 0 ? nearest(cols, s) : own[0]!;
      grid[band]![c]!.push(...s.runs);
    }
  }
  return toItems(grid, rowY, edges, cols, page, lineOf, table);
}

function toItems(
  grid: Run[][][],
  rowY: number[],
  edges: number[],
  cols: Column[],
  page: number,
  lineOf: (y: number) => number,
  table: number,
): RowItem[] {
  const items: RowItem[] = [];
  const centres = cols.map((c) => (c.x0 + c.x1) / 2);
  grid.forEach((row, r) => {
    const cells = row.map((runs) => cellText(runs));
    if (cells.every((c) => c === "")) return;
    const y = rowY[r]!;
    items.push({ kind: "row", page, line: lineOf(y), y: y - 1e-3, cells, xs: edges, table, centres });
  });
  return items;
}

/** Adds segments to columns, narrowest first: a segment over one column widens it, over none starts one, over two or more is a merged cell. */
function clusterInto(cols: Column[], segs: Array<{ x0: number; x1: number }>): void {
  const sorted = [...segs].sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0));
  for (const s of sorted) {
    const hit = cols.filter((c) => s.x0 < c.x1 && s.x1 > c.x0);
    if (hit.length === 0) cols.push({ x0: s.x0, x1: s.x1 });
    else if (hit.length === 1) {
      hit[0]!.x0 = Math.min(hit[0]!.x0, s.x0);
      hit[0]!.x1 = Math.max(hit[0]!.x1, s.x1);
    }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  // Widening may have made neighbours touch: join them.
  for (let i = 1; i < cols.length; i++) {
    if (cols[i]!.x0 < cols[i - 1]!.x1) {
      cols[i - 1]!.x1 = Math.max(cols[i - 1]!.x1, cols[i]!.x1);
      cols.splice(i, 1);
      i--;
    }
  }
}

/**
 * Header blocks over no column become columns (a column empty in every data row) — except the one
 * next to a column whose figures are right-aligned under it (or whose labels are left-aligned under
 * it): a centred header over a narrow column of figures need not reach them.
 */
function addHeaderColumns(
  cols: Column[],
  blocks: Block[],
  leaf: (b: Block) => boolean,
  body: Segment[],
): void {
  const lone = blocks.filter((b) => leaf(b) && overlapped(cols, b.x0, b.x1).length === 0);
  if (lone.length === 0) return;
  const numeric = cols.map((c) => {
    const inCol = body.filter((s) => s.x0 < c.x1 && s.x1 > c.x0);
    return inCol.length > 0 && inCol.filter((s) => s.numeric).length * 2 >= inCol.length;
  });
  const byGap = new Map<number, Block[]>();
  for (const b of lone) {
    let g = 0; // the gap before column g
    while (g < cols.length && cols[g]!.x0 < b.x1) g++;
    byGap.set(g, [...(byGap.get(g) ?? []), b]);
  }
  const added: Block[] = [];
  for (const [g, list] of byGap) {
    list.sort((a, b) => a.x0 - b.x0);
    const lastB = list[list.length - 1]!;
    if (g < cols.length && numeric[g] && cols[g]!.x0 - lastB.x1 <= 2 * lastB.size) list.pop();
    const firstB = list[0];
    if (firstB && g > 0 && numeric[g - 1] === false && firstB.x0 - cols[g - 1]!.x1 <= 2 * firstB.size)
      list.shift();
    added.push(...list);
  }
  if (added.length > 0) clusterInto(cols, added);
}

/** A body cell far from every column (a total row's label where no label column has text): a column of its own. */
function addFarColumns(cols: Column[], body: Segment[]): void {
  const far = body.filter(
    (s) => overlapped(cols, s.x0, s.x1).length === 0 && distance(cols[nearest(cols, s)], s) > 2 * s.size,
  );
  if (far.length > 0) clusterInto(cols, far);
}

/** Stacks header segments that continue each other on the next printed line (a wrapped header). */
function stackBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  for (const l of lines) {
    for (const s of l.segs) {
      const above = blocks.find((b) => {
        if (s.y - b.bottom > WRAP_PITCH * s.size || s.y - b.bottom < 0.5 * s.size) return false;
        const ov = Math.min(b.x1, s.x1) - Math.max(b.x0, s.x0);
        return ov >= 0.5 * Math.min(b.x1 - b.x0, s.x1 - s.x0);
      });
      if (above) {
        above.segs.push(s);
        above.x0 = Math.min(above.x0, s.x0);
        above.x1 = Math.max(above.x1, s.x1);
        above.bottom = s.y;
      } else
        blocks.push({
          segs: [s],
          x0: s.x0,
          x1: s.x1,
          top: s.y,
          bottom: s.y,
          size: s.size,
          r0: 0,
          r1: 0,
          cols: [],
        });
    }
  }
  return blocks;
}

/**
 * Places header blocks in rows. The rows are the distinct centres of the blocks at least a row
 * apart; a block centred between two rows covers both; a block then widens (up and down alike,
 * as centred text does) while no other block is in its way. Returns the number of header rows.
 */
function assignHeaderRows(blocks: Block[], cols: Column[], size: number): number {
  if (blocks.length === 0) return 0;
  const centre = (b: Block) => (b.top + b.bottom) / 2;
  const centres = clusterValues(blocks.map(centre), 1.5);
  const rows: number[] = [];
  for (const c of centres) if (rows.length === 0 || c - rows[rows.length - 1]! >= 1.5 * size) rows.push(c);
  const K = rows.length;
  for (const b of blocks) {
    b.cols = overlapped(cols, b.x0, b.x1);
    const c = centre(b);
    let k = 0;
    while (k + 1 < K && rows[k + 1]! <= c + 1.5) k++;
    const at =
      Math.abs(rows[k]! - c) <= 0.25 * (k + 1 < K ? rows[k + 1]! - rows[k]! : 1.5 * size) || k + 1 >= K;
    b.r0 = k;
    b.r1 = at ? k : k + 1;
  }
  const minimal = blocks.map((b) => [b.r0, b.r1] as const);
  const clash = (i: number, j: number) => {
    const a = blocks[i]!;
    const b = blocks[j]!;
    if (a.cols.some((c) => b.cols.includes(c))) return true;
    return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;
  };
  blocks.forEach((b, i) => {
    let [r0, r1] = minimal[i]!;
    while (r0 - 1 >= 0 && r1 + 1 < K) {
      const free = (r: number) =>
        blocks.every((_, j) => j === i || !(minimal[j]![0] <= r && minimal[j]![1] >= r && clash(i, j)));
      if (!free(r0 - 1) || !free(r1 + 1)) break;
      r0--;
      r1++;
    }
    b.r0 = r0;
    b.r1 = r1;
  });
  return K;
}

/** Groups body lines into rows: lines with figures or several cells start rows; a lone line joins its row. */
function bodyRows(lines: Line[], cols: Column[], size: number): Line[][] {
  const anchors = lines.map((l) => l.segs.length >= 2 || numericCount(l) > 0);
  const pitch = rowPitch(lines);
  const limit = Number.isFinite(pitch) ? 0.75 * pitch : 1.6 * size;
  const colsOf = (l: Line) => new Set(l.segs.flatMap((s) => overlapped(cols, s.x0, s.x1)));
  const groups: Line[][] = [];
  const groupOf = new Map<number, number>();
  lines.forEach((l, i) => {
    if (anchors[i]) {
      groupOf.set(i, groups.length);
      groups.push([l]);
    }
  });
  lines.forEach((l, i) => {
    if (anchors[i]) return;
    let a = i - 1;
    while (a >= 0 && !anchors[a]) a--;
    let b = i + 1;
    while (b < lines.length && !anchors[b]) b++;
    const mine = colsOf(l);
    const up = a >= 0 ? l.y - lines[a]!.y : Infinity;
    const down = b < lines.length ? lines[b]!.y - l.y : Infinity;
    const emptyIn = (k: number) =>
      k >= 0 && k < lines.length && ![...colsOf(lines[k]!)].some((c) => mine.has(c));
    let target: number | undefined;
    // Centred cells: a label line above or below a row's figures, where that row has no text of its own.
    if (emptyIn(b) && down <= up && down <= limit) target = b;
    else if (emptyIn(a) && up <= down && up <= limit) target = a;
    // Top-aligned cells: the label's next line under the row's first line.
    else if (a >= 0 && up <= limit) target = a;
    else if (b < lines.length && down <= Math.min(limit, 1.6 * size)) target = b;
    if (target !== undefined) groups[groupOf.get(target)!]!.push(l);
    else {
      // A row of its own, in order.
      let pos = groups.findIndex((g) => g[0]!.y > l.y);
      if (pos < 0) pos = groups.length;
      groups.splice(pos, 0, [l]);
      for (const [k, g] of groupOf) if (g >= pos) groupOf.set(k, g + 1);
    }
  });
  return groups;
}

function overlapped(cols: Column[], x0: number, x1: number): number[] {
  const out: number[] = [];
  cols.forEach((c, i) => {
    if (x0 < c.x1 && x1 > c.x0) out.push(i);
  });
  return out;
}

function distance(c: Column | undefined, s: { x0: number; x1: number }): number {
  return c ? Math.max(c.x0 - s.x1, s.x0 - c.x1, 0) : Infinity;
}

function nearest(cols: Column[], s: { x0: number; x1: number }): number {
  let best = 0;
  let dist = Infinity;
  cols.forEach((c, i) => {
    const d = Math.max(c.x0 - s.x1, s.x0 - c.x1, 0);
    if (d < dist) {
      dist = d;
      best = i;
    }
  });
  return best;
}

/**
 * Column boundaries. A header centred over one column tells where that column's cell ends on the
 * side its contents do not touch (labels are left-aligned, figures right-aligned); elsewhere the
 * middle of the gap between two columns.
 */
function columnEdges(
  cols: Column[],
  left: number,
  right: number,
  blocks: Block[] = [],
  body: Segment[] = [],
): number[] {
  if (cols.length === 0) return [left, right];
  const n = cols.length;
  const L: Array<number | undefined> = new Array(n).fill(undefined);
  const R: Array<number | undefined> = new Array(n).fill(undefined);
  cols.forEach((c, j) => {
    const heads = blocks.filter((b) => b.cols.length === 1 && b.cols[0] === j).sort((a, b) => b.r0 - a.r0);
    const head = heads[0];
    if (!head) return;
    const pad = 0.25 * head.size;
    const centre = (head.x0 + head.x1) / 2;
    const inCol = body.filter((s) => s.x0 < c.x1 && s.x1 > c.x0);
    const numeric = inCol.length > 0 && inCol.filter((s) => s.numeric).length * 2 >= inCol.length;
    if (numeric) {
      R[j] = c.x1 + pad;
      L[j] = 2 * centre - R[j]!;
    } else {
      L[j] = c.x0 - pad;
      R[j] = 2 * centre - L[j]!;
    }
    if (L[j]! > Math.min(c.x0, head.x0) || R[j]! < Math.max(c.x1, head.x1)) L[j] = R[j] = undefined;
  });
  const edges = [Math.min(L[0] ?? Infinity, left, cols[0]!.x0)];
  for (let j = 1; j < n; j++) {
    const a = cols[j - 1]!.x1;
    const b = cols[j]!.x0;
    const known = [R[j - 1], L[j]].filter((v): v is number => v !== undefined);
    const e = known.length > 0 ? known.reduce((x, y) => x + y, 0) / known.length : (a + b) / 2;
    edges.push(Math.min(b, Math.max(a, e)));
  }
  edges.push(Math.max(R[n - 1] ?? -Infinity, right, cols[n - 1]!.x1));
  return edges;
}

/**
 * The first column of the widest run of columns that text centred at `centre` spans: it holds the
 * columns the text overlaps (`own`), none that other cells of its rows take, and its middle is the
 * text's middle.
 */
function centredColumn(
  own: number[],
  centre: number,
  edges: number[],
  others: number[][],
  size: number,
): number {
  const n = edges.length - 1;
  if (n <= 0) return 0;
  const blocked = new Set(others.flat());
  let lo = own.length > 0 ? Math.min(...own) : -1;
  let hi = own.length > 0 ? Math.max(...own) : -1;
  if (lo < 0) lo = hi = containing(edges, centre); // over no column: the one whose range holds the centre
  let best = -1;
  let bestWidth = -1;
  for (let a = lo; a >= 0; a--) {
    if (a < lo && blocked.has(a)) break;
    for (let b = hi; b < n; b++) {
      if (b > hi && blocked.has(b)) break;
      const mid = (edges[a]! + edges[b + 1]!) / 2;
      const width = edges[b + 1]! - edges[a]!;
      if (Math.abs(mid - centre) <= Math.max(0.5 * size, 0.02 * width) && width > bestWidth) {
        best = a;
        bestWidth = width;
      }
    }
  }
  return best >= 0 ? best : lo;
}

/** The column whose range (between edges) holds x. */
function containing(edges: number[], x: number): number {
  let k = 0;
  while (k < edges.length - 2 && x > edges[k + 1]!) k++;
  return k;
}

function clusterValues(values: number[], gap = 2): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= gap) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[(s.length - 1) >> 1]!;
}
