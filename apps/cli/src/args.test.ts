import { describe, expect, it } from "vitest";
import { availableParallelism } from "node:os";
import {
  langFromArgv,
  parseFailOn,
  parseFormat,
  parseIdList,
  parseJobs,
  parseLang,
  parseYear,
  requireOption,
} from "./args";
import { CliError } from "./errors";

describe("option values", () => {
  it("maps --lang zh to zh-CN and en to en, and refuses others", () => {
    expect(parseLang("zh")).toBe("zh-CN");
    expect(parseLang("ZH-cn")).toBe("zh-CN");
    expect(parseLang("en")).toBe("en");
    expect(parseLang(undefined)).toBe("zh-CN");
    expect(() => parseLang("fr")).toThrow(CliError);
  });
  it("finds --lang anywhere on the command line", () => {
    expect(langFromArgv(["check", "a", "--lang", "en"])).toBe("en");
    expect(langFromArgv(["check", "--lang=en", "a"])).toBe("en");
    expect(langFromArgv(["check", "a"])).toBe("zh-CN");
    expect(langFromArgv(["--lang", "xx"])).toBe("zh-CN");
  });
  it("splits rule lists on ASCII and full-width commas", () => {
    expect(parseIdList("A3, B1.total，D")).toEqual(["A3", "B1.total", "D"]);
    expect(() => parseIdList(" , ")).toThrow(/at least one|至少/);
    expect(() => parseIdList("A3;rm -rf")).toThrow(CliError);
  });
  it("takes four-digit years in range", () => {
    expect(parseYear("2025")).toBe(2025);
    expect(() => parseYear("25")).toThrow(CliError);
    expect(() => parseYear("3025")).toThrow(CliError);
  });
  it("defaults --jobs to the cores and refuses nonsense", () => {
    expect(parseJobs(undefined)).toBe(availableParallelism());
    expect(parseJobs("1")).toBe(1);
    const notes: string[] = [];
    expect(parseJobs(String(availableParallelism() + 1), (_zh, en) => notes.push(en))).toBe(
      availableParallelism(),
    );
    expect(notes).toEqual([
      `--jobs ${availableParallelism() + 1} is more than this machine's ${availableParallelism()} cores; running with ${availableParallelism()}.`,
    ]);
    expect(parseJobs("256")).toBe(availableParallelism());
    expect(() => parseJobs("0")).toThrow(CliError);
    expect(() => parseJobs("two")).toThrow(CliError);
  });
  it("checks --format and --fail-on", () => {
    expect(parseFormat(undefined)).toBe("text");
    expect(parseFormat("SARIF")).toBe("sarif");
    expect(() => parseFormat("pdf")).toThrow(CliError);
    expect(parseFailOn("warning")).toBe("warning");
    expect(() => parseFailOn("info")).toThrow(CliError);
  });
  it("says which required option is missing", () => {
    expect(() => requireOption(undefined, "--department")).toThrow(/--department/);
    expect(requireOption("x", "--department")).toBe("x");
  });
});
