/**
 * A corpus of broken and hostile "workbooks", built in memory, each with the failure code a reader
 * must give. The reader's tests and the CLI's end-to-end tests both run it.
 */

/** jszip, loaded on first use (only tests and fixtures build zips). */
async function newZip(): Promise<import("jszip")> {
  const { default: JSZip } = await import("jszip");
  return new JSZip();
}

/**
 * A workbook that can be read but once cost far too much, with the bounds reading, checking and
 * filling it must now stay within (wall seconds on one core, and megabytes of heap).
 *
 * @example
 * ```ts
 * const input: CostlyInput = { name: "far-cells.xlsx", bytes, seconds: 10, megabytes: 256 };
 * ```
 */
export interface CostlyInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly seconds: number;
  readonly megabytes: number;
}

/**
 * Readable workbooks that used to cost minutes and gigabytes: a merge over the whole sheet
 * (A1:XFD1048576; 4.2 GB and a crash in `fill`), and one cell at XFD1048576 in each of 40 sheets
 * (60 s and 1.86 GB). Each comes with its time and memory bound.
 *
 * @example
 * ```ts
 * for (const input of await costlyInputs()) {
 *   const started = performance.now();
 *   await readXlsx(input.bytes, input.name);
 *   console.assert(performance.now() - started < input.seconds * 1000);
 * }
 * ```
 */
export async function costlyInputs(): Promise<CostlyInput[]> {
  const out: CostlyInput[] = [];
  out.push({
    name: "giant-merge.xlsx",
    bytes: await minimalXlsx({
      "xl/worksheets/sheet1.xml": sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace(
        "</sheetData>",
        `</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`,
      ),
    }),
    seconds: 10,
    megabytes: 256,
  });
  const parts: Parts = {};
  let sheets = "";
  let rels = "";
  let types = "";
  for (let i = 1; i <= 40; i++) {
    parts[`xl/worksheets/sheet${i}.xml`] = sheetXml(
      `<row r="1"><c r="A1"><v>${i}</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
    );
    sheets += `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`;
    rels += `<Relationship Id="rId${i}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
    types += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  }
  parts["xl/workbook.xml"] = workbookXml(sheets);
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
  parts["[Content_Types].xml"] = contentTypes().replace(/<Override PartName="\/xl\/worksheets[^>]*>/, types);
  out.push({
    name: "far-cells-40-sheets.xlsx",
    bytes: await minimalXlsx(parts),
    seconds: 10,
    megabytes: 256,
  });
  return out;
}

/** One bad input and the code {@link readXlsx} must answer with. */
export interface HostileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly expect: "input.unreadable" | "input.too-large";
}

const CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function contentTypes(mainType = CT_MAIN): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    `</Types>`
  );
}

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookXml(sheets = `<sheet name="Sheet1" sheetId="1" r:id="rId1"/>`, prolog = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${sheets}</sheets></workbook>`;
}

const WORKBOOK_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${NS_R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

function sheetXml(
  body = `<row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c><c r="B1"><v>1234.5</v></c></row>`,
  head = "",
): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${head}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetData>${body}</sheetData></worksheet>`;
}

type Parts = Record<string, string | Uint8Array | null>;

function minimalParts(): Parts {
  return {
    "[Content_Types].xml": contentTypes(),
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": workbookXml(),
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
    "xl/worksheets/sheet1.xml": sheetXml(),
  };
}

/**
 * A minimal valid .xlsx with one sheet ("Sheet1": A1 "预算", B1 1234.5), with parts replaced or
 * removed (`null`) as given. The hostile inputs are variations of it.
 *
 * @example
 * ```ts
 * const bytes = await minimalXlsx({ "xl/worksheets/sheet1.xml": "not xml" });
 * ```
 */
