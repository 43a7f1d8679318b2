/**
 * Reading and checking one input file: the unit of work of `check`, run in the main thread or in a
 * worker. Never throws on user data: an unreadable file becomes an `input.unreadable` (or
 * `input.too-large`) finding on table D.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import {
  fingerprintOf,
  RULES,
  type CheckOptions,
  type FileReport,
  type Finding,
  type Grid,
  type Location,
  type Severity,
  type TableSummary,
  type Waiver,
} from "@yusuan/disclosure";
import type { CatalogData } from "@yusuan/classification";
import { ruleMatches } from "./rule-ids";
import { readWaiverFile } from "./waiver-file";

/** Options of a check run that reach every file (plain data: they cross into worker threads). */
export interface RunOptions {
  readonly lang: "zh-CN" | "en";
  readonly rules?: readonly string[];
  readonly disable?: readonly string[];
  readonly year?: number;
  /** An imported catalog to register before checking. */
  readonly catalog?: CatalogData;
  readonly showWaived: boolean;
  /** Severity per rule id (the config file's "warning"/"error"/"info"). */
  readonly severity?: Readonly<Record<string, Severity>>;
}

/** A file's report as the run handles it: the contract's FileReport plus what the exit code needs. */
export interface FileResult {
  readonly report: FileReport;
  /** True when the file could not be read (its only finding says why), or its waiver file could not. */
  readonly unreadable: boolean;
  /** Findings a waiver accepted (counted whether or not they are shown). */
  readonly waived?: number;
}

/** Rule id of what a reader noticed but read past: far-away stray cells set aside, bytes that are not valid UTF-8. */
export const READ_WARNING_RULE = "input.read-warning";
/** Rule id of a waiver file beside a text or PDF input that is not valid. */
export const WAIVER_FILE_RULE = "input.waiver-file";

/** Rules of reading files, reported like the engine's (they live in the rule registry with every other rule). */
export const INPUT_RULES = RULES.filter((r) => r.source === "input");

/** Text and JSON inputs above this size are refused before they are read into memory. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** Workbooks above this size are refused before they are read (the reader's own default cap). */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** PDFs above this size are refused before they are read (the PDF reader's own default cap). */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

type Failure = { code: "input.unreadable" | "input.too-large"; message: string; messageEn: string };

/** Something a reader noticed but read past, with its place when it has one. */
export interface ReadWarning {
  readonly message: string;
  readonly messageEn: string;
  readonly location?: Location;
}

/** Waivers from the file beside a text or PDF input, or why that file could not be used. */
export type SidecarWaivers =
  | { readonly waivers: readonly Waiver[] }
  | { readonly problem: { readonly message: string; readonly messageEn: string } };

/** A file read into memory: a grid (workbook or text document) or a parsed JSON value (a model). */
export type ReadInput =
  | {
      ok: true;
      kind: "grid";
      grid: Grid;
      bytes: Uint8Array;
      format: "xlsx" | "text" | "pdf";
      warnings: ReadWarning[];
      sidecar?: SidecarWaivers;
    }
  | { ok: true; kind: "model"; value: unknown };

/** The file types `check` reads, by extension. */
export const INPUT_TYPES = [".xlsx", ".txt", ".pdf", ".json"] as const;

const EMPTY_TABLES: TableSummary[] = [];

/**
 * The report of a file that could not be read: one error finding on table D naming the file.
 *
 * @example
 * ```ts
 * unreadableReport("a.xlsx", { code: "input.unreadable", message: "…", messageEn: "…" }, "zh-CN");
 * ```
 */
export function unreadableReport(path: string, failure: Failure, lang: "zh-CN" | "en"): FileResult {
  const finding: Finding = {
    rule: failure.code,
    severity: "error",
    message: lang === "en" ? failure.messageEn : failure.message,
    table: "D",
    fingerprint: fingerprintOf([failure.code, path]),
  };
  return { report: { path, tables: EMPTY_TABLES, findings: [finding] }, unreadable: true };
}

function osFailure(path: string, error: unknown): Failure {
  const code = (error as { code?: string } | undefined)?.code;
  const [zh, en] =
    code === "ENOENT"
      ? ["文件不存在", "the file does not exist"]
      : code === "EACCES" || code === "EPERM"
        ? ["没有读取权限", "permission denied"]
        : code === "EISDIR"
          ? ["这是文件夹，不是文件", "it is a folder, not a file"]
          : ["打开失败", "it could not be opened"];
  return {
    code: "input.unreadable",
    message: `无法读取文件“${path}”：${zh}。`,
    messageEn: `Cannot read file "${path}": ${en}.`,
  };
}

let registeredCatalog: CatalogData | undefined;

async function ensureCatalog(data: CatalogData | undefined): Promise<void> {
  if (!data || registeredCatalog === data) return;
  const { createCatalog, registerCatalog } = await import("@yusuan/classification");
  registerCatalog(createCatalog(data));
  registeredCatalog = data;
}

/** The engine's options; waivers stored in a workbook are read by `analyze` itself. */
function checkOptions(options: RunOptions, waivers?: readonly Waiver[]): CheckOptions {
  return {
    lang: options.lang,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.disable ? { disable: options.disable } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.severity ? { severity: options.severity } : {}),
    ...(waivers && waivers.length > 0 ? { waivers } : {}),
  };
}

