// Builds the add-in into dist/: task pane (html, js, css), custom functions (js, json, html), the
// manifest for a base URL, and the icons. Usage:
//   node build.mjs                       # BASE URL https://localhost:3000 (the dev server)
//   ADDIN_BASE_URL=https://example.org/yusuan node build.mjs
//   node build.mjs --base-url=https://example.org/yusuan
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync, deflateSync } from "node:zlib";
import { createRequire } from "node:module";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The default base URL: the dev server of `npm run dev`. */
export const DEFAULT_BASE_URL = "https://localhost:3000";
/** Gzipped size limit of the task pane bundle (office.js excluded). */
export const BUDGET_BYTES = 300 * 1024;

/**
 * Builds everything into `outdir` and returns the sizes.
 * @param {{ baseUrl?: string, outdir?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ outdir: string, baseUrl: string, taskpaneBytes: number, taskpaneGzipBytes: number }>}
 */
export async function build(options = {}) {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const outdir = resolve(options.outdir ?? join(here, "dist"));
  const log = options.quiet ? () => {} : (msg) => console.log(msg);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, "assets"), { recursive: true });

  const common = {
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    // ES2017 syntax: parsed by every Office webview that runs modern add-ins (WebView2, Safari, and the
    // old EdgeHTML, which then gets compat.js's message rather than a blank pane). Internet Explorer 11
    // cannot parse it: compat.js (ES5) shows the way out there. See README "Which Excel".
    target: "es2017",
    // BigInt literals (decimal arithmetic, fingerprints) become BigInt() calls, which compat.js checks.
    logOverride: { bigint: "silent" },
    plugins: [browserShims],
    legalComments: "none",
    // Resolve @yusuan/* to their sources through the root tsconfig's paths: no prior package build needed.
    tsconfig: resolve(here, "../../tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  };
  // The pane never writes workbooks itself (writer.js does, on demand) nor reads XLSX catalogs: exceljs,
  // reachable only through those code paths, stays out of its bundle.
  await esbuild.build({
    ...common,
    plugins: [...common.plugins, withoutExceljs],
    entryPoints: [join(here, "src/taskpane/main.ts")],
    outfile: join(outdir, "taskpane.js"),
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(here, "src/functions-register.ts")],
    outfile: join(outdir, "functions.js"),
  });
  // The workbook writer (exceljs) of the standalone checker, loaded only when a filled workbook is asked for.
  await esbuild.build({
    ...common,
    entryPoints: [join(here, "src/standalone/writer.ts")],
    outfile: join(outdir, "writer.js"),
  });
  // The catalog importer (zod validation), loaded only when a catalog is imported or stored.
  await esbuild.build({
    ...common,
    plugins: [...common.plugins, withoutExceljs],
    entryPoints: [join(here, "src/standalone/catalog.ts")],
    outfile: join(outdir, "catalog.js"),
  });
  // The PDF reader of the standalone checker (pdfjs-dist), loaded only when a PDF is dropped.
  await esbuild.build({
    ...common,
    entryPoints: [join(here, "src/standalone/pdf.ts")],
    outfile: join(outdir, "pdf.js"),
    // pdf.js's Node-only branches (canvas, fs) are never taken in a browser.
    external: ["@napi-rs/canvas", "canvas", "fs", "path", "url", "module", "node:*"],
    // pdfjs looks for its worker next to import.meta.url; the worker code is bundled in and runs in this thread.
    logOverride: { ...common.logOverride, "empty-import-meta": "silent" },
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(here, "src/taskpane/taskpane.css")],
    outfile: join(outdir, "taskpane.css"),
  });
  copyFileSync(join(here, "src/taskpane/taskpane.html"), join(outdir, "taskpane.html"));
  copyFileSync(join(here, "src/standalone/index.html"), join(outdir, "index.html"));
  copyFileSync(join(here, "src/compat.js"), join(outdir, "compat.js"));
  copyFileSync(join(here, "src/functions.html"), join(outdir, "functions.html"));

  writeFileSync(join(outdir, "functions.json"), await functionsMetadata());
  writeFileSync(join(outdir, "manifest.xml"), manifestFor(baseUrl));
  for (const size of [16, 32, 64, 80]) writeFileSync(join(outdir, "assets", `icon-${size}.png`), icon(size));

  const js = readFileSync(join(outdir, "taskpane.js"));
  const css = readFileSync(join(outdir, "taskpane.css"));
  const html = readFileSync(join(outdir, "taskpane.html"));
  const taskpaneBytes = js.length + css.length + html.length;
  const taskpaneGzipBytes = gzipSync(js).length + gzipSync(css).length + gzipSync(html).length;
  log(
    `task pane bundle (without office.js): ${kb(taskpaneBytes)} KB, ${kb(taskpaneGzipBytes)} KB gzipped (budget ${kb(BUDGET_BYTES)} KB)`,
  );
  log(`manifest for ${baseUrl} → ${join(outdir, "manifest.xml")}`);
  if (taskpaneGzipBytes > BUDGET_BYTES) {
    throw new Error(
      `task pane bundle is ${kb(taskpaneGzipBytes)} KB gzipped, over the ${kb(BUDGET_BYTES)} KB budget`,
    );
  }
  return { outdir, baseUrl, taskpaneBytes, taskpaneGzipBytes };
}

