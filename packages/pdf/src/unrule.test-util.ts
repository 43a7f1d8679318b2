/**
 * Test helper: a copy of a real PDF without (some of) its table rules, to read tables by alignment.
 * The page content streams are inflated, the thin rectangles they fill or stroke (`x y w h re f`,
 * `f*`, `S`, `B` …) are dropped, and the file is written again with fresh lengths and a fresh xref.
 * Only classic cross-reference tables (no object or xref streams) are handled: enough for the
 * development set, whose writers all produce them.
 */
import { deflateSync, inflateSync } from "node:zlib";

/**
 * Which rules to drop: all thin rectangles, only the vertical ones, or the vertical ones inside the
 * frame (a table ruled only around and between its rows).
 */
export type UnruleMode = "all" | "vertical" | "inner";

const NUM = String.raw`(-?\d*\.?\d+)`;
const RECT_PAINT = new RegExp(
  String.raw`${NUM}\s+${NUM}\s+${NUM}\s+${NUM}\s*re\s*(f\*|f|F|S|s|B\*|B(?![TIDMX])|b\*|b)`,
  "g",
);

/** Drops thin painted rectangles from one content stream. */
export function dropRules(content: string, mode: UnruleMode): { content: string; dropped: number } {
  let dropped = 0;
  // The frame: the leftmost and rightmost vertical rules of the stream.
  const xs: number[] = [];
  for (const m of content.matchAll(RECT_PAINT))
    if (Math.abs(Number(m[3])) < 2 && Math.abs(Number(m[4])) >= 2) xs.push(Number(m[1]));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const out = content.replace(RECT_PAINT, (all, x: string, _y: string, w: string, h: string) => {
    const aw = Math.abs(Number(w));
    const ah = Math.abs(Number(h));
    const thin = Math.min(aw, ah) < 2;
    const vertical = aw < 2 && ah >= 2;
    if (!thin || (mode !== "all" && !vertical)) return all;
    if (mode === "inner" && (Math.abs(Number(x) - minX) < 1 || Math.abs(Number(x) - maxX) < 1)) return all;
    dropped++;
    return "";
  });
  return { content: out, dropped };
}

interface Obj {
  num: number;
  gen: number;
  /** The object's bytes between `obj` and `endobj`, stream included. */
  head: string;
  stream?: Buffer;
}

/** Rewrites a PDF without its table rules; returns the new bytes and how many rules were dropped. */
export function unrulePdf(bytes: Uint8Array, mode: UnruleMode): { bytes: Uint8Array; dropped: number } {
  const buf = Buffer.from(bytes);
  const s = buf.toString("latin1");
  const objs: Obj[] = [];
  const start = /(\d+)\s+(\d+)\s+obj\b/g;
  // The loop moves start.lastIndex past each object's stream, so it cannot be a matchAll.
  for (let m = start.exec(s); m; m = start.exec(s)) {
    const bodyStart = m.index + m[0].length;
    const streamAt = s.indexOf("stream", bodyStart);
    const endAt = s.indexOf("endobj", bodyStart);
    if (endAt < 0) break;
    if (streamAt >= 0 && streamAt < endAt && s.slice(bodyStart, streamAt).includes("<<")) {
      const head = s.slice(bodyStart, streamAt);
      let dataStart = streamAt + "stream".length;
      if (s[dataStart] === "\r") dataStart++;
      if (s[dataStart] === "\n") dataStart++;
      const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(head);
      const dataEnd = len ? dataStart + Number(len[1]) : s.lastIndexOf("endstream", endAt);
      objs.push({ num: Number(m[1]), gen: Number(m[2]), head, stream: buf.subarray(dataStart, dataEnd) });
      const after = s.indexOf("endobj", dataEnd);
      start.lastIndex = after + 6;
    } else {
      objs.push({ num: Number(m[1]), gen: Number(m[2]), head: s.slice(bodyStart, endAt) });
      start.lastIndex = endAt + 6;
    }
  }
  // Content streams: what page objects name in /Contents.
  const contents = new Set<number>();
  for (const o of objs) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(o.head)) continue;
    const c = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(o.head);
    if (c) for (const r of c[1]!.matchAll(/(\d+)\s+\d+\s+R/g)) contents.add(Number(r[1]));
  }
  let dropped = 0;
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/g;
  let last: string | undefined;
  for (const t of s.matchAll(trailer)) last = t[1];
  if (last === undefined) throw new Error("no classic trailer");
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let pos = parts[0]!.length;
  const offsets = new Map<number, number>();
  let maxNum = 0;
  for (const o of objs) {
    maxNum = Math.max(maxNum, o.num);
    let piece: Buffer;
    if (o.stream) {
      let data = o.stream;
      let head = o.head;
      if (contents.has(o.num) && /\/FlateDecode/.test(head)) {
        const r = dropRules(inflateSync(data).toString("latin1"), mode);
        dropped += r.dropped;
        data = deflateSync(Buffer.from(r.content, "latin1"));
      }
      head = head.replace(/\/Length\s+\d+(\s+\d+\s+R)?/, `/Length ${data.length}`);
      piece = Buffer.concat([
        Buffer.from(`${o.num} ${o.gen} obj${head}stream\n`, "latin1"),
        data,
        Buffer.from("\nendstream\nendobj\n", "latin1"),
      ]);
    } else {
      piece = Buffer.from(`${o.num} ${o.gen} obj${o.head}endobj\n`, "latin1");
    }
    offsets.set(o.num, pos); // a later definition of the same number wins, as in an update
    parts.push(piece);
    pos += piece.length;
  }
  const rows: string[] = ["0000000000 65535 f \n"];
  for (let n = 1; n <= maxNum; n++) {
    const off = offsets.get(n);
    rows.push(off === undefined ? "0000000000 65535 f \n" : `${String(off).padStart(10, "0")} 00000 n \n`);
  }
  const dict = last
    .replace(/\/Prev\s+\d+/, "")
    .replace(/\/XRefStm\s+\d+/, "")
    .replace(/\/Size\s+\d+/, `/Size ${maxNum + 1}`);
  parts.push(
    Buffer.from(
      `xref\n0 ${maxNum + 1}\n${rows.join("")}trailer\n<<${dict}>>\nstartxref\n${pos}\n%%EOF\n`,
      "latin1",
    ),
  );
  return { bytes: new Uint8Array(Buffer.concat(parts)), dropped };
}
