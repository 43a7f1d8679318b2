#!/usr/bin/env node
// Benchmark of `yusuan check` (issue 4 §4). Needs the built CLI (`npx turbo run build --filter=yusuan...`).
// Generates N workbooks (variants of the sample, one amount changed in each) in a temp folder and
// measures, in one run: files/second with --jobs 1 and --jobs 2 (alternating, ROUNDS of each; the
// medians are compared, since a shared machine's speed drifts from one run to the next), the speedup,
// CPU time, peak memory (VmHWM of the child, sampled from /proc), the ratio of a full check to merely
// loading the files with exceljs, and the start time of `yusuan --help` (median of 10). Prints a
// markdown table.
// Usage: node apps/cli/bench.mjs [N=1000] [ROUNDS=3]
import { spawnSync } from "node:child_process";
import { measure, median } from "./bench-measure.mjs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const cli = join(here, "dist/cli.js");
const N = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "yusuan-bench-"));
const require = createRequire(join(here, "package.json"));
const exceljsPath = require.resolve("exceljs");
const ExcelJS = require("exceljs");

// 1. The sample as a workbook, then N variants with one amount changed each.
const make = spawnSync(process.execPath, [join(here, "scripts/make-examples.mjs"), dir], {
  encoding: "utf8",
});
if (make.status !== 0) throw new Error(make.stderr);
const base = readFileSync(join(dir, "sample.xlsx"));
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(base);
const amounts = [];
wb.eachSheet((ws) =>
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "number" && cell.value > 1000) amounts.push(cell);
    }),
  ),
);
const files = join(dir, "files");
spawnSync("mkdir", ["-p", files]);
for (let i = 0; i < N; i++) {
  const cell = amounts[i % amounts.length];
  const old = cell.value;
  cell.value = Math.round((old + (i + 1) / 100) * 100) / 100;
  writeFileSync(
    join(files, `b${String(i).padStart(4, "0")}.xlsx`),
    new Uint8Array(await wb.xlsx.writeBuffer()),
  );
  cell.value = old;
}

const glob = join(files, "*.xlsx");
const loadScript = join(dir, "load.mjs");
writeFileSync(
  loadScript,
  `import { readdirSync, readFileSync } from "node:fs";\nimport { createRequire } from "node:module";\nconst ExcelJS = createRequire(import.meta.url)(${JSON.stringify(exceljsPath)});\n` +
    `for (const f of readdirSync(${JSON.stringify(files)}).sort()) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(readFileSync(${JSON.stringify(files)} + "/" + f)); }\n`,
);
const bare = await measure([loadScript]);
const check = (pattern, jobs) => measure([cli, "check", pattern, "--jobs", String(jobs), "--format", "json"]);
const runs1 = [];
const runs2 = [];
for (let round = 0; round < ROUNDS; round++) {
  runs1.push(await check(glob, 1));
  runs2.push(await check(glob, 2));
}
// For comparison: the files split into two halves, each checked by its own `--jobs 1` process, both
// at once — what splitting the work between processes (no pool at all) would give.
const halves = [join(dir, "h0"), join(dir, "h1")];
for (const h of halves) spawnSync("mkdir", ["-p", h]);
for (let i = 0; i < N; i++) {
  const name = `b${String(i).padStart(4, "0")}.xlsx`;
  writeFileSync(join(halves[i % 2], name), readFileSync(join(files, name)));
}
const split = await Promise.all(halves.map((h) => check(join(h, "*.xlsx"), 1)));
// Diagnostic: what the other threads of a --jobs 1 run do. With V8's background compilation off they
// are nearly idle, so the CPU they use in a normal run is the optimising compiler's.
const noBackgroundCompile = await measure([
  "--no-concurrent-recompilation",
  cli,
  "check",
  glob,
  "--jobs",
  "1",
  "--format",
  "json",
]);
const help = [];
for (let i = 0; i < 10; i++) help.push((await measure([cli, "--help"])).seconds * 1000);
const helpMs = median(help);