function enabled(rule: string, options: RunOptions): boolean {
  if (options.rules && options.rules.length > 0 && !options.rules.some((p) => ruleMatches(rule, p)))
    return false;
  return !options.disable?.some((p) => ruleMatches(rule, p));
}

/**
 * A workbook reader's warnings ("中文 / English" strings) as {@link ReadWarning}s with their place.
 * The note about formulas without results is left out: the engine reports those cells itself
 * (`D5.formula-without-result`).
 *
 * @example
 * ```ts
 * xlsxWarnings(['文件“a.xlsx”工作表“表1”有 1 个单元格远在其余内容之外（XFD1），未读取。 / Sheet "表1" of "a.xlsx" has 1 cell(s) far beyond the rest (XFD1); they were not read.']);
 * // [{ message: "…", messageEn: "…", location: { sheet: "表1", cell: "XFD1" } }]
 * ```
 */
export function xlsxWarnings(warnings: readonly string[]): ReadWarning[] {
  const out: ReadWarning[] = [];
  for (const w of warnings) {
    const cut = w.indexOf(" / ");
    const message = cut < 0 ? w : w.slice(0, cut);
    const messageEn = cut < 0 ? w : w.slice(cut + 3);
    if (/^Formulas in ".*" have no saved result/.test(messageEn)) continue;
    const stray = /^Sheet "(.*)" of ".*" has \d+ cell\(s\) far beyond the rest \(([A-Z]+\d+)/.exec(messageEn);
    out.push({ message, messageEn, ...(stray ? { location: { sheet: stray[1]!, cell: stray[2]! } } : {}) });
  }
  return out;
}

/** Findings for what the reader noticed: one per warning, on table D, at its place. */
function readWarningFindings(path: string, warnings: readonly ReadWarning[], options: RunOptions): Finding[] {
  if (!enabled(READ_WARNING_RULE, options)) return [];
  const severity = options.severity?.[READ_WARNING_RULE] ?? "warning";
  return warnings.map((w) => ({
    rule: READ_WARNING_RULE,
    severity,
    message: options.lang === "en" ? w.messageEn : w.message,
    table: "D" as const,
    ...(w.location ? { location: w.location } : {}),
    fingerprint: fingerprintOf([
      READ_WARNING_RULE,
      path,
      w.location ? JSON.stringify(w.location) : w.messageEn,
    ]),
  }));
}

function visible(findings: readonly Finding[], showWaived: boolean): Finding[] {
  return showWaived ? [...findings] : findings.filter((f) => !f.waived);
}

/**
 * Reads a file (.xlsx, .txt, .pdf or .json) into a grid or a model; the failure names the file. The
 * PDF reader (and pdfjs) is loaded only when a PDF is read.
 *
 * @example
 * ```ts
 * const input = await readInput("examples/sample.txt");
 * if (input.ok && input.kind === "grid") console.log(input.grid.sheets.length);
 * ```
 */
export async function readInput(path: string): Promise<ReadInput | ({ ok: false } & Failure)> {
  const ext = extname(path).toLowerCase();
  if (!(INPUT_TYPES as readonly string[]).includes(ext)) {
    return {
      ok: false,
      code: "input.unreadable",
      message: `无法读取文件“${path}”：不支持的文件类型“${ext || "（无扩展名）"}”，应为 .xlsx、.txt、.pdf 或 .json。`,
      messageEn: `Cannot read file "${path}": unsupported file type "${ext || "(none)"}"; expected .xlsx, .txt, .pdf or .json.`,
    };
  }
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, ...osFailure(path, { code: "EISDIR" }) };
    size = s.size;
  } catch (error) {
    return { ok: false, ...osFailure(path, error) };
  }
  const cap = ext === ".xlsx" ? MAX_XLSX_BYTES : ext === ".pdf" ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
  if (size > cap) {
    const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    return {
      ok: false,
      code: "input.too-large",
      message: `文件“${path}”大小为 ${mb(size)}，超过上限 ${mb(cap)}，未读取。`,
      messageEn: `File "${path}" is ${mb(size)}, above the limit of ${mb(cap)}; not read.`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return { ok: false, ...osFailure(path, error) };
  }
  return readInputBytes(path, bytes, ext as (typeof INPUT_TYPES)[number], path);
}

