import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs, globToRegExp, isGlob } from "./files";

describe("globToRegExp", () => {
  it("matches *, ?, ** and braces like a shell", () => {
    expect(globToRegExp("*.xlsx").test("a.xlsx")).toBe(true);
    expect(globToRegExp("*.xlsx").test("d/a.xlsx")).toBe(false);
    expect(globToRegExp("**/*.xlsx").test("a.xlsx")).toBe(true);
    expect(globToRegExp("**/*.xlsx").test("d/e/a.xlsx")).toBe(true);
    expect(globToRegExp("d/**").test("d/e/a.txt")).toBe(true);
    expect(globToRegExp("预算?.txt").test("预算1.txt")).toBe(true);
    expect(globToRegExp("*.{txt,json}").test("a.json")).toBe(true);
    expect(globToRegExp("*.{txt,json}").test("a.xlsx")).toBe(false);
    expect(globToRegExp("[ab].txt").test("b.txt")).toBe(true);
    expect(globToRegExp("[!ab].txt").test("b.txt")).toBe(false);
    expect(globToRegExp("a+b(1).txt").test("a+b(1).txt")).toBe(true);
  });
  it("tells patterns from paths", () => {
    expect(isGlob("a/*.txt")).toBe(true);
    expect(isGlob("a/b.txt")).toBe(false);
  });
});

describe("expandInputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-files-"));
  mkdirSync(join(dir, "r/sub"), { recursive: true });
  mkdirSync(join(dir, "r/.hidden"), { recursive: true });
  mkdirSync(join(dir, "r/node_modules"), { recursive: true });
  for (const f of [
    "r/b.xlsx",
    "r/a.txt",
    "r/sub/c.json",
    "r/sub/d.pdf",
    "r/notes.md",
    "r/~$b.xlsx",
    "r/.hidden/x.txt",
    "r/node_modules/y.txt",
    "top.txt",
  ]) {
    writeFileSync(join(dir, f), "x");
  }

  it("walks folders for .xlsx, .txt, .json and .pdf in sorted order, lists other files as skipped, leaves hidden and lock files out", () => {
    const got = expandInputs(["r"], dir);
    expect(got).toEqual([
      { kind: "file", path: join("r", "a.txt") },
      { kind: "file", path: join("r", "b.xlsx") },
      { kind: "skipped", path: join("r", "notes.md"), reason: "unsupported-type" },
      { kind: "file", path: join("r", "sub", "c.json") },
      { kind: "file", path: join("r", "sub", "d.pdf") },
    ]);
  });
  it("a pattern's files of another type are skipped too", () => {
    expect(expandInputs(["r/*"], dir)).toEqual([
      { kind: "file", path: "r/a.txt" },
      { kind: "file", path: "r/b.xlsx" },
      { kind: "skipped", path: "r/notes.md", reason: "unsupported-type" },
    ]);
  });
  it("expands globs, keeps argument order and lists each file once", () => {
    const got = expandInputs(["top.txt", "r/**/*.{json,txt}", "r/a.txt"], dir);
    expect(got.map((e) => e.path)).toEqual(["top.txt", "r/a.txt", "r/sub/c.json"]);
  });
  it("reports paths that do not exist and patterns that match nothing", () => {
    expect(expandInputs(["nope.xlsx", "r/*.docx"], dir)).toEqual([
      { kind: "missing", path: "nope.xlsx", reason: "not-found" },
      { kind: "missing", path: "r/*.docx", reason: "no-match" },
    ]);
  });
  it("passes an explicitly named file of any type on (the checker refuses it with a message)", () => {
    expect(expandInputs(["r/notes.md"], dir)).toEqual([{ kind: "file", path: "r/notes.md" }]);
  });
});

describe("yusuan's own files in a folder", () => {
  it("are not inputs: the config file, package.json and waiver files", () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-own-"));
    for (const f of [
      "a.txt",
      "a.txt.yusuan-waivers.json",
      "yusuan.config.json",
      "package.json",
      "model.json",
    ])
      writeFileSync(join(dir, f), "{}");
    expect(expandInputs([dir]).map((e) => e.path.slice(dir.length + 1))).toEqual(["a.txt", "model.json"]);
  });
});
