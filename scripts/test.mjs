#!/usr/bin/env node
// `npm test`: every test of the project in one run — type check, lint and format, unit, cross-package, CLI end-to-end
// and the add-in in headless Chromium. Ends with one line "N passed, N failed" computed from the
// real results (also written to .test-results/summary.txt for CI).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { ensureBrowser } from "./browser-deps.mjs";
import { runVitest } from "./vitest-run.mjs";

const results = ".test-results";
mkdirSync(results, { recursive: true });
// A summary left by an earlier run must never be read as this run's.
rmSync(`${results}/summary.txt`, { force: true });

function run(label, cmd, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return r.status === 0;
}

function finish(passed, failed) {
  const line = `${passed} passed, ${failed} failed`;
  writeFileSync(`${results}/summary.txt`, `${line}\n`);
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
// Lint and format are one check: `npm run format` fixes what it can, the rest names file and line.
if (run("lint and format (biome)", "npx", ["biome", "check", "--error-on-warnings", "."])) passed++;
else failed++;

process.stdout.write("\n▶ tests (vitest)\n");
const vitest = runVitest([], `${results}/vitest.json`);
passed += vitest.passed;
failed += vitest.failed;
for (const note of vitest.notes) console.log(note);
finish(passed, failed);
