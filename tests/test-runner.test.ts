// The test runner's own honesty: scripts/vitest-run.mjs must count a failing test, an unhandled
// rejection that vitest only reports through its exit status, and a missing or stale report.
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
// @ts-expect-error -- a plain .mjs script of the repository, without type declarations
import { countResults, runVitest } from "../scripts/vitest-run.mjs";

type Totals = { passed: number; failed: number; notes: string[]; status: number | null };
const config = "tests/fixtures/runner/vitest.config.mjs";

function runFixture(name: string): Totals {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-runner-"));
  return runVitest(["--config", config], join(dir, "report.json"), {
    stdio: "pipe",
    env: { ...process.env, YUSUAN_RUNNER_FIXTURE: `${name}.fixture.ts` },
  }) as Totals;
}

describe("scripts/vitest-run.mjs", () => {
  test("a passing suite counts its tests and no failure", () => {
    const r = runFixture("passing");
    expect(r.status).toBe(0);
    expect([r.passed, r.failed]).toEqual([1, 0]);
  });

  test("a failing test is counted", () => {
    const r = runFixture("failing");
    expect(r.status).not.toBe(0);
    expect([r.passed, r.failed]).toEqual([1, 1]);
  });

  test("a leaked rejection fails the run although every test passed", () => {
    const r = runFixture("leaking");
    expect(r.status).not.toBe(0);
    expect(r.passed).toBe(1);
    expect(r.failed).toBe(1);
    expect(r.notes.join("\n")).toContain("although no test failed");
  });

  test("a missing report is a failure", () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-runner-"));
    const r = countResults(0, join(dir, "none.json"), Date.now()) as Totals;
    expect([r.passed, r.failed]).toEqual([0, 1]);
  });

  test("a report older than the run is stale and a failure, whatever it says", () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-runner-"));
    const report = join(dir, "report.json");
    writeFileSync(
      report,
      JSON.stringify({ numPassedTests: 500, numFailedTests: 0, numTotalTests: 500, testResults: [] }),
    );
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(report, old, old);
    const r = countResults(0, report, Date.now()) as Totals;
    expect([r.passed, r.failed]).toEqual([0, 1]);
    expect(r.notes.join("\n")).toContain("older than this run");
  });
});
