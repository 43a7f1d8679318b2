/**
 * `yusuan convert IN -o OUT`: a text document or a published PDF to a workbook (one sheet per table,
 * the narrative on a sheet of its own), a text document, PDF or workbook to the recognised model as
 * JSON, and a PDF to TAB-separated text (`--to text`).
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
  /** xlsx, json or text; by default from the output's extension. */
  to?: string;
  lang?: string;
}

type Target = "xlsx" | "json" | "text";

function targetOf(opts: ConvertCommandOptions): Target {
  if (opts.to !== undefined) {
    const to = opts.to.toLowerCase();
    if (to === "xlsx" || to === "json" || to === "text") return to;
    throw new CliError(
      "cli.usage",
      `--to 应为 xlsx、json 或 text，而不是“${opts.to}”。`,
      `--to must be xlsx, json or text, not "${opts.to}".`,
    );
  }
  const out = opts.output;
  if (!out)
    throw new CliError(
      "cli.usage",
      "convert 需要 -o 指定输出文件（.xlsx、.json 或 .txt），或 --to text。",
      "convert needs -o with the output file (.xlsx, .json or .txt), or --to text.",
    );
  const ext = extname(out).toLowerCase();
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".json") return "json";
  if (ext === ".txt") return "text";
  throw new CliError(
    "cli.usage",
    `输出文件应为 .xlsx、.json 或 .txt，而不是“${out}”。`,
    `The output must be .xlsx, .json or .txt, not "${out}".`,
  );
}

/**
 * Runs `convert`.
 *
 * @example
 * ```ts
 * await runConvert("examples/sample.txt", { output: "examples/sample.xlsx" }, io);
 * await runConvert("budget.pdf", { to: "text" }, io); // TAB text on standard output
 * ```
 */
export async function runConvert(input: string, opts: ConvertCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const out = opts.output;
  const target = targetOf(opts);
  if (!out && target !== "text")
    throw new CliError(
      "cli.usage",
      "convert 需要 -o 指定输出文件。",
      "convert needs -o with the output file.",
    );
  const read = await readInput(input);
  if (!read.ok) throw new CliError("cli.input", read.message, read.messageEn);
  if (read.kind !== "grid")
    throw new CliError(
      "cli.usage",
      "convert 的输入应为 .txt、.pdf 或 .xlsx。",
      "The input of convert must be .txt, .pdf or .xlsx.",
    );
  if (target === "text") {
    if (read.format !== "pdf")
      throw new CliError("cli.usage", "只有 PDF 可以转换为文本。", "Only a PDF can be converted to text.");
    const { gridToText } = await import("@yusuan/pdf");
    const text = gridToText(read.grid);
    if (!out) {
      io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
      return ExitCode.ok;
    }
    await writeOutput(out, new TextEncoder().encode(text), { backup: false });
  } else if (target === "xlsx") {
    if (read.format === "xlsx")
      throw new CliError(
        "cli.usage",
        "只有文本文档或 PDF 可以转换为工作簿。",
        "Only a text document or a PDF can be converted to a workbook.",
      );
    await writeOutput(out!, await textToWorkbook(read.grid), { backup: false });
  } else {
    const { analyze } = await import("@yusuan/disclosure");
    const { disclosure } = analyze(read.grid, { lang });
    await writeOutput(out!, new TextEncoder().encode(`${JSON.stringify(disclosure, null, 2)}\n`), {
      backup: false,
    });
  }
  io.stdout.write(lang === "en" ? `Written ${out}.\n` : `已写出“${out}”。\n`);
  return ExitCode.ok;
}
