#!/usr/bin/env node
// Benchmark of `yusuan check` (issue 4 §4). Needs the built CLI (`npx turbo run build --filter=yusuan...`).
// Generates N workbooks (variants of the sample, one amount changed in each) in a temp folder and
// measures, in one run: files/second with --jobs 1 and --jobs 2, the speedup, peak memory (VmHWM of
// the child, sampled from /proc), the ratio of a full check to merely loading the files with exceljs,
// and the start time of `yusuan --help` (median of 10). Prints a markdown table.
// Usage: node apps/cli/bench.mjs [N=1000]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const cli = join(here, "dist/cli.js");
const N = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), "yusuan-bench-"));
const require = createRequire(join(here, "package.json"));
const exceljsPath = require.resolve("exceljs");
const ExcelJS = require("exceljs");

// 1. The sample as a workbook, then N variants with one amount changed each.
const make = spawnSync(process.execPath, [join(here, "scripts/make-examples.mjs"), dir], { encoding: "utf8" });
if (make.status !== 0) throw new Error(make.stderr);
const base = readFileSync(join(dir, "sample.xlsx"));
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(base);
const amounts = [];
wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === "number" && cell.value > 1000) amounts.push(cell); })));
const files = join(dir, "files");
spawnSync("mkdir", ["-p", files]);
for (let i = 0; i < N; i++) {
  const cell = amounts[i % amounts.length];
  const old = cell.value;
  cell.value = Math.round((old + (i + 1) / 100) * 100) / 100;
  writeFileSync(join(files, `b${String(i).padStart(4, "0")}.xlsx`), new Uint8Array(await wb.xlsx.writeBuffer()));
  cell.value = old;
}

/** Runs a command, sampling its peak resident memory (VmHWM) from /proc; returns seconds and MB. */
function measure(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
    let peak = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {}
    };
    const timer = setInterval(sample, 10);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMB: peak, code });
    });
  });
}

const glob = join(files, "*.xlsx");
const loadScript = join(dir, "load.mjs");
writeFileSync(
  loadScript,
  `import { readdirSync, readFileSync } from "node:fs";\nimport { createRequire } from "node:module";\nconst ExcelJS = createRequire(import.meta.url)(${JSON.stringify(exceljsPath)});\n` +
    `for (const f of readdirSync(${JSON.stringify(files)}).sort()) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(readFileSync(${JSON.stringify(files)} + "/" + f)); }\n`,
);
const bare = await measure([loadScript]);
const jobs1 = await measure([cli, "check", glob, "--jobs", "1", "--format", "json"]);
const jobs2 = await measure([cli, "check", glob, "--jobs", "2", "--format", "json"]);
// For comparison: two independent single-job runs over all the files at once (throughput). Each run
// also waits for its own disk reads and start-up, which the other run fills, so this is an upper
// reference rather than what a pool inside one run can reach.
const pair = await Promise.all([measure([cli, "check", glob, "--jobs", "1", "--format", "json"]), measure([cli, "check", glob, "--jobs", "1", "--format", "json"])]);
const ceiling = (2 * jobs1.seconds) / Math.max(pair[0].seconds, pair[1].seconds);
const help = [];
for (let i = 0; i < 10; i++) help.push((await measure([cli, "--help"])).seconds * 1000);
help.sort((a, b) => a - b);
const helpMs = (help[4] + help[5]) / 2;

const ratio = jobs1.seconds / bare.seconds;
const speedup = jobs1.seconds / jobs2.seconds;
const peak = Math.max(jobs1.peakMB, jobs2.peakMB);
const row = (what, value, target, met) => `| ${what} | ${value} | ${target} | ${met ? "yes" : "no"} |`;
console.log(`\n${N} workbooks, ${availableParallelism()} cores, Node ${process.version}\n`);
console.log("| measure | value | target | met |\n|---|---|---|---|");
console.log(row("bare exceljs load (1 thread)", `${bare.seconds.toFixed(2)} s (${(N / bare.seconds).toFixed(1)} files/s)`, "", true));
console.log(row("check --jobs 1", `${jobs1.seconds.toFixed(2)} s (${(N / jobs1.seconds).toFixed(1)} files/s)`, "", jobs1.code !== 2));
console.log(row("check --jobs 2", `${jobs2.seconds.toFixed(2)} s (${(N / jobs2.seconds).toFixed(1)} files/s)`, "", jobs2.code !== 2));
console.log(row("full check / bare load", `${ratio.toFixed(2)}×`, "≤ 1.5×", ratio <= 1.5));
console.log(row("speedup --jobs 2 vs 1", `${speedup.toFixed(2)}×`, "≥ 1.6×", speedup >= 1.6));
console.log(row("throughput of two independent --jobs 1 runs at once", `${ceiling.toFixed(2)}×`, "", true));
console.log(row("peak memory (VmHWM)", `${peak.toFixed(0)} MB (jobs 1: ${jobs1.peakMB.toFixed(0)}, jobs 2: ${jobs2.peakMB.toFixed(0)})`, "< 400 MB", peak < 400));
console.log(row("yusuan --help (median of 10)", `${helpMs.toFixed(0)} ms`, "< 300 ms", helpMs < 300));
rmSync(dir, { recursive: true, force: true });
