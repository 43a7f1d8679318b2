/**
 * `yusuan fill <in> [-o OUT] [--in-place] [--dry-run] [--force]`: derive every cell the tables
 * determine and write a filled copy, or with --in-place replace the input, never losing work: the
 * input is locked for the whole run, written atomically (a symbolic link's target; a read-only file
 * is refused), and the first .bak is kept. An existing output is not replaced without --force.
 */
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { CellPatch, Finding } from "@yusuan/disclosure";
import { parseLang } from "../args";
import { readInput } from "../check-file";
import { CliError, exitCodeForRun, type ExitCode } from "../errors";
import { locationText } from "../format/types";
import type { Io } from "./check";
import { textToWorkbook, writeOutput } from "../workbook";

/** Options of `fill`. */
export interface FillCommandOptions {
  output?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  force?: boolean;
  lang?: string;
}

/**
 * The default output of `fill`: `<name>.filled.xlsx` beside the input.
 *
 * @example
 * ```ts
 * filledName("reports/预算.txt"); // "reports/预算.filled.xlsx"
 * ```
 */
export function filledName(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.filled.xlsx`);
}

/**
 * One change as a line: cell, old → new, reason.
 *
 * @example
 * ```ts
 * patchLine(patch, "zh-CN"); // 'T3!E7  （空） → 1234.00  合计 = 基本支出 + 项目支出'
 * ```
 */
export function patchLine(p: CellPatch, lang: "zh-CN" | "en"): string {
  const old = p.oldValue === "" ? (lang === "en" ? "(empty)" : "（空）") : p.oldValue;
  return `${locationText(p.location, lang)}  ${old} → ${p.newValue}  ${p.reason}`;
}

/**
 * Runs `fill` and returns its exit code (1 when cells disagree with what the tables give).
 *
 * @example
 * ```ts
 * await runFill("examples/sample.xlsx", {}, io);
 * ```
 */
export async function runFill(input: string, opts: FillCommandOptions, io: Io): Promise<ExitCode> {
  // An invalid --lang is a usage error before anything is read.
  parseLang(opts.lang);
  const ext = extname(input).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".txt") {
    throw new CliError(
      "cli.usage",
      `fill 只接受 .xlsx 或 .txt 文件，而不是“${input}”。`,
      `fill takes an .xlsx or .txt file, not "${input}".`,
    );
  }
  if (opts.inPlace && opts.output)
    throw new CliError(
      "cli.usage",
      "--in-place 与 -o/--output 不能同时使用。",
      "--in-place and -o/--output cannot be used together.",
    );
  if (opts.inPlace && ext === ".txt") {
    throw new CliError(
      "cli.usage",
      "文本文档不能就地填写（结果是工作簿）；请用 -o 指定输出文件。",
      "A text document cannot be filled in place (the result is a workbook); give -o.",
    );
  }
  const out = opts.inPlace ? input : (opts.output ?? filledName(input));
  if (!opts.inPlace && resolve(out) === resolve(input)) {
    throw new CliError(
      "cli.usage",
      `输出文件与输入文件相同（“${input}”）；要改写原文件请用 --in-place。`,
      `The output is the input ("${input}"); use --in-place to replace it.`,
    );
  }
  if (!opts.inPlace && !opts.dryRun && !opts.force && existsSync(out)) {
    throw new CliError(
      "cli.output",
      `输出文件“${out}”已存在，未覆盖；要覆盖请加 --force，或用 -o 指定其他文件。`,
      `The output "${out}" already exists and was not replaced; add --force to replace it, or give another file with -o.`,
    );
  }
  if (!opts.inPlace || opts.dryRun) return fillOnce(input, out, opts, io);
  const { withFileLock, FileLocked } = await import("@yusuan/xlsx");
  try {
    // The lock covers reading too: a second run waits, then reads what the first one wrote.
    return await withFileLock(input, () => fillOnce(input, out, opts, io), { waitMs: lockWait() });
  } catch (error) {
    if (error instanceof FileLocked)
      throw new CliError("cli.output", error.message, error.messageEn, { cause: error });
    throw error;
  }
}

/** How long a second `--in-place` run waits for the first (YUSUAN_LOCK_WAIT_MS, default 30 s). */
function lockWait(): number {
  const ms = Number(process.env.YUSUAN_LOCK_WAIT_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 30_000;
}

async function fillOnce(input: string, out: string, opts: FillCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const en = lang === "en";
  const read = await readInput(input);
  if (!read.ok) throw new CliError("cli.input", read.message, read.messageEn);
  if (read.kind !== "grid")
    throw new CliError("cli.usage", "fill 不接受 JSON 模型。", "fill does not take a JSON model.");
  let bytes = read.bytes;
  let grid = read.grid;
  if (read.format === "text") {
    bytes = await textToWorkbook(read.grid);
    const { readXlsx } = await import("@yusuan/xlsx");
    const back = await readXlsx(bytes, out);
    if (!back.ok) {
      throw new CliError(
        "cli.input",
        `由“${input}”生成的工作簿无法读回（${back.message}），未写出任何文件。`,
        `The workbook made from "${input}" cannot be read back (${back.messageEn}); nothing was written.`,
      );
    }
    grid = back.grid;
  }
  const { fillGrid } = await import("@yusuan/disclosure");
  const { patches, conflicts } = fillGrid(grid, { lang });
  for (const p of patches) io.stdout.write(`${patchLine(p, lang)}\n`);
  for (const c of conflicts) io.stdout.write(`${conflictLine(c, lang)}\n`);
  const errors = conflicts.filter((c) => c.severity === "error").length;
  const warnings = conflicts.filter((c) => c.severity === "warning").length;
  if (opts.dryRun) {
    io.stdout.write(
      en
        ? `Dry run: ${patches.length} cell${patches.length === 1 ? "" : "s"} would be filled; nothing was written.\n`
        : `试运行：将填写 ${patches.length} 个单元格；未写任何文件。\n`,
    );
    return exitCodeForRun({ unreadable: 0, errors, warnings });
  }

  const { writePatches, XlsxError } = await import("@yusuan/xlsx");
  let written = bytes;
  if (patches.length > 0) {
    try {
      written = await writePatches(bytes, patches, { name: input });
    } catch (error) {
      // The input could be read but not written back: say which file and why, never "internal error".
      if (error instanceof XlsxError)
        throw new CliError("cli.input", error.message, error.messageEn, { cause: error });
      throw error;
    }
  }
  let backupKept = false;
  if (patches.length > 0 || !opts.inPlace) {
    const report = await writeOutput(out, written, { backup: opts.inPlace === true });
    backupKept = report.backup === "kept";
    for (const note of report.notes) io.stderr.write(`${note}\n`);
  }
  const backupNote = backupKept
    ? en
      ? ` (the earlier backup ${out}.bak was kept as it was)`
      : `（保留了已有的备份“${out}.bak”，未覆盖）`
    : en
      ? ` (previous version kept as ${out}.bak)`
      : `（原文件备份为“${out}.bak”）`;
  const summary =
    patches.length === 0
      ? en
        ? `Nothing to fill in ${input}${opts.inPlace ? "; the file was not changed" : `; copy written to ${out}`}.`
        : `“${input}”没有需要填写的单元格${opts.inPlace ? "，文件未改动" : `，已写出副本“${out}”`}。`
      : en
        ? `${patches.length} cell${patches.length === 1 ? "" : "s"} filled; written to ${out}${opts.inPlace ? backupNote : ""}.`
        : `已填写 ${patches.length} 个单元格，写入“${out}”${opts.inPlace ? backupNote : ""}。`;
  io.stdout.write(`${summary}\n`);
  return exitCodeForRun({ unreadable: 0, errors, warnings });
}

function conflictLine(f: Finding, lang: "zh-CN" | "en"): string {
  const where = locationText(f.location, lang);
  return `${lang === "en" ? "conflict" : "冲突"}  ${where ? `${where}  ` : ""}${f.message}`;
}
