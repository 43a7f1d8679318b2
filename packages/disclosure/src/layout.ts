/**
 * Reading text whose table cells are aligned with spaces instead of separated by TABs — above all the
 * output of `pdftotext -layout` on a published disclosure. Each table row becomes the cells the
 * recognizer expects (the same as the TAB text of the same document); narrative lines wrapped at the
 * right margin are joined into paragraphs; table-of-contents leaders, page numbers and running headers
 * are dropped.
 */
import { TABLE_DEFINITIONS, type TableDefinition } from "./tables";
import { norm } from "./text-norm";

/** A word of a printed line: its text and its first and past-the-last character column. */
export interface LayoutToken {
  readonly text: string;
  readonly x: number;
  readonly end: number;
}

/** One row of the result: its cells and the 1-based line of the file it starts on. */
export interface LayoutRow {
  readonly cells: string[];
  readonly line: number;
}

interface SourceLine {
  /** Text without form feeds. */
  readonly text: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** 0-based page (form feeds counted). */
  readonly page: number;
}

const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const BLANK_MARK = /^[-—–－]{1,2}$/;

/**
 * True for an amount as tables print it ("1,234.50", "0", "-", "—").
 *
 * @example
 * ```ts
 * isAmountToken("189,767,551"); // true
 * isAmountToken("—"); // true
 * isAmountToken("1."); // false: a list number
 * ```
 */
export function isAmountToken(text: string): boolean {
  return AMOUNT.test(text) || BLANK_MARK.test(text);
}

const CJK_OR_CLOSE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef）)”"]$/;

/**
 * Splits a printed line into words: at runs of two or more spaces, and at a single space where an
 * amount meets a label or another amount ("189,767,551 二、公共安全支出" → two words). Columns count
 * characters (code points), as pdftotext lays them out.
 *
 * @example
 * ```ts
 * tokenize("1. 一般公共预算资金     189,767,551 二、公共安全支出").map((t) => t.text);
 * // ["1. 一般公共预算资金", "189,767,551", "二、公共安全支出"]
 * ```
 */
export function tokenize(line: string): LayoutToken[] {
  const chars = [...line];
  const words: LayoutToken[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    const space = ch === undefined || ch === " " || ch === "\t" || ch === "\u3000" || ch === "\f";
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      words.push({ text: chars.slice(start, i).join(""), x: start, end: i });
      start = -1;
    }
  }
  const out: LayoutToken[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const joinable =
      prev !== undefined &&
      w.x - prev.end === 1 &&
      !isAmountToken(w.text) &&
      !isAmountToken(prev.text) &&
      // "2025年" and a code part stay words of their own only when amounts are involved
      !(CODE_WORD.test(prev.text) && out.length === 1 && CJK_OR_CLOSE.test(w.text[0] ?? ""));
    if (joinable) out[out.length - 1] = { text: `${prev.text} ${w.text}`, x: prev.x, end: w.end };
    else out.push(w);
  }
  return out;
}

const CODE_WORD = /^\d{1,7}$/;

/** Display width: CJK and full-width characters count two columns. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp === 0x2026 ||
      cp === 0x201c ||
      cp === 0x201d
        ? 2
        : 1;
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Table titles (the recognizer's definitions)

const TITLE_NAMES = TABLE_DEFINITIONS.flatMap((def) =>
  [def.name, ...def.aliases].map((n) => ({ def, name: norm(n) })),
).sort((a, b) => b.name.length - a.name.length);

const LEADER = /(?:[.．·•…⋯]{3,}|…{2,}|(?:\.\s){3,})/;

/**
 * The table a title line names, if it is one (not a table-of-contents entry).
 *
 * @example
 * ```ts
 * tableOfTitle("            2025年部门收入预算总表")?.id; // "T2"
 * tableOfTitle("  2. 2025年部门收入预算总表 ……………… 12"); // undefined
 * ```
 */
export function tableOfTitle(line: string): TableDefinition | undefined {
  const t = line.replace(/\f/g, "").trim();
  if (t === "" || LEADER.test(t) || / {2,}/.test(t)) return undefined;
  const n = norm(t);
  if (n.length > 60 || /^\d+[.、．]/.test(n)) return undefined;
  const hit = TITLE_NAMES.find((x) => n.endsWith(x.name));
  if (!hit) return undefined;
  if (!/(部门|单位|\d{4}年)/.test(n.slice(0, n.length - hit.name.length)) && n !== hit.name) return undefined;
  return hit.def;
}

// ---------------------------------------------------------------------------------------------
// Columns

interface Anchor {
  readonly x: number;
  /** "right": compared with a token's right edge (amounts from data rows); "center": with its middle. */
  readonly mode: "right" | "center";
}

function tokenPos(t: LayoutToken, mode: Anchor["mode"]): number {
  return mode === "right" ? t.end : (t.x + t.end) / 2;
}

/**
 * Places tokens into columns (in order) by their positions against column anchors, allowing the whole
 * row to be shifted a little (pdftotext shifts a row whose label is long). Returns each token's column.
 */
