/**
 * pdfjs-dist (legacy build) behind one function per page: text runs and ruling lines in page
 * coordinates. pdfjs runs in this thread (its "fake worker"), in Node and in a browser alike.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import {
  IDENTITY,
  apply,
  multiply,
  rulesOfPath,
  type Matrix,
  type PageContent,
  type Rule,
  type Run,
} from "./geometry";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<Pdfjs> | undefined;

/** Loads pdfjs-dist once, with its worker code in this thread. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const g = globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } };
    if (!g.pdfjsWorker?.WorkerMessageHandler) await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return lib;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Counts of what a page held, for the limits. */
export interface PageStats {
  operators: number;
  chars: number;
}

/** Reads one page's text runs and rules. */
export async function readPage(
  lib: Pdfjs,
  doc: PDFDocumentProxy,
  pageNo: number,
  stats: PageStats,
): Promise<PageContent> {
  const page: PDFPageProxy = await doc.getPage(pageNo);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const vt = viewport.transform as unknown as Matrix;
    const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
    stats.operators = ops.fnArray.length;
    const runs: Run[] = [];
    let chars = 0;
    let pendingSpace = false;
    for (const item of text.items) {
      if (!("str" in item)) continue;
      const str = item.str;
      chars += str.length;
      if (str.trim() === "") {
        if (str.length > 0) pendingSpace = true;
        if (item.hasEOL) pendingSpace = false;
        continue;
      }
      const t = item.transform as number[];
      const m = multiply(t as unknown as Matrix, vt);
      const [x, y] = [m[4], m[5]];
      const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 10;
      // Width along the baseline, in page units (item.width is in the item's own user space).
      const scale = Math.hypot(vt[0], vt[1]) || 1;
      runs.push({ str, x, y, w: Math.abs(item.width) * scale, size, spaceBefore: pendingSpace });
      pendingSpace = false;
      if (item.hasEOL) pendingSpace = false;
    }
    stats.chars = chars;
    const { rules, hidden } = scanOperators(lib, ops.fnArray, ops.argsArray, vt);
    const visible = hidden.length === 0 ? runs : runs.filter((r) => !nearHidden(hidden, r.x, r.y));
    return { page: pageNo, width: viewport.width, height: viewport.height, runs: visible, rules };
  } finally {
    page.cleanup();
  }
}

/** Whether a run starts within 1 point of a hidden text start (points indexed by whole-point cells). */
function nearHidden(hidden: HiddenIndex, x: number, y: number): boolean {
  const cx = Math.floor(x);
  const cy = Math.floor(y);
  for (let i = cx - 1; i <= cx + 1; i++) {
    for (let j = cy - 1; j <= cy + 1; j++) {
      for (const h of hidden.cells.get(`${i},${j}`) ?? [])
        if (Math.abs(h[0] - x) < 1 && Math.abs(h[1] - y) < 1) return true;
    }
  }
  return false;
}

/** Hidden text starts, by whole-point cell. */
class HiddenIndex {
  readonly cells = new Map<string, Array<[number, number]>>();
  length = 0;
  push(p: [number, number]): void {
    const k = `${Math.floor(p[0])},${Math.floor(p[1])}`;
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
    this.length++;
  }
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * Walks an operator list, tracking the transform and the clipping area, and collects the ruling
 * lines and the start points of text drawn entirely outside the clipping area (text a PDF writer
 * left on the page but hid, e.g. lines repeated from the page before).
 */
export function scanOperators(
  lib: Pdfjs,
  fnArray: number[],
  argsArray: unknown[],
  vt: Matrix,
): { rules: Rule[]; hidden: HiddenIndex } {
  const OPS = lib.OPS;
  const rules: Rule[] = [];
  const hidden = new HiddenIndex();
  let ctm: Matrix = IDENTITY;
  const stack: Array<{ ctm: Matrix; clip: Box | undefined }> = [];
  let clip: Box | undefined;
  let pendingClip = false;
  // Text state: line matrix, leading, font size.
  let tlm: Matrix = IDENTITY;
  let leading = 0;
  let fontSize = 10;
  const textStart = () => {
    if (!clip) return;
    // tlm × ctm × vt, only the parts needed (no matrices allocated per text operator).
    const e1 = tlm[4] * ctm[0] + tlm[5] * ctm[2] + ctm[4];
    const f1 = tlm[4] * ctm[1] + tlm[5] * ctm[3] + ctm[5];
    const c1 = tlm[2] * ctm[0] + tlm[3] * ctm[2];
    const d1 = tlm[2] * ctm[1] + tlm[3] * ctm[3];
    const x = e1 * vt[0] + f1 * vt[2] + vt[4];
    const y = e1 * vt[1] + f1 * vt[3] + vt[5];
    const size = Math.abs(fontSize) * (Math.hypot(c1 * vt[0] + d1 * vt[2], c1 * vt[1] + d1 * vt[3]) || 1);
    if (x < clip.x0 - 1 || x > clip.x1 + 1 || y - size * 0.8 > clip.y1 + 1 || y < clip.y0 - 1)
      hidden.push([x, y]);
  };
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
  };
  let fillWhite = false;
  let strokeWhite = false;
  // Older pdfjs versions: path pieces come as separate ops and the paint op follows.
  let pending: Array<Array<[number, number]>> = [];
  const toPage = (x: number, y: number): [number, number] => apply(vt, ...apply(ctm, x, y));

