#!/usr/bin/env node
// Generates src/data/*.ts from the observed classification lists in data/*.csv.
// Run from the package directory: `node scripts/generate-data.mjs` (or with `--check` to fail when
// the generated files are out of date instead of writing them).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The sample document's id carries no year; it is the 2025 budget of 闵行区浦江镇社区党群服务中心.
 * Every other document id carries its year as `_YYYY_`.
 */
const DOCUMENT_YEARS = { "seed:000_485c629780bbdd4e": 2025 };

/**
 * Renames known from the Ministry of Finance's yearly catalogs, from data/renames.csv (scheme, code,
 * former name, the last year it was current, source). They are not visible in the observed documents
 * (which all postdate the renames), so they are listed there by hand.
 */
function knownRenames() {
  const [header, ...body] = parseCsv(readFileSync(join(root, "data/renames.csv"), "utf8"));
  const at = (name) => header.indexOf(name);
  const renames = { functional: {}, "economic-dept": {} };
  for (const r of body) {
    const scheme = r[at("scheme")].trim();
    const code = r[at("code")].trim();
    const until = Number(r[at("until")]);
    if (!(scheme in renames) || !Number.isInteger(until))
      throw new Error(`data/renames.csv: bad row ${r.join(",")}`);
    renames[scheme][code] ??= [];
    renames[scheme][code].push({ name: r[at("former")].trim(), until });
  }
  return renames;
}

const TARGETS = [
  {
    scheme: "functional",
    csv: "data/functional-observed.csv",
    out: "src/data/functional.ts",
    constant: "FUNCTIONAL_OBSERVED",
    title: "支出功能分类科目 (functional classification of expenditure), levels 类/款/项",
    former:
      "Former names: the renames listed in data/renames.csv with the last year each old name was current\n * (207, 210, 215 and 220 were renamed in the 2019 catalog).",
  },
  {
    scheme: "economic-dept",
    csv: "data/economic-dept-observed.csv",
    out: "src/data/economic-dept.ts",
    constant: "ECONOMIC_DEPT_OBSERVED",
    title: "部门预算支出经济分类科目 (economic classification of department expenditure), levels 类/款",
    former:
      "Former names: 13 codes were printed under a second name by one 2024 unit document that used an older\n * list; that name is kept as a former name (without the year it ended, which is not known).",
  },
];

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF, BOM. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

function formatEntry(e) {
  const parts = [
    `code: ${JSON.stringify(e.code)}`,
    `name: ${JSON.stringify(e.name)}`,
    `level: ${JSON.stringify(e.level)}`,
  ];
  if (e.formerNames) {
    const former = e.formerNames.map((f) =>
      f.until === undefined
        ? `{ name: ${JSON.stringify(f.name)} }`
        : `{ name: ${JSON.stringify(f.name)}, until: ${f.until} }`,
    );
    parts.push(`formerNames: [${former.join(", ")}]`);
  }
  return `{ ${parts.join(", ")} }`;
}

function documentYear(id) {
  if (id in DOCUMENT_YEARS) return DOCUMENT_YEARS[id];
  const m = /_(20\d\d)_/.exec(id);
  if (!m) throw new Error(`no year in document id ${id}`);
  return Number(m[1]);
}

function generate(target) {
  const [header, ...body] = parseCsv(readFileSync(join(root, target.csv), "utf8"));
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${target.csv}: no column ${name}`);
    return i;
  };
  const [iCode, iName, iLevel, iDocs] = ["code", "name", "level", "documents"].map(col);
  const years = new Set();
  /** code -> rows, in file order */
  const byCode = new Map();
  for (const r of body) {
    const docs = r[iDocs].split(";").filter(Boolean);
    for (const d of docs) years.add(documentYear(d));
    const rec = { code: r[iCode].trim(), name: r[iName].trim(), level: r[iLevel].trim(), docs: docs.length };
    if (!/^\d{3}(\d{2})*$/.test(rec.code)) throw new Error(`${target.csv}: bad code ${rec.code}`);
    const list = byCode.get(rec.code) ?? [];
    list.push(rec);
    byCode.set(rec.code, list);
  }
  const renames = knownRenames()[target.scheme];
  for (const code of Object.keys(renames)) {
    if (!byCode.has(code)) throw new Error(`${target.csv}: rename for absent code ${code}`);
  }
  const entries = [];
  for (const [code, list] of byCode) {
    // A code printed under two names: the name printed by more documents is the current one; the
    // other came from a document that printed an older list.
    const sorted = [...list].sort((a, b) => b.docs - a.docs);
    const current = sorted[0];
    const former = sorted.slice(1).map((r) => ({ name: r.name }));
    for (const r of renames[code] ?? []) former.push(r);
    const entry = { code, name: current.name, level: current.level };
    if (former.length > 0) entry.formerNames = former;
    entries.push(entry);
  }
  entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const yearList = [...years].sort();
  const lines = entries.map((e) => `  ${formatEntry(e)},`);
  return `/**
 * ${target.title}: observed.
 *
 * Source: every (code, name) pair printed in a table row of a real published Shanghai budget document
 * (普陀区 department and unit budgets 2023–2026, department final accounts 2024, and one 2025 闵行区
 * town-level department budget). These are the codes that were observed, NOT the Ministry of Finance's
 * complete official catalog 《政府收支分类科目》: a code missing here is unknown, not wrong.
 * Years covered: ${yearList.join(", ")}.
 * ${target.former}
 *
 * Generated by scripts/generate-data.mjs from ${target.csv}; do not edit by hand.
 */
import type { CatalogEntry } from "../catalog";

/** Budget years of the documents the codes were observed in. */
export const ${target.constant}_YEARS: readonly number[] = [${yearList.join(", ")}];

/** ${entries.length} observed codes, sorted by code. */
export const ${target.constant}: readonly CatalogEntry[] = [
${lines.join("\n")}
];
`;
}

const check = process.argv.includes("--check");
let stale = false;
for (const target of TARGETS) {
  const text = generate(target);
  const path = join(root, target.out);
  if (check) {
    let old = "";
    try {
      old = readFileSync(path, "utf8");
    } catch {
      // a missing file is stale
    }
    if (old !== text) {
      console.error(`${target.out} is out of date; run node scripts/generate-data.mjs`);
      stale = true;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${target.out}`);
  }
}
if (stale) process.exit(1);