function assignColumns(tokens: readonly LayoutToken[], anchors: readonly Anchor[]): number[] {
  const n = tokens.length;
  const k = anchors.length;
  if (n === 0) return [];
  if (n >= k) return tokens.map((_, i) => i);
  let best: number[] = [];
  let bestCost = Infinity;
  const pick: number[] = [];
  const visit = (i: number, from: number) => {
    if (i === n) {
      const residuals = pick.map((c, j) => anchors[c]!.x - tokenPos(tokens[j]!, anchors[c]!.mode));
      const sorted = [...residuals].sort((a, b) => a - b);
      const shift = sorted[Math.floor((sorted.length - 1) / 2)]!;
      const cost = residuals.reduce((s, r) => s + Math.abs(r - shift), 0) + 0.5 * Math.abs(shift);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = [...pick];
      }
      return;
    }
    for (let c = from; c <= k - (n - i); c++) {
      pick.push(c);
      visit(i + 1, c + 1);
      pick.pop();
    }
  };
  visit(0, 0);
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** Anchors from rows that fill every column: the median right edge of each column's amounts. */
function anchorsFromFullRows(rows: readonly (readonly LayoutToken[])[], k: number): Anchor[] | undefined {
  const full = rows.filter((r) => r.length === k);
  if (full.length === 0 || k === 0) return undefined;
  return Array.from({ length: k }, (_, c) => ({
    x: median(full.map((r) => r[c]!.end)),
    mode: "right" as const,
  }));
}

/**
 * Anchors from header words. A header is centred over its cell and an amount is right-aligned in
 * it, so an amount's right edge is expected about half a column to the right of its header's centre.
 */
function anchorsFromHeaders(found: ReadonlyArray<number | undefined>): Anchor[] | undefined {
  const centers = headerCenters(found);
  if (!centers) return undefined;
  return centers.map((a, i) => {
    const gap = i + 1 < centers.length ? centers[i + 1]!.x - a.x : i > 0 ? a.x - centers[i - 1]!.x : 12;
    return { x: a.x + Math.max(0, gap / 2 - 1), mode: "right" as const };
  });
}

/** The centre of each column's header; missing ones interpolated. */
function headerCenters(found: ReadonlyArray<number | undefined>): Anchor[] | undefined {
  const known = found
    .map((x, i) => [i, x] as const)
    .filter((p): p is readonly [number, number] => p[1] !== undefined);
  if (known.length < Math.min(2, found.length) || known.length === 0) return undefined;
  return found.map((x, i) => {
    if (x !== undefined) return { x, mode: "center" as const };
    const before = [...known].reverse().find(([j]) => j < i);
    const after = known.find(([j]) => j > i);
    if (before && after)
      return {
        x: before[1] + ((after[1] - before[1]) * (i - before[0])) / (after[0] - before[0]),
        mode: "center" as const,
      };
    const [a, b] = before ? [known[known.length - 2] ?? before, before] : [after!, known[1] ?? after!];
    const step = b[0] !== a[0] ? (b[1] - a[1]) / (b[0] - a[0]) : 12;
    const ref = before ?? after!;
    return { x: ref[1] + step * (i - ref[0]), mode: "center" as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Tables

const LIST_MARK =
  /^(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])/;
const HEADERISH = /项目|科目|编码|名称|^类$|^款$|^项$|合计|小计|支出|收入|经费|预算|费$|^数$|单位/;
const NOTE = /^(注|说明)[:：]/;
const TOTAL = /^(合计|总计)$/;

function headerIndex(def: TableDefinition, text: string, partial: boolean): number {
  const n = norm(text);
  for (let i = 0; i < def.columns.length; i++) {
    if (def.columns[i]!.headers.some((h) => norm(h) === n)) return i;
  }
  if (partial) {
    for (let i = 0; i < def.columns.length; i++) {
      if (
        def.columns[i]!.headers.some((h) => norm(h).length >= 3 && n.includes(norm(h)) && !n.includes("及"))
      )
        return i;
    }
  }
  return -1;
}

/** Joins header words wrapped onto a later printed line ("事业单位" over "经营收入"). */
function mergeHeaderFragments(block: LayoutToken[][], def: TableDefinition): LayoutToken[][] {
  const lines = block.map((l) => [...l]);
  const whole = (t: string) => /^(类|款|项|项目|合计|小计)$/.test(norm(t));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
      for (const upper of [...lines[i]!]) {
        if (whole(upper.text)) continue;
        const overlapping = (line: LayoutToken[], t: LayoutToken) =>
          line.filter((o) => o.x < t.end + 1 && t.x < o.end + 1);
        const below = overlapping(lines[j]!, upper);
        if (below.length !== 1) continue;
        const lower = below[0]!;
        if (whole(lower.text) || overlapping(lines[i]!, lower).length !== 1) continue;
        // a group header over a column header ("支出预算" over "基本支出") is no wrapped word
        if (headerIndex(def, lower.text, false) >= 0 && headerIndex(def, upper.text + lower.text, false) < 0)
          continue;
        // nothing in between at that place
        if (lines.slice(i + 1, j).some((l) => overlapping(l, lower).length > 0)) continue;
        const merged = {
          text: upper.text + lower.text,
          x: Math.min(upper.x, lower.x),
          end: Math.max(upper.end, lower.end),
        };
        lines[i] = lines[i]!.map((t) => (t === upper ? merged : t));
        lines[j] = lines[j]!.filter((t) => t !== lower);
      }
    }
  }
  return lines;
}

interface TableOut {
  rows: LayoutRow[];
  /** Index of the first source line after the table. */
  next: number;
}

function isBlank(l: SourceLine | undefined): boolean {
  return l === undefined || l.text.trim() === "";
}

/** The 编制部门 / 单位 lines right under a title. */
function readMeta(src: readonly SourceLine[], i: number, rows: LayoutRow[]): number {
  let k = i;
  let seen = 0;
  while (k < src.length && seen < 3) {
    const l = src[k]!;
    if (isBlank(l)) {
      k++;
      continue;
    }
    const toks = tokenize(l.text);
    const joined = norm(toks.map((t) => t.text).join(""));
    if (
      !/^(编制部门|编制单位|单位[:：]|预算单位|部门[:：])/.test(joined) &&
      !/单位[:：](元|万元|亿元)$/.test(joined)
    )
      break;
    rows.push({ cells: toks.map((t) => t.text), line: l.line });
    seen++;
    k++;
  }
  return k;
}

function readTableAt(src: readonly SourceLine[], titleIndex: number, def: TableDefinition): TableOut {
  const rows: LayoutRow[] = [{ cells: [src[titleIndex]!.text.trim()], line: src[titleIndex]!.line }];
  const start = readMeta(src, titleIndex + 1, rows);
  switch (def.shape) {
    case "classified":
      return readClassified(src, start, def, rows);
    case "two-sided":
      return readTwoSided(src, start, def, rows);
    case "single-row":
      return readSingleRow(src, start, def, rows);
  }
}

/** A printed line of a table body, as {@link readBody} yields it. */
interface BodyLine {
  readonly src: SourceLine;
  readonly kind: "header" | "data" | "total" | "note";
}

/**
 * How a table shape reads one printed line of its body (not a note), given the line before it and
 * whether a data row came yet: a line of its own; "joined" when folded into the line before (a label
 * wrapped onto the next printed line, amounts printed beside the second line of it); or "end" of table.
 */
type ReadLine<L extends BodyLine> = (
  l: SourceLine,
  tokens: LayoutToken[],
  prev: L | undefined,
  seenData: boolean,
) => L | "joined" | "end";

/**
 * The printed lines of a table body from `start`, each read by the shape's `line`. Blank lines are
 * skipped and notes belong to the table wherever they stand; the table ends at the next title, at the
 * first line after its total row that is no note, or where `line` says "end".
 */
function readBody<L extends BodyLine>(
  src: readonly SourceLine[],
  start: number,
  note: (l: SourceLine, tokens: LayoutToken[]) => L,
  line: ReadLine<L>,
): { lines: L[]; next: number } {
  const lines: L[] = [];
  let seenData = false;
  let seenTotal = false;
  let i = start;
  for (; i < src.length; i++) {
    const l = src[i]!;
    if (isBlank(l)) continue;
    if (tableOfTitle(l.text)) break;
    const tokens = tokenize(l.text);
    if (NOTE.test(norm(tokens[0]!.text))) {
      lines.push(note(l, tokens));
      continue;
    }
    if (seenTotal) break;
    const read = line(l, tokens, lines[lines.length - 1], seenData);
    if (read === "end") break;
    if (read === "joined") continue;
    lines.push(read);
    if (read.kind === "data") seenData = true;
    if (read.kind === "total") seenTotal = true;
  }
  return { lines, next: i };
}

interface ClassifiedLine extends BodyLine {
  tokens: LayoutToken[];
  codes: LayoutToken[];
  label?: LayoutToken;
  amounts: LayoutToken[];
}

function splitClassified(tokens: LayoutToken[]): {
  codes: LayoutToken[];
  label?: LayoutToken;
  amounts: LayoutToken[];
  rest: LayoutToken[];
} {
  const codes: LayoutToken[] = [];
  let i = 0;
  while (
    i < tokens.length &&
    codes.length < 3 &&
    CODE_WORD.test(tokens[i]!.text) &&
    tokens.slice(i + 1).some((t) => !isAmountToken(t.text))
  ) {
    codes.push(tokens[i]!);
    i++;
  }
  let label: LayoutToken | undefined;
  const rest: LayoutToken[] = [];
  const amounts: LayoutToken[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isAmountToken(t.text)) amounts.push(t);
    else if (!label && amounts.length === 0) label = t;
    else if (label && amounts.length === 0) label = { text: label.text + t.text, x: label.x, end: t.end };
    else rest.push(t);
  }
  return label ? { codes, label, amounts, rest } : { codes, amounts, rest };
}

