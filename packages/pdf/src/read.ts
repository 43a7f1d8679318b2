import type { Grid } from "@yusuan/disclosure";
import { assemble, type PageInfo } from "./assemble";
import { pdfError, type PdfReadError } from "./errors";
import { loadPdfjs, readPage, type PageStats } from "./extract";
import { inflatedSize } from "./inflate-check";
import { layoutPage } from "./layout";
import { resolvePdfLimits, type PdfLimits } from "./limits";

/** Options of {@link readPdf}. */
export interface ReadPdfOptions {
  /** Caps on size and work; missing fields take {@link DEFAULT_PDF_LIMITS}. */
  readonly limits?: Partial<PdfLimits>;
  /** The user password of an encrypted PDF, when the caller has it. */
  readonly password?: string;
  /**
   * Where pdfjs-dist's CMap files are (its `cmaps/` folder, ending in "/"): needed for Chinese text
   * in fonts that are not embedded (Adobe-GB1 fonts with encodings such as UniGB-UCS2-H or
   * GBK-EUC-H). In Node.js the installed pdfjs-dist's folder is found by itself; in a browser, pass
   * the URL where the folder is served.
   */
  readonly cMapUrl?: string;
  /** Where pdfjs-dist's `standard_fonts/` folder is (ending in "/"); found by itself in Node.js. */
  readonly standardFontDataUrl?: string;
}

/** What {@link readPdf} returns: the grid and the page count, or why the file could not be read. */
export type ReadPdfResult = { ok: true; grid: Grid; pages: number } | { ok: false; error: PdfReadError };

const MB = 1024 * 1024;

/**
 * Reads a published budget PDF into a {@link Grid} with one sheet ({@link TEXT_SHEET}): one row per
 * printed line in reading order, wrapped narrative lines joined into paragraphs, each ruled table row
 * one row with one cell per table cell; `lines[r]` and `pages[r]` say where row r was printed.
 * Running headers, footers, page numbers and table-of-contents leaders are dropped. Never throws on
 * bad input: an unreadable, encrypted, scanned or oversized file gives `ok: false` with a code and a
 * one-line message naming the file.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { analyze } from "@yusuan/disclosure";
 * const r = await readPdf(new Uint8Array(readFileSync("2025年部门预算.pdf")), "2025年部门预算.pdf");
 * if (r.ok) console.log(r.pages, analyze(r.grid).findings.length);
 * else console.error(r.error.message);
 * ```
 */
export async function readPdf(
  bytes: Uint8Array,
  name: string,
  options: ReadPdfOptions = {},
): Promise<ReadPdfResult> {
  try {
    return await read(bytes, name, options);
  } catch (e) {
    return { ok: false, error: classify(e, name) };
  }
}

