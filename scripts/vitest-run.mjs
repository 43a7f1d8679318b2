// Runs vitest once and counts its results honestly: the JSON report is deleted before the run, so a
// stale report is never read; a missing report, a report older than the run, a suite that failed to
// load, or a non-zero exit status with no failing test in the report (an unhandled error, a crash)
// each count as a failure.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";

/**
 * @param {string[]} args extra vitest arguments (files, --config …)
 * @param {string} report where vitest writes its JSON report
 * @param {{ env?: NodeJS.ProcessEnv, stdio?: "inherit" | "pipe" }} [options]
 * @returns {{ passed: number, failed: number, notes: string[], status: number | null }}
 */
export function runVitest(args, report, options = {}) {
  rmSync(report, { force: true });
  const startedAt = Date.now();
  const r = spawnSync(
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args],
    {
      stdio: options.stdio ?? "inherit",
      env: options.env ?? process.env,
      encoding: "utf8",
    },
  );
  return countResults(r.status, report, startedAt);
}

/**
 * The totals of one vitest run from its exit status and its JSON report.
 *
 * @param {number | null} status vitest's exit status
 * @param {string} report path of the JSON report
 * @param {number} startedAt when the run started (ms since the epoch): an older report is stale
 */
export function countResults(status, report, startedAt) {
  const notes = [];
  if (!existsSync(report)) {
    notes.push(`vitest wrote no report (exit status ${status}); counted as one failure`);
    return { passed: 0, failed: 1, notes, status };
  }
  if (statSync(report).mtimeMs < startedAt - 1000) {
    notes.push("vitest's report is older than this run; counted as one failure");
    return { passed: 0, failed: 1, notes, status };
  }
  let json;
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    notes.push("vitest's report is not valid JSON; counted as one failure");
    return { passed: 0, failed: 1, notes, status };
  }
  const passed = json.numPassedTests ?? 0;
  let failed = (json.numFailedTests ?? 0) + suitesThatFailedToLoad(json);
  const pending = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (pending > 0) notes.push(`${pending} tests were skipped or todo`);
  if ((json.numTotalTests ?? 0) === 0) {
    notes.push("vitest ran no test; counted as one failure");
    failed++;
  }
  if (status !== 0 && failed === 0) {
    notes.push(
      `vitest exited with status ${status} although no test failed (an unhandled error or a crash); counted as one failure`,
    );
    failed++;
  }
  return { passed, failed, notes, status };
}

/** A test file that failed to load has no failing test of its own; count it once as a failure. */
function suitesThatFailedToLoad(json) {
  return (json.testResults ?? []).filter(
    (s) => s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
}