/** One printed line of a classified table as {@link readBody} yields it. */
function classifiedLine(
  l: SourceLine,
  tokens: LayoutToken[],
  prev: ClassifiedLine | undefined,
  seenData: boolean,
): ClassifiedLine | "joined" | "end" {
  const first = norm(tokens[0]!.text);
  if (prev?.kind === "data" && prev.label) {
    // a long name wrapped onto the next printed line, or amounts printed beside the second line of it
    const only = tokens.length === 1 ? tokens[0]! : undefined;
    if (only && !isAmountToken(only.text) && Math.abs(only.x - prev.label.x) <= 3 && !TOTAL.test(first)) {
      prev.label = { ...prev.label, text: prev.label.text + only.text };
      return "joined";
    }
    if (prev.amounts.length === 0 && tokens.every((t) => isAmountToken(t.text))) {
      prev.amounts = tokens;
      return "joined";
    }
  }
  if (TOTAL.test(first)) {
    return {
      src: l,
      kind: "total",
      tokens,
      codes: [],
      amounts: tokens.slice(1).filter((t) => isAmountToken(t.text)),
    };
  }
  const parts = splitClassified(tokens);
  if (parts.codes.length > 0 && parts.label && parts.rest.length === 0) {
    return { src: l, kind: "data", tokens, codes: parts.codes, label: parts.label, amounts: parts.amounts };
  }
  const amounts = tokens.filter((t) => isAmountToken(t.text));
  if (
    amounts.length === 0 &&
    tokens.length <= 9 &&
    tokens.every((t) => t.text.length <= 24) &&
    (!seenData || tokens.some((t) => HEADERISH.test(norm(t.text))))
  ) {
    return { src: l, kind: "header", tokens, codes: [], amounts: [] };
  }
  if (seenData && amounts.length > 0) {
    // a row the reader cannot place: keep its words as cells, the recognizer reports it
    return { src: l, kind: "data", tokens, codes: [], amounts: [] };
  }
  return "end";
}

