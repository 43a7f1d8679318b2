/**
 * Page geometry: text runs and ruling lines in one top-down coordinate system (the page as printed,
 * origin top left, y growing downward, in points), whatever the PDF's own transforms and rotation.
 */

/** A 2-D affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = readonly [number, number, number, number, number, number];

/** The identity matrix. */
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 (PDF's `cm` order: the new matrix is m1 × m2). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

/** Applies a matrix to a point. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A piece of text as printed: left x, baseline y (top-down), width and font size, in points. */
export interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  /** A whitespace-only item came just before this run on its line. */
  spaceBefore: boolean;
}

/** A ruling line: horizontal ("h", at y = pos from x = from to x = to) or vertical ("v"). */
export interface Rule {
  readonly kind: "h" | "v";
  pos: number;
  from: number;
  to: number;
}

/** One page's content. */
export interface PageContent {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly runs: Run[];
  readonly rules: Rule[];
}

/** Rectangles thinner than this (points) are rules, not fills. */
export const RULE_THICKNESS = 2;
/** Stroked segments within this slope (points across per point along) count as axis-aligned. */
const SKEW = 0.02;

/**
 * Collects the rules of a path painted on the page: thin filled rectangles, stroked lines and the
 * edges of stroked rectangles. `points` are subpaths already in page coordinates.
 */
export function rulesOfPath(
  subpaths: Array<Array<[number, number]>>,
  filled: boolean,
  stroked: boolean,
  out: Rule[],
): void {
  for (const pts of subpaths) {
    if (pts.length < 2) continue;
    const rect = asRectangle(pts);
    if (rect) {
      const w = rect.x1 - rect.x0;
      const h = rect.y1 - rect.y0;
      if (Math.min(w, h) < RULE_THICKNESS) {
        if (Math.max(w, h) < RULE_THICKNESS) continue; // a dot
        if (w >= h) out.push({ kind: "h", pos: (rect.y0 + rect.y1) / 2, from: rect.x0, to: rect.x1 });
        else out.push({ kind: "v", pos: (rect.x0 + rect.x1) / 2, from: rect.y0, to: rect.y1 });
        continue;
      }
      if (stroked) {
        out.push({ kind: "h", pos: rect.y0, from: rect.x0, to: rect.x1 });
        out.push({ kind: "h", pos: rect.y1, from: rect.x0, to: rect.x1 });
        out.push({ kind: "v", pos: rect.x0, from: rect.y0, to: rect.y1 });
        out.push({ kind: "v", pos: rect.x1, from: rect.y0, to: rect.y1 });
      }
      continue; // a filled area (cell shading, background) is not a rule
    }
    if (!stroked || filled) continue;
    for (let i = 1; i < pts.length; i++) {
      const [xa, ya] = pts[i - 1]!;
      const [xb, yb] = pts[i]!;
      const dx = Math.abs(xb - xa);
      const dy = Math.abs(yb - ya);
      if (dx < RULE_THICKNESS && dy < RULE_THICKNESS) continue;
      if (dy <= dx * SKEW)
        out.push({ kind: "h", pos: (ya + yb) / 2, from: Math.min(xa, xb), to: Math.max(xa, xb) });
      else if (dx <= dy * SKEW)
        out.push({ kind: "v", pos: (xa + xb) / 2, from: Math.min(ya, yb), to: Math.max(ya, yb) });
    }
  }
}

function asRectangle(
  pts: Array<[number, number]>,
): { x0: number; y0: number; x1: number; y1: number } | undefined {
  let n = pts.length;
  if (n === 5 && near(pts[0]!, pts[4]!)) n = 4;
  if (n !== 4) return undefined;
  const xs = new Set<number>();
  const ys = new Set<number>();
  for (let i = 0; i < 4; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % 4]!;
    const axis = Math.abs(a[0] - b[0]) < 0.01 || Math.abs(a[1] - b[1]) < 0.01;
    if (!axis) return undefined;
    xs.add(Math.round(a[0] * 100));
    ys.add(Math.round(a[1] * 100));
  }
  if (xs.size > 2 || ys.size > 2) return undefined;
  const X = pts.slice(0, 4).map((p) => p[0]);
  const Y = pts.slice(0, 4).map((p) => p[1]);
  return { x0: Math.min(...X), y0: Math.min(...Y), x1: Math.max(...X), y1: Math.max(...Y) };
}

function near(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
}
