// The one-file CLI: dist/yusuan.mjs, the whole command line with every dependency bundled, for
// `node yusuan.mjs …` on any machine with Node ≥ 20.19 and nothing installed. Run after tsup
// (`npm run build`); the workspace packages are taken from their built dist/.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const outfile = join(here, "dist", "yusuan.mjs");

/** The CLI reads its version from ../package.json, which is not next to the single file: inline it. */
const inlineVersion = {
  name: "inline-version",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, () => ({
      contents: `export function toolVersion() { return ${JSON.stringify(pkg.version)}; }`,
      loader: "ts",
    }));
  },
};

/**
 * pdf.js (in Node) loads the native @napi-rs/canvas for DOMMatrix, ImageData and Path2D and warns on
 * stderr when it is missing; the single file cannot carry a native package and provides the three
 * classes itself (one-file-shims.js), so that load is left out.
 */
const noNativeCanvas = {
  name: "no-native-canvas",
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const load = 'canvas = require("@napi-rs/canvas");';
      if (!source.includes(load)) throw new Error(`${args.path}: ${load} not found (pdfjs-dist changed?)`);
      return { contents: source.replace(load, "canvas = undefined;"), loader: "js" };
    });
  },
};

await esbuild.build({
  entryPoints: [join(here, "src", "cli.ts")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  // Lazily imported modules (each command, the workbook writer, the PDF reader) stay lazy code paths
  // but live in this one file.
  splitting: false,
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
  // Optional native canvas of pdf.js: not needed to read text and ruling lines.
  external: ["@napi-rs/canvas", "canvas"],
  plugins: [inlineVersion, noNativeCanvas],
  banner: {
    // CommonJS dependencies (exceljs and its helpers) call require(): give them Node's.
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __yusuanCreateRequire } from "node:module";',
      "const require = __yusuanCreateRequire(import.meta.url);",
      readFileSync(join(here, "one-file-shims.js"), "utf8"),
    ].join("\n"),
  },
});
const size = statSync(outfile).size;
console.log(`single-file CLI: ${outfile} (${(size / 1024 / 1024).toFixed(1)} MB)`);