function readClassified(
  src: readonly SourceLine[],
  start: number,
  def: TableDefinition,
  rows: LayoutRow[],
): TableOut {
  const codeCols = def.scheme === "economic-dept" ? 2 : 3;
  const k = def.columns.length;
  const body = readBody(
    src,
    start,
    (l, tokens): ClassifiedLine => ({ src: l, kind: "note", tokens, codes: [], amounts: [] }),
    classifiedLine,
  );
  const lines = body.lines;
  let i = body.next;
  // trailing header lines belong to what follows, not to this table
  const seenData = lines.some((l) => l.kind === "data");
  while (lines.length > 0 && lines[lines.length - 1]!.kind === "header" && seenData) {
    const last = lines.pop()!;
    i = src.indexOf(last.src);
  }

  // column anchors per page
  const pages = [...new Set(lines.map((l) => l.src.page))];
  const anchorsByPage = new Map<number, Anchor[]>();
  const headerByPage = new Map<number, LayoutToken[][]>();
  for (const page of pages) {
    const onPage = lines.filter((l) => l.src.page === page);
    const header = mergeHeaderFragments(
      onPage.filter((l) => l.kind === "header").map((l) => l.tokens),
      def,
    );
    headerByPage.set(page, header);
    const fromRows = anchorsFromFullRows(
      onPage.filter((l) => l.kind === "data" || l.kind === "total").map((l) => l.amounts),
      k,
    );
    const found: (number | undefined)[] = new Array(k).fill(undefined);
    for (const line of header) {
      for (const t of line) {
        const c = headerIndex(def, t.text, false);
        if (c >= 0 && found[c] === undefined) found[c] = (t.x + t.end) / 2;
      }
    }
    const fromHeaders = anchorsFromHeaders(found);
    const a = fromRows ?? fromHeaders;
    if (a) anchorsByPage.set(page, a);
  }
  const anchorsFor = (page: number): Anchor[] | undefined => {
    if (anchorsByPage.has(page)) return anchorsByPage.get(page);
    const near = [...anchorsByPage.keys()].sort((a, b) => Math.abs(a - page) - Math.abs(b - page))[0];
    return near === undefined ? undefined : anchorsByPage.get(near);
  };
  const codeAnchors = codeColumnAnchors(lines, codeCols);

  const emitted = new Set<SourceLine>();
  for (const l of lines) {
    if (l.kind === "header") {
      if (emitted.has(l.src)) continue;
      const block = headerByPage.get(l.src.page)!;
      const headerLines = lines.filter((x) => x.kind === "header" && x.src.page === l.src.page);
      // emit the page's header block once, merged
      headerLines.forEach((h, j) => {
        emitted.add(h.src);
        const toks = block[j] ?? [];
        if (toks.length > 0)
          rows.push({
            cells: classifiedHeaderCells(toks, def, codeCols, anchorsFor(l.src.page)),
            line: h.src.line,
          });
      });
      continue;
    }
    if (l.kind === "note") {
      rows.push({ cells: [l.tokens.map((t) => t.text).join(" ")], line: l.src.line });
      continue;
    }
    const amounts = placeAmounts(l.amounts, anchorsFor(l.src.page), k);
    if (l.kind === "total") {
      rows.push({
        cells: trimEnd([l.tokens[0]!.text, ...new Array(codeCols).fill(""), ...amounts]),
        line: l.src.line,
      });
      continue;
    }
    if (!l.label) {
      rows.push({ cells: l.tokens.map((t) => t.text), line: l.src.line });
      continue;
    }
    const codes: string[] = new Array(codeCols).fill("");
    const placed = codeAnchors ? assignColumns(l.codes, codeAnchors) : l.codes.map((_, j) => j);
    for (const [j, c] of l.codes.entries()) {
      const col = Math.min(placed[j]!, codeCols - 1);
      codes[col] = codes[col] ? `${codes[col]} ${c.text}` : c.text;
    }
    rows.push({ cells: trimEnd([...codes, l.label.text, ...amounts]), line: l.src.line });
  }
  return { rows, next: i };
}

/** Code columns 类/款/项: from the "类 款 项" header or rows that print all parts. */
function codeColumnAnchors(lines: readonly ClassifiedLine[], codeCols: number): Anchor[] | undefined {
  const full = lines.filter((l) => l.kind === "data" && l.codes.length === codeCols);
  if (full.length > 0)
    return Array.from({ length: codeCols }, (_, c) => ({
      x: median(full.map((l) => l.codes[c]!.x)),
      mode: "right" as const,
    })).map((a, c) => ({
      x: a.x + median(full.map((l) => l.codes[c]!.end - l.codes[c]!.x)),
      mode: "right" as const,
    }));
  return undefined;
}

function placeAmounts(amounts: readonly LayoutToken[], anchors: Anchor[] | undefined, k: number): string[] {
  const out: string[] = new Array(Math.max(k, amounts.length)).fill("");
  const cols = anchors && anchors.length === k ? assignColumns(amounts, anchors) : amounts.map((_, j) => j);
  for (const [j, a] of amounts.entries()) out[cols[j]!] = a.text;
  return out;
}

function trimEnd(cells: string[]): string[] {
  let n = cells.length;
  while (n > 1 && cells[n - 1] === "") n--;
  return cells.slice(0, n);
}