export async function minimalXlsx(overrides: Parts = {}, level = 6): Promise<Uint8Array> {
  const zip = await newZip();
  for (const [name, content] of Object.entries({ ...minimalParts(), ...overrides })) {
    if (content !== null) zip.file(name, content);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level } });
}

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
function put32(b: Uint8Array, i: number, v: number): void {
  b[i] = v & 0xff;
  b[i + 1] = (v >>> 8) & 0xff;
  b[i + 2] = (v >>> 16) & 0xff;
  b[i + 3] = (v >>> 24) & 0xff;
}

/** Central directory records of a zip written by jszip: offset of the record and of its local header. */
function records(zip: Uint8Array): { name: string; cd: number; local: number }[] {
  let eocd = zip.length - 22;
  while (eocd > 0 && u32(zip, eocd) !== 0x06054b50) eocd--;
  const out: { name: string; cd: number; local: number }[] = [];
  let p = u32(zip, eocd + 16);
  for (let n = u16(zip, eocd + 10); n > 0; n--) {
    const nameLen = u16(zip, p + 28);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, cd: p, local: u32(zip, p + 42) });
    p += 46 + nameLen + u16(zip, p + 30) + u16(zip, p + 32);
  }
  return out;
}

function patchEntry(
  zip: Uint8Array,
  name: string,
  edit: (z: Uint8Array, cd: number, local: number) => void,
): Uint8Array {
  const copy = zip.slice();
  const rec = records(copy).find((r) => r.name === name);
  if (!rec) throw new Error(`no entry ${name}`);
  edit(copy, rec.cd, rec.local);
  return copy;
}

function replaceBytes(hay: Uint8Array, from: string, to: string): Uint8Array {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  const out = hay.slice();
  for (let i = 0; i <= out.length - a.length; i++) {
    if (a.every((v, j) => out[i + j] === v)) out.set(b, i);
  }
  return out;
}

function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let at = 0;
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
    at = 2;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[at + i * 2] = c & 0xff;
    out[at + i * 2 + 1] = c >> 8;
  }
  return out;
}

/** A fake OLE compound file: the magic, then a directory sector naming the given streams. */
function oleFile(streams: string[]): Uint8Array {
  const out = new Uint8Array(2048);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  out.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  streams.forEach((s, i) => {
    out.set(utf16le(s, false), 512 + 128 * i);
  });
  return out;
}

function seededBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Sheet XML with `cells` real cells (varied addresses and values), built as one string. */
function manyCellsSheet(cells: number, perRow = 26): string {
  const rows: string[] = [];
  const letters = Array.from({ length: perRow }, (_, i) => String.fromCharCode(65 + i));
  for (let r = 1, left = cells; left > 0; r++) {
    const n = Math.min(perRow, left);
    let row = `<row r="${r}">`;
    for (let c = 0; c < n; c++)
      row += `<c r="${letters[c]}${r}"><v>${(r * 7919 + c * 104729) % 1000003}</v></c>`;
    rows.push(`${row}</row>`);
    left -= n;
  }
  return sheetXml(rows.join(""));
}

/**
 * At least twenty kinds of bad input, built in memory (the largest holds about 50 MB of sheet XML,
 * compressed): not a zip, truncated zips, OLE and BIFF files, other Office documents, zip bombs, huge
 * sheets, XML entity attacks, broken parts. Each comes with the code a reader must give.
 *
 * @example
 * ```ts
 * for (const input of await hostileInputs()) {
 *   const result = await readXlsx(input.bytes, input.name);
 *   console.assert(!result.ok && result.code === input.expect);
 * }
 * ```
 */
