/**
 * Ruled tables: ruling lines → a lattice of rows and columns, with merged cells where a rule stops
 * short; text runs → the cells they fall in.
 */
import type { Rule, Run } from "./geometry";
import { DisjointSets } from "./disjoint-sets";

/** Rules closer than this (points) are the same line. */
const SAME_LINE = 2;
/** Segments of one line with gaps up to this (points) join; rules meet when this close. */
const JOIN = 3;

/** A merged cell: rows r0..r1, columns c0..c1 of its lattice (inclusive). */
export interface Region {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
  readonly runs: Run[];
}

/** A ruled table on one page. */
export interface Lattice {
  /** Column boundaries, left to right (columns = xs.length − 1). */
  readonly xs: number[];
  /** Row boundaries, top to bottom (rows = ys.length − 1). */
  readonly ys: number[];
  readonly regions: Region[];
  /** Region index of each cell, [row][col]. */
  readonly cell: number[][];
}

/** Joins collinear pieces of rules into whole lines. */
export function mergeRules(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const kind of ["h", "v"] as const) {
    const list = rules.filter((r) => r.kind === kind).sort((a, b) => a.pos - b.pos || a.from - b.from);
    const groups: Rule[][] = [];
    for (const r of list) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(g[0]!.pos - r.pos) <= SAME_LINE) g.push(r);
      else groups.push([r]);
    }
    for (const g of groups) {
      const pos = g.reduce((s, r) => s + r.pos, 0) / g.length;
      g.sort((a, b) => a.from - b.from);
      let cur: Rule | undefined;
      for (const r of g) {
        if (cur && r.from <= cur.to + JOIN) cur.to = Math.max(cur.to, r.to);
        else {
          cur = { kind, pos, from: r.from, to: r.to };
          out.push(cur);
        }
      }
    }
  }
  return out;
}

/** Groups rules that touch into tables and builds each table's lattice. */
export function findLattices(rules: Rule[]): Lattice[] {
  const merged = mergeRules(rules);
  const sets = new DisjointSets(merged.length);
  const hs = merged.map((r, i) => ({ r, i })).filter((x) => x.r.kind === "h");
  const vs = merged.map((r, i) => ({ r, i })).filter((x) => x.r.kind === "v");
  for (const h of hs) {
    for (const v of vs) {
      if (
        v.r.pos >= h.r.from - JOIN &&
        v.r.pos <= h.r.to + JOIN &&
        h.r.pos >= v.r.from - JOIN &&
        h.r.pos <= v.r.to + JOIN
      ) {
        sets.union(h.i, v.i);
      }
    }
  }
  const comps = new Map<number, Rule[]>();
  merged.forEach((r, i) => {
    const k = sets.find(i);
    comps.set(k, [...(comps.get(k) ?? []), r]);
  });
  const lattices: Lattice[] = [];
  for (const comp of comps.values()) {
    const l = latticeOf(comp);
    if (l) lattices.push(l);
  }
  return lattices;
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= SAME_LINE) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function latticeOf(rules: Rule[]): Lattice | undefined {
  const h = rules.filter((r) => r.kind === "h");
  const v = rules.filter((r) => r.kind === "v");
  if (h.length === 0 || v.length === 0) return undefined;
  // Open sides (no outer rule) take the extent of the other direction's rules.
  const xs = cluster([
    ...v.map((r) => r.pos),
    Math.min(...h.map((r) => r.from)),
    Math.max(...h.map((r) => r.to)),
  ]);
  const ys = cluster([
    ...h.map((r) => r.pos),
    Math.min(...v.map((r) => r.from)),
    Math.max(...v.map((r) => r.to)),
  ]);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols < 2) return undefined;
  const covered = (list: Rule[], pos: number, a: number, b: number): boolean => {
    let len = 0;
    for (const r of list) {
      if (Math.abs(r.pos - pos) > SAME_LINE) continue;
      len += Math.max(0, Math.min(b, r.to) - Math.max(a, r.from));
    }
    return len >= (b - a) * 0.5;
  };
  const sets = new DisjointSets(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (j + 1 < cols && !covered(v, xs[j + 1]!, ys[i]!, ys[i + 1]!))
        sets.union(i * cols + j, i * cols + j + 1);
      if (i + 1 < rows && !covered(h, ys[i + 1]!, xs[j]!, xs[j + 1]!))
        sets.union(i * cols + j, (i + 1) * cols + j);
    }
  }
  const index = new Map<number, number>();
  const bounds: Array<{ r0: number; c0: number; r1: number; c1: number }> = [];
  const cell: number[][] = [];
  for (let i = 0; i < rows; i++) {
    cell.push([]);
    for (let j = 0; j < cols; j++) {
      const root = sets.find(i * cols + j);
      let k = index.get(root);
      if (k === undefined) {
        k = bounds.length;
        index.set(root, k);
        bounds.push({ r0: i, c0: j, r1: i, c1: j });
      }
      const b = bounds[k]!;
      b.r0 = Math.min(b.r0, i);
      b.c0 = Math.min(b.c0, j);
      b.r1 = Math.max(b.r1, i);
      b.c1 = Math.max(b.c1, j);
      cell[i]!.push(k);
    }
  }
  if (bounds.length < 2) return undefined; // a frame around text, not a table
  return { xs, ys, cell, regions: bounds.map((b) => ({ ...b, runs: [] })) };
}