function classifiedHeaderCells(
  tokens: readonly LayoutToken[],
  def: TableDefinition,
  codeCols: number,
  anchors: Anchor[] | undefined,
): string[] {
  const cells: string[] = [];
  const put = (c: number, text: string) => {
    while (cells.length <= c) cells.push("");
    cells[c] = cells[c] ? `${cells[c]} ${text}` : text;
  };
  const firstAmountX = anchors ? Math.min(...anchors.map((a) => a.x)) - 6 : Infinity;
  let code = 0;
  for (const t of tokens) {
    const n = norm(t.text);
    const c = headerIndex(def, t.text, true);
    if (c >= 0) put(codeCols + 1 + c, t.text);
    else if (/名称$/.test(n)) put(codeCols, t.text);
    else if (/^(类|款|项)$/.test(n)) put(Math.min(code++, codeCols - 1), t.text);
    else if ((t.x + t.end) / 2 < firstAmountX) put(0, t.text);
    else put(codeCols + 1, t.text);
  }
  return cells;
}

interface TwoSidedLine extends BodyLine {
  tokens: LayoutToken[];
}

/** One printed line of a two-sided table as {@link readBody} yields it. */
function twoSidedLine(
  l: SourceLine,
  tokens: LayoutToken[],
  prev: TwoSidedLine | undefined,
  seenData: boolean,
): TwoSidedLine | "joined" | "end" {
  const labels = tokens.filter((t) => !isAmountToken(t.text));
  const hasAmount = tokens.some((t) => isAmountToken(t.text));
  if (prev?.kind === "data") {
    // a label wrapped onto the next printed line, or amounts printed beside the second line of it
    const cont = labels.length === 1 && !hasAmount ? labels[0]! : undefined;
    const prevLabel = cont
      ? prev.tokens.find((t) => !isAmountToken(t.text) && Math.abs(t.x - cont.x) <= 3)
      : undefined;
    if (cont && prevLabel && !LIST_MARK.test(cont.text) && !/总计|合计/.test(cont.text)) {
      prev.tokens = prev.tokens.map((t) => (t === prevLabel ? { ...t, text: t.text + cont.text } : t));
      return "joined";
    }
    if (labels.length === 0 && hasAmount && !prev.tokens.some((t) => isAmountToken(t.text))) {
      prev.tokens = [...prev.tokens, ...tokens].sort((a, b) => a.x - b.x);
      return "joined";
    }
  }
  const listy = labels.some(
    (t) =>
      /^(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[)）])/.test(
        t.text.trim(),
      ) || /收入|支出|总计|合计/.test(t.text),
  );
  if (labels.some((t) => /^(收入总计|支出总计|收入合计|支出合计|总计)$/.test(norm(t.text)))) {
    return { src: l, kind: "total", tokens };
  }
  if (
    !seenData &&
    !hasAmount &&
    !(listy && labels.some((t) => /^(?:[一二三四五六七八九十]+[、.．]|\d+\s*[.、．])/.test(t.text)))
  ) {
    return { src: l, kind: "header", tokens };
  }
  if (hasAmount || listy) return { src: l, kind: "data", tokens };
  if (tokens.every((t) => HEADERISH.test(norm(t.text)) && t.text.length <= 12)) {
    return { src: l, kind: "header", tokens };
  }
  return "end";
}

