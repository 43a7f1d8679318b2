/**
 * `yusuan check <files | folders | globs…>`: read, check and report, streaming each file's report
 * as soon as it (and every file before it) is done.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import type { Scheme } from "@yusuan/classification";
import type { Severity } from "@yusuan/disclosure";
import {
  parseFailOn,
  parseFormat,
  parseIdList,
  parseJobs,
  parseLang,
  parseMaxWarnings,
  parseYear,
} from "../args";
import {
  checkInput,
  INPUT_RULES,
  INPUT_TYPES,
  readInputBytes,
  unreadableReport,
  type FileResult,
  type RunOptions,
} from "../check-file";
import type { LoadedConfig } from "../config";
import { CliError, exitCodeForRun, ExitCode } from "../errors";
import { CHECKED_EXTENSIONS, expandInputs } from "../files";
import {
  addToSummary,
  addWaived,
  createFormatter,
  useColor,
  type RuleInfo,
  type Summary,
} from "../format/index";
import { READER_RULES } from "../reader-rules";
import { checkRuleIds, ruleMatches } from "../rule-ids";
import type { SkippedFile } from "../format/types";
import { runChecks } from "../pool";
import { toolVersion } from "../version";
import { loadCatalogFile } from "../catalog-file";

/** The options of `check` as commander gives them. */
export interface CheckCommandOptions {
  format?: string;
  output?: string;
  lang?: string;
  rules?: string;
  disable?: string;
  year?: string;
  catalog?: string;
  catalogScheme?: string;
  jobs?: string;
  failOn?: string;
  showWaived?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
  stdinFilename?: string;
  config?: string;
}

/** Streams the CLI writes to (replaced in tests). */
export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
  /** Standard input, read by `check -`; process.stdin when absent. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /** Where the config file is looked for (from here up); process.cwd() when absent. */
  readonly cwd?: string;
}

/** What `main` worked out before the command ran: the config file that applies, if any. */
export interface CheckContext {
  readonly config?: LoadedConfig;
}

/** A progress bar on stderr, drawn only on a terminal and only for more than a few files. */
function progress(io: Io, total: number, lang: "zh-CN" | "en"): { tick(done: number): void; clear(): void } {
  const on = io.stderr.isTTY === true && total > 3 && io.env.CI === undefined;
  let shown = false;
  let last = 0;
  return {
    tick(done) {
      if (!on) return;
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const width = Math.max(10, Math.min(40, (io.stderr.columns ?? 80) - 30));
      const filled = Math.round((done / total) * width);
      io.stderr.write(
        `\r${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total} ${lang === "en" ? "files" : "个文件"}`,
      );
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write("\r\u001b[2K");
      shown = false;
    },
  };
}

/**
 * Runs `check` and returns its exit code.
 *
 * @example
 * ```ts
 * const code = await runCheck(["examples/sample.txt"], { format: "json" }, { stdout: process.stdout, stderr: process.stderr, env: process.env });
 * ```
 */