const t1 = median(runs1.map((r) => r.seconds));
const t2 = median(runs2.map((r) => r.seconds));
const ratio = t1 / bare.seconds;
const speedup = t1 / t2;
const splitSpeedup = t1 / Math.max(split[0].seconds, split[1].seconds);
// `--jobs 1` already keeps more than one core busy (V8 compiles and collects garbage on background
// threads). Two threads can at best spread that same CPU time over two cores with nothing added for
// splitting the work: the speedup cannot exceed 2 × wall time / CPU time of the single-job run.
const cpu1 = median(runs1.map((r) => r.cpu));
const bound = median(runs1.map((r) => (2 * r.seconds) / r.cpu));
const peak = Math.max(...runs1.map((r) => r.peakMB), ...runs2.map((r) => r.peakMB));
const each = (runs) => runs.map((r) => r.seconds.toFixed(2)).join(", ");
const row = (what, value, target, met) => `| ${what} | ${value} | ${target} | ${met ? "yes" : "no"} |`;
console.log(
  `\n${N} workbooks, ${availableParallelism()} cores, Node ${process.version}, ${ROUNDS} alternating runs of each\n`,
);
console.log("| measure | value | target | met |\n|---|---|---|---|");
console.log(
  row(
    "bare exceljs load (1 thread)",
    `${bare.seconds.toFixed(2)} s (${(N / bare.seconds).toFixed(1)} files/s)`,
    "",
    true,
  ),
);
console.log(
  row(
    "check --jobs 1 (median)",
    `${t1.toFixed(2)} s (${(N / t1).toFixed(1)} files/s; runs ${each(runs1)}; CPU ${cpu1.toFixed(1)} s)`,
    "",
    runs1.every((r) => r.code !== 2),
  ),
);
console.log(
  row(
    "check --jobs 2 (median)",
    `${t2.toFixed(2)} s (${(N / t2).toFixed(1)} files/s; runs ${each(runs2)}; CPU ${median(runs2.map((r) => r.cpu)).toFixed(1)} s)`,
    "",
    runs2.every((r) => r.code !== 2),
  ),
);
console.log(row("full check / bare load", `${ratio.toFixed(2)}×`, "≤ 1.5×", ratio <= 1.5));
console.log(row("speedup --jobs 2 vs 1", `${speedup.toFixed(2)}×`, "≥ 1.6×", speedup >= 1.6));
const others = (r) => `${(r.cpu - r.mainCpu).toFixed(1)} s`;
console.log(
  row(
    "--jobs 1: CPU of the main thread / of all other threads (median run)",
    `${median(runs1.map((r) => r.mainCpu)).toFixed(1)} s / ${median(runs1.map((r) => r.cpu - r.mainCpu)).toFixed(1)} s; with V8's background compilation off: ${noBackgroundCompile.mainCpu.toFixed(1)} s / ${others(noBackgroundCompile)}`,
    "",
    true,
  ),
);
console.log(
  row(
    "bound for any split in two: 2 × wall / CPU of --jobs 1",
    `${bound.toFixed(2)}× (median over the runs)`,
    "",
    true,
  ),
);
console.log(
  row("reference: two --jobs 1 processes, half the files each", `${splitSpeedup.toFixed(2)}×`, "", true),
);
console.log(
  row(
    "peak memory (VmHWM)",
    `${peak.toFixed(0)} MB (jobs 1: ${Math.max(...runs1.map((r) => r.peakMB)).toFixed(0)}, jobs 2: ${Math.max(...runs2.map((r) => r.peakMB)).toFixed(0)})`,
    "< 400 MB",
    peak < 400,
  ),
);
console.log(row("yusuan --help (median of 10)", `${helpMs.toFixed(0)} ms`, "< 300 ms", helpMs < 300));
rmSync(dir, { recursive: true, force: true });