function readTwoSided(
  src: readonly SourceLine[],
  start: number,
  def: TableDefinition,
  rows: LayoutRow[],
): TableOut {
  const { lines, next: i } = readBody(
    src,
    start,
    (l, tokens): TwoSidedLine => ({ src: l, kind: "note", tokens }),
    twoSidedLine,
  );

  // the total row has its two sides like any other row
  const data = lines.filter((l) => l.kind === "data" || l.kind === "total");
  const headerLines = lines.filter((l) => l.kind === "header");
  // where the right half starts: the second 项目 of the header, or the second label of two-label rows
  const pages = [...new Set(lines.map((l) => l.src.page))];
  const rightStartByPage = new Map<number, number>();
  const rightAnchorsByPage = new Map<number, Anchor[]>();
  let rightCount = def.id === "T4" ? 4 : 1;
  const sides = new Map<
    TwoSidedLine,
    {
      leftLabel?: LayoutToken;
      leftAmounts: LayoutToken[];
      rightLabel?: LayoutToken;
      rightAmounts: LayoutToken[];
    }
  >();
  for (const page of pages) {
    const onPage = data.filter((l) => l.src.page === page);
    const seconds = onPage
      .map((l) => l.tokens.filter((t) => !isAmountToken(t.text)))
      .filter((labels) => labels.length >= 2)
      .map((labels) => labels[1]!.x);
    const projects = headerLines
      .filter((l) => l.src.page === page)
      .flatMap((l) => {
        const p = l.tokens.filter((t) => norm(t.text) === "项目");
        return p.length >= 2 ? [p[1]!] : [];
      });
    const leftAmountHeader = headerLines
      .filter((l) => l.src.page === page)
      .flatMap((l) => l.tokens.filter((t) => /^(预算数|金额)$/.test(norm(t.text))))[0];
    let rightStart: number | undefined;
    if (seconds.length > 0) rightStart = median(seconds) - 3;
    else if (leftAmountHeader) rightStart = leftAmountHeader.end + 2;
    else if (projects.length > 0) rightStart = projects[0]!.x - 8;
    rightStartByPage.set(page, rightStart ?? 30);
  }
  for (const l of data) {
    const rightStart = rightStartByPage.get(l.src.page)!;
    const labels = l.tokens.filter((t) => !isAmountToken(t.text));
    let leftLabel: LayoutToken | undefined;
    let rightLabel: LayoutToken | undefined;
    if (labels.length >= 2) {
      leftLabel = labels[0];
      rightLabel = labels.slice(1).reduce((a, b) => ({ text: a.text + b.text, x: a.x, end: b.end }));
    } else if (labels.length === 1) {
      if (labels[0]!.x >= rightStart) rightLabel = labels[0];
      else leftLabel = labels[0];
    }
    const leftAmounts: LayoutToken[] = [];
    const rightAmounts: LayoutToken[] = [];
    for (const t of l.tokens) {
      if (!isAmountToken(t.text)) continue;
      const right = rightLabel
        ? t.x > rightLabel.x
        : !leftLabel || t.x >= rightStart
          ? t.x >= rightStart
          : false;
      (right ? rightAmounts : leftAmounts).push(t);
    }
    rightCount = Math.max(rightCount, rightAmounts.length);
    sides.set(l, {
      ...(leftLabel ? { leftLabel } : {}),
      leftAmounts,
      ...(rightLabel ? { rightLabel } : {}),
      rightAmounts,
    });
  }
  for (const page of pages) {
    const onPage = data.filter((l) => l.src.page === page).map((l) => sides.get(l)!.rightAmounts);
    let anchors = anchorsFromFullRows(onPage, rightCount);
    if (!anchors) {
      const found: (number | undefined)[] = new Array(rightCount).fill(undefined);
      const rightStart = rightStartByPage.get(page)!;
      for (const h of headerLines.filter((x) => x.src.page === page)) {
        const names = h.tokens.filter(
          (t) =>
            t.x >= rightStart &&
            norm(t.text) !== "项目" &&
            !/^(本年支出|财政拨款支出|支出)$/.test(norm(t.text)),
        );
        if (names.length === rightCount) {
          for (const [c, t] of names.entries()) found[c] = (t.x + t.end) / 2;
        }
      }
      anchors = anchorsFromHeaders(found);
    }
    if (anchors) rightAnchorsByPage.set(page, anchors);
  }
  const anchorsFor = (page: number): Anchor[] | undefined => {
    if (rightAnchorsByPage.has(page)) return rightAnchorsByPage.get(page);
    const near = [...rightAnchorsByPage.keys()].sort((a, b) => Math.abs(a - page) - Math.abs(b - page))[0];
    return near === undefined ? undefined : rightAnchorsByPage.get(near);
  };

  for (const l of lines) {
    if (l.kind === "note") {
      rows.push({ cells: [l.tokens.map((t) => t.text).join(" ")], line: l.src.line });
      continue;
    }
    if (l.kind === "header") {
      const rightStart = rightStartByPage.get(l.src.page)!;
      const projects = l.tokens.filter((t) => norm(t.text) === "项目");
      if (projects.length >= 2) {
        const left = l.tokens.filter((t) => t.x < projects[1]!.x && t !== projects[0]);
        const right = l.tokens.filter((t) => t.x > projects[1]!.x);
        rows.push({
          cells: ["项目", left.map((t) => t.text).join(""), "项目", ...right.map((t) => t.text)],
          line: l.src.line,
        });
      } else {
        const left = l.tokens.filter((t) => t.x < rightStart);
        const right = l.tokens.filter((t) => t.x >= rightStart);
        const cells = [
          left.map((t) => t.text).join(" "),
          "",
          ...(right.length > 0 ? [right.map((t) => t.text).join(" ")] : []),
        ];
        rows.push({ cells: trimEnd(cells), line: l.src.line });
      }
      continue;
    }
    const s = sides.get(l)!;
    const right = placeAmounts(s.rightAmounts, anchorsFor(l.src.page), rightCount);
    const cells = [
      s.leftLabel?.text ?? "",
      s.leftAmounts.map((t) => t.text).join(" "),
      s.rightLabel?.text ?? "",
      ...right,
    ];
    rows.push({ cells: trimEnd(cells), line: l.src.line });
  }
  return { rows, next: i };
}

function readSingleRow(
  src: readonly SourceLine[],
  start: number,
  def: TableDefinition,
  rows: LayoutRow[],
): TableOut {
  const k = def.columns.length;
  const header: SourceLine[] = [];
  let data: SourceLine | undefined;
  const notes: SourceLine[] = [];
  let i = start;
  for (; i < src.length; i++) {
    const l = src[i]!;
    if (isBlank(l)) continue;
    if (tableOfTitle(l.text)) break;
    const tokens = tokenize(l.text);
    if (NOTE.test(norm(tokens[0]!.text))) {
      notes.push(l);
      continue;
    }
    if (data || notes.length > 0) break;
    if (tokens.every((t) => isAmountToken(t.text))) {
      data = l;
      continue;
    }
    if (header.length >= 8) break;
    header.push(l);
  }
  const block = mergeHeaderFragments(
    header.map((l) => tokenize(l.text)),
    def,
  );
  const found: (number | undefined)[] = new Array(k).fill(undefined);
  for (const line of block) {
    for (const t of line) {
      const c = headerIndex(def, t.text, true);
      if (c >= 0 && found[c] === undefined) found[c] = (t.x + t.end) / 2;
    }
  }
  const anchors = anchorsFromHeaders(found);
  block.forEach((toks, j) => {
    if (toks.length === 0) return;
    const cells: string[] = [];
    for (const t of toks) {
      const c = headerIndex(def, t.text, true);
      let col = c;
      if (col < 0 && anchors)
        col = assignColumns(
          [t],
          anchors.map((a) => ({ x: a.x, mode: "center" })),
        )[0]!;
      if (col < 0) col = cells.length;
      while (cells.length <= col) cells.push("");
      cells[col] = cells[col] ? `${cells[col]} ${t.text}` : t.text;
    }
    rows.push({ cells, line: header[j]!.line });
  });
  if (data) {
    const amounts = tokenize(data.text);
    rows.push({ cells: trimEnd(placeAmounts(amounts, anchors, k)), line: data.line });
  }
  for (const n of notes)
    rows.push({
      cells: [
        tokenize(n.text)
          .map((t) => t.text)
          .join(" "),
      ],
      line: n.line,
    });
  return { rows, next: i };
}

