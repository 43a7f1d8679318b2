/**
 * `--catalog FILE`: an imported classification catalog, as the JSON `yusuan catalog import` writes,
 * or directly the official CSV/XLSX file.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { CatalogData, Scheme } from "@yusuan/classification";
import { CliError } from "./errors";

/**
 * Reads and validates a catalog file. CSV and XLSX need the year (and take the scheme, default
 * functional); JSON carries both.
 *
 * @example
 * ```ts
 * const data = await loadCatalogFile("2026-functional.json", {});
 * ```
 */
export async function loadCatalogFile(
  path: string,
  options: { year?: number; scheme?: Scheme },
): Promise<CatalogData> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw new CliError(
      "cli.input",
      `无法读取分类目录文件“${path}”。`,
      `Cannot read the catalog file "${path}".`,
    );
  }
  const ext = extname(path).toLowerCase();
  const imp = await import("@yusuan/classification/import");
  const fail = (errors: ReadonlyArray<{ row?: number; message: string; messageEn: string }>): never => {
    const zh = errors
      .slice(0, 5)
      .map((e) => (e.row !== undefined ? `第 ${e.row} 行：${e.message}` : e.message))
      .join("；");
    const en = errors
      .slice(0, 5)
      .map((e) => (e.row !== undefined ? `row ${e.row}: ${e.messageEn}` : e.messageEn))
      .join("; ");
    throw new CliError(
      "cli.input",
      `分类目录文件“${path}”有误：${zh}`,
      `The catalog file "${path}" is invalid: ${en}`,
    );
  };
  if (ext === ".json") {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
    } catch {
      throw new CliError(
        "cli.input",
        `分类目录文件“${path}”不是有效的 JSON。`,
        `The catalog file "${path}" is not valid JSON.`,
      );
    }
    if (
      typeof data !== "object" ||
      data === null ||
      !Array.isArray((data as { entries?: unknown }).entries)
    ) {
      throw new CliError(
        "cli.input",
        `分类目录文件“${path}”不是 yusuan 分类目录 JSON。`,
        `The catalog file "${path}" is not a yusuan catalog JSON.`,
      );
    }
    const checked = imp.validateCatalogData(data as CatalogData, { partial: true });
    if (!checked.ok) fail(checked.errors);
    return data as CatalogData;
  }
  if (ext !== ".csv" && ext !== ".xlsx") {
    throw new CliError(
      "cli.input",
      `分类目录文件“${path}”应为 .json、.csv 或 .xlsx。`,
      `The catalog file "${path}" must be .json, .csv or .xlsx.`,
    );
  }
  if (options.year === undefined) {
    throw new CliError(
      "cli.usage",
      `导入 CSV/XLSX 分类目录“${path}”需要 --year。`,
      `Importing the CSV/XLSX catalog "${path}" needs --year.`,
    );
  }
  const base = { scheme: options.scheme ?? "functional", year: options.year, partial: true } as const;
  const result =
    ext === ".csv"
      ? imp.importCatalogCsv(new TextDecoder().decode(bytes), base)
      : await imp.importCatalogXlsx(bytes, base);
  if (!result.ok) return fail(result.errors);
  return result.data;
}
