#!/usr/bin/env node
// `npm run bench`: every benchmark of the project, one after the other, on the built packages. Each
// prints ratios measured in the same run (against a plain baseline, or between sizes), so the numbers
// mean something on any machine. Record results in BENCHMARKS.md with this command.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const benches = [
  ["@yusuan/money — parsing and formatting", "packages/money", "bench.mjs"],
  ["@yusuan/classification — catalog lookup and code parsing", "packages/classification", "bench.mjs"],
  ["@yusuan/disclosure — recognize + check", "packages/disclosure", "bench.mjs"],
  ["@yusuan/pdf — reading a budget PDF against pdfjs-dist alone", "packages/pdf", "bench.mjs"],
  ["yusuan CLI — batch check", "apps/cli", "bench.mjs"],
  ["yusuan CLI — batch check of published PDFs", "apps/cli", "bench-pdf.mjs"],
  ["Excel add-in — bundle size and check time", "apps/excel-addin", "bench.mjs"],
];

let failed = 0;
for (const [title, dir, script] of benches) {
  if (!existsSync(`${dir}/${script}`)) continue;
  console.log(`\n## ${title}\n`);
  const r = spawnSync(process.execPath, [script], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
