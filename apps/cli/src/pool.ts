/**
 * Checking many files: in the main thread (one job) or in a pool of worker threads, with results
 * delivered in input order as soon as each is ready, and only a bounded number held back.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkFile, unreadableReport, type FileResult, type RunOptions } from "./check-file";

/**
 * Checks a file, turning an unexpected exception (a bug, not the user's data) into a finding on
 * that file so that the other files are still checked.
 *
 * @example
 * ```ts
 * const result = await checkSafely("a.xlsx", { lang: "zh-CN", showWaived: false });
 * ```
 */
export async function checkSafely(path: string, options: RunOptions): Promise<FileResult> {
  try {
    return await checkFile(path, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (process.env.YUSUAN_DEBUG === "1" && error instanceof Error) process.stderr.write(`${error.stack ?? detail}\n`);
    return unreadableReport(
      path,
      {
        code: "input.unreadable",
        message: `检查文件“${path}”时发生内部错误：${detail}（请报告此问题）。`,
        messageEn: `Internal error while checking file "${path}": ${detail} (please report it).`,
      },
      options.lang,
    );
  }
}

const SLOTS_PER_WORKER = 2;

/** The worker script next to this module when built; absent when running from source. */
function workerScript(): string | undefined {
  const url = new URL("./worker.js", import.meta.url);
  if (url.protocol !== "file:") return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) && import.meta.url.endsWith(".js") ? path : undefined;
}

/**
 * Checks `paths` with `jobs` workers (the main thread itself when `jobs` is 1, there is one file, or
 * no built worker script), calling `onResult` in input order. At most `jobs × 4` finished results
 * wait for an earlier slow file, so memory stays flat however many files there are.
 *
 * @example
 * ```ts
 * await runChecks(["a.xlsx", "b.txt"], options, 2, (i, r) => print(r.report));
 * ```
 */
export async function runChecks(
  paths: readonly string[],
  options: RunOptions,
  jobs: number,
  onResult: (index: number, result: FileResult) => void,
): Promise<void> {
  const script = workerScript();
  const workers = Math.min(Math.max(1, jobs), paths.length);
  if (workers <= 1 || !script) {
    // Two files in flight: the next file is read from disk while the current one is checked.
    const pending: Promise<FileResult>[] = [];
    let started = 0;
    const start = (): void => {
      if (started < paths.length) pending.push(checkSafely(paths[started++]!, options));
    };
    start();
    start();
    for (let i = 0; i < paths.length; i++) {
      const result = await pending.shift()!;
      start();
      onResult(i, result);
    }
    return;
  }
  const { Worker } = await import("node:worker_threads");
  const window = workers * 4;
  const ready = new Map<number, FileResult>();
  let next = 0;
  let dispatched = 0;
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: options }));
  try {
    await new Promise<void>((resolve, reject) => {
      const dispatch = (worker: InstanceType<typeof Worker>): boolean => {
        if (dispatched >= paths.length || dispatched >= next + window) return false;
        worker.postMessage({ index: dispatched, path: paths[dispatched] });
        dispatched++;
        return true;
      };
      const idle: InstanceType<typeof Worker>[] = [];
      const flush = (): void => {
        while (ready.has(next)) {
          const r = ready.get(next)!;
          ready.delete(next);
          onResult(next, r);
          next++;
        }
        while (idle.length > 0 && dispatch(idle[idle.length - 1]!)) idle.pop();
        if (next >= paths.length) resolve();
      };
      for (const worker of pool) {
        worker.on("message", (msg: { index: number; result: FileResult }) => {
          ready.set(msg.index, msg.result);
          if (!dispatch(worker)) idle.push(worker);
          try {
            flush();
          } catch (error) {
            reject(error);
          }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (next < paths.length && code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
        });
        // Two jobs per worker (each entry of `idle` is a free slot), so that a worker reads its next
        // file while it checks the current one.
        for (let slot = 0; slot < SLOTS_PER_WORKER; slot++) if (!dispatch(worker)) idle.push(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