async function read(bytes: Uint8Array, name: string, options: ReadPdfOptions): Promise<ReadPdfResult> {
  const limits = resolvePdfLimits(options.limits);
  const fail = (code: PdfReadError["code"], detail?: { zh: string; en: string }): ReadPdfResult => ({
    ok: false,
    error: pdfError(code, name, detail),
  });
  if (!(bytes instanceof Uint8Array) || bytes.length === 0)
    return fail("not-pdf", { zh: "文件为空", en: "the file is empty" });
  if (bytes.length > limits.maxBytes) {
    return fail("too-large", {
      zh: `文件大小 ${(bytes.length / MB).toFixed(1)} MB，上限为 ${(limits.maxBytes / MB).toFixed(0)} MB`,
      en: `the file is ${(bytes.length / MB).toFixed(1)} MB, the limit is ${(limits.maxBytes / MB).toFixed(0)} MB`,
    });
  }
  if (!hasPdfHeader(bytes)) return fail("not-pdf");
  if (!hasEndMarker(bytes)) {
    return fail("corrupt", {
      zh: "文件不完整（缺少结尾标记 %%EOF，可能下载或复制时被截断）",
      en: "the file is incomplete (no %%EOF end marker; it may have been cut off while downloading or copying)",
    });
  }
  if ((await inflatedSize(bytes, limits.maxDecodedBytes)) > limits.maxDecodedBytes) {
    return fail("too-large", {
      zh: `压缩数据解压后超过 ${(limits.maxDecodedBytes / MB).toFixed(0)} MB`,
      en: `its compressed data inflates to more than ${(limits.maxDecodedBytes / MB).toFixed(0)} MB`,
    });
  }

  const lib = await loadPdfjs();
  const dirs = {
    ...pdfjsDataDirs(),
    ...defined({ cMapUrl: options.cMapUrl, standardFontDataUrl: options.standardFontDataUrl }),
  };
  const task = lib.getDocument({
    data: bytes.slice(), // pdfjs takes ownership of the buffer it is given
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(dirs.cMapUrl ? { cMapUrl: withSlash(dirs.cMapUrl), cMapPacked: true } : {}),
    ...(dirs.standardFontDataUrl ? { standardFontDataUrl: withSlash(dirs.standardFontDataUrl) } : {}),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) {
      return fail("too-large", {
        zh: `共 ${doc.numPages} 页，上限为 ${limits.maxPages} 页`,
        en: `it has ${doc.numPages} pages, the limit is ${limits.maxPages}`,
      });
    }
    const permissions = await doc.getPermissions().catch(() => null);
    if (permissions && !permissions.includes(lib.PermissionFlag.COPY)) {
      return fail("encrypted", {
        zh: "文件已加密，且禁止提取文字",
        en: "the file is encrypted and forbids extracting its text",
      });
    }
    const pages: PageInfo[] = [];
    let operators = 0;
    let chars = 0;
    let visible = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const stats: PageStats = { operators: 0, chars: 0 };
      const content = await readPage(lib, doc, p, stats);
      operators += stats.operators;
      chars += stats.chars;
      if (stats.operators > limits.maxOperatorsPerPage || operators > limits.maxOperators) {
        return fail("too-large", {
          zh: `第 ${p} 页的绘图指令超过上限（每页 ${limits.maxOperatorsPerPage} 条，全文 ${limits.maxOperators} 条）`,
          en: `page ${p} exceeds the drawing-operator limit (${limits.maxOperatorsPerPage} per page, ${limits.maxOperators} in all)`,
        });
      }
      if (chars > limits.maxTextChars) {
        return fail("too-large", {
          zh: `文字超过 ${limits.maxTextChars} 个字符`,
          en: `its text exceeds ${limits.maxTextChars} characters`,
        });
      }
      visible += content.runs.length;
      pages.push({ page: p, width: content.width, height: content.height, items: layoutPage(content) });
    }
    if (visible === 0) return fail("no-text");
    const grid = assemble(pages, name);
    return { ok: true, grid, pages: doc.numPages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function defined<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => typeof v === "string" && v !== ""),
  ) as Partial<Record<keyof T, string>>;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

let nodeDirs: { cMapUrl?: string; standardFontDataUrl?: string } | undefined;

/**
 * In Node.js: the `cmaps/` and `standard_fonts/` folders of the pdfjs-dist package this one
 * resolves to. Elsewhere (a browser) nothing: the caller passes URLs.
 */
function pdfjsDataDirs(): { cMapUrl?: string; standardFontDataUrl?: string } {
  if (nodeDirs) return nodeDirs;
  nodeDirs = {};
  try {
    const proc = (
      globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }
    ).process;
    if (!proc?.versions?.node || typeof proc.getBuiltinModule !== "function") return nodeDirs;
    const mod = proc.getBuiltinModule("module") as
      | { createRequire(from: string): { resolve(id: string): string } }
      | undefined;
    const path = proc.getBuiltinModule("path") as
      | { dirname(p: string): string; join(...p: string[]): string }
      | undefined;
    if (!mod || !path) return nodeDirs;
    const from = typeof __filename === "string" && __filename !== "" ? __filename : import.meta.url;
    const root = path.dirname(mod.createRequire(from).resolve("pdfjs-dist/package.json"));
    nodeDirs = {
      cMapUrl: `${path.join(root, "cmaps")}/`,
      standardFontDataUrl: `${path.join(root, "standard_fonts")}/`,
    };
  } catch {
    // pdfjs-dist not resolvable from here (a bundle): read without CMaps.
  }
  return nodeDirs;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = String.fromCharCode(...bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes("%%EOF");
}

function classify(e: unknown, name: string): PdfReadError {
  const err = e as { name?: string; message?: string } | undefined;
  if (err?.name === "PasswordException") return pdfError("encrypted", name);
  if (err?.name === "InvalidPDFException") return pdfError("corrupt", name);
  if (err instanceof RangeError && /memory|allocation|size/i.test(err.message ?? ""))
    return pdfError("too-large", name);
  return pdfError("corrupt", name);
}
