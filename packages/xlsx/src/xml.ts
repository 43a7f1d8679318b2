/**
 * A small, strict XML tokenizer for the parts of a workbook: elements must nest and close, attributes
 * must be quoted, entity references must be the five predefined ones or character references, and
 * nothing but a prolog, comments and whitespace may surround the root. DOCTYPE is refused outright
 * (inspection already rejects it; this is the second line). Namespaces are not resolved: handlers see
 * local names, so `x:c` and `c` are the same element, as the namespace-prefixed files Excel accepts need.
 */

/**
 * Receives the document as a flat sequence of events.
 *
 * @example
 * ```ts
 * const texts: string[] = [];
 * const handler: XmlHandler = { open() {}, close() {}, text: (t) => texts.push(t) };
 * parseXml("<t>预算</t>", handler); // texts: ["预算"]
 * ```
 */
export interface XmlHandler {
  /** An element starts. `name` is the local name; `attrs` its attributes by local name, values decoded. */
  open(name: string, attrs: ReadonlyMap<string, string>, selfClosing: boolean): void;
  /** An element ends (also called right after `open` for a self-closing element). */
  close(name: string): void;
  /** Character data (entities decoded, CDATA included), possibly in several pieces. */
  text(text: string): void;
}

/**
 * Why a document is not well-formed XML, as "中文 / English". Thrown inside the tokenizer only;
 * {@link parseXml} turns it into its return value.
 *
 * @example
 * ```ts
 * try { decodeXml("&e;"); } catch (e) { if (e instanceof XmlError) console.log(e.message); }
 * ```
 */
export class XmlError extends Error {}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));|&/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes the predefined entities and character references; a bare `&` or an unknown entity is an
 * {@link XmlError}.
 *
 * @example
 * ```ts
 * decodeXml("A&amp;B &#x4E2D;&#25991;"); // "A&B 中文"
 * ```
 */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(
    ENTITY,
    (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED[named]!;
      const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
      if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlError(`无效的实体引用 ${whole.slice(0, 20)} / invalid entity reference`);
      }
      return String.fromCodePoint(code);
    },
  );
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
const SPECIAL = /[&\t\n\r]/;
// Attribute names already checked, with their local names; documents use few distinct ones.
const ATTRIBUTE_NAMES = new Map<string, string>();
const ATTRIBUTE_NAME = /^[A-Za-z_][\w.:-]*$/;

/**
 * Checks raw attribute text and returns its attributes by local name (`r:id` → `id`), values decoded.
 *
 * @example
 * ```ts
 * attributes(` r="A1" t="s"`).get("t"); // "s"
 * ```
 */