export async function runCheck(
  inputs: readonly string[],
  opts: CheckCommandOptions,
  io: Io,
  context: CheckContext = {},
): Promise<ExitCode> {
  const config = context.config;
  const cfg = config?.config ?? {};
  const lang = parseLang(opts.lang ?? cfg.lang);
  const format = parseFormat(opts.format ?? cfg.format);
  const failOn = parseFailOn(opts.failOn ?? cfg.failOn);
  const maxWarnings = opts.maxWarnings !== undefined ? parseMaxWarnings(opts.maxWarnings) : cfg.maxWarnings;
  const quiet = opts.quiet === true;
  const jobs = parseJobs(opts.jobs, (zh, en) => io.stderr.write(`${lang === "en" ? en : zh}\n`));
  const year = opts.year !== undefined ? parseYear(opts.year) : cfg.year;
  if (inputs.length === 0)
    throw new CliError(
      "cli.usage",
      "请给出要检查的文件、文件夹或通配符。",
      "Give the files, folders or glob patterns to check.",
    );
  if (inputs.filter((i) => i === "-").length > 1)
    throw new CliError(
      "cli.usage",
      "标准输入（-）只能给一次。",
      "Standard input (-) can be given only once.",
    );
  if (opts.stdinFilename !== undefined && !inputs.includes("-")) {
    throw new CliError(
      "cli.usage",
      "--stdin-filename 只在从标准输入（-）检查时使用。",
      "--stdin-filename is used only when checking standard input (-).",
    );
  }
  const { RULES } = await import("@yusuan/disclosure");
  const allRules: RuleInfo[] = [...RULES];
  for (const r of [...INPUT_RULES, ...READER_RULES])
    if (!allRules.some((x) => x.id === r.id)) allRules.push(r);
  const ids = allRules.map((r) => r.id);
  const selection = ruleSelection(opts, cfg.rules, ids, config);

  const catalogPath =
    opts.catalog ?? (cfg.catalog !== undefined && config ? resolve(config.dir, cfg.catalog) : undefined);
  const scheme = opts.catalogScheme ?? cfg.catalogScheme;
  const catalog = catalogPath
    ? await loadCatalogFile(catalogPath, {
        ...(year !== undefined ? { year } : {}),
        ...(scheme ? { scheme: scheme as Scheme } : {}),
      })
    : undefined;
  const options: RunOptions = {
    lang,
    ...selection,
    ...(year !== undefined ? { year } : {}),
    ...(catalog ? { catalog } : {}),
    showWaived: opts.showWaived === true,
  };

  const entries = expandInputs(inputs.filter((i) => i !== "-"));
  if (!inputs.includes("-") && !entries.some((e) => e.kind !== "skipped"))
    throw nothingToCheck(
      inputs,
      entries.map((e) => e.path),
    );
  const stdinSlot = inputs.includes("-") ? await readStdin(opts.stdinFilename, io, options) : undefined;
  const toCheck: string[] = [];
  // Standard input is read first and reported first.
  const slots: ({ check: number } | { result: FileResult } | { skipped: SkippedFile })[] = [
    ...(stdinSlot ? [{ result: stdinSlot }] : []),
    ...entries.map(slotOf),
  ];
  function slotOf(
    e: (typeof entries)[number],
  ): { check: number } | { result: FileResult } | { skipped: SkippedFile } {
    if (e.kind === "file") return { check: toCheck.push(e.path) - 1 };
    if (e.kind === "skipped") return { skipped: { path: e.path, reason: e.reason } };
    if (e.reason === "no-match") {
      return {
        result: unreadableReport(
          e.path,
          {
            code: "input.unreadable",
            message: `没有与“${e.path}”匹配的文件。`,
            messageEn: `No files match "${e.path}".`,
          },
          lang,
        ),
      };
    }
    return { check: toCheck.push(e.path) - 1 };
  }

  let fd: number | undefined;
  if (opts.output) {
    try {
      mkdirSync(dirname(resolve(opts.output)), { recursive: true });
      fd = openSync(opts.output, "w");
    } catch (error) {
      throw new CliError(
        "cli.output",
        `无法写入输出文件“${opts.output}”。`,
        `Cannot write the output file "${opts.output}".`,
        { cause: error },
      );
    }
  }
  const bar = progress(io, entries.length, lang);
  const write = (s: string): void => {
    if (fd !== undefined) writeSync(fd, s);
    else {
      bar.clear();
      io.stdout.write(s);
    }
  };
  const formatter = createFormatter(format, {
    write,
    lang,
    version: toolVersion(),
    rules: allRules,
    color: fd === undefined && format === "text" && useColor(io.stdout, io.env),
    date: `${new Date().toISOString().replace("T", " ").slice(0, 19)} UTC`,
    options: runOptions(opts),
  });

  const humanOnStdout = format === "text" && fd === undefined;
  let summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  let unreadable = 0;
  let done = 0;
  // Warnings before --quiet hides them: --max-warnings and --fail-on warning count them all.
  let warnings = 0;
  const emit = (result: FileResult): void => {
    for (const f of result.report.findings) if (!f.waived && f.severity === "warning") warnings++;
    const report = quiet
      ? { ...result.report, findings: result.report.findings.filter((f) => f.severity === "error") }
      : result.report;
    // --quiet in the text format: a file without errors is not listed (it is counted).
    if (!(quiet && format === "text" && report.findings.length === 0)) formatter.file(report);
    summary = addToSummary(summary, report);
    if (!options.showWaived) summary = addWaived(summary, result.waived ?? 0);
    if (result.unreadable) {
      unreadable++;
      // Machine formats and --output keep stdout clean; a person still learns which file failed.
      if (!humanOnStdout)
        io.stderr.write(`yusuan: ${result.report.findings[0]?.message ?? result.report.path}\n`);
    }
    bar.tick(++done);
  };
  // Results of checked files arrive in order; files that needed no check are printed in their place.
  let slot = 0;
  const flushPrecomputed = (): void => {
    while (slot < slots.length) {
      const s = slots[slot]!;
      if ("result" in s) emit(s.result);
      else if ("skipped" in s) {
        formatter.skip?.(s.skipped);
        summary = { ...summary, unsupported: (summary.unsupported ?? 0) + 1 };
        bar.tick(++done);
      } else break;
      slot++;
    }
  };
  try {
    formatter.begin();
    flushPrecomputed();
    await runChecks(toCheck, options, jobs, (_index, result) => {
      emit(result);
      slot++;
      flushPrecomputed();
    });
    bar.clear();
    formatter.end(summary);
  } finally {
    bar.clear();
    if (fd !== undefined) closeSync(fd);
  }
  const code = exitCodeForRun({ unreadable, errors: summary.errors, warnings }, failOn);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(
      lang === "en"
        ? `yusuan: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings}.\n`
        : `yusuan: 共 ${warnings} 个警告，超过 --max-warnings ${maxWarnings}。\n`,
    );
    return code === ExitCode.ok ? ExitCode.findings : code;
  }
  return code;
}

