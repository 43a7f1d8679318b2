// Benchmark: readPdf on a real ~30-page budget PDF against pdfjs-dist alone loading the same pages'
// getTextContent + getOperatorList, in the same run (alternating, after a warm-up), and recognize +
// check on top. Prints medians and ratios (targets: reading ≤ 1.3× pdfjs alone; recognize + check
// < 10% extra). Run against the built package: `npx tsup && node bench.mjs [rounds=7] [name]`.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { analyze } from "@yusuan/disclosure";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { readPdf } from "./dist/index.js";

const rounds = Number(process.argv[2] ?? 7);
const name = process.argv[3] ?? "wanli_2025_bumen";
const bytes = new Uint8Array(
  readFileSync(fileURLToPath(new URL(`../../tests/fixtures/real/pdf/${name}.pdf`, import.meta.url))),
);

async function bare() {
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    await Promise.all([page.getTextContent(), page.getOperatorList()]);
    page.cleanup();
  }
  const n = doc.numPages;
  await task.destroy();
  return n;
}
let grid;
let pages = 0;
async function ours() {
  const r = await readPdf(bytes, `${name}.pdf`);
  if (!r.ok) throw new Error(r.error.messageEn);
  grid = r.grid;
  pages = r.pages;
}
async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

// Warm both paths up (the first readPdf also loads pdfjs), then alternate them.
for (let i = 0; i < 2; i++) {
  await ours();
  await bare();
  analyze(grid);
}
const a = [];
const b = [];
const c = [];
for (let i = 0; i < rounds; i++) {
  a.push(await time(ours));
  b.push(await time(bare));
  c.push(await time(() => analyze(grid)));
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;
const [ma, mb, mc] = [median(a), median(b), median(c)];
console.log(
  `| what (${name}.pdf, ${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB) | median of ${rounds} |`,
);
console.log("|---|---|");
console.log(`| pdfjs-dist alone: getTextContent + getOperatorList of every page | ${ms(mb)} |`);
console.log(`| readPdf (the grid) | ${ms(ma)} |`);
console.log(`| recognize + check (analyze) of that grid | ${ms(mc)} |`);
console.log(`\nreadPdf / pdfjs alone: ${(ma / mb).toFixed(2)}× (target ≤ 1.3×)`);
console.log(`recognize + check on top of readPdf: +${((mc / ma) * 100).toFixed(1)}% (target < 10%)`);
