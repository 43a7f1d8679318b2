/**
 * Shared steps of `fill`, `convert` and the examples script: a text document as a workbook with one
 * sheet per recognised table, and writing files atomically.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Grid } from "@yusuan/disclosure";
import type { AtomicFs, AtomicReport } from "@yusuan/xlsx";
import { CliError } from "./errors";

/**
 * The sheets a text document's tables become: each recognised table's rows (0-based, inclusive, on
 * the text sheet) under the name "T1 财务收支预算总表" etc.
 *
 * @example
 * ```ts
 * const split = await tableSplit(grid); // [{ sheetName: "T1 财务收支预算总表", rows: [120, 140] }, …]
 * ```
 */
export async function tableSplit(
  grid: Grid,
): Promise<{ sheetName: string; rows: readonly [number, number] }[]> {
  const { analyze, TABLE_DEFINITIONS } = await import("@yusuan/disclosure");
  const { disclosure } = analyze(grid);
  const split: { sheetName: string; rows: readonly [number, number] }[] = [];
  for (const def of TABLE_DEFINITIONS) {
    const t = disclosure.tables[def.id];
    if (!t) continue;
    split.push({ sheetName: `${def.id} ${def.name}`.slice(0, 31), rows: [t.rows[0], t.rows[1]] });
  }
  return split;
}

/**
 * A text document's grid as .xlsx bytes, split by its tables.
 *
 * @example
 * ```ts
 * const bytes = await textToWorkbook(grid);
 * ```
 */
export async function textToWorkbook(grid: Grid): Promise<Uint8Array> {
  const { gridToWorkbook } = await import("@yusuan/xlsx");
  return gridToWorkbook(grid, await tableSplit(grid));
}

/**
 * The file system `writeFileAtomic` uses. Under `YUSUAN_TEST_FAIL_WRITE=1` (tests only) the temporary
 * file is written half and then the write fails, as a full disk or a killed process would.
 */
async function atomicFs(): Promise<AtomicFs | undefined> {
  if (process.env.YUSUAN_TEST_FAIL_WRITE !== "1") return undefined;
  const fsp = await import("node:fs/promises");
  return {
    ...fsp,
    open: async (path: string, flags: string, mode?: number) => {
      const handle = await fsp.open(path, flags, mode);
      return {
        write: async (data: Uint8Array, offset = 0, length = data.length - offset) => {
          await handle.write(data, offset, Math.floor(length / 2));
          throw Object.assign(new Error("simulated failure in the middle of writing"), { code: "EIO" });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      } as unknown as Awaited<ReturnType<AtomicFs["open"]>>;
    },
  };
}

/**
 * Writes a file atomically (temporary file, fsync, rename), with a `.bak` copy of what it replaces
 * when `backup` (an existing .bak is kept), following a symbolic link and refusing a read-only
 * file; missing folders of the path are created. A failure is a {@link CliError} saying the original is untouched.
 *
 * @example
 * ```ts
 * await writeOutput("预算.xlsx", bytes, { backup: true });
 * ```
 */
export async function writeOutput(
  path: string,
  data: Uint8Array,
  options: { backup: boolean },
): Promise<AtomicReport> {
  const { writeFileAtomic, AtomicWriteRefused } = await import("@yusuan/xlsx");
  const fs = await atomicFs();
  try {
    // -o into a folder that does not exist yet: create it, as compilers and linters do.
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new CliError(
      "cli.output",
      `无法建立输出文件夹“${dirname(path)}”。`,
      `Cannot create the output folder "${dirname(path)}".`,
      { cause: error },
    );
  }
  try {
    return await writeFileAtomic(path, data, { backup: options.backup, ...(fs ? { fs } : {}) });
  } catch (error) {
    if (error instanceof AtomicWriteRefused)
      throw new CliError("cli.output", error.message, error.messageEn, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(
      "cli.output",
      `写入“${path}”失败：${detail}。原文件未被改动。`,
      `Writing "${path}" failed: ${detail}. The original file was not changed.`,
      { cause: error },
    );
  }
}
