#!/usr/bin/env node
// `node scripts/real-report.mjs [name…] [--pdf] [--en] [--all]`: the engine, run from source (bundled
// on the fly with esbuild, no build needed), on the real development documents in
// tests/fixtures/real/. Prints each document's kind, department, year, tables and findings in one line
// each, so that a change to the rules can be judged against real documents in seconds. With --pdf the
// PDFs are read with @yusuan/pdf instead of the reference text. Errors and warnings by default; --all
// adds infos.
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const usePdf = args.includes("--pdf");
const lang = args.includes("--en") ? "en" : "zh-CN";
const showInfo = args.includes("--all");
const names = args.filter((a) => !a.startsWith("--"));

const root = resolve(import.meta.dirname, "..");
const aliases = {};
for (const group of ["packages", "apps"]) {
  for (const dir of readdirSync(join(root, group))) {
    const manifest = join(root, group, dir, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      const m = JSON.stringify(target).match(/\.\/dist\/([\w/-]+)\.js/);
      if (!m || sub === "./package.json") continue;
      aliases[sub === "." ? pkg.name : `${pkg.name}/${sub.slice(2)}`] = join(
        root,
        group,
        dir,
        "src",
        `${m[1]}.ts`,
      );
    }
  }
}
const pdfSource = aliases["@yusuan/pdf"];
const entry = `
export { analyze, readTextDocument } from "@yusuan/disclosure";
${usePdf && pdfSource ? 'export { readPdf } from "@yusuan/pdf";' : "export const readPdf = undefined;"}
`;
const outDir = join(root, "node_modules", ".cache", "yusuan-real");
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, "engine.mjs");
await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile,
  alias: aliases,
  external: ["pdfjs-dist", "exceljs", "jszip"],
  logLevel: "error",
});
const engine = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);

const dir = join(root, "tests", "fixtures", "real");
const docs = readdirSync(join(dir, "tsv"))
  .map((f) => f.replace(/\.txt$/, ""))
  .filter((n) => names.length === 0 || names.some((x) => n.includes(x)));

for (const name of docs) {
  let grid;
  if (usePdf) {
    if (!engine.readPdf) throw new Error("@yusuan/pdf is not there yet");
    const r = await engine.readPdf(
      new Uint8Array(readFileSync(join(dir, "pdf", `${name}.pdf`))),
      `${name}.pdf`,
    );
    if (!r.ok) {
      console.log(`\n=== ${name}: ${r.error?.message ?? JSON.stringify(r.error)}`);
      continue;
    }
    grid = r.grid;
  } else {
    const r = engine.readTextDocument(readFileSync(join(dir, "tsv", `${name}.txt`)), `${name}.txt`);
    grid = r.grid;
  }
  const a = engine.analyze(grid, { lang });
  const count = (s) => a.findings.filter((f) => f.severity === s).length;
  console.log(
    `\n=== ${name}: ${a.document.kind} · ${a.document.department ?? "?"} · ${a.document.year ?? "?"} — ${count("error")} errors, ${count("warning")} warnings, ${count("info")} infos`,
  );
  const missing = a.tables.filter((t) => !t.found).map((t) => t.id);
  if (missing.length) console.log(`   tables not found: ${missing.join(" ")}`);
  for (const f of a.findings) {
    if (f.severity === "info" && !showInfo) continue;
    const where = f.location ? JSON.stringify(f.location).replace(/"/g, "") : "";
    const fig = f.expected !== undefined ? ` [exp ${f.expected} act ${f.actual}]` : "";
    console.log(
      `  ${f.severity.padEnd(7)} ${f.table.padEnd(2)} ${f.rule.padEnd(28)} ${where} ${f.row ?? ""} ${f.message}${fig}`,
    );
  }
}
