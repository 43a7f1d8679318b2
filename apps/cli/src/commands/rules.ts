/**
 * `yusuan rules` lists every rule of the registry (id, severity, title; `--format json` for tools), and
 * `yusuan explain <id>` prints one rule's page: what it checks and why, its message and its examples —
 * the same text as docs/rules/<id>.md, in the chosen language.
 */
import { parseLang } from "../args";
import { CliError, ExitCode } from "../errors";
import type { Io } from "./check";

/** Options of `rules`. */
export interface RulesCommandOptions {
  format?: string;
  lang?: string;
}

/** Options of `explain`. */
export interface ExplainCommandOptions {
  lang?: string;
}

/**
 * Runs `rules`: one line per rule (`id  severity  title`), or a JSON array with `--format json`.
 *
 * @example
 * ```ts
 * await runRules({ format: "json" }, io); // [{ "id": "A1.parent-sum", "severity": "error", … }, …]
 * ```
 */
export async function runRules(opts: RulesCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") {
    throw new CliError(
      "cli.usage",
      `--format 应为 text 或 json，而不是“${format}”。`,
      `--format must be text or json, not "${format}".`,
    );
  }
  const { RULES, ruleDocUrl } = await import("@yusuan/disclosure");
  if (format === "json") {
    const list = RULES.map((r) => ({
      id: r.id,
      severity: r.severity,
      source: r.source ?? "check",
      title: r.title[lang],
      description: r.description[lang],
      helpUri: ruleDocUrl(r.id),
    }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return ExitCode.ok;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title[lang]}`);
  io.stdout.write(`${lines.join("\n")}\n`);
  return ExitCode.ok;
}

/**
 * Runs `explain`: prints one rule's page. An id no rule has is a usage error (exit 2).
 *
 * @example
 * ```ts
 * await runExplain("A3.row-identity", { lang: "en" }, io);
 * ```
 */
export async function runExplain(id: string, opts: ExplainCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const { ruleSpec, renderRuleDoc, ruleDocUrl } = await import("@yusuan/disclosure");
  const spec = ruleSpec(id.trim());
  if (!spec) {
    throw new CliError(
      "cli.usage",
      `没有编号为“${id}”的规则；yusuan rules 列出全部规则。`,
      `No rule has the id "${id}"; yusuan rules lists them all.`,
    );
  }
  io.stdout.write(`${renderRuleDoc(spec, lang)}\n${ruleDocUrl(spec.id)}\n`);
  return ExitCode.ok;
}
