#!/usr/bin/env node
// Benchmark of `yusuan check` on published PDFs. Needs the built CLI (`npx turbo run build --filter=yusuan...`).
// Copies the seven real budget PDFs of tests/fixtures/real/pdf round-robin into folders of N/2 and N files
// and measures, in one run: files/second with --jobs 1 and --jobs 2, and peak memory (VmHWM of the
// process, all threads) for both sizes — peak memory must not grow with the number of files.
// Usage: node apps/cli/bench-pdf.mjs [N=100]
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure } from "./bench-measure.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const cli = join(here, "dist/cli.js");
const N = Number(process.argv[2] ?? 100);
const source = join(here, "..", "..", "tests", "fixtures", "real", "pdf");
const pdfs = readdirSync(source)
  .filter((f) => f.endsWith(".pdf") && !f.includes("juesuan"))
  .sort();
const dir = mkdtempSync(join(tmpdir(), "yusuan-bench-pdf-"));

function folder(count) {
  const d = join(dir, String(count));
  mkdirSync(d);
  for (let i = 0; i < count; i++)
    copyFileSync(join(source, pdfs[i % pdfs.length]), join(d, `p${String(i).padStart(4, "0")}.pdf`));
  return d;
}

const half = folder(Math.max(1, Math.floor(N / 2)));
const full = folder(N);
const check = (d, jobs) => measure([cli, "check", d, "--jobs", String(jobs), "--format", "json"]);
const j1 = await check(full, 1);
const j2 = await check(full, 2);
const small = await check(half, 2);
const row = (what, value, target, met) => `| ${what} | ${value} | ${target} | ${met ? "yes" : "no"} |`;
const rate = (r, n) =>
  `${r.seconds.toFixed(1)} s, ${(n / r.seconds).toFixed(2)} files/s, CPU ${r.cpu.toFixed(1)} s, peak ${r.peakMB.toFixed(0)} MB`;
console.log(
  `\n${N} PDFs (${pdfs.length} real budgets, 22–35 pages each, round-robin), ${availableParallelism()} cores, Node ${process.version}\n`,
);
console.log("| measure | value | target | met |\n|---|---|---|---|");
console.log(row(`check --jobs 1, ${N} files`, rate(j1, N), "", j1.code !== 2));
console.log(row(`check --jobs 2, ${N} files`, rate(j2, N), "", j2.code !== 2));
console.log(
  row(`check --jobs 2, ${Math.floor(N / 2)} files`, rate(small, Math.floor(N / 2)), "", small.code !== 2),
);
console.log(row("speedup --jobs 2 vs 1", `${(j1.seconds / j2.seconds).toFixed(2)}×`, "", true));
const peak = Math.max(j1.peakMB, j2.peakMB);
console.log(row("peak memory, any run", `${peak.toFixed(0)} MB`, "< 500 MB", peak < 500));
console.log(
  row(
    `peak memory ${N} files / ${Math.floor(N / 2)} files (--jobs 2)`,
    `${(j2.peakMB / small.peakMB).toFixed(2)}×`,
    "≈ 1 (flat)",
    j2.peakMB / small.peakMB < 1.25,
  ),
);
rmSync(dir, { recursive: true, force: true });
