/**
 * A worker thread of `check --jobs N`, in one of two roles (see pool.ts). A reader reads files into
 * grids and hands each, packed, to the checker the main thread named; a checker checks what it is
 * handed and posts the result to the main thread, which orders and prints. Neither throws on a file:
 * an unexpected exception becomes that file's finding.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkInput, readInput, unreadableReport } from "./check-file";
import {
  internalError,
  type CheckDone,
  type CheckJob,
  type ReadDone,
  type ReadJob,
  type WorkerData,
} from "./pool";
import { packGrid, unpackGrid } from "./wire";

const data = workerData as WorkerData;
const { options } = data;
const toMain = (message: ReadDone | CheckDone): void => parentPort?.postMessage(message);

async function read(job: ReadJob): Promise<void> {
  let handed: CheckJob;
  try {
    const input = await readInput(job.path);
    if (!input.ok)
      return toMain({ index: job.index, result: unreadableReport(job.path, input, options.lang) });
    handed = {
      index: job.index,
      path: job.path,
      input:
        input.kind === "grid"
          ? {
              kind: "grid",
              grid: packGrid(input.grid),
              warnings: input.warnings,
              ...(input.sidecar ? { sidecar: input.sidecar } : {}),
            }
          : { kind: "model", value: input.value },
    };
  } catch (error) {
    return toMain({ index: job.index, result: internalError(job.path, error, options.lang) });
  }
  data.ports[job.to]!.postMessage(handed);
  toMain({ index: job.index });
}

async function check(job: CheckJob): Promise<void> {
  let result: CheckDone["result"];
  try {
    const { input } = job;
    result = await checkInput(
      job.path,
      input.kind === "grid" ? { ...input, grid: unpackGrid(input.grid) } : input,
      options,
    );
  } catch (error) {
    result = internalError(job.path, error, options.lang);
  }
  toMain({ index: job.index, result });
}

if (data.role === "reader") parentPort?.on("message", (job: ReadJob) => void read(job));
else for (const port of data.ports) port.on("message", (job: CheckJob) => void check(job));
