/**
 * `yusuan build <lines.csv|lines.xlsx>` and `yusuan template`: workbooks of the nine tables.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseLang, parseYear, requireOption } from "../args";
import { CliError, ExitCode, exitCodeForRun } from "../errors";
import type { Io } from "./check";
import { writeOutput } from "../workbook";

/** Options of `build` and `template`. */
export interface BuildCommandOptions {
  department?: string;
  year?: string;
  output?: string;
  kind?: string;
  lang?: string;
}

function workbookOptions(opts: BuildCommandOptions): {
  department: string;
  year: number;
  kind: "部门" | "单位";
  output: string;
} {
  const department = requireOption(opts.department?.trim(), "--department");
  const year = parseYear(requireOption(opts.year, "--year"));
  const output = requireOption(opts.output, "-o/--output");
  if (extname(output).toLowerCase() !== ".xlsx")
    throw new CliError(
      "cli.usage",
      `输出文件应为 .xlsx，而不是“${output}”。`,
      `The output must be .xlsx, not "${output}".`,
    );
  const kind =
    opts.kind === undefined || opts.kind === "部门" || opts.kind === "department"
      ? "部门"
      : opts.kind === "单位" || opts.kind === "unit"
        ? "单位"
        : undefined;
  if (!kind)
    throw new CliError(
      "cli.usage",
      `--kind 应为 部门 或 单位，而不是“${opts.kind}”。`,
      `--kind must be 部门 or 单位, not "${opts.kind}".`,
    );
  return { department, year, kind, output };
}

/**
 * The first sheet of a workbook as CSV text (cells as displayed), for the budget-lines reader.
 *
 * @example
 * ```ts
 * const text = await firstSheetAsCsv(bytes, "lines.xlsx");
 * ```
 */
export async function firstSheetAsCsv(bytes: Uint8Array, name: string): Promise<string> {
  const { readXlsx } = await import("@yusuan/xlsx");
  const r = await readXlsx(bytes, name);
  if (!r.ok) throw new CliError("cli.input", r.message, r.messageEn);
  const sheet = r.grid.sheets.find((s) => !s.hidden) ?? r.grid.sheets[0];
  if (!sheet) return "";
  const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return sheet.rows.map((row) => Array.from(row, (c) => quote(c?.text ?? "")).join(",")).join("\n");
}

/**
 * Runs `build`: budget lines → the nine tables.
 *
 * @example
 * ```ts
 * await runBuild("lines.csv", { department: "某某局", year: "2026", output: "2026.xlsx" }, io);
 * ```
 */
export async function runBuild(input: string, opts: BuildCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const en = lang === "en";
  const o = workbookOptions(opts);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input));
  } catch {
    throw new CliError("cli.input", `无法读取文件“${input}”。`, `Cannot read file "${input}".`);
  }
  const ext = extname(input).toLowerCase();
  let text: string;
  if (ext === ".xlsx") text = await firstSheetAsCsv(bytes, input);
  else if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    const { readTextDocument } = await import("@yusuan/disclosure");
    // The text reader detects UTF-8 or GB18030, as Excel's "CSV" exports are often the latter.
    const decoded = readTextDocument(bytes, input);
    if (!decoded.ok) throw new CliError("cli.input", decoded.message, decoded.messageEn);
    text = new TextDecoder(decoded.encoding === "gb18030" ? "gb18030" : "utf-8")
      .decode(bytes)
      .replace(/^\uFEFF/, "");
  } else {
    throw new CliError(
      "cli.usage",
      `预算明细应为 .csv 或 .xlsx，而不是“${input}”。`,
      `The budget lines must be .csv or .xlsx, not "${input}".`,
    );
  }
  const { parseBudgetLinesCsv, buildWorkbook } = await import("@yusuan/disclosure");
  const parsed = parseBudgetLinesCsv(text);
  if (!parsed.ok) {
    const lines = parsed.errors
      .slice(0, 20)
      .map((e) => (en ? `  line ${e.line}: ${e.messageEn}` : `  第 ${e.line} 行：${e.message}`));
    throw new CliError(
      "cli.input",
      `预算明细“${input}”有误：\n${lines.join("\n")}`,
      `The budget lines in "${input}" have errors:\n${lines.join("\n")}`,
    );
  }
  const built = buildWorkbook(parsed.lines, { department: o.department, year: o.year, kind: o.kind });
  if (!built.ok)
    throw new CliError(
      "cli.input",
      `无法生成预算表：${built.errors.join("；")}`,
      `Cannot build the tables: ${built.errors.join("; ")}`,
    );
  const { writeWorkbook } = await import("@yusuan/xlsx");
  await writeOutput(o.output, await writeWorkbook(built.workbook), { backup: false });
  for (const f of built.findings) io.stdout.write(`${f.severity}  ${f.message}\n`);
  io.stdout.write(
    en
      ? `Built the nine tables from ${parsed.lines.length} budget lines: ${o.output}\n`
      : `已由 ${parsed.lines.length} 条预算明细生成九张预算表：“${o.output}”\n`,
  );
  return exitCodeForRun({
    unreadable: 0,
    errors: built.findings.filter((f) => f.severity === "error").length,
    warnings: built.findings.filter((f) => f.severity === "warning").length,
  });
}

/**
 * Runs `template`: an empty workbook of the nine tables with their formulas.
 *
 * @example
 * ```ts
 * await runTemplate({ department: "某某局", year: "2026", output: "2026.xlsx" }, io);
 * ```
 */
export async function runTemplate(opts: BuildCommandOptions, io: Io): Promise<ExitCode> {
  const lang = parseLang(opts.lang);
  const o = workbookOptions(opts);
  const { templateWorkbook } = await import("@yusuan/disclosure");
  const { writeWorkbook } = await import("@yusuan/xlsx");
  await writeOutput(
    o.output,
    await writeWorkbook(templateWorkbook({ department: o.department, year: o.year, kind: o.kind })),
    { backup: false },
  );
  io.stdout.write(lang === "en" ? `Template written: ${o.output}\n` : `已写出模板：“${o.output}”\n`);
  return ExitCode.ok;
}