  const paint = (op: number, subpaths: Array<Array<[number, number]>>) => {
    const filled =
      op === OPS.fill ||
      op === OPS.eoFill ||
      op === OPS.fillStroke ||
      op === OPS.eoFillStroke ||
      op === OPS.closeFillStroke ||
      op === OPS.closeEOFillStroke;
    const stroked =
      op === OPS.stroke ||
      op === OPS.closeStroke ||
      op === OPS.fillStroke ||
      op === OPS.eoFillStroke ||
      op === OPS.closeFillStroke ||
      op === OPS.closeEOFillStroke;
    if (!filled && !stroked) return; // a clip (endPath)
    if ((filled && fillWhite && !stroked) || (stroked && strokeWhite && !filled)) return;
    rulesOfPath(subpaths, filled, stroked, rules);
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, clip });
        break;
      case OPS.restore: {
        const top = stack.pop();
        if (top) ({ ctm, clip } = top);
        break;
      }
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.beginText:
        tlm = IDENTITY;
        break;
      case OPS.setFont:
        if (args && typeof args[1] === "number") fontSize = args[1];
        break;
      case OPS.setTextMatrix: {
        // pdfjs 5 passes the matrix as one Float32Array; older versions as six numbers.
        const m =
          args && args.length === 1 ? (args[0] as ArrayLike<number>) : (args as ArrayLike<number> | null);
        if (m && m.length >= 6) tlm = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
        break;
      }
      case OPS.setLeading:
        if (args) leading = Number(args[0]) || 0;
        break;
      case OPS.moveText:
        if (args) moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        if (args) {
          leading = -(Number(args[1]) || 0);
          moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        }
        break;
      case OPS.nextLine:
        moveText(0, -leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        textStart();
        break;
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        moveText(0, -leading);
        textStart();
        break;
      case OPS.transform:
        if (args && args.length >= 6) ctm = multiply(args.map(Number) as unknown as Matrix, ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, clip });
        const m = args?.[0] as ArrayLike<number> | null | undefined;
        if (m && m.length >= 6) ctm = multiply(Array.from(m).slice(0, 6) as unknown as Matrix, ctm);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const top = stack.pop();
        if (top) ({ ctm, clip } = top);
        break;
      }
      case OPS.setFillRGBColor:
        fillWhite = isWhite(args);
        break;
      case OPS.setStrokeRGBColor:
        strokeWhite = isWhite(args);
        break;
      case OPS.constructPath: {
        if (!args) break;
        const [first, second, minMax] = args as [unknown, unknown, ArrayLike<number> | null | undefined];
        if (pendingClip) {
          pendingClip = false;
          if (minMax && minMax.length >= 4 && Number.isFinite(minMax[0])) {
            const corners = [
              toPage(minMax[0]!, minMax[1]!),
              toPage(minMax[2]!, minMax[3]!),
              toPage(minMax[0]!, minMax[3]!),
              toPage(minMax[2]!, minMax[1]!),
            ];
            const box = {
              x0: Math.min(...corners.map((c) => c[0])),
              y0: Math.min(...corners.map((c) => c[1])),
              x1: Math.max(...corners.map((c) => c[0])),
              y1: Math.max(...corners.map((c) => c[1])),
            };
            clip = clip
              ? {
                  x0: Math.max(clip.x0, box.x0),
                  y0: Math.max(clip.y0, box.y0),
                  x1: Math.min(clip.x1, box.x1),
                  y1: Math.min(clip.y1, box.y1),
                }
              : box;
          }
        }
        if (typeof first === "number" && Array.isArray(second)) {
          // pdfjs 5: [paintOp, [pathData], minMax], pathData codes 0 moveTo, 1 lineTo, 2 curveTo, 3 closePath.
          const data = second[0] as ArrayLike<number> | null;
          if (data) paint(first, decodePath(data, toPage));
        } else if (Array.isArray(first) && Array.isArray(second)) {
          // older pdfjs: [ops[], coords[]], painted by a following op.
          pending.push(...decodeLegacyPath(lib, first as number[], second as number[], toPage));
        }
        break;
      }
      case OPS.rectangle:
        if (args && args.length >= 4) {
          const [x, y, w, h] = args.map(Number) as [number, number, number, number];
          pending.push([
            toPage(x, y),
            toPage(x + w, y),
            toPage(x + w, y + h),
            toPage(x, y + h),
            toPage(x, y),
          ]);
        }
        break;
      case OPS.fill:
      case OPS.eoFill:
      case OPS.stroke:
      case OPS.closeStroke:
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
      case OPS.endPath:
        if (pending.length > 0) {
          paint(fn, pending);
          pending = [];
        }
        break;
      default:
        break;
    }
  }
  return { rules, hidden };
}