// ---------------------------------------------------------------------------------------------
// Narrative

const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/;
const NEW_ITEM =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}(?:[、．]|\.(?!\d)|\.\s)|\d{1,3}[)）]|第[一二三四五六七八九十\d]+[章节部分条]|注[:：])/;

/** Strips table-of-contents leaders and the page number after them. */
function stripLeaders(text: string): string {
  const m = /^(.*?)\s*(?:[.．·•…⋯]\s*){3,}\s*\d*\s*$/.exec(text);
  return m ? m[1]!.trimEnd() : text;
}

/**
 * Reads the lines of a text without TABs: tables found by their titles are split into cells by column
 * alignment; the rest becomes paragraphs (wrapped lines joined), table-like rows of several aligned
 * cells, and headings. Page numbers, running headers and table-of-contents leaders are dropped.
 *
 * @example
 * ```ts
 * const rows = readLayoutLines([
 *   "2025年部门支出预算总表",
 *   "编制部门：某单位          单位：元",
 *   "201   05   07   专项普查活动     438,300     0     438,300",
 * ]);
 * rows[2]!.cells; // ["201", "05", "07", "专项普查活动", "438,300", "0", "438,300"]
 * ```
 */
export function readLayoutLines(rawLines: readonly string[]): LayoutRow[] {
  const src: SourceLine[] = [];
  let page = 0;
  rawLines.forEach((raw, index) => {
    const ff = raw.split("\f").length - 1;
    page += ff;
    src.push({ text: raw.replace(/\f/g, "").replace(/\s+$/, ""), line: index + 1, page });
  });
  const dropped = droppedLines(src);
  const kept = src.filter((l) => !dropped.has(l));

  const out: LayoutRow[] = [];
  const narrative: SourceLine[] = [];
  const flush = () => {
    out.push(...paragraphs(narrative));
    narrative.length = 0;
  };
  for (let i = 0; i < kept.length; ) {
    const l = kept[i]!;
    const def = tableOfTitle(l.text);
    if (def && followedByHead(kept, i)) {
      flush();
      const table = readTableAt(kept, i, def);
      out.push(...table.rows);
      i = Math.max(table.next, i + 1);
      continue;
    }
    narrative.push(l);
    i++;
  }
  flush();
  return out;
}

function followedByHead(src: readonly SourceLine[], i: number): boolean {
  let seen = 0;
  for (let k = i + 1; k < src.length && seen < 6; k++) {
    if (isBlank(src[k])) continue;
    seen++;
    const toks = tokenize(src[k]!.text);
    const joined = norm(toks.map((t) => t.text).join(""));
    if (
      /^(编制部门|编制单位|单位[:：])/.test(joined) ||
      /单位[:：](元|万元)$/.test(joined) ||
      /^项目/.test(joined) ||
      toks.length > 2
    )
      return true;
  }
  return false;
}

/** Page numbers alone on a line, and running headers/footers repeated at the top or bottom of pages. */
function droppedLines(src: readonly SourceLine[]): Set<SourceLine> {
  const dropped = new Set<SourceLine>();
  for (const l of src) if (PAGE_NUMBER.test(l.text.trim())) dropped.add(l);
  const byPage = new Map<number, SourceLine[]>();
  for (const l of src) {
    if (isBlank(l) || dropped.has(l)) continue;
    const list = byPage.get(l.page) ?? [];
    list.push(l);
    byPage.set(l.page, list);
  }
  if (byPage.size < 3) return dropped;
  const edges = new Map<string, SourceLine[]>();
  for (const lines of byPage.values()) {
    for (const l of new Set([lines[0]!, lines[lines.length - 1]!])) {
      const key = norm(l.text).replace(/\d+/g, "#");
      if (key.length === 0 || tableOfTitle(l.text) || /项目|科目|合计|类|款/.test(key)) continue;
      const list = edges.get(key) ?? [];
      list.push(l);
      edges.set(key, list);
    }
  }
  for (const list of edges.values()) {
    if (list.length >= 3 && list.length >= byPage.size / 2) for (const l of list) dropped.add(l);
  }
  return dropped;
}

/** Joins wrapped lines into paragraphs; lines of several aligned cells stay rows of cells. */
function paragraphs(lines: readonly SourceLine[]): LayoutRow[] {
  const out: LayoutRow[] = [];
  const margins = pageMargins(lines);
  const { merged, consumed } = sandwichedCells(lines);
  let open:
    | { cells: string[]; line: number; last: SourceLine; lastIndex: number; contIndent: number | undefined }
    | undefined;
  const close = () => {
    if (open) out.push({ cells: open.cells, line: open.line });
    open = undefined;
  };
  lines.forEach((l, index) => {
    if (isBlank(l) || consumed.has(l)) return;
    const raw = l.text.trim();
    const joined = merged.get(l);
    if (joined) {
      close();
      out.push({ cells: joined.map((t) => t.text), line: l.line });
      return;
    }
    if (LEADER.test(raw)) {
      // a table-of-contents entry
      close();
      const entry = stripLeaders(raw)
        .replace(/\s*\d+$/, "")
        .trim();
      if (entry !== "") out.push({ cells: [entry], line: l.line });
      return;
    }
    const tokens = tokenize(l.text);
    if (tokens.length >= 2 && tokens.length <= 8 && tokens.every((t) => [...t.text].length === 1)) {
      // a spaced-out heading: "目   录"
      close();
      out.push({ cells: [tokens.map((t) => t.text).join("")], line: l.line });
      return;
    }
    if (tokens.length >= 2 && /\S {2,}\S/.test(raw)) {
      close();
      out.push({ cells: tokens.map((t) => t.text), line: l.line });
      return;
    }
    const indent = l.text.length - l.text.trimStart().length;
    // blank lines at a page break do not part a paragraph
    const distance = open && open.last.page !== l.page ? 1 : index - (open?.lastIndex ?? -10);
    if (open && continues(open.last, l, indent, open.contIndent, margins.get(open.last.page), distance)) {
      const prev = open.cells[0]!;
      const sep = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(raw) ? " " : "";
      open.cells[0] = prev + sep + raw;
      open.contIndent ??= indent;
      open.last = l;
      open.lastIndex = index;
      return;
    }
    close();
    open = { cells: [raw], line: l.line, last: l, lastIndex: index, contIndent: undefined };
  });
  close();
  return out;
}

