/**
 * Cheap looks at XML before the real parser sees it. Parts are scanned as they are inflated, as
 * single-byte text (markup is ASCII), for what must stop reading at once: UTF-16 or non-XML content,
 * DOCTYPE and ENTITY declarations, and a sheet's declared size and cell count. The package's small
 * parts (content types, relationships, the sheet list) are read with regular expressions over tags.
 */
import { parseAddress } from "@yusuan/disclosure";
import { startsWith } from "./bytes";
import { failure, type ReadFailure } from "./messages";

const LATIN1 = (() => {
  try {
    return new TextDecoder("latin1");
  } catch {
    return undefined;
  }
})();

/** Single-byte view of bytes: enough to find ASCII markup without decoding the whole part. */
function ascii(b: Uint8Array): string {
  if (LATIN1) return LATIN1.decode(b);
  let out = "";
  for (let i = 0; i < b.length; i += 8192) {
    out += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  }
  return out;
}

/**
 * Scans streamed XML chunks for markup that may straddle chunk boundaries: refuses DOCTYPE and
 * ENTITY, tells UTF-16 and non-XML content apart, and for a sheet counts its cells and finds its
 * `<dimension>`.
 *
 * @example
 * ```ts
 * const scanner = new XmlScanner("预算.xlsx", "xl/worksheets/sheet1.xml", true);
 * scanner.push(new TextEncoder().encode(`<worksheet><sheetData><row><c r="A1"/></row>`));
 * scanner.cells; // 1
 * ```
 */
export class XmlScanner {
  private carry = "";
  private started = false;
  /** Cells counted so far (a sheet's only). */
  cells = 0;
  /** The `ref` of the sheet's `<dimension>`, once found. */
  dimension: string | undefined;
  private dimensionDone = false;
  /** Cell tags, with the namespace prefix the root element uses (some writers use "x:"). */
  private cellTag = /<c[\s/>]/g;

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly countCells: boolean,
  ) {}

  /** `decoded` is the chunk as text when the caller decodes it anyway; markup is ASCII either way. */
  push(chunk: Uint8Array, decoded?: string): ReadFailure | "utf16" | "not-xml" | undefined {
    if (!this.started) {
      this.started = true;
      const start = checkStart(chunk);
      if (start) return start;
    }
    const text = this.carry + (decoded ?? ascii(chunk));
    // indexOf first: the regular expressions would try every "<" of the chunk.
    if (text.indexOf("<!") >= 0 && /<!(?:DOCTYPE|ENTITY)/i.test(text))
      return failure("doctype", { file: this.file, part: this.part });
    if (this.countCells) {
      if (!this.dimensionDone) this.findDimension(text);
      this.countCellTags(text);
    }
    this.carry = text.slice(-160);
    return undefined;
  }

  /** Looks for `<dimension>` until sheetData starts, learning the root's namespace prefix on the way. */
  private findDimension(text: string): void {
    const prefix = text.indexOf(":worksheet") >= 0 ? /<([A-Za-z_][\w.-]*):worksheet[\s>]/.exec(text) : null;
    if (prefix) this.cellTag = new RegExp(`<${prefix[1]!.replace(/[.-]/g, "\\$&")}:c[\\s/>]`, "g");
    const m = /<(?:[\w.-]+:)?dimension\s+ref\s*=\s*["']([^"']*)["']/.exec(text);
    if (m) {
      this.dimension = m[1];
      this.dimensionDone = true;
    } else if (/<(?:[\w.-]+:)?sheetData[\s>/]/.test(text)) this.dimensionDone = true;
  }

  private countCellTags(text: string): void {
    const re = this.cellTag;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A match wholly inside the carried tail was counted with the previous chunk.
      if (m.index + m[0].length > this.carry.length) this.cells++;
    }
  }
}

/** What the first bytes of a part say: UTF-16 (by BOM or a zero byte next to "<"), not XML, or nothing. */
function checkStart(chunk: Uint8Array): "utf16" | "not-xml" | undefined {
  if (
    startsWith(chunk, [0xff, 0xfe]) ||
    startsWith(chunk, [0xfe, 0xff]) ||
    startsWith(chunk, [0x00, 0x3c]) ||
    startsWith(chunk, [0x3c, 0x00])
  ) {
    return "utf16";
  }
  let i = startsWith(chunk, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (
    i < chunk.length &&
    (chunk[i] === 0x20 || chunk[i] === 0x09 || chunk[i] === 0x0a || chunk[i] === 0x0d)
  )
    i++;
  return i < chunk.length && chunk[i] !== 0x3c ? "not-xml" : undefined;
}

/**
 * Cells in an A1 range such as "A1:Z100000"; 0 when it does not parse.
 *
 * @example
 * ```ts
 * rangeArea("A1:B10"); // 20
 * ```
 */
export function rangeArea(ref: string): number {
  const first = ref.trim().split(/\s+/)[0] ?? "";
  const [a, b] = first.split(":");
  const from = parseAddress(a ?? "");
  const to = b === undefined ? from : parseAddress(b);
  if (!from || !to) return 0;
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
}

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ent: string) => {
    const e = ent.toLowerCase();
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The attributes of one start tag, values decoded. */
export function tagAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  // Relationship, Override and sheet tags are short; a huge one is hostile and the name pattern
  // below would rescan it from every position.
  if (tag.length > 16_384) return out;
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1]!, decodeXmlText(m[2] ?? m[3] ?? ""));
  return out;
}

/** A relationship target resolved against the part that holds it ("worksheets/sheet1.xml" from xl/). */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The ContentType of each `<Override>` of [Content_Types].xml for a part, in document order. */
export function overrideContentTypes(contentTypes: string, partName: string): string[] {
  const types: string[] = [];
  for (const m of contentTypes.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    const attrs = tagAttributes(m[0]);
    if ((attrs.get("PartName") ?? "").toLowerCase() === partName) types.push(attrs.get("ContentType") ?? "");
  }
  return types;
}

/**
 * The workbook's internal relationships (external ones are links, not parts): the part of each id,
 * and each one's type (the URI's last segment, e.g. "styles") and part, in document order.
 */
export function workbookRelations(rels: string): {
  readonly partById: Map<string, string>;
  readonly relations: { readonly type: string; readonly part: string }[];
} {
  const partById = new Map<string, string>();
  const relations: { type: string; part: string }[] = [];
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const attrs = tagAttributes(m[0]);
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (id && target && attrs.get("TargetMode") !== "External") {
      const part = resolvePart("xl/workbook.xml", target);
      partById.set(id, part);
      relations.push({ type: (attrs.get("Type") ?? "").split("/").pop() ?? "", part });
    }
  }
  return { partById, relations };
}

/** Each `<sheet>` of workbook.xml: its name, relationship id (r:id) and state, in workbook order. */
export function sheetTags(
  workbook: string,
): { readonly name: string; readonly relId: string | undefined; readonly state: string | undefined }[] {
  const sheets: { name: string; relId: string | undefined; state: string | undefined }[] = [];
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const attrs = tagAttributes(m[0]);
    const relId = [...attrs].find(([k]) => /(?:^|:)id$/.test(k) && k !== "sheetId")?.[1];
    sheets.push({ name: attrs.get("name") ?? "", relId, state: attrs.get("state") });
  }
  return sheets;
}
