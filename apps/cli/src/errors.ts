/**
 * The one place where outcomes become exit codes. Commands throw {@link CliError} for user errors
 * (a wrong option, a file that cannot be written); anything else is a bug.
 */

/** Exit codes of every command. */
export const ExitCode = {
  /** No error findings (or none at or above `--fail-on`). */
  ok: 0,
  /** Error findings (or findings at or above `--fail-on`). */
  findings: 1,
  /** A file could not be read, or the command was wrong. */
  usage: 2,
} as const;

/** An exit code. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable codes of user errors. */
export const CliErrorCode = {
  usage: "cli.usage",
  input: "cli.input",
  output: "cli.output",
} as const;

/** A stable user-error code. */
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/**
 * A user error: printed as its message (zh-CN or English), never with a stack trace.
 *
 * @example
 * ```ts
 * throw new CliError("cli.usage", "--year 必须是四位年份", "--year must be a four-digit year");
 * ```
 */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CliError";
  }
}

/**
 * The exit code for an error that reached the top level: user errors and bugs both give 2.
 *
 * @example
 * ```ts
 * exitCodeForError(new CliError("cli.usage", "…", "…")); // 2
 * ```
 */
export function exitCodeForError(_error: unknown): ExitCode {
  return ExitCode.usage;
}

/**
 * The exit code of a check run from its counts.
 *
 * @example
 * ```ts
 * exitCodeForRun({ unreadable: 0, errors: 3, warnings: 0 }, "error"); // 1
 * exitCodeForRun({ unreadable: 1, errors: 3, warnings: 0 }, "error"); // 2
 * ```
 */
export function exitCodeForRun(
  counts: { unreadable: number; errors: number; warnings: number },
  failOn: "error" | "warning" = "error",
): ExitCode {
  if (counts.unreadable > 0) return ExitCode.usage;
  if (counts.errors > 0) return ExitCode.findings;
  if (failOn === "warning" && counts.warnings > 0) return ExitCode.findings;
  return ExitCode.ok;
}

/**
 * The text printed for an error at the top level: a user error's message, or a short note for a
 * bug (with the stack only when `debug`).
 *
 * @example
 * ```ts
 * describeError(new CliError("cli.usage", "缺少文件", "missing file"), "en", false); // "yusuan: missing file"
 * ```
 */
export function describeError(error: unknown, lang: "zh-CN" | "en", debug: boolean): string {
  if (error instanceof CliError) return `yusuan: ${lang === "en" ? error.messageEn : error.message}`;
  const text = error instanceof Error ? error.message : String(error);
  const head =
    lang === "en"
      ? `yusuan: internal error: ${text} (set YUSUAN_DEBUG=1 for details and please report it)`
      : `yusuan：内部错误：${text}（设置 YUSUAN_DEBUG=1 可查看详情，请报告此问题）`;
  if (debug && error instanceof Error && error.stack) return `${head}\n${error.stack}`;
  return head;
}
