/**
 * A worker thread of `check --jobs N`: reads and checks the files the main thread sends, one at a
 * time, and posts each file's result back. The main thread orders and prints.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkSafely } from "./pool";
import type { RunOptions } from "./check-file";

const options = workerData as RunOptions;

parentPort?.on("message", (job: { index: number; path: string }) => {
  void checkSafely(job.path, options).then((result) => parentPort?.postMessage({ index: job.index, result }));
});
