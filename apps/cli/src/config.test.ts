import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "./errors";
import { findConfig, loadConfig } from "./config";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "yusuan-config-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function failure(f: () => unknown): CliError {
  try {
    f();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("config file", () => {
  it("is found from the working folder up; the nearest wins, yusuan.config.json before package.json", () => {
    const root = tree({
      "yusuan.config.json": '{"lang":"en"}',
      "a/package.json": '{"name":"a","yusuan":{"format":"json"}}',
      "a/b/package.json": '{"name":"b"}',
      "a/b/c/.keep": "",
    });
    expect(findConfig(join(root, "a/b/c"))).toEqual({ path: join(root, "a/package.json"), key: "yusuan" });
    expect(loadConfig(join(root, "a/b/c"))?.config).toEqual({ format: "json" });
    expect(loadConfig(root)?.config).toEqual({ lang: "en" });
    writeFileSync(join(root, "a/yusuan.config.json"), '{"failOn":"warning"}');
    expect(loadConfig(join(root, "a/b"))?.config).toEqual({ failOn: "warning" });
    expect(loadConfig(join(root, "a/b"), "../../yusuan.config.json")?.config).toEqual({ lang: "en" });
  });

  it("reads rules, severities, catalog, language and format", () => {
    const root = tree({
      "yusuan.config.json": JSON.stringify({
        rules: { F1: "off", "A4.fiscal-sources-blank": "error" },
        catalog: "cat.json",
        lang: "zh",
        format: "sarif",
        maxWarnings: 0,
      }),
    });
    const loaded = loadConfig(root)!;
    expect(loaded.dir).toBe(root);
    expect(loaded.config.rules).toEqual({ F1: "off", "A4.fiscal-sources-blank": "error" });
    expect(loaded.config.maxWarnings).toBe(0);
  });

  it("names the file and the key of a mistake", () => {
    const bad = (text: string, name = "yusuan.config.json") =>
      failure(() => loadConfig(tree({ [name]: text })));
    let e = bad('{"rules":{"F1":"of"}}');
    expect(e.message).toMatch(
      /yusuan\.config\.json”有误：“rules\.F1”应为"off"、"info"、"warning"、"error" 之一/,
    );
    expect(e.messageEn).toContain('"rules.F1" must be one of "off", "info", "warning", "error"');
    e = bad('{"formt":"json"}');
    expect(e.messageEn).toContain("unknown key(s) formt");
    e = bad('{"year":"2025"}');
    expect(e.messageEn).toContain('"year" must be a number');
    e = bad('{"name":"x","yusuan":{"lang":"fr"}}', "package.json");
    expect(e.message).toContain('package.json（"yusuan"）');
    expect(e.messageEn).toContain('"yusuan.lang" must be one of');
    e = bad("{ not json");
    expect(e.message).toContain("不是有效的 JSON");
    expect(failure(() => loadConfig(tmpdir(), "no-such-config.json")).message).toContain(
      "no-such-config.json",
    );
  });
});
