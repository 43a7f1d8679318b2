/**
 * The config file: `yusuan.config.json`, or a `"yusuan"` key in package.json, found from the working
 * directory up (the nearest wins; in one folder yusuan.config.json before package.json). Options on
 * the command line override it. Validated with zod; a mistake names the file and the key.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { CliError } from "./errors";
import { FORMATS } from "./format/types";

/** A rule's setting in the config file: off, or the severity its findings get. */
export const RULE_SETTINGS = ["off", "info", "warning", "error"] as const;

const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z
      .record(
        z.string().regex(/^[A-Za-z][\w.-]*$/, "应为规则编号或前缀 / must be a rule id or prefix"),
        z.enum(RULE_SETTINGS),
      )
      .optional(),
    catalog: z.string().min(1).optional(),
    catalogScheme: z.enum(["functional", "economic-dept", "economic-gov", "revenue"]).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    lang: z.enum(["zh", "zh-CN", "en"]).optional(),
    format: z.enum(FORMATS).optional(),
    failOn: z.enum(["error", "warning"]).optional(),
    maxWarnings: z.number().int().min(0).optional(),
  })
  .strict();

/** The config file's content, as validated. */
export type YusuanConfig = z.infer<typeof ConfigSchema>;

/** A config file found and read: its content and where it is (paths in it are relative to `dir`). */
export interface LoadedConfig {
  readonly path: string;
  readonly dir: string;
  /** "yusuan" when the content came from package.json's "yusuan" key. */
  readonly key?: "yusuan";
  readonly config: YusuanConfig;
}

/** The names of a config file, in the order they are looked for in each folder. */
export const CONFIG_FILE = "yusuan.config.json";

/**
 * The nearest config file from `cwd` up: yusuan.config.json, or package.json with a "yusuan" key.
 *
 * @example
 * ```ts
 * findConfig(process.cwd()); // "/home/me/reports/yusuan.config.json" or undefined
 * ```
 */
export function findConfig(cwd: string): { path: string; key?: "yusuan" } | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const own = join(dir, CONFIG_FILE);
    if (existsSync(own)) return { path: own };
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        const data = JSON.parse(readFileSync(pkg, "utf8")) as unknown;
        if (typeof data === "object" && data !== null && Object.hasOwn(data, "yusuan"))
          return { path: pkg, key: "yusuan" };
      } catch {
        // A package.json that is not JSON is not ours to judge.
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Reads and validates a config file (`key`: the package.json key that holds it). Throws a
 * {@link CliError} naming the file and the key for anything wrong.
 *
 * @example
 * ```ts
 * const { config } = readConfig("yusuan.config.json");
 * ```
 */
export function readConfig(path: string, key?: "yusuan"): LoadedConfig {
  const where = key ? `${path}（"${key}"）` : path;
  const whereEn = key ? `${path} ("${key}")` : path;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(
      "cli.usage",
      `配置文件“${path}”无法读取或不是有效的 JSON：${detail}`,
      `The config file "${path}" cannot be read or is not valid JSON: ${detail}`,
      { cause: error },
    );
  }
  if (key) data = (data as Record<string, unknown>)[key];
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = [...(key ? [key] : []), ...issue.path.map(String)].join(".");
    const [zh, en] = issueText(issue);
    throw new CliError(
      "cli.usage",
      `配置文件“${where}”有误：${name ? `“${name}”` : "顶层"}${zh}`,
      `The config file "${whereEn}" is invalid: ${name ? `"${name}"` : "the top level"} ${en}`,
    );
  }
  return { path, dir: dirname(path), ...(key ? { key } : {}), config: parsed.data };
}

function issueText(issue: z.core.$ZodIssue): [string, string] {
  switch (issue.code) {
    case "unrecognized_keys":
      return [
        `有未知的键 ${issue.keys.join("、")}（可用：${Object.keys(ConfigSchema.shape).join("、")}）。`,
        `has unknown key(s) ${issue.keys.join(", ")} (known: ${Object.keys(ConfigSchema.shape).join(", ")}).`,
      ];
    case "invalid_value":
      return [
        `应为${issue.values.map((v) => JSON.stringify(v)).join("、")} 之一。`,
        `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`,
      ];
    case "invalid_type":
      return [`应为${typeName(issue.expected, "zh")}。`, `must be ${typeName(issue.expected, "en")}.`];
    case "too_small":
    case "too_big":
      return [`超出范围（${issue.message}）。`, `is out of range (${issue.message}).`];
    default:
      return [`无效（${issue.message}）。`, `is invalid (${issue.message}).`];
  }
}

function typeName(expected: string, lang: "zh" | "en"): string {
  const zh: Record<string, string> = {
    object: "对象 {…}",
    string: "字符串",
    number: "数字",
    int: "整数",
    record: "对象 {…}",
    array: "数组",
  };
  const en: Record<string, string> = {
    object: "an object {…}",
    string: "a string",
    number: "a number",
    int: "a whole number",
    record: "an object {…}",
    array: "an array",
  };
  return (lang === "zh" ? zh : en)[expected] ?? expected;
}

/**
 * The config that applies in `cwd`: the one `explicit` names, or the nearest found; undefined when
 * there is none.
 *
 * @example
 * ```ts
 * const loaded = loadConfig(process.cwd());
 * if (loaded) console.log(loaded.path, loaded.config.rules);
 * ```
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig | undefined {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path))
      throw new CliError(
        "cli.usage",
        `配置文件“${explicit}”不存在。`,
        `The config file "${explicit}" does not exist.`,
      );
    return readConfig(path, path.endsWith("package.json") ? "yusuan" : undefined);
  }
  const found = findConfig(cwd);
  return found ? readConfig(found.path, found.key) : undefined;
}