/** Where a point falls in a lattice: [row, col], or undefined outside it. */
export function locate(l: Lattice, x: number, y: number): [number, number] | undefined {
  const { xs, ys } = l;
  if (x < xs[0]! - 1 || x > xs[xs.length - 1]! + 1 || y < ys[0]! - 1 || y > ys[ys.length - 1]! + 1)
    return undefined;
  let c = 0;
  while (c < xs.length - 2 && x > xs[c + 1]!) c++;
  let r = 0;
  while (r < ys.length - 2 && y > ys[r + 1]!) r++;
  return [r, c];
}

/** Estimated advance of each character of a run (CJK and full-width twice as wide as the rest). */
export function charWidths(run: Run): number[] {
  const chars = Array.from(run.str);
  const weights = chars.map((ch) => (/[\u1100-\uffef]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  return weights.map((w) => (w / total) * run.w);
}

/**
 * Puts a run into the cells of a lattice; a run that crosses a rule between two cells is split
 * there, character by character. Returns false when the run is not inside the lattice.
 */
export function place(l: Lattice, run: Run): boolean {
  const cy = run.y - run.size * 0.35;
  const at = locate(l, run.x + run.w / 2, cy);
  if (!at) return false;
  const start = locate(l, run.x + 0.5, cy);
  const end = locate(l, run.x + run.w - 0.5, cy);
  const r = at[0];
  if (!start || !end || l.cell[r]![start[1]] === l.cell[r]![end[1]]) {
    l.regions[l.cell[r]![at[1]]!]!.runs.push(run);
    return true;
  }
  const chars = Array.from(run.str);
  const widths = charWidths(run);
  let x = run.x;
  let piece: Run | undefined;
  let pieceRegion = -1;
  chars.forEach((ch, i) => {
    const w = widths[i]!;
    const pos = locate(l, x + w / 2, cy);
    const region = pos ? l.cell[pos[0]]![pos[1]]! : pieceRegion;
    if (!piece || region !== pieceRegion) {
      if (piece && pieceRegion >= 0) l.regions[pieceRegion]!.runs.push(piece);
      piece = { str: ch, x, y: run.y, w, size: run.size, spaceBefore: false };
      pieceRegion = region;
    } else {
      piece.str += ch;
      piece.w += w;
    }
    x += w;
  });
  if (piece && pieceRegion >= 0) l.regions[pieceRegion]!.runs.push(piece);
  return true;
}