/**
 * Node built-ins on the workbook reader's path, for the browser: `node:zlib` becomes fflate's inflate
 * (same bound on the output), the file-system helpers become functions that say they are unavailable.
 */
const browserShims = {
  name: "browser-shims",
  setup(b) {
    b.onResolve({ filter: /^node:zlib$/ }, () => ({ path: join(here, "src/standalone/zlib-shim.ts") }));
    b.onResolve({ filter: /^node:(fs|fs\/promises|path|os|crypto)$/ }, () => ({
      path: join(here, "src/standalone/node-stub.ts"),
    }));
    // pdf.js imports modules by computed URL in two fallbacks this build never takes (its worker, which is
    // bundled in and registered globally; a JPEG 2000 decoder). A computed import() is ES2020 syntax and
    // would load code from a URL: each becomes a rejected promise, which pdf.js already handles.
    b.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(\.worker)?\.mjs$/ }, async (args) => {
      const source = readFileSync(args.path, "utf8");
      const computed = /await import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*([\w.#]+)\)/g;
      const contents = source.replace(
        computed,
        (_, what) =>
          `await Promise.reject(new Error("import(" + ${what} + ") is not available in this build"))`,
      );
      if (contents === source)
        throw new Error(`${args.path}: the computed import() to replace was not found (pdfjs-dist changed?)`);
      return { contents, loader: "js" };
    });
  },
};

const withoutExceljs = {
  name: "without-exceljs",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "exceljs", namespace: "without-exceljs" }));
    b.onLoad({ filter: /.*/, namespace: "without-exceljs" }, () => ({
      contents: 'throw new Error("exceljs is not part of taskpane.js");',
      loader: "js",
    }));
  },
};

function kb(bytes) {
  return (bytes / 1024).toFixed(1);
}

/**
 * A base URL without a trailing slash; rejects what is not an http(s) URL.
 * @param {string} url
 */
export function normalizeBaseUrl(url) {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`base URL must be https: ${url}`);
  return url.replace(/\/+$/, "");
}

/** Where manifest.template.xml puts the base URL. */
const BASE_URL_PLACEHOLDER = /\$\{BASE_URL\}/g;

/**
 * The manifest of manifest.template.xml for a base URL.
 * @param {string} baseUrl
 */
export function manifestFor(baseUrl) {
  const template = readFileSync(join(here, "manifest.template.xml"), "utf8");
  const escaped = normalizeBaseUrl(baseUrl)
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;");
  // A replacer function, so that a "$" in the URL is taken as it is, not as a replacement pattern.
  return template.replace(BASE_URL_PLACEHOLDER, () => escaped);
}

/** functions.json, generated from the JSDoc of src/functions.ts. */
export async function functionsMetadata() {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(join(here, "src/functions.ts"));
  if (result.errors.length > 0) throw new Error(`custom functions metadata:\n${result.errors.join("\n")}`);
  return result.metadataJson;
}

// --- icons: a small PNG encoder, so the repository holds no binary files ---------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * The add-in icon at `size` pixels: a blue rounded square with three white bars (a small bar chart).
 * @param {number} size
 */
export function icon(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const radius = size * 0.18;
  const bars = [
    [0.2, 0.55],
    [0.42, 0.35],
    [0.64, 0.2],
  ];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = y * (size * 4 + 1) + 1 + x * 4;
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2;
      const fx = (x + 0.5) / size;
      const fy = (y + 0.5) / size;
      const bar = bars.some(([left, top]) => fx >= left && fx < left + 0.16 && fy >= top && fy < 0.8);
      const [r, g, b] = bar ? [255, 255, 255] : [15, 108, 189];
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
      raw[i + 3] = inside ? 255 : 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = process.argv.find((a) => a.startsWith("--base-url="));
  const baseUrl = arg ? arg.slice("--base-url=".length) : (process.env.ADDIN_BASE_URL ?? DEFAULT_BASE_URL);
  build({ baseUrl }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