/**
 * The rules a run checks and their severities, from `--rules`/`--disable` and the config file's
 * `rules` (an id or prefix → "off" | "info" | "warning" | "error"; the most specific key wins). Every
 * id or prefix must name a rule that exists.
 */
function ruleSelection(
  opts: CheckCommandOptions,
  configRules: Readonly<Record<string, "off" | Severity>> | undefined,
  ids: readonly string[],
  config: LoadedConfig | undefined,
): Pick<RunOptions, "rules" | "disable" | "severity"> {
  const only = opts.rules !== undefined ? parseIdList(opts.rules, "--rules") : undefined;
  const disable = opts.disable !== undefined ? parseIdList(opts.disable, "--disable") : [];
  if (only) checkRuleIds(only, ids, "--rules");
  checkRuleIds(disable, ids, "--disable");
  const severity: Record<string, Severity> = {};
  if (configRules && config) {
    const keys = Object.keys(configRules);
    for (const key of keys) {
      const where = `配置文件“${config.path}”的“${config.key ? `${config.key}.` : ""}rules.${key}”`;
      const whereEn = `the config file "${config.path}", "${config.key ? `${config.key}.` : ""}rules.${key}"`;
      checkRuleIds([key], ids, where, whereEn);
    }
    // A more specific key (a longer id or prefix) overrides a shorter one.
    const ordered = [...keys].sort((a, b) => a.length - b.length);
    const setting = new Map<string, "off" | Severity>();
    for (const key of ordered)
      for (const id of ids) if (ruleMatches(id, key)) setting.set(id, configRules[key]!);
    for (const [id, value] of setting) {
      if (value === "off") disable.push(id);
      else severity[id] = value;
    }
  }
  return {
    ...(only ? { rules: only } : {}),
    ...(disable.length > 0 ? { disable } : {}),
    ...(Object.keys(severity).length > 0 ? { severity } : {}),
  };
}

/** The usage error of a run with nothing to check, saying what was found instead. */
function nothingToCheck(inputs: readonly string[], found: readonly string[]): CliError {
  const types = CHECKED_EXTENSIONS.join("、");
  const typesEn = CHECKED_EXTENSIONS.join(", ");
  const named = inputs.map((i) => `“${i}”`).join("、");
  const namedEn = inputs.map((i) => `"${i}"`).join(", ");
  const shown = found.slice(0, 10);
  const more = found.length > shown.length ? ` 等 ${found.length} 个` : "";
  const moreEn = found.length > shown.length ? ` and ${found.length - shown.length} more` : "";
  return new CliError(
    "cli.usage",
    found.length === 0
      ? `${named} 中没有可检查的文件（${types}），也没有别的文件。`
      : `${named} 中没有可检查的文件（${types}）；找到的文件类型都不支持：${shown.join("、")}${more}。`,
    found.length === 0
      ? `Nothing to check in ${namedEn}: no ${typesEn} file, and no other file either.`
      : `Nothing to check in ${namedEn}: no ${typesEn} file; found only files of other types: ${shown.join(", ")}${moreEn}.`,
  );
}

/** The type of standard input: from --stdin-filename's extension, else from its first bytes. */
function stdinType(name: string | undefined, bytes: Uint8Array): (typeof INPUT_TYPES)[number] {
  if (name !== undefined) {
    const ext = extname(name).toLowerCase();
    if ((INPUT_TYPES as readonly string[]).includes(ext)) return ext as (typeof INPUT_TYPES)[number];
    throw new CliError(
      "cli.usage",
      `--stdin-filename 的扩展名应为 ${INPUT_TYPES.join("、")} 之一，而不是“${name}”。`,
      `--stdin-filename must end in one of ${INPUT_TYPES.join(", ")}, not "${name}".`,
    );
  }
  const starts = (...b: number[]): boolean => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return ".xlsx";
  if (starts(0x25, 0x50, 0x44, 0x46)) return ".pdf";
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x7b ? ".json" : ".txt";
}

/** Reads and checks standard input (binary-safe; capped like a file of its type). */
async function readStdin(name: string | undefined, io: Io, options: RunOptions): Promise<FileResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const cap = 100 * 1024 * 1024;
  const label = name ?? "<stdin>";
  for await (const chunk of io.stdin ?? process.stdin) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > cap) {
      return unreadableReport(
        label,
        {
          code: "input.too-large",
          message: `标准输入“${label}”超过上限 100 MB，未读取。`,
          messageEn: `Standard input "${label}" is above the limit of 100 MB; not read.`,
        },
        options.lang,
      );
    }
    chunks.push(bytes);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  const input = await readInputBytes(label, bytes, stdinType(name, bytes), name);
  if (!input.ok) return unreadableReport(label, input, options.lang);
  return checkInput(label, input, options);
}

/** The options a run was given, as `--name value` pairs for reports that show them. */
function runOptions(opts: CheckCommandOptions): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined || key === "output") continue;
    out.push([
      `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      value === true ? "" : String(value),
    ]);
  }
  return out;
}