function isWhite(args: unknown[] | null): boolean {
  const c = args?.[0];
  if (typeof c === "string") return /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(c) && c.toLowerCase() >= "#f0f0f0";
  if (args && args.length >= 3 && args.every((v) => typeof v === "number"))
    return (args as number[]).every((v) => v >= 240);
  return false;
}

function decodePath(
  data: ArrayLike<number>,
  toPage: (x: number, y: number) => [number, number],
): Array<Array<[number, number]>> {
  const subpaths: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  let i = 0;
  while (i < data.length) {
    const op = data[i++]!;
    if (op === 0) {
      if (cur.length) subpaths.push(cur);
      cur = [toPage(data[i]!, data[i + 1]!)];
      i += 2;
    } else if (op === 1) {
      cur.push(toPage(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === 2) {
      // A curve breaks straightness: end the subpath here.
      if (cur.length) subpaths.push(cur);
      cur = [toPage(data[i + 4]!, data[i + 5]!)];
      i += 6;
    } else if (op === 3) {
      if (cur.length) {
        cur.push(cur[0]!);
        subpaths.push(cur);
        cur = [cur[0]!];
      }
    } else {
      break; // unknown code: stop rather than misread
    }
  }
  if (cur.length > 1) subpaths.push(cur);
  return subpaths;
}

function decodeLegacyPath(
  lib: Pdfjs,
  ops: number[],
  coords: number[],
  toPage: (x: number, y: number) => [number, number],
): Array<Array<[number, number]>> {
  const OPS = lib.OPS;
  const subpaths: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  let j = 0;
  for (const op of ops) {
    if (op === OPS.rectangle) {
      const [x, y, w, h] = coords.slice(j, j + 4) as [number, number, number, number];
      j += 4;
      if (cur.length) subpaths.push(cur);
      subpaths.push([toPage(x, y), toPage(x + w, y), toPage(x + w, y + h), toPage(x, y + h), toPage(x, y)]);
      cur = [];
    } else if (op === OPS.moveTo) {
      if (cur.length) subpaths.push(cur);
      cur = [toPage(coords[j]!, coords[j + 1]!)];
      j += 2;
    } else if (op === OPS.lineTo) {
      cur.push(toPage(coords[j]!, coords[j + 1]!));
      j += 2;
    } else if (op === OPS.curveTo) {
      j += 6;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      j += 4;
    } else if (op === OPS.closePath && cur.length) {
      cur.push(cur[0]!);
    }
  }
  if (cur.length > 1) subpaths.push(cur);
  return subpaths;
}
