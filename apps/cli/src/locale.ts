/**
 * Which language the command line speaks, and commander's own text (help frame, parser errors) in
 * that language. The choice: `--lang`, then the config file's `lang`, then the locale (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`, the first one set). The default is Chinese: a locale counts only when it
 * names a language explicitly, so `C`, `POSIX` and `C.UTF-8` (what containers and CI machines set)
 * keep zh-CN; `zh_*` gives zh-CN, any other language English.
 */
import type { Command, Help, Option } from "commander";
import type { Lang } from "./args";

/**
 * The language a POSIX locale asks for, or undefined when it names none (unset, empty, C, POSIX).
 *
 * @example
 * ```ts
 * langFromEnv({ LANG: "en_US.UTF-8" }); // "en"
 * langFromEnv({ LANG: "zh_CN.UTF-8" }); // "zh-CN"
 * langFromEnv({ LANG: "C.UTF-8" }); // undefined
 * ```
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== "");
  if (locale === undefined) return undefined;
  const language = locale
    .trim()
    .split(/[_.@-]/)[0]!
    .toLowerCase();
  if (language === "" || language === "c" || language === "posix") return undefined;
  return language === "zh" ? "zh-CN" : "en";
}

const TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

const usageWords = (s: string): string =>
  s.replace(/\[options\]/g, "[选项]").replace(/\[command\]/g, "[命令]");

/**
 * Commander's help frame in Chinese: titles, `[options]`/`[command]`, and the default and choices of
 * each option. Applied to the program before its subcommands are added, so that they inherit it.
 *
 * @example
 * ```ts
 * program.configureHelp(chineseHelp());
 * ```
 */
export function chineseHelp(): Partial<Help> {
  return {
    styleTitle: (title: string) => TITLES[title] ?? title,
    styleUsage: (usage: string) => usageWords(usage),
    subcommandTerm(this: Help, cmd: Command): string {
      const args = cmd.registeredArguments
        .map((a) =>
          a.required ? `<${a.name()}${a.variadic ? "..." : ""}>` : `[${a.name()}${a.variadic ? "..." : ""}]`,
        )
        .join(" ");
      return `${cmd.name()}${cmd.aliases()[0] ? `|${cmd.aliases()[0]}` : ""}${cmd.options.length ? " [选项]" : ""}${args ? ` ${args}` : ""}`;
    },
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`可选：${option.argChoices.join("、")}`);
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
      }
      return extra.length > 0 ? `${option.description}（${extra.join("；")}）` : option.description;
    },
  };
}

const ERRORS: ReadonlyArray<readonly [RegExp, (...m: string[]) => string]> = [
  [/^error: unknown option '(.*)'$/, (f) => `错误：未知选项“${f}”`],
  [/^error: unknown command '(.*)'$/, (c) => `错误：未知命令“${c}”`],
  [/^error: missing required argument '(.*)'$/, (a) => `错误：缺少必需的参数 <${a}>`],
  [/^error: option '(.*)' argument missing$/, (o) => `错误：选项 ${o} 缺少值`],
  [/^error: required option '(.*)' not specified$/, (o) => `错误：缺少必需的选项 ${o}`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (o, v, c) => `错误：选项 ${o} 的值“${v}”无效，可选：${c.split(", ").join("、")}`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.(.*)$/,
    (o, v, rest) => `错误：选项 ${o} 的值“${v}”无效。${rest.trim()}`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, e, g) => `错误：${c ? `命令 ${c} 的` : ""}参数过多：应为 ${e} 个，实际 ${g} 个`,
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (list) => `（是否想用：${list.split(", ").join("、")}？）`],
  [/^\(Did you mean (.*)\?\)$/, (s) => `（是否想用 ${s}？）`],
  [/^error: (.*)$/, (rest) => `错误：${rest}`],
];

/**
 * One of commander's error messages in Chinese (each line matched on its own; unknown text is kept).
 *
 * @example
 * ```ts
 * translateParserError("error: unknown option '--bogus'\n"); // "错误：未知选项“--bogus”\n"
 * ```
 */
export function translateParserError(message: string): string {
  return message
    .split("\n")
    .map((line) => {
      for (const [re, to] of ERRORS) {
        const m = re.exec(line);
        if (m) return to(...m.slice(1).map((x) => x ?? ""));
      }
      return line;
    })
    .join("\n");
}