/**
 * A cell of an aligned row printed on two lines around the row's other cells ("服务对象满意度" above
 * and "指标" below a row "满意度指标  居民满意度  满意度"): the two parts become one cell of that row.
 */
function sandwichedCells(lines: readonly SourceLine[]): {
  merged: Map<SourceLine, LayoutToken[]>;
  consumed: Set<SourceLine>;
} {
  const merged = new Map<SourceLine, LayoutToken[]>();
  const consumed = new Set<SourceLine>();
  const overlaps = (a: LayoutToken, b: LayoutToken) => a.x < b.end && b.x < a.end;
  for (let i = 1; i + 1 < lines.length; i++) {
    const [above, row, below] = [lines[i - 1]!, lines[i]!, lines[i + 1]!];
    if (isBlank(above) || isBlank(row) || isBlank(below) || consumed.has(above) || merged.has(above))
      continue;
    if (!/\S {2,}\S/.test(row.text.trim()) || LEADER.test(row.text)) continue;
    const a = tokenize(above.text);
    const b = tokenize(below.text);
    if (a.length !== 1 || b.length !== 1 || !overlaps(a[0]!, b[0]!)) continue;
    const r = merged.get(row) ?? tokenize(row.text);
    if (r.some((t) => overlaps(t, a[0]!) || overlaps(t, b[0]!))) continue;
    const cell = {
      text: a[0]!.text + b[0]!.text,
      x: Math.min(a[0]!.x, b[0]!.x),
      end: Math.max(a[0]!.end, b[0]!.end),
    };
    merged.set(
      row,
      [...r, cell].sort((p, q) => p.x - q.x),
    );
    consumed.add(above);
    consumed.add(below);
  }
  return { merged, consumed };
}

const SENTENCE_END = /[。！？!?；;：:]$/;

/** Whether line `next` continues the paragraph whose last printed line is `prev`. */
function continues(
  prev: SourceLine,
  next: SourceLine,
  indent: number,
  contIndent: number | undefined,
  margin: number | undefined,
  distance: number,
): boolean {
  if (margin === undefined || distance > 3) return false;
  const text = next.text.trim();
  if (NEW_ITEM.test(text) || tableOfTitle(next.text)) return false;
  // no paragraph starts with closing punctuation
  if (/^[”’」』）)】》，,。、；;：:！？]/.test(text)) return true;
  const prevText = prev.text.trimEnd();
  const ascii = [...prevText.trim()].filter((ch) => ch.charCodeAt(0) < 0x80 && ch !== " ").length;
  // a colon at the end of a line introduces what follows (a list, a reason) as its own paragraph
  if (/[：:]$/.test(prevText)) return false;
  const ended = SENTENCE_END.test(prevText);
  const width = displayWidth(prevText);
  // a line that stops short of the right margin ends its paragraph — unless it breaks off inside
  // brackets, or mid-sentence close to the margin with the next line flush left
  const reaches = width >= margin - 5 - 0.35 * ascii;
  const unclosed = (prevText.match(/[（(《“]/g) ?? []).length > (prevText.match(/[）)》”]/g) ?? []).length;
  const nearly = !ended && indent <= 1 && width >= margin * 0.8;
  if (!reaches && !((unclosed || nearly) && indent <= 1)) return false;
  if (distance > 1 && (ended || indent > 1)) return false;
  const expected = contIndent ?? 1;
  if (indent > expected + 1 && ended) return false;
  return true;
}

/** The widest width that at least three lines reach (within a few columns). */
function marginOf(widths: readonly number[]): number | undefined {
  const long = widths.filter((w) => w >= 40).sort((a, b) => b - a);
  return long.find((w) => long.filter((x) => x <= w && x >= w - 5).length >= 3);
}

/**
 * The right margin of each page's narrative. A page's own margin counts only when it is close to the
 * document's (a page of short lines has none); otherwise the document's.
 */
function pageMargins(lines: readonly SourceLine[]): Map<number, number> {
  const byPage = new Map<number, number[]>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t === "" || LEADER.test(t) || /\S {2,}\S/.test(t)) continue;
    const list = byPage.get(l.page) ?? [];
    list.push(displayWidth(l.text.trimEnd()));
    byPage.set(l.page, list);
  }
  const doc = marginOf([...byPage.values()].flat());
  const out = new Map<number, number>();
  if (doc === undefined) return out;
  for (const [page, widths] of byPage) {
    const own = marginOf(widths);
    out.set(page, own !== undefined && own >= doc * 0.9 && own <= doc ? own : doc);
  }
  return out;
}
