import { describe, expect, it } from "vitest";
import { attributes, decodeXml, parseXml, type XmlHandler } from "./xml";

type Event = ["open", string, Record<string, string>, boolean] | ["close", string] | ["text", string];

function events(xml: string): { events: Event[]; error: string | undefined } {
  const out: Event[] = [];
  const handler: XmlHandler = {
    open: (name, attrs, selfClosing) => out.push(["open", name, Object.fromEntries(attrs), selfClosing]),
    close: (name) => out.push(["close", name]),
    text: (text) => out.push(["text", text]),
  };
  const error = parseXml(xml, handler);
  return { events: out, error };
}

describe("parseXml", () => {
  it("reports elements by local name with decoded attributes and text", () => {
    const r = events(
      `<?xml version="1.0"?>\n<!-- c --><x:a xmlns:x="u" r:id='r&amp;1'><x:b v="1"/>t&lt;&#x4E2D;<![CDATA[<raw>&amp;]]></x:a>`,
    );
    expect(r.error).toBeUndefined();
    expect(r.events).toEqual([
      ["open", "a", { x: "u", id: "r&1" }, false],
      ["open", "b", { v: "1" }, true],
      ["close", "b"],
      ["text", "t<中"],
      ["text", "<raw>&amp;"],
      ["close", "a"],
    ]);
  });

  it("keeps '>' inside quoted attribute values", () => {
    const r = events(`<a f="x>1" g='<'/>`);
    expect(r.error).toMatch(/unterminated start tag|malformed/);
    expect(events(`<a f="x>1"/>`).events[0]).toEqual(["open", "a", { f: "x>1" }, true]);
  });

  it("normalises line ends in text and whitespace in attribute values, but not character references", () => {
    const r = events(`<a v="1\r\n2\t3&#10;">x\r\ny\rz&#13;</a>`);
    expect(r.events[0]).toEqual(["open", "a", { v: "1 2 3\n" }, false]);
    expect(r.events[1]).toEqual(["text", "x\ny\nz\r"]);
  });

  it.each([
    ["an unclosed element", `<a><b></b>`, /not closed/],
    ["a mismatched end tag", `<a><b></a></b>`, /mismatched/],
    ["a stray end tag", `<a/></b>`, /stray|root/],
    ["two roots", `<a/><b/>`, /more than one root/],
    ["text outside the root", `<a/>x`, /outside the root/],
    ["no root", `<?xml version="1.0"?>`, /no root/],
    ["a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, /DOCTYPE/],
    ["an unknown entity", `<a>&e;</a>`, /entity/],
    ["a bare ampersand", `<a>A & B</a>`, /entity/],
    ["an unquoted attribute", `<a b=1/>`, /malformed/],
    ["a '<' in an attribute value", `<a b="<"/>`, /unterminated|malformed/],
    ["an invalid element name", `<1a/>`, /invalid element name/],
    ["an unterminated comment", `<a><!-- x</a>`, /comment/],
    ["a character reference to nothing", `<a>&#0;</a>`, /entity/],
  ])("refuses %s", (_what, xml, reason) => {
    expect(events(xml).error).toMatch(reason);
  });
});

describe("decodeXml and attributes", () => {
  it("decodes the five entities and decimal and hex references", () => {
    expect(decodeXml("&amp;&lt;&gt;&quot;&apos;&#25991;&#x5B57;&#x1F600;")).toBe(`&<>"'文字😀`);
    expect(decodeXml("plain")).toBe("plain");
  });

  it("maps prefixed attribute names to their local names", () => {
    expect(Object.fromEntries(attributes(` r:id="rId1"  name = "表1" state='hidden'`))).toEqual({
      id: "rId1",
      name: "表1",
      state: "hidden",
    });
    expect(attributes("   ").size).toBe(0);
    expect(() => attributes(` a="1"b="2"`)).toThrow(/malformed/);
  });
});