export function attributes(raw: string): ReadonlyMap<string, string> {
  const n = raw.length;
  let i = skipSpace(raw, 0);
  if (i === n) return NO_ATTRIBUTES;
  const out = new Map<string, string>();
  while (i < n) {
    if (i > 0 && !isSpace(raw.charCodeAt(i - 1))) throw malformed(raw, i);
    const eq = raw.indexOf("=", i);
    if (eq < 0) throw malformed(raw, i);
    let nameEnd = eq;
    while (nameEnd > i && isSpace(raw.charCodeAt(nameEnd - 1))) nameEnd--;
    const qname = raw.slice(i, nameEnd);
    let local = ATTRIBUTE_NAMES.get(qname);
    if (local === undefined) {
      if (!ATTRIBUTE_NAME.test(qname)) throw malformed(raw, i);
      local = localName(qname);
      if (ATTRIBUTE_NAMES.size < 1024) ATTRIBUTE_NAMES.set(qname, local);
    }
    const open = skipSpace(raw, eq + 1);
    const quote = raw[open];
    if (quote !== '"' && quote !== "'") throw malformed(raw, i);
    const close = raw.indexOf(quote, open + 1);
    if (close < 0) throw malformed(raw, i);
    let value = raw.slice(open + 1, close);
    if (value.indexOf("<") >= 0) throw malformed(raw, i);
    // Attribute-value normalisation: literal line ends and tabs read as spaces; references do not.
    if (SPECIAL.test(value)) {
      if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, " ");
      value = decodeXml(value);
    }
    out.set(local, value);
    i = skipSpace(raw, close + 1);
  }
  return out;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function malformed(raw: string, at: number): XmlError {
  return new XmlError(`属性格式错误 / malformed attributes: ${raw.slice(at, at + 40).trim()}`);
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * Tokenizes a whole document into `handler`, checking well-formedness as it goes. Returns undefined
 * when the document is well-formed, or the reason ("中文 / English") at the first fault. Exceptions
 * thrown by the handler other than {@link XmlError} propagate.
 *
 * @example
 * ```ts
 * const names: string[] = [];
 * parseXml(`<a><b x="1"/></a>`, { open: (n) => names.push(n), close() {}, text() {} }); // undefined
 * parseXml(`<a><b></a>`, { open() {}, close() {}, text() {} }); // "元素未闭合 …"
 * ```
 */
export function parseXml(xml: string, handler: XmlHandler): string | undefined {
  try {
    tokenize(xml, handler);
    return undefined;
  } catch (e) {
    if (e instanceof XmlError) return e.message;
    throw e;
  }
}

function tokenize(xml: string, handler: XmlHandler): void {
  const stack: string[] = [];
  // Qualified name → local name, for names already checked: a document uses few distinct names.
  const names = new Map<string, string>();
  let sawRoot = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length === 0) {
        if (!/^\s*$/.test(raw)) throw new XmlError("根元素之外有文本 / text outside the root element");
      } else {
        // Line ends are normalised before references are decoded, so "&#13;" still gives a CR.
        handler.text(decodeXml(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n")));
      }
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlError("结束标记未完 / unterminated end tag");
      const qname = xml.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (open !== qname) {
        throw new XmlError(
          open === undefined
            ? `多余的结束标记 </${qname.slice(0, 40)}> / stray end tag`
            : `结束标记 </${qname.slice(0, 40)}> 与 <${open}> 不匹配 / mismatched end tag`,
        );
      }
      handler.close(names.get(qname)!);
      i = gt + 1;
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("处理指令未完 / unterminated processing instruction");
      i = end + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("注释未完 / unterminated comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) throw new XmlError("根元素之外有 CDATA / CDATA outside the root element");
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("CDATA 未完 / unterminated CDATA section");
        handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        throw new XmlError("不接受 DOCTYPE 或其他声明 / DOCTYPE and other declarations are refused");
      }
    } else {
      const gt = findTagEnd(xml, lt + 1);
      if (gt < 0) throw new XmlError("开始标记未完 / unterminated start tag");
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const end = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < end && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
      const qname = xml.slice(lt + 1, nameEnd);
      let local = names.get(qname);
      if (local === undefined) {
        if (!NAME.test(qname))
          throw new XmlError(`元素名无效 <${qname.slice(0, 40)}> / invalid element name`);
        local = localName(qname);
        names.set(qname, local);
      }
      if (stack.length === 0) {
        if (sawRoot) throw new XmlError("有多个根元素 / more than one root element");
        sawRoot = true;
      }
      const attrs = nameEnd < end ? attributes(xml.slice(nameEnd, end)) : NO_ATTRIBUTES;
      handler.open(local, attrs, selfClosing);
      if (selfClosing) handler.close(local);
      else stack.push(qname);
      i = gt + 1;
    }
  }
  if (stack.length > 0)
    throw new XmlError(
      `元素 <${stack[stack.length - 1]}> 未闭合 / element <${stack[stack.length - 1]}> is not closed`,
    );
  if (!sawRoot) throw new XmlError("没有根元素 / no root element");
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// A start tag's attributes up to its ">", quoted values (which may hold ">") skipped whole.
const TAG_REST = /[^>"'<]*(?:(?:"[^"<]*"|'[^'<]*')[^>"'<]*)*>/y;

/** The ">" ending a start tag, or -1 when the tag does not end well. */
function findTagEnd(xml: string, from: number): number {
  TAG_REST.lastIndex = from;
  return TAG_REST.test(xml) ? TAG_REST.lastIndex - 1 : -1;
}
