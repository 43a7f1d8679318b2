/**
 * `yusuan check <files | folders | globs…>`: read, check and report, streaming each file's report
 * as soon as it (and every file before it) is done.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Scheme } from "@yusuan/classification";
import { parseFailOn, parseFormat, parseIdList, parseJobs, parseLang, parseYear } from "../args";
import { INPUT_RULES, unreadableReport, type FileResult, type RunOptions } from "../check-file";
import { CliError, exitCodeForRun, type ExitCode } from "../errors";
import { expandInputs } from "../files";
import { addToSummary, createFormatter, useColor, type Summary } from "../format/index";
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
}

/** Streams the CLI writes to (replaced in tests). */
export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
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
      io.stderr.write(`\r${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total} ${lang === "en" ? "files" : "个文件"}`);
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
export async function runCheck(inputs: readonly string[], opts: CheckCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const format = parseFormat(opts.format);
  const failOn = parseFailOn(opts.failOn);
  const jobs = parseJobs(opts.jobs, (zh, en) => io.stderr.write(`${lang === "en" ? en : zh}\n`));
  const year = opts.year !== undefined ? parseYear(opts.year) : undefined;
  if (inputs.length === 0) throw new CliError("cli.usage", "请给出要检查的文件、文件夹或通配符。", "Give the files, folders or glob patterns to check.");
  const catalog = opts.catalog
    ? await loadCatalogFile(opts.catalog, { ...(year !== undefined ? { year } : {}), ...(opts.catalogScheme ? { scheme: opts.catalogScheme as Scheme } : {}) })
    : undefined;
  const options: RunOptions = {
    lang,
    ...(opts.rules !== undefined ? { rules: parseIdList(opts.rules, "--rules") } : {}),
    ...(opts.disable !== undefined ? { disable: parseIdList(opts.disable, "--disable") } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(catalog ? { catalog } : {}),
    showWaived: opts.showWaived === true,
  };

  const entries = expandInputs(inputs);
  const toCheck: string[] = [];
  const slots: ({ check: number } | { result: FileResult } | { skipped: SkippedFile })[] = entries.map((e) => {
    if (e.kind === "file") return { check: toCheck.push(e.path) - 1 };
    if (e.kind === "skipped") return { skipped: { path: e.path, reason: e.reason } };
    if (e.reason === "no-match") {
      return {
        result: unreadableReport(e.path, { code: "input.unreadable", message: `没有与“${e.path}”匹配的文件。`, messageEn: `No files match "${e.path}".` }, lang),
      };
    }
    return { check: toCheck.push(e.path) - 1 };
  });

  let fd: number | undefined;
  if (opts.output) {
    try {
      fd = openSync(opts.output, "w");
    } catch (error) {
      throw new CliError("cli.output", `无法写入输出文件“${opts.output}”。`, `Cannot write the output file "${opts.output}".`, { cause: error });
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
  const { RULES } = await import("@yusuan/disclosure");
  const formatter = createFormatter(format, {
    write,
    lang,
    version: toolVersion(),
    rules: [...RULES, ...INPUT_RULES],
    color: fd === undefined && format === "text" && useColor(io.stdout, io.env),
    date: new Date().toISOString().replace("T", " ").slice(0, 19) + " UTC",
    options: runOptions(opts),
  });

  const humanOnStdout = format === "text" && fd === undefined;
  let summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  let unreadable = 0;
  let done = 0;
  const emit = (result: FileResult): void => {
    formatter.file(result.report);
    summary = addToSummary(summary, result.report);
    if (result.unreadable) {
      unreadable++;
      // Machine formats and --output keep stdout clean; a person still learns which file failed.
      if (!humanOnStdout) io.stderr.write(`yusuan: ${result.report.findings[0]?.message ?? result.report.path}\n`);
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
  return exitCodeForRun({ unreadable, errors: summary.errors, warnings: summary.warnings }, failOn);
}

/** The options a run was given, as `--name value` pairs for reports that show them. */
function runOptions(opts: CheckCommandOptions): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined || key === "output") continue;
    out.push([`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value === true ? "" : String(value)]);
  }
  return out;
}
