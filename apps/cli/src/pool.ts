/**
 * Checking many files: in the main thread (one job) or in worker threads arranged as a pipeline,
 * with results delivered in input order as soon as each is ready, and only a bounded number held
 * back.
 *
 * With N jobs, ⌊N/2⌋ threads read files (unzip, parse, build the grid) and the others check the
 * grids they are handed. Each thread runs, and has V8 compile, only its stage's code. V8's optimising
 * compiler works per thread; with every thread running all the code, each paid the compilation of
 * all of it (about 2 s of CPU per thread for a batch of workbooks), which cost as much as the second
 * thread gained on a 2-core machine. Passing a grid between the stages costs well under 1 ms.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { MessagePort, Worker as WorkerThread } from "node:worker_threads";
import {
  checkFile,
  unreadableReport,
  type FileResult,
  type ReadWarning,
  type RunOptions,
  type SidecarWaivers,
} from "./check-file";
import type { PackedGrid } from "./wire";

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
    return internalError(path, error, options.lang);
  }
}

/**
 * The result of a file whose check threw: an `input.unreadable` finding asking for a report, and
 * the stack on stderr when `YUSUAN_DEBUG=1`.
 *
 * @example
 * ```ts
 * const result = internalError("a.xlsx", new Error("boom"), "zh-CN");
 * ```
 */
export function internalError(path: string, error: unknown, lang: RunOptions["lang"]): FileResult {
  const detail = error instanceof Error ? error.message : String(error);
  if (process.env.YUSUAN_DEBUG === "1" && error instanceof Error)
    process.stderr.write(`${error.stack ?? detail}\n`);
  return unreadableReport(
    path,
    {
      code: "input.unreadable",
      message: `检查文件“${path}”时发生内部错误：${detail}（请报告此问题）。`,
      messageEn: `Internal error while checking file "${path}": ${detail} (please report it).`,
    },
    lang,
  );
}

/** Files a reader holds at once: one being parsed while the next is read from disk. */
const READ_SLOTS = 4;
/** Grids waiting for (or in) one checking thread; bounds the memory held between the stages. */
const CHECK_SLOTS = 6;

/** What a worker thread is started with: its role, and its ports to the other stage (a reader's to every checker, a checker's from every reader). */
export interface WorkerData {
  readonly role: "reader" | "checker";
  readonly options: RunOptions;
  readonly ports: readonly MessagePort[];
}

/** Main thread → reader: read `path` and hand it to checker `to`. */
export interface ReadJob {
  readonly index: number;
  readonly path: string;
  readonly to: number;
}

/** Reader → checker: a file read into memory. */
export interface CheckJob {
  readonly index: number;
  readonly path: string;
  readonly input:
    | {
        readonly kind: "grid";
        readonly grid: PackedGrid;
        readonly warnings: readonly ReadWarning[];
        readonly sidecar?: SidecarWaivers;
      }
    | { readonly kind: "model"; readonly value: unknown };
}

/** Reader → main thread: done with a file; `result` when it could not be read (it goes no further). */
export interface ReadDone {
  readonly index: number;
  readonly result?: FileResult;
}

/** Checker → main thread: a file's result. */
export interface CheckDone {
  readonly index: number;
  readonly result: FileResult;
}

/** The worker script next to this module when built; absent when running from source. */
function workerScript(): string | undefined {
  const url = new URL("./worker.js", import.meta.url);
  if (url.protocol !== "file:") return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) && import.meta.url.endsWith(".js") ? path : undefined;
}

/**
 * How `jobs` threads are split between reading and checking: ⌊jobs/2⌋ readers (at least one), the
 * rest check (checking a file costs a little more than reading it).
 *
 * @example
 * ```ts
 * stages(2); // { readers: 1, checkers: 1 }
 * stages(5); // { readers: 2, checkers: 3 }
 * ```
 */
export function stages(jobs: number): { readers: number; checkers: number } {
  const readers = Math.max(1, Math.floor(jobs / 2));
  return { readers, checkers: Math.max(1, jobs - readers) };
}

/**
 * Checks `paths` with `jobs` threads (the main thread itself when `jobs` is 1, there is one file, or
 * no built worker script), calling `onResult` in input order. At most `jobs × 8` files are between
 * dispatch and delivery, so memory stays flat however many files there are.
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
  if (Math.min(jobs, paths.length) <= 1 || !script) {
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
  const { Worker, MessageChannel } = await import("node:worker_threads");
  const { readers: readerCount, checkers: checkerCount } = stages(Math.min(jobs, paths.length));
  // One channel from every reader to every checker: grids go straight to the checker, not through here.
  const channels = Array.from({ length: readerCount }, () =>
    Array.from({ length: checkerCount }, () => new MessageChannel()),
  );
  const start = (data: WorkerData): WorkerThread =>
    new Worker(script, { workerData: data, transferList: [...data.ports] });
  const readers = channels.map((row) => start({ role: "reader", options, ports: row.map((c) => c.port1) }));
  const checkers = Array.from({ length: checkerCount }, (_, k) =>
    start({ role: "checker", options, ports: channels.map((row) => row[k]!.port2) }),
  );
  const readerLoad = new Array<number>(readerCount).fill(0);
  const checkerLoad = new Array<number>(checkerCount).fill(0);
  const checkerOf = new Map<number, number>();
  const window = (readerCount + checkerCount) * 8;
  const ready = new Map<number, FileResult>();
  let next = 0;
  let dispatched = 0;
  const leastLoaded = (loads: number[], cap: number): number => {
    let best = -1;
    for (let i = 0; i < loads.length; i++)
      if (loads[i]! < cap && (best < 0 || loads[i]! < loads[best]!)) best = i;
    return best;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const flush = (): void => {
        while (ready.has(next)) {
          const r = ready.get(next)!;
          ready.delete(next);
          onResult(next, r);
          next++;
        }
        while (dispatched < paths.length && dispatched < next + window) {
          const r = leastLoaded(readerLoad, READ_SLOTS);
          const c = leastLoaded(checkerLoad, CHECK_SLOTS);
          if (r < 0 || c < 0) break;
          readerLoad[r]!++;
          checkerLoad[c]!++;
          checkerOf.set(dispatched, c);
          readers[r]!.postMessage({ index: dispatched, path: paths[dispatched]!, to: c } satisfies ReadJob);
          dispatched++;
        }
        if (next >= paths.length) resolve();
      };
      const settle = (index: number, result: FileResult): void => {
        const c = checkerOf.get(index);
        if (c !== undefined) checkerLoad[c]!--;
        checkerOf.delete(index);
        ready.set(index, result);
      };
      const guarded = (f: () => void): void => {
        try {
          f();
          flush();
        } catch (error) {
          reject(error);
        }
      };
      readers.forEach((w, r) => {
        w.on("message", (msg: ReadDone) =>
          guarded(() => {
            readerLoad[r]!--;
            if (msg.result) settle(msg.index, msg.result);
          }),
        );
      });
      for (const w of checkers) {
        w.on("message", (msg: CheckDone) => guarded(() => settle(msg.index, msg.result)));
      }
      for (const w of [...readers, ...checkers]) {
        w.on("error", reject);
        w.on("exit", (code) => {
          if (next < paths.length && code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
        });
      }
      flush();
    });
  } finally {
    await Promise.all([...readers, ...checkers].map((w) => w.terminate()));
  }
}
