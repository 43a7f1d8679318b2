/**
 * `yusuan codes <code or name>`: look up a classification code (its level, name and parent chain),
 * or find the codes with a name; and `yusuan catalog import`, which turns an official catalog file
 * into the JSON `--catalog` takes.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { Catalog, CatalogEntry, Scheme } from "@yusuan/classification";
import { parseLang, parseYear, requireOption } from "../args";
import { loadCatalogFile } from "../catalog-file";
import { CliError, ExitCode } from "../errors";
import type { Io } from "./check";
import { writeOutput } from "../workbook";

/** Options of `codes`. */
export interface CodesCommandOptions {
  year?: string;
  lang?: string;
  catalog?: string;
}

const SCHEMES_SEARCHED: readonly Scheme[] = ["functional", "economic-dept", "economic-gov", "revenue"];

function describe(entry: CatalogEntry, catalog: Catalog, schemeName: string): string[] {
  const lines = [`${entry.code}  ${entry.name}  （${entry.level}，${schemeName}）`];
  let code = entry.code;
  let depth = 1;
  for (;;) {
    const parent = code.length > 3 ? code.slice(0, code.length - 2) : undefined;
    if (!parent) break;
    const p = catalog.get(parent);
    lines.push(`${"  ".repeat(depth)}↑ ${parent}  ${p ? `${p.name}  （${p.level}）` : "?"}`);
    code = parent;
    depth++;
  }
  return lines;
}

/**
 * Runs `codes`: exit 0 when something was found, 1 when nothing was.
 *
 * @example
 * ```ts
 * await runCodes("2010301", {}, io); // 2010301  行政运行  （项，支出功能分类）…
 * ```
 */
export async function runCodes(query: string, opts: CodesCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const en = lang === "en";
  const year = opts.year !== undefined ? parseYear(opts.year) : undefined;
  const cls = await import("@yusuan/classification");
  if (opts.catalog)
    cls.registerCatalog(
      cls.createCatalog(await loadCatalogFile(opts.catalog, year !== undefined ? { year } : {})),
    );
  const q = query.trim();
  if (q === "")
    throw new CliError("cli.usage", "请给出科目编码或名称。", "Give a classification code or name.");
  const out: string[] = [];
  if (/^[\d\s０-９.-]+$/.test(q)) {
    const leading = q
      .replace(/[^\d０-９]/g, "")
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))[0];
    const scheme = cls.schemeOf(leading ?? "") ?? "functional";
    const parsed = cls.parseCode(q, { scheme });
    if (!parsed.ok)
      throw new CliError(
        "cli.usage",
        `“${q}”不是科目编码：${parsed.reason}`,
        `"${q}" is not a classification code: ${parsed.reasonEn}`,
      );
    const catalog = cls.getCatalog(parsed.scheme, year);
    const info = cls.schemeInfo(parsed.scheme);
    const entry = catalog.get(parsed.code);
    if (entry) out.push(...describe(entry, catalog, en ? info.nameEn : info.name));
    else {
      io.stdout.write(
        en
          ? `${parsed.code} (${parsed.level}, ${info.nameEn}) is not in the catalog in use (${catalog.source}).\n`
          : `${parsed.code}（${parsed.level}，${info.name}）不在所用目录中（${catalog.source}）。\n`,
      );
      return ExitCode.findings;
    }
  } else {
    for (const scheme of SCHEMES_SEARCHED) {
      const catalog = cls.getCatalog(scheme, year);
      const info = cls.schemeInfo(scheme);
      for (const entry of catalog.findByName(q, { includeFormer: true })) {
        out.push(...describe(entry, catalog, en ? info.nameEn : info.name));
        if (
          entry.name !== q &&
          entry.formerNames?.some((f) => cls.normaliseName(f.name) === cls.normaliseName(q))
        ) {
          out.push(en ? `  (“${q}” is a former name)` : `  （“${q}”是旧名称）`);
        }
      }
    }
    if (out.length === 0) {
      io.stdout.write(en ? `No code is named "${q}".\n` : `没有名称为“${q}”的科目。\n`);
      return ExitCode.findings;
    }
  }
  io.stdout.write(`${out.join("\n")}\n`);
  return ExitCode.ok;
}

/** Options of `catalog import`. */
export interface CatalogImportOptions {
  year?: string;
  scheme?: string;
  output?: string;
  lang?: string;
}

/**
 * Runs `catalog import`: validates an official CSV/XLSX catalog and writes it as the package's JSON
 * (default `<name>.catalog.json` beside it); prints the count, warnings and errors.
 *
 * @example
 * ```ts
 * await runCatalogImport("2026年功能分类.csv", { year: "2026" }, io);
 * ```
 */
export async function runCatalogImport(file: string, opts: CatalogImportOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const en = lang === "en";
  const year = parseYear(requireOption(opts.year, "--year"));
  const cls = await import("@yusuan/classification");
  const scheme = opts.scheme ?? "functional";
  if (!cls.isScheme(scheme)) {
    throw new CliError(
      "cli.usage",
      `--scheme 应为 ${cls.SCHEMES.join("、")} 之一，而不是“${scheme}”。`,
      `--scheme must be one of ${cls.SCHEMES.join(", ")}, not "${scheme}".`,
    );
  }
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx")
    throw new CliError(
      "cli.usage",
      `目录文件应为 .csv 或 .xlsx，而不是“${file}”。`,
      `The catalog file must be .csv or .xlsx, not "${file}".`,
    );
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new CliError("cli.input", `无法读取文件“${file}”。`, `Cannot read file "${file}".`);
  }
  const imp = await import("@yusuan/classification/import");
  const options = { scheme, year, source: basename(file) };
  const result =
    ext === ".csv"
      ? imp.importCatalogCsv(decodeText(bytes), options)
      : await imp.importCatalogXlsx(bytes, options);
  if (!result.ok) {
    for (const e of result.errors) {
      io.stderr.write(
        `${e.row !== undefined ? (en ? `row ${e.row}: ` : `第 ${e.row} 行：`) : ""}${en ? e.messageEn : e.message}\n`,
      );
    }
    throw new CliError(
      "cli.input",
      `目录文件“${file}”有 ${result.errors.length} 处错误，未写出。`,
      `The catalog file "${file}" has ${result.errors.length} errors; nothing written.`,
    );
  }
  for (const w of result.warnings) io.stderr.write(`${en ? "warning" : "警告"}：${w}\n`);
  const out = opts.output ?? join(dirname(file), `${basename(file, extname(file))}.catalog.json`);
  await writeOutput(out, new TextEncoder().encode(imp.serializeCatalog(result.data)), { backup: false });
  io.stdout.write(
    en
      ? `${result.data.entries.length} codes imported (${scheme}, ${year}); written to ${out}. Use it with --catalog ${out}\n`
      : `已导入 ${result.data.entries.length} 个科目（${scheme}，${year}年），写入“${out}”。检查时用 --catalog ${out}\n`,
  );
  return ExitCode.ok;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // Excel saves CSV in the system code page, GB18030 on Chinese Windows.
    return new TextDecoder("gb18030").decode(bytes);
  }
}
