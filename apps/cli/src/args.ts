/**
 * Parsing option values. A wrong value is a {@link CliError} (exit code 2) with a message saying
 * what was expected.
 */
import { availableParallelism } from "node:os";
import { CliError } from "./errors";
import { FORMATS, type FormatName } from "./format/types";

/** The language of messages. */
export type Lang = "zh-CN" | "en";

/**
 * `--lang zh|en` (also zh-CN, en-US…) → "zh-CN" | "en".
 *
 * @example
 * ```ts
 * parseLang("zh"); // "zh-CN"
 * ```
 */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return "zh-CN";
  const v = value.trim().toLowerCase();
  if (v === "zh" || v === "zh-cn" || v === "cn") return "zh-CN";
  if (v === "en" || v.startsWith("en-")) return "en";
  throw new CliError(
    "cli.usage",
    `--lang 应为 zh 或 en，而不是“${value}”。`,
    `--lang must be zh or en, not "${value}".`,
  );
}

/**
 * The language asked for anywhere on the command line, read before the options are parsed so that
 * errors in parsing already speak it.
 *
 * @example
 * ```ts
 * langFromArgv(["check", "a.xlsx", "--lang", "en"]); // "en"
 * ```
 */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (value !== undefined) {
      try {
        return parseLang(value);
      } catch {
        return "zh-CN";
      }
    }
  }
  return "zh-CN";
}

/**
 * A comma-separated list of rule ids or prefixes (`A3.row-identity,B`), trimmed, without empties.
 *
 * @example
 * ```ts
 * parseIdList(" A3, B1.total ,"); // ["A3", "B1.total"]
 * ```
 */
export function parseIdList(value: string, option = "--rules"): string[] {
  const ids = value
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (ids.length === 0)
    throw new CliError(
      "cli.usage",
      `${option} 需要至少一个规则编号。`,
      `${option} needs at least one rule id.`,
    );
  for (const id of ids) {
    if (!/^[A-Za-z][\w.-]*$/.test(id))
      throw new CliError(
        "cli.usage",
        `${option}：“${id}”不是规则编号。`,
        `${option}: "${id}" is not a rule id.`,
      );
  }
  return ids;
}

/**
 * A four-digit budget year.
 *
 * @example
 * ```ts
 * parseYear("2025"); // 2025
 * ```
 */
export function parseYear(value: string, option = "--year"): number {
  if (!/^\d{4}$/.test(value.trim()))
    throw new CliError(
      "cli.usage",
      `${option} 应为四位年份，如 2025，而不是“${value}”。`,
      `${option} must be a four-digit year such as 2025, not "${value}".`,
    );
  const year = Number(value.trim());
  if (year < 1990 || year > 2100)
    throw new CliError(
      "cli.usage",
      `${option} 年份 ${year} 超出范围（1990–2100）。`,
      `${option}: year ${year} is out of range (1990–2100).`,
    );
  return year;
}

/**
 * `--jobs N`: a whole number from 1 to 256, capped at the number of cores (more threads than cores
 * only add memory: each holds its own workbooks); default the number of cores. When the cap applies,
 * `note` gets a message saying so ("中文", "English").
 *
 * @example
 * ```ts
 * parseJobs("2"); // 2 (on two or more cores)
 * parseJobs("256", (zh) => console.error(zh)); // os.availableParallelism(), with a note
 * parseJobs(undefined); // os.availableParallelism()
 * ```
 */
export function parseJobs(value: string | undefined, note?: (zh: string, en: string) => void): number {
  const cores = Math.max(1, availableParallelism());
  if (value === undefined) return cores;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 256) {
    throw new CliError(
      "cli.usage",
      `--jobs 应为 1 到 256 之间的整数，而不是“${value}”。`,
      `--jobs must be a whole number from 1 to 256, not "${value}".`,
    );
  }
  const asked = Number(value);
  if (asked <= cores) return asked;
  note?.(
    `--jobs ${asked} 超过本机的 ${cores} 个处理器核心，按 ${cores} 运行。`,
    `--jobs ${asked} is more than this machine's ${cores} cores; running with ${cores}.`,
  );
  return cores;
}

/**
 * `--max-warnings N`: a whole number from 0; more warnings than that make the exit code 1.
 *
 * @example
 * ```ts
 * parseMaxWarnings("0"); // 0
 * ```
 */
export function parseMaxWarnings(value: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) {
    throw new CliError(
      "cli.usage",
      `--max-warnings 应为 0 或正整数，而不是“${value}”。`,
      `--max-warnings must be 0 or a whole number, not "${value}".`,
    );
  }
  return Number(value.trim());
}

/**
 * `--format`.
 *
 * @example
 * ```ts
 * parseFormat("sarif"); // "sarif"
 * ```
 */
export function parseFormat(value: string | undefined): FormatName {
  const v = (value ?? "text").trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(v)) return v as FormatName;
  throw new CliError(
    "cli.usage",
    `--format 应为 ${FORMATS.join("、")} 之一，而不是“${value}”。`,
    `--format must be one of ${FORMATS.join(", ")}, not "${value}".`,
  );
}

/**
 * `--fail-on error|warning`.
 *
 * @example
 * ```ts
 * parseFailOn("warning"); // "warning"
 * ```
 */
export function parseFailOn(value: string | undefined): "error" | "warning" {
  const v = (value ?? "error").trim().toLowerCase();
  if (v === "error" || v === "warning") return v;
  throw new CliError(
    "cli.usage",
    `--fail-on 应为 error 或 warning，而不是“${value}”。`,
    `--fail-on must be error or warning, not "${value}".`,
  );
}

/**
 * A required option that commander could not enforce (it depends on another one).
 *
 * @example
 * ```ts
 * requireOption(undefined, "--department"); // throws CliError
 * ```
 */
export function requireOption<T>(value: T | undefined, option: string): T {
  if (value === undefined || value === "")
    throw new CliError("cli.usage", `缺少必需的选项 ${option}。`, `Missing required option ${option}.`);
  return value;
}
