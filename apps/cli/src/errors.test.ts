import { describe, expect, it } from "vitest";
import { CliError, describeError, exitCodeForError, exitCodeForRun, ExitCode } from "./errors";

describe("exit codes", () => {
  it("maps a run's counts to 0, 1 or 2", () => {
    expect(exitCodeForRun({ unreadable: 0, errors: 0, warnings: 5 })).toBe(ExitCode.ok);
    expect(exitCodeForRun({ unreadable: 0, errors: 1, warnings: 0 })).toBe(ExitCode.findings);
    expect(exitCodeForRun({ unreadable: 1, errors: 0, warnings: 0 })).toBe(ExitCode.usage);
    expect(exitCodeForRun({ unreadable: 1, errors: 4, warnings: 0 })).toBe(2);
  });
  it("fails on warnings only with --fail-on warning", () => {
    expect(exitCodeForRun({ unreadable: 0, errors: 0, warnings: 2 }, "warning")).toBe(1);
    expect(exitCodeForRun({ unreadable: 0, errors: 0, warnings: 0 }, "warning")).toBe(0);
  });
  it("gives 2 for user errors and bugs alike", () => {
    expect(exitCodeForError(new CliError("cli.usage", "x", "x"))).toBe(2);
    expect(exitCodeForError(new TypeError("boom"))).toBe(2);
  });
  it("prints a user error without a stack, a bug with its stack only when debugging", () => {
    expect(describeError(new CliError("cli.usage", "缺少文件", "missing file"), "en", true)).toBe(
      "yusuan: missing file",
    );
    expect(describeError(new CliError("cli.usage", "缺少文件", "missing file"), "zh-CN", false)).toBe(
      "yusuan: 缺少文件",
    );
    const bug = new TypeError("boom");
    expect(describeError(bug, "en", false)).not.toMatch(/\n\s+at /);
    expect(describeError(bug, "en", false)).toContain("boom");
    expect(describeError(bug, "en", true)).toMatch(/\n\s+at /);
  });
});