/**
 * Reads bytes already in memory (a file's, or standard input's) as the given type; `waiversOf` is the
 * path whose waiver file applies to a text or PDF (none when undefined).
 *
 * @example
 * ```ts
 * const input = await readInputBytes("<stdin>", bytes, ".txt", undefined);
 * ```
 */
export async function readInputBytes(
  path: string,
  bytes: Uint8Array,
  ext: (typeof INPUT_TYPES)[number],
  waiversOf: string | undefined,
): Promise<ReadInput | ({ ok: false } & Failure)> {
  const sidecar = (): { sidecar?: SidecarWaivers } => {
    if (waiversOf === undefined) return {};
    const r = readWaiverFile(waiversOf);
    return {
      sidecar: r.ok ? { waivers: r.waivers } : { problem: { message: r.message, messageEn: r.messageEn } },
    };
  };
  if (ext === ".xlsx") {
    const { readXlsx } = await import("@yusuan/xlsx");
    const r = await readXlsx(bytes, path);
    if (!r.ok) return { ok: false, code: r.code, message: r.message, messageEn: r.messageEn };
    return {
      ok: true,
      kind: "grid",
      grid: r.grid,
      bytes,
      format: "xlsx",
      warnings: xlsxWarnings(r.warnings),
    };
  }
  if (ext === ".pdf") {
    const { readPdf } = await import("@yusuan/pdf");
    const r = await readPdf(bytes, path);
    if (!r.ok)
      return {
        ok: false,
        code: r.error.code === "too-large" ? "input.too-large" : "input.unreadable",
        message: r.error.message,
        messageEn: r.error.messageEn,
      };
    return { ok: true, kind: "grid", grid: r.grid, bytes, format: "pdf", warnings: [], ...sidecar() };
  }
  if (ext === ".txt") {
    const { readTextDocument } = await import("@yusuan/disclosure");
    const r = readTextDocument(bytes, path);
    if (!r.ok)
      return {
        ok: false,
        code: /过大|too large/.test(r.messageEn) ? "input.too-large" : "input.unreadable",
        message: r.message,
        messageEn: r.messageEn,
      };
    const warnings = r.warnings.map((w) => ({
      message: w.message,
      messageEn: w.messageEn,
      location: { line: w.line },
    }));
    return { ok: true, kind: "grid", grid: r.grid, bytes, format: "text", warnings, ...sidecar() };
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    return {
      ok: false,
      code: "input.too-large",
      message: `文件“${path}”超过上限 20 MB，未读取。`,
      messageEn: `File "${path}" is above the limit of 20 MB; not read.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      code: "input.unreadable",
      message: `无法读取文件“${path}”：不是 UTF-8 编码的 JSON。`,
      messageEn: `Cannot read file "${path}": it is not UTF-8 encoded JSON.`,
    };
  }
  try {
    return { ok: true, kind: "model", value: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      code: "input.unreadable",
      message: `无法读取文件“${path}”：JSON 格式错误（${detail}）。`,
      messageEn: `Cannot read file "${path}": invalid JSON (${detail}).`,
    };
  }
}

/**
 * Reads and checks one file. Never throws on user data.
 *
 * @example
 * ```ts
 * const { report, unreadable } = await checkFile("examples/sample.txt", { lang: "zh-CN", showWaived: false });
 * ```
 */
export async function checkFile(path: string, options: RunOptions): Promise<FileResult> {
  const input = await readInput(path);
  if (!input.ok) return unreadableReport(path, input, options.lang);
  return checkInput(path, input, options);
}

/**
 * Checks a file already read by {@link readInput} (the second half of {@link checkFile}, which
 * `check --jobs N` runs in another thread than the reading).
 *
 * @example
 * ```ts
 * const input = await readInput("examples/sample.txt");
 * if (input.ok) console.log((await checkInput("examples/sample.txt", input, options)).report.findings.length);
 * ```
 */
export async function checkInput(
  path: string,
  input:
    | {
        readonly kind: "grid";
        readonly grid: Grid;
        readonly warnings?: readonly ReadWarning[];
        readonly sidecar?: SidecarWaivers;
      }
    | { readonly kind: "model"; readonly value: unknown },
  options: RunOptions,
): Promise<FileResult> {
  await ensureCatalog(options.catalog);
  const disclosure = await import("@yusuan/disclosure");
  if (input.kind === "grid") {
    const sidecar = input.sidecar;
    const waivers = sidecar && "waivers" in sidecar ? sidecar.waivers : [];
    const analysis = disclosure.analyze(input.grid, checkOptions(options, waivers));
    const extra: Finding[] = readWarningFindings(path, input.warnings ?? [], options);
    const problem = sidecar && "problem" in sidecar ? sidecar.problem : undefined;
    if (problem) {
      extra.push({
        rule: WAIVER_FILE_RULE,
        severity: "error",
        message: options.lang === "en" ? problem.messageEn : problem.message,
        table: "D",
        fingerprint: fingerprintOf([WAIVER_FILE_RULE, path]),
      });
    }
    const all =
      extra.length === 0
        ? analysis.findings
        : disclosure.sortFindings([...disclosure.applyWaivers(extra, waivers), ...analysis.findings]);
    return {
      report: {
        path,
        document: analysis.document,
        tables: analysis.tables,
        findings: visible(all, options.showWaived),
      },
      unreadable: problem !== undefined,
      waived: all.filter((f) => f.waived).length,
    };
  }
  const parsed = disclosure.DisclosureSchema.safeParse(input.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "";
    return unreadableReport(
      path,
      {
        code: "input.unreadable",
        message: `无法读取文件“${path}”：不是有效的预算公开模型 JSON（${where}）。`,
        messageEn: `Cannot read file "${path}": not a valid disclosure model JSON (${where}).`,
      },
      options.lang,
    );
  }
  const model = parsed.data;
  const findings = disclosure.check(model, checkOptions(options));
  const waived = findings.filter((f) => f.waived).length;
  const doc = model.document;
  const kind = doc.kind.startsWith("单位") ? "单位" : "部门";
  const tables: TableSummary[] = disclosure.TABLE_DEFINITIONS.map((def) => {
    const t = model.tables[def.id];
    const title =
      t?.title ?? (doc.year !== undefined ? disclosure.tableTitle(def.id, doc.year, kind) : def.name);
    return t ? { id: def.id, title, found: true, sheet: t.sheet } : { id: def.id, title, found: false };
  });
  return {
    report: {
      path,
      document: {
        kind: doc.kind,
        ...(doc.department !== undefined ? { department: doc.department } : {}),
        ...(doc.year !== undefined ? { year: doc.year } : {}),
      },
      tables,
      findings: visible(findings, options.showWaived),
    },
    unreadable: false,
    waived,
  };
}
