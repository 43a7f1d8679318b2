/**
 * `yusuan waive <file> <fingerprint> --reason …`: accept one finding. A workbook keeps its waivers in
 * its hidden sheet `yusuan_waivers` (as the add-in writes them; the workbook is locked and written
 * atomically, its first .bak kept); a text or PDF gets them in `<file>.yusuan-waivers.json` beside it.
 * `check` reads both on its own.
 */
import { extname } from "node:path";
import type { Finding, Grid, Waiver } from "@yusuan/disclosure";
import { parseLang } from "../args";
import { checkInput, readInput } from "../check-file";
import { CliError, ExitCode } from "../errors";
import { readWaiverFile, serializeWaiverFile, waiverFileOf } from "../waiver-file";
import { writeOutput } from "../workbook";
import type { Io } from "./check";

/** Options of `waive`. */
export interface WaiveCommandOptions {
  reason?: string;
  by?: string;
  lang?: string;
}

/**
 * The finding a fingerprint (or a unique prefix of at least 6 hex digits) names.
 *
 * @example
 * ```ts
 * findByFingerprint(findings, "9c0f1a"); // { ok: true, finding } when exactly one fingerprint starts so
 * ```
 */
export function findByFingerprint(
  findings: readonly Finding[],
  fingerprint: string,
): { ok: true; finding: Finding } | { ok: false; matches: number } {
  const fp = fingerprint.trim().toLowerCase();
  if (!/^[0-9a-f]{6,16}$/.test(fp)) return { ok: false, matches: 0 };
  const hits = new Map<string, Finding>();
  for (const f of findings) if (f.fingerprint.startsWith(fp)) hits.set(f.fingerprint, f);
  const [only] = hits.values();
  return hits.size === 1 && only ? { ok: true, finding: only } : { ok: false, matches: hits.size };
}

/** Today as YYYY-MM-DD (the waiver's date). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Runs `waive` and returns its exit code.
 *
 * @example
 * ```ts
 * await runWaive("预算.txt", "9c0f1a2b3c4d5e6f", { reason: "尾差，已在说明中解释" }, io);
 * ```
 */
export async function runWaive(
  file: string,
  fingerprint: string,
  opts: WaiveCommandOptions,
  io: Io,
): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const en = lang === "en";
  const reason = (opts.reason ?? "").trim();
  if (reason === "")
    throw new CliError(
      "cli.usage",
      "--reason 不能为空：请写明豁免理由。",
      "--reason must not be empty: say why the finding is accepted.",
    );
  const ext = extname(file).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".txt" && ext !== ".pdf") {
    throw new CliError(
      "cli.usage",
      `waive 只接受 .xlsx、.txt 或 .pdf 文件，而不是“${file}”。`,
      `waive takes an .xlsx, .txt or .pdf file, not "${file}".`,
    );
  }
  if (!/^[0-9a-f]{6,16}$/i.test(fingerprint.trim())) {
    throw new CliError(
      "cli.usage",
      `“${fingerprint}”不是指纹：应为 16 位十六进制数字（或其前至少 6 位），见 check --format json 的 fingerprint。`,
      `"${fingerprint}" is not a fingerprint: 16 hex digits (or at least their first 6), as in check --format json's fingerprint.`,
    );
  }
  if (ext !== ".xlsx") return waiveBeside();
  const { withFileLock, FileLocked } = await import("@yusuan/xlsx");
  try {
    return await withFileLock(file, waiveInWorkbook, { waitMs: 30_000 });
  } catch (error) {
    if (error instanceof FileLocked)
      throw new CliError("cli.output", error.message, error.messageEn, { cause: error });
    throw error;
  }

  function waiverFor(finding: Finding): Waiver {
    return {
      fingerprint: finding.fingerprint,
      rule: finding.rule,
      reason,
      ...(opts.by ? { by: opts.by } : {}),
      date: today(),
    };
  }

  async function target(): Promise<{ finding: Finding; bytes: Uint8Array; grid: Grid }> {
    const input = await readInput(file);
    if (!input.ok) throw new CliError("cli.input", input.message, input.messageEn);
    if (input.kind !== "grid")
      throw new CliError("cli.usage", "waive 不接受 JSON 模型。", "waive does not take a JSON model.");
    // Every finding, waived or not and of any rule, so that a waiver can be renewed.
    const checked = await checkInput(
      file,
      { ...input, sidecar: { waivers: [] } },
      { lang, showWaived: true },
    );
    const hit = findByFingerprint(checked.report.findings, fingerprint);
    if (!hit.ok) {
      throw new CliError(
        "cli.usage",
        hit.matches > 1
          ? `“${fingerprint}”对应“${file}”中的 ${hit.matches} 个问题；请给出更长的指纹。`
          : `“${file}”中没有指纹为“${fingerprint}”的问题（用 yusuan check --format json 查看各问题的 fingerprint）。`,
        hit.matches > 1
          ? `"${fingerprint}" matches ${hit.matches} findings of "${file}"; give more of the fingerprint.`
          : `"${file}" has no finding with the fingerprint "${fingerprint}" (yusuan check --format json shows each finding's fingerprint).`,
      );
    }
    return { finding: hit.finding, bytes: input.bytes, grid: input.grid };
  }

  async function waiveBeside(): Promise<ExitCode> {
    const existing = readWaiverFile(file);
    if (!existing.ok) throw new CliError("cli.input", existing.message, existing.messageEn);
    const { finding } = await target();
    const waivers = [
      ...existing.waivers.filter((w) => w.fingerprint !== finding.fingerprint),
      waiverFor(finding),
    ];
    const sidecar = waiverFileOf(file);
    await writeOutput(sidecar, new TextEncoder().encode(serializeWaiverFile(waivers)), { backup: false });
    io.stdout.write(
      en
        ? `Waived ${finding.rule} (${finding.fingerprint}) in ${sidecar}: ${reason}\n`
        : `已豁免 ${finding.rule}（${finding.fingerprint}），记录在“${sidecar}”：${reason}\n`,
    );
    return ExitCode.ok;
  }

  async function waiveInWorkbook(): Promise<ExitCode> {
    const { finding, bytes, grid } = await target();
    const { readWaivers } = await import("@yusuan/disclosure");
    const { writeWaivers, XlsxError } = await import("@yusuan/xlsx");
    const waivers = [
      ...readWaivers(grid).filter((w) => w.fingerprint !== finding.fingerprint),
      waiverFor(finding),
    ];
    let written: Uint8Array;
    try {
      written = await writeWaivers(bytes, waivers, { name: file });
    } catch (error) {
      if (error instanceof XlsxError)
        throw new CliError("cli.input", error.message, error.messageEn, { cause: error });
      throw error;
    }
    const report = await writeOutput(file, written, { backup: true });
    for (const note of report.notes) io.stderr.write(`${note}\n`);
    io.stdout.write(
      en
        ? `Waived ${finding.rule} (${finding.fingerprint}) in ${file}, sheet yusuan_waivers: ${reason}\n`
        : `已豁免 ${finding.rule}（${finding.fingerprint}），记录在“${file}”的 yusuan_waivers 表：${reason}\n`,
    );
    return ExitCode.ok;
  }
}
