// `npm run bench -w @yusuan/excel-addin`: prints the gzipped size of the task pane bundle and the time
// of a full check of the sample (read from a fake workbook through the adapter, then analyze).
// A script, not a test: it measures and prints, it asserts nothing.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { build } from "./build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const tmp = join(here, "test-artifacts", "bench");
mkdirSync(tmp, { recursive: true });

const sizes = await build({ outdir: join(tmp, "dist"), quiet: true });
console.log(
  `task pane bundle: ${(sizes.taskpaneGzipBytes / 1024).toFixed(1)} KB gzipped (${(sizes.taskpaneBytes / 1024).toFixed(1)} KB raw)`,
);

const entry = join(tmp, "check.mjs");
await esbuild.build({
  stdin: {
    resolveDir: here,
    sourcefile: "bench-entry.ts",
    loader: "ts",
    contents: `
      import { analyze, readTextDocument } from "@yusuan/disclosure";
      import { readWorkbook, type ExcelRun } from "./src/adapter";
      import { fakeExcelFromGrid } from "./test/fake-excel";
      export async function measure(bytes: Uint8Array, rounds: number) {
        const read = readTextDocument(bytes, "sample.txt");
        if (!read.ok) throw new Error(read.message);
        const excel = fakeExcelFromGrid(read.grid);
        const t0 = performance.now();
        const grid = await readWorkbook(excel.run as unknown as ExcelRun);
        const readMs = performance.now() - t0;
        analyze(grid);
        const times: number[] = [];
        let findings = 0;
        for (let i = 0; i < rounds; i++) {
          const t = performance.now();
          findings = analyze(grid).findings.length;
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return { readMs, medianMs: times[Math.floor(times.length / 2)] ?? 0, findings, syncs: excel.syncCount };
      }`,
  },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: entry,
  tsconfig: join(here, "../../tsconfig.json"),
  logLevel: "warning",
});
const { measure } = await import(pathToFileURL(entry).href);
const sample = readFileSync(join(here, "../../examples/sample.txt"));
const r = await measure(new Uint8Array(sample), 20);
console.log(`read through the adapter (fake workbook): ${r.readMs.toFixed(1)} ms in ${r.syncs} syncs`);
console.log(`full check of the sample (median of 20): ${r.medianMs.toFixed(1)} ms, ${r.findings} findings`);