export async function hostileInputs(): Promise<HostileInput[]> {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const valid = await minimalXlsx();
  const out: HostileInput[] = [];
  const add = (
    name: string,
    bytes: Uint8Array,
    expect: HostileInput["expect"] = "input.unreadable",
  ): void => {
    out.push({ name, bytes, expect });
  };

  add("empty.xlsx", new Uint8Array(0));
  add("random-bytes.xlsx", seededBytes(4096, 42));
  add("text-named-xlsx.xlsx", enc("2024年部门预算\n项目\t金额\n一般公共预算拨款收入\t1,234.00\n"));
  add("utf16-junk.xlsx", utf16le("收入支出决算总表\t单位：元\r\n项目\t金额\r\n"));
  add("web-page.xlsx", enc("<html><body><table><tr><td>1</td></tr></table></body></html>"));
  add(
    "spreadsheetml-2003.xlsx",
    enc(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`),
  );
  for (const [label, cut] of [
    ["local-header", 20],
    ["10pct", Math.floor(valid.length * 0.1)],
    ["50pct", Math.floor(valid.length * 0.5)],
    ["90pct", Math.floor(valid.length * 0.9)],
    ["last-10-bytes", valid.length - 10],
  ] as const) {
    add(`truncated-${label}.xlsx`, valid.slice(0, cut));
  }
  add("empty-zip.xlsx", Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]));
  {
    const zip = await newZip();
    zip.file("readme.txt", "not a workbook");
    zip.file("data/table.csv", "a,b\n1,2\n");
    add("zip-of-other-things.xlsx", await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  }
  {
    const zip = await newZip();
    zip.file(
      "[Content_Types].xml",
      contentTypes().replace(
        CT_MAIN,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      ),
    );
    zip.file(
      "word/document.xml",
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
    );
    add("word-document.xlsx", await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  }
  {
    const zip = await newZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    add("opendocument.xlsx", await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  }
  add("xlsb.xlsx", await minimalXlsx({ "xl/workbook.xml": null, "xl/workbook.bin": seededBytes(64, 7) }));
  add("ole-encrypted.xlsx", oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]));
  add("ole-old-xls.xlsx", oleFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]));
  add(
    "biff-raw.xlsx",
    Uint8Array.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, ...seededBytes(200, 3)]),
  );

  // Declares 3 GB uncompressed in the central directory; nothing is ever inflated.
  add(
    "zip-bomb-declared.xlsx",
    patchEntry(valid, "xl/worksheets/sheet1.xml", (z, cd, local) => {
      put32(z, cd + 24, 3_000_000_000);
      put32(z, local + 22, 3_000_000_000);
    }),
    "input.too-large",
  );
  // Twenty megabytes of zeros compress about a thousandfold.
  add(
    "zip-bomb-ratio.xlsx",
    await minimalXlsx({ "xl/media/image1.png": new Uint8Array(20 * 1024 * 1024) }, 9),
    "input.too-large",
  );
  {
    // Declares 1 KB but inflates to 2 MB: sizes in the directory cannot be trusted.
    const bytes = await minimalXlsx({ "xl/media/image1.png": new Uint8Array(2 * 1024 * 1024) }, 9);
    add(
      "zip-lying-size.xlsx",
      patchEntry(bytes, "xl/media/image1.png", (z, cd, local) => {
        put32(z, cd + 24, 1024);
        put32(z, local + 22, 1024);
      }),
    );
  }
  add(
    "dimension-huge.xlsx",
    await minimalXlsx({
      "xl/worksheets/sheet1.xml": sheetXml(undefined, "").replace(
        "<sheetData>",
        `<dimension ref="A1:Z100000"/><sheetData>`,
      ),
    }),
    "input.too-large",
  );
  add(
    "million-cells.xlsx",
    await minimalXlsx({ "xl/worksheets/sheet1.xml": enc(manyCellsSheet(2_000_100)) }, 1),
    "input.too-large",
  );
  add(
    "doctype-external-entity.xlsx",
    await minimalXlsx({
      "xl/worksheets/sheet1.xml": sheetXml(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>`,
        `<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`,
      ),
    }),
  );
  {
    const lol = [`<!ENTITY lol "lol">`];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    add(
      "billion-laughs.xlsx",
      await minimalXlsx({
        "xl/sharedStrings.xml": `<?xml version="1.0"?><!DOCTYPE sst [${lol.join("")}]><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`,
      }),
    );
  }
  add(
    "entity-in-workbook.xlsx",
    await minimalXlsx({ "xl/workbook.xml": workbookXml(undefined, `<!DOCTYPE workbook [<!ENTITY e "x">]>`) }),
  );
  add(
    "entity-lowercase.xlsx",
    await minimalXlsx({ "_rels/.rels": ROOT_RELS.replace("?>", `?><!doctype r [<!entity e "x">]>`) }),
  );
  add(
    "wrong-content-type.xlsx",
    await minimalXlsx({
      "[Content_Types].xml": contentTypes(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      ),
    }),
  );
  add("no-content-types.xlsx", await minimalXlsx({ "[Content_Types].xml": null }));
  add("missing-workbook.xlsx", await minimalXlsx({ "xl/workbook.xml": null }));
  add("empty-workbook-xml.xlsx", await minimalXlsx({ "xl/workbook.xml": "" }));
  add("workbook-without-sheets.xlsx", await minimalXlsx({ "xl/workbook.xml": workbookXml("") }));
  add("sheet-part-missing.xlsx", await minimalXlsx({ "xl/worksheets/sheet1.xml": null }));
  add("sheet-not-xml.xlsx", await minimalXlsx({ "xl/worksheets/sheet1.xml": seededBytes(3000, 9) }));
  add(
    "sheet-xml-unclosed.xlsx",
    await minimalXlsx({ "xl/worksheets/sheet1.xml": sheetXml().replace(/<\/sheetData>[\s\S]*$/, "") }),
  );
  add(
    "sheet-row-without-number.xlsx",
    await minimalXlsx({ "xl/worksheets/sheet1.xml": sheetXml(`<row r="-5"><c r="!!"><v>1</v></c></row>`) }),
  );
  add("sheet-utf16.xlsx", await minimalXlsx({ "xl/worksheets/sheet1.xml": utf16le(sheetXml()) }));
  {
    // jszip cannot write two entries with one name: write a same-length name, then rename it in place.
    const bytes = await minimalXlsx({ "xl/workbooq.xml": workbookXml() });
    add("duplicate-entries.xlsx", replaceBytes(bytes, "xl/workbooq.xml", "xl/workbook.xml"));
  }
  add(
    "zip-encrypted-entry.xlsx",
    patchEntry(valid, "xl/worksheets/sheet1.xml", (z, cd, local) => {
      z[cd + 8] = z[cd + 8]! | 1;
      z[local + 6] = z[local + 6]! | 1;
    }),
  );
  add(
    "unknown-compression.xlsx",
    patchEntry(valid, "xl/worksheets/sheet1.xml", (z, cd, local) => {
      z[cd + 10] = 14;
      z[local + 8] = 14;
    }),
  );
  {
    // Number formats that cost minutes and gigabytes before they were bounded: a 500,000-character
    // literal, 20,000 "[" and 5,000 scaling commas. Refused as hostile.
    const styles = (code: string): string =>
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${code}"/></numFmts>` +
      `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    // Varied CJK text, so that it does not compress like a zip bomb (that is caught earlier).
    const literal = Array.from(seededBytes(500_000, 11), (b, i) =>
      String.fromCharCode(0x4e00 + ((b << 6) ^ (i & 0x3f))),
    ).join("");
    const styled = sheetXml(`<row r="1"><c r="A1" s="1"><v>1234.5</v></c></row>`);
    add(
      "format-long-literal.xlsx",
      await minimalXlsx({
        "xl/styles.xml": styles(`&quot;${literal}&quot;0`),
        "xl/worksheets/sheet1.xml": styled,
      }),
    );
    add(
      "format-brackets.xlsx",
      await minimalXlsx({ "xl/styles.xml": styles("[".repeat(20_000)), "xl/worksheets/sheet1.xml": styled }),
    );
    add(
      "format-commas.xlsx",
      await minimalXlsx({
        "xl/styles.xml": styles(`0${",".repeat(5_000)}`),
        "xl/worksheets/sheet1.xml": styled,
      }),
    );
  }
  add(
    "corrupt-deflate-data.xlsx",
    patchEntry(valid, "xl/worksheets/sheet1.xml", (z, _cd, local) => {
      const start = local + 30 + u16(z, local + 26) + u16(z, local + 28);
      z.fill(0xff, start, start + 8);
    }),
  );
  return out;
}
