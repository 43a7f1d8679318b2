/**
 * End-to-end: `yusuan rules` and `yusuan explain` of the BUILT command line, and the SARIF rules'
 * links to the rule pages.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { RULES, ruleDocUrl } from "@yusuan/disclosure";
import { buildCli } from "./build-cli";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "apps/cli/dist/cli.js");

function yusuan(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
  });
}

beforeAll(() => {
  buildCli();
}, 300_000);

describe("yusuan rules", () => {
  it("lists every rule with its severity and title", () => {
    const r = yusuan(["rules"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(RULES.length);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(RULES.map((x) => x.id));
    expect(lines.find((l) => l.startsWith("A3.row-identity"))).toMatch(
      /^A3\.row-identity\s+error\s+行内合计等于各分项之和$/,
    );
  });

  it("--format json gives ids, severities, titles and the pages' addresses", () => {
    const r = yusuan(["rules", "--format", "json", "--lang", "en"]);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; severity: string; title: string; helpUri: string }[];
    expect(list.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    expect(list.find((x) => x.id === "fill.conflict")).toMatchObject({
      severity: "warning",
      title: "A filled-in cell disagrees with the tables",
      helpUri: ruleDocUrl("fill.conflict"),
    });
  });

  it("an unknown format is a usage error", () => {
    expect(yusuan(["rules", "--format", "xml"]).status).toBe(2);
  });
});

describe("yusuan explain", () => {
  it("prints a rule's page in Chinese by default, with its example and address", () => {
    const r = yusuan(["explain", "A3.row-identity"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("## A3.row-identity — 行内合计等于各分项之和");
    expect(r.stdout).toContain("### 触发的例子");
    expect(r.stdout).toContain("204\t02\t20 执法办案\t24,763,610.00\t100.00");
    expect(r.stdout).toContain(ruleDocUrl("A3.row-identity"));
  });

  it("--lang en prints it in English", () => {
    const r = yusuan(["explain", "D5.narrative-part", "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("### Example that fires");
    expect(r.stdout).not.toContain("触发的例子");
  });

  it("an id no rule has is a usage error that points at `yusuan rules`", () => {
    const r = yusuan(["explain", "A3.row-identiy"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("yusuan rules");
    expect(r.stdout).toBe("");
  });
});

describe("SARIF", () => {
  it("links every rule to its page", () => {
    const r = yusuan(["check", join(ROOT, "examples/sample.txt"), "--format", "sarif"]);
    const sarif = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThanOrEqual(RULES.length);
    for (const rule of rules) expect(rule.helpUri).toBe(ruleDocUrl(rule.id));
  });
});
