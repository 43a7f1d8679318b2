#!/usr/bin/env node
// `npm test`: every test of the project in one run — type check, unit, cross-package, CLI end-to-end
// and the add-in in headless Chromium. Ends with one line "N passed, N failed" computed from the
// real results (also written to .test-results/summary.txt for CI).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ensureBrowser } from "./browser-deps.mjs";

const results = ".test-results";
mkdirSync(results, { recursive: true });

function run(label, cmd, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return r.status === 0;
}

function finish(passed, failed) {
  const line = `${passed} passed, ${failed} failed`;
  writeFileSync(`${results}/summary.txt`, line + "\n");
  console.log(`\n${line}`);
  process.exit(failed > 0 ? 1 : 0);
}

if (!ensureBrowser()) finish(0, 1);

let passed = 0;
let failed = 0;
if (!run("build (turbo)", "npx", ["turbo", "run", "build", "--output-logs=errors-only"])) {
  console.error("The build failed; the tests need the built packages (see above).");
  finish(0, 1);
}
if (run("type check (tsc)", "npx", ["tsc", "-p", "tsconfig.json"])) passed++;
else failed++;

const report = `${results}/vitest.json`;
run("tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + suitesThatFailedToLoad(json);
  // A skipped or todo test is not a pass; the project keeps none.
  const pending = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (pending > 0) console.log(`${pending} tests were skipped or todo`);
  if ((json.numTotalTests ?? 0) === 0) failed++;
} else {
  failed++;
}
finish(passed, failed);

/** A test file that failed to load has no failing test of its own; count it once as a failure. */
function suitesThatFailedToLoad(json) {
  return (json.testResults ?? []).filter(
    (s) => s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
}
