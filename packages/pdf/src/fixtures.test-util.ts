/**
 * Small PDFs written byte by byte for the tests: plain text pages, an image-only page, many pages,
 * and encryption (RC4, revision 2) with or without a user password.
 */
import { createHash } from "node:crypto";

const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");

function md5(...parts: Uint8Array[]): Buffer {
  const h = createHash("md5");
  for (const p of parts) h.update(p);
  return h.digest();
}

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let a = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 255;
    j = (j + s[a]!) & 255;
    [s[a], s[j]] = [s[j]!, s[a]!];
    out[k] = data[k]! ^ s[(s[a]! + s[j]!) & 255]!;
  }
  return out;
}

export interface FixtureOptions {
  /** Text lines of each page (ASCII, Helvetica); an empty array draws an image instead. */
  pages: string[][];
  /** RC4 40-bit encryption: with a user password (cannot open) or without (opens, `permissions` apply). */
  encrypt?: { userPassword: boolean; permissions: number };
}

/** Writes a small valid PDF. */
export function makePdf(opts: FixtureOptions): Uint8Array {
  const id = Buffer.from("0123456789abcdef0123456789abcdef", "hex");
  const objects: Array<(n: number) => Buffer> = [];
  const add = (f: (n: number) => Buffer) => objects.push(f) as number; // returns object number
  let key: Buffer | undefined;
  let encryptDict = "";
  if (opts.encrypt) {
    const P = opts.encrypt.permissions | 0xfffff0c0;
    const O = md5(Buffer.from("owner"), PAD).subarray(0, 5);
    const ownerValue = rc4(O, PAD);
    const p = Buffer.alloc(4);
    p.writeInt32LE(P | 0);
    key = md5(PAD, ownerValue, p, id).subarray(0, 5);
    const userValue = opts.encrypt.userPassword ? Buffer.alloc(32, 7) : rc4(key, PAD);
    encryptDict = `<< /Filter /Standard /V 1 /R 2 /O <${ownerValue.toString("hex")}> /U <${userValue.toString("hex")}> /P ${P | 0} >>`;
  }
  const crypt = (n: number, data: Buffer) => {
    if (!key) return data;
    const k = md5(key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
    return rc4(k, data);
  };
  const stream = (dict: string, body: Buffer) => (n: number) => {
    const data = crypt(n, body);
    return Buffer.concat([
      Buffer.from(`${dict.replace(/>>$/, "")} /Length ${data.length} >>\nstream\n`),
      data,
      Buffer.from("\nendstream"),
    ]);
  };
  const catalog = add(() => Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"));
  const pagesObj = add(() => Buffer.alloc(0)); // filled below
  const font = add(() => Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  const image = add(
    stream(
      "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>",
      Buffer.from([0, 255, 255, 0]),
    ),
  );
  const contentCache = new Map<string, number>();
  const kids: number[] = [];
  for (const lines of opts.pages) {
    const body =
      lines.length === 0
        ? "q 400 0 0 400 100 200 cm /Im1 Do Q"
        : `BT /F1 12 Tf 72 760 Td 14 TL ${lines.map((l) => `(${l.replace(/[()\\]/g, "\\$&")}) '`).join(" ")} ET`;
    let content = contentCache.get(body);
    if (content === undefined) {
      content = add(stream("<< >>", Buffer.from(body, "latin1")));
      contentCache.set(body, content);
    }
    const c = content;
    kids.push(
      add(() =>
        Buffer.from(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${c} 0 R >>`,
        ),
      ),
    );
  }
  objects[pagesObj - 1] = () =>
    Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const encryptObj = key || opts.encrypt ? add(() => Buffer.from(encryptDict)) : 0;
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objects.forEach((f, i) => {
    const n = i + 1;
    const obj = Buffer.concat([Buffer.from(`${n} 0 obj\n`), f(n), Buffer.from("\nendobj\n")]);
    offsets.push(pos);
    parts.push(obj);
    pos += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
  ].join("");
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptObj ? ` /Encrypt ${encryptObj} 0 R` : ""} /ID [<${id.toString("hex")}> <${id.toString("hex")}>] >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A one-page PDF whose Chinese text uses a font that is neither embedded nor mapped to Unicode:
 * a Type0 font (STSong-Light, Adobe-GB1) with a predefined CMap encoding (`UniGB-UCS2-H` takes
 * UCS-2 codes, `GBK-EUC-H` GBK bytes) and no ToUnicode, as some office exports write it. Reading
 * the text needs pdfjs's CMap files.
 */
export function makeCjkPdf(
  lines: string[],
  encoding: "UniGB-UCS2-H" | "GBK-EUC-H" = "UniGB-UCS2-H",
): Uint8Array {
  const hex = (s: string) => {
    if (encoding === "UniGB-UCS2-H")
      return Array.from(s, (ch) => ch.charCodeAt(0).toString(16).padStart(4, "0")).join("");
    return gbkHex(s);
  };
  const body = `BT /F1 16 Tf 72 760 Td 22 TL ${lines.map((l) => `<${hex(l)}> '`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>",
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [5 0 R] >>`,
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    `<< /Length ${Buffer.byteLength(body, "latin1")} >>\nstream\n${body}\nendstream`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** GBK bytes of a few common budget words, as hex (Node has no GBK encoder). */
function gbkHex(s: string): string {
  const table: Record<string, string> = {
    部: "b2bf",
    门: "c3c5",
    预: "d4a4",
    算: "cbe3",
    年: "c4ea",
    收: "cad5",
    入: "c8eb",
    支: "d6a7",
    出: "b3f6",
    总: "d7dc",
    表: "b1ed",
  };
  return Array.from(s, (ch) =>
    /[\x20-\x7e]/.test(ch) ? ch.charCodeAt(0).toString(16).padStart(2, "0") : (table[ch] ?? "a1a1"),
  ).join("");
}
