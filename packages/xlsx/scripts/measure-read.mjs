/**
 * Measures reading a workbook with one 2,000,000-cell sheet (numbers, no budget tables): wall time and
 * peak memory of the process. Run after building (this package and @yusuan/testing, which builds the
 * workbook): `node packages/xlsx/scripts/measure-read.mjs`.
 * A child process is used per run, so that each peak is its own. YUSUAN_XLSX_MODULE may point at
 * another build of the package (e.g. a bundle of the sources) to compare.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = process.env.YUSUAN_XLSX_MODULE ?? fileURLToPath(new URL("../dist/index.js", import.meta.url));
const cells = Number(process.argv[2] ?? 2_000_000);

if (process.argv[3] === "--child") {
  const { readXlsx } = await import(dist);
  const bytes = new Uint8Array(readFileSync(process.argv[4]));
  const started = performance.now();
  const r = await readXlsx(bytes, "big.xlsx");
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      ok: r.ok,
      ms: Math.round(ms),
      peakMB: Math.round(peak / 1048576),
      cells: r.ok ? r.grid.sheets[0].rows.reduce((n, row) => n + row.filter(Boolean).length, 0) : r.messageEn,
    }),
  );
  process.exit(0);
}

const { minimalXlsx } = await import("@yusuan/testing");
const perRow = 20;
const rows = [];
for (let r = 1, left = cells; left > 0; r++) {
  const n = Math.min(perRow, left);
  let row = `<row r="${r}">`;
  for (let c = 0; c < n; c++)
    row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7919 + c * 104729) % 1000003}</v></c>`;
  rows.push(`${row}</row>`);
  left -= n;
}
const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
const bytes = await minimalXlsx({ "xl/worksheets/sheet1.xml": new TextEncoder().encode(xml) }, 6);
const file = join(mkdtempSync(join(tmpdir(), "yusuan-measure-")), "big.xlsx");
writeFileSync(file, bytes);
console.log(`workbook: ${cells} cells, ${(bytes.length / 1048576).toFixed(1)} MB`);
for (let i = 0; i < 3; i++) {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), String(cells), "--child", file],
    { encoding: "utf8" },
  );
  console.log(child.stdout.trim() || child.stderr.trim());
}
