// Benchmark: readXlsx (inspection + reading the XML into a Grid) against a bare exceljs load of the
// same bytes, on examples/sample.xlsx, in the same run. Prints medians and their ratio; below 1 means
// reading a workbook into a Grid costs less than merely loading it with exceljs.
// Run against the built package: `npm run build && node packages/xlsx/bench.mjs [rounds=200]`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { readXlsx } from "./dist/index.js";

const ExcelJS = createRequire(import.meta.url)("exceljs");
const bytes = new Uint8Array(
  readFileSync(fileURLToPath(new URL("../../examples/sample.xlsx", import.meta.url))),
);
const rounds = Number(process.argv[2] ?? 200);

async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
const ours = () =>
  readXlsx(bytes, "sample.xlsx").then((r) => {
    if (!r.ok) throw new Error(r.messageEn);
  });
const bare = () => new ExcelJS.Workbook().xlsx.load(bytes);

// Warm both paths up, then alternate them so that both see the same machine state.
for (let i = 0; i < 30; i++) {
  await ours();
  await bare();
}
const a = [];
const b = [];
for (let i = 0; i < rounds; i++) {
  a.push(await time(ours));
  b.push(await time(bare));
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`| what | median of ${rounds} |`);
console.log("|---|---|");
console.log(`| readXlsx (sample.xlsx, ${bytes.length} bytes) | ${ms(median(a))} |`);
console.log(`| exceljs load, bare | ${ms(median(b))} |`);
console.log(`| ratio readXlsx / exceljs load | ${(median(a) / median(b)).toFixed(2)} |`);
