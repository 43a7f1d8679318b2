/**
 * `yusuan convert IN -o OUT`: a text document to a workbook (one sheet per table), or a text document
 * or workbook to the recognised model as JSON.
 */
import { extname } from "node:path";
import { parseLang } from "../args";
import { readInput } from "../check-file";
import { CliError, ExitCode } from "../errors";
import type { Io } from "./check";
import { textToWorkbook, writeOutput } from "../workbook";

/** Options of `convert`. */
export interface ConvertCommandOptions {
  output?: string;
  lang?: string;
}

/**
 * Runs `convert`.
 *
 * @example
 * ```ts
 * await runConvert("examples/sample.txt", { output: "examples/sample.xlsx" }, io);
 * ```
 */
export async function runConvert(input: string, opts: ConvertCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const out = opts.output;
  if (!out) throw new CliError("cli.usage", "convert 需要 -o 指定输出文件（.xlsx 或 .json）。", "convert needs -o with the output file (.xlsx or .json).");
  const outExt = extname(out).toLowerCase();
  if (outExt !== ".xlsx" && outExt !== ".json") throw new CliError("cli.usage", `输出文件应为 .xlsx 或 .json，而不是“${out}”。`, `The output must be .xlsx or .json, not "${out}".`);
  const read = await readInput(input);
  if (!read.ok) throw new CliError("cli.input", read.message, read.messageEn);
  if (read.kind !== "grid") throw new CliError("cli.usage", "convert 的输入应为 .txt 或 .xlsx。", "The input of convert must be .txt or .xlsx.");
  if (outExt === ".xlsx") {
    if (read.format !== "text") throw new CliError("cli.usage", "只有文本文档可以转换为工作簿。", "Only a text document can be converted to a workbook.");
    await writeOutput(out, await textToWorkbook(read.grid), { backup: false });
  } else {
    const { analyze } = await import("@yusuan/disclosure");
    const { disclosure } = analyze(read.grid, { lang });
    await writeOutput(out, new TextEncoder().encode(`${JSON.stringify(disclosure, null, 2)}\n`), { backup: false });
  }
  io.stdout.write(lang === "en" ? `Written ${out}.\n` : `已写出“${out}”。\n`);
  return ExitCode.ok;
}
