/**
 * End-to-end: the BUILT command line (`node apps/cli/dist/cli.js`) on the sample document, its
 * workbook, and a corpus of broken inputs.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding, Report } from "@yusuan/disclosure";
import { hostileInputs } from "@yusuan/testing";
import { buildCli } from "./build-cli";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "apps/cli/dist/cli.js");
const SAMPLE_TXT = join(ROOT, "examples/sample.txt");
const dir = mkdtempSync(join(tmpdir(), "yusuan-e2e-"));
let sampleXlsx = join(ROOT, "examples/sample.xlsx");

function yusuan(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      ...process.env,
      NO_COLOR: "1",
      LANG: "C.UTF-8",
      LC_ALL: "",
      LC_MESSAGES: "",
      NODE_OPTIONS: "--max-old-space-size=256",
      ...env,
    },
  });
}

beforeAll(() => {
  buildCli();
  if (!existsSync(sampleXlsx)) {
    const made = spawnSync(process.execPath, [join(ROOT, "apps/cli/scripts/make-examples.mjs"), dir], {
      encoding: "utf8",
    });
    if (made.status !== 0) throw new Error(`make-examples failed: ${made.stderr}`);
    sampleXlsx = join(dir, "sample.xlsx");
  }
}, 300_000);

type Tuple = [string, string, string | undefined, string | undefined, string];
const tuple = (f: Finding): Tuple => [f.rule, f.table, f.row, f.column, f.severity];

/**
 * The sample's findings, the same list as tests/golden.test.ts (which names the line proving each):
 * T1's blank fiscal sources (line 111), the 3823.35 尾差 (line 95), the 社工 project's 2022 year (line 339)
 * and its missing indicator values (line 383), the 安保经费 project's funds that do not match its
 * 绩效目标表 (line 422, the only error), its 2022/2023 items (line 422) and its goal period (line 438).
 */
const EXPECTED: Tuple[] = [
  ["A4.fiscal-sources-blank", "T1", "财政拨款收入", "预算数", "warning"],
  ["C2.chiping-wording", "N", "政府性基金拨款支出预算", "wording", "warning"],
  ["C1.rounding-residue", "N", "其他一般公共服务支出", "项目支出", "warning"],
  ["C2.chiping-wording", "N", "因公出国(境)费", "wording", "warning"],
  ["F1.stale-year", "P", "社工", "2022", "warning"],
  ["E2.indicators", "P", "社工", "value", "warning"],
  ["E1.performance-funds", "P", "安保经费", "年度预算安排", "error"],
  ["F1.stale-year", "P", "安保经费", "2022", "warning"],
  ["F1.stale-year", "P", "安保经费", "2023", "warning"],
  ["E2.project-period", "P", "安保经费", "项目总目标", "warning"],
];

function report(r: SpawnSyncReturns<string>): Report {
  return JSON.parse(r.stdout) as Report;
}

describe("yusuan check (built)", () => {
  it("reports the sample text's findings exactly, exit 1 (one error)", () => {
    const r = yusuan(["check", "examples/sample.txt", "--format", "json"]);
    expect(r.status).toBe(1);
    const rep = report(r);
    expect(rep.schemaVersion).toBe(1);
    expect(rep.files[0]!.path).toBe("examples/sample.txt");
    expect(rep.files[0]!.findings.map(tuple)).toEqual(EXPECTED);
    expect(rep.files[0]!.findings[0]!.location).toEqual({ line: 111 });
    expect(rep.files[0]!.findings[0]!.actual).toBe("105767210.12");
    expect(rep.summary).toEqual({ files: 1, errors: 1, warnings: 9, infos: 0, filesWithErrors: 1 });
    expect(yusuan(["check", "examples/sample.txt", "--disable", "E1"]).status).toBe(0);
    expect(yusuan(["check", "examples/sample.txt", "--disable", "E1", "--fail-on", "warning"]).status).toBe(
      1,
    );
  });

  it("reports the same findings for the sample workbook (parity apart from locations)", () => {
    const txt = report(yusuan(["check", SAMPLE_TXT, "--format", "json"])).files[0]!;
    const xlsxRun = yusuan(["check", sampleXlsx, "--format", "json"]);
    expect(xlsxRun.status).toBe(1);
    const xlsx = report(xlsxRun).files[0]!;
    const key = (f: Finding) => ({
      rule: f.rule,
      table: f.table,
      row: f.row,
      column: f.column,
      severity: f.severity,
      expected: f.expected,
      actual: f.actual,
      difference: f.difference,
      fingerprint: f.fingerprint,
    });
    expect(xlsx.findings.map(tuple)).toEqual(EXPECTED);
    expect(xlsx.findings.map(key)).toEqual(txt.findings.map(key));
    expect(xlsx.findings[0]!.location).toMatchObject({ sheet: expect.stringMatching(/^T1 /) });
    expect(xlsx.tables.filter((t) => t.found).map((t) => t.id)).toEqual(
      txt.tables.filter((t) => t.found).map((t) => t.id),
    );
  });

  it("keeps input order with --jobs 2 over a folder and a glob", () => {
    for (let i = 0; i < 6; i++)
      copyFileSync(i % 2 ? SAMPLE_TXT : sampleXlsx, join(dir, `many-${i}.${i % 2 ? "txt" : "xlsx"}`));
    const r = yusuan(["check", join(dir, "many-*.{txt,xlsx}"), "--jobs", "2", "--format", "json"]);
    expect(r.status).toBe(1);
    const rep = report(r);
    expect(rep.files.map((f) => f.path.slice(dir.length + 1))).toEqual([
      "many-0.xlsx",
      "many-1.txt",
      "many-2.xlsx",
      "many-3.txt",
      "many-4.xlsx",
      "many-5.txt",
    ]);
    expect(rep.files.every((f) => f.findings.map(tuple).join() === EXPECTED.join())).toBe(true);
    expect(r.stderr).toBe("");
  });

  it("gives the same report whatever --jobs splits between reading and checking threads", () => {
    const model = join(dir, "jobs-model.json");
    expect(yusuan(["convert", SAMPLE_TXT, "-o", model]).status).toBe(0);
    const broken = join(dir, "jobs-broken.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 not really a zip");
    const bad = join(dir, "jobs-bad.json");
    writeFileSync(bad, "{ not json");
    // Distinct paths (the same path twice is checked once).
    const copy = (from: string, name: string): string => {
      copyFileSync(from, join(dir, name));
      return join(dir, name);
    };
    const inputs = [
      sampleXlsx,
      broken,
      SAMPLE_TXT,
      model,
      bad,
      copy(sampleXlsx, "jobs-2.xlsx"),
      copy(SAMPLE_TXT, "jobs-2.txt"),
      copy(model, "jobs-2.json"),
    ];
    const runs = ["1", "2", "3", "5"].map((jobs) =>
      yusuan(["check", ...inputs, "--format", "json", "--jobs", jobs]),
    );
    for (const r of runs) expect(r.status).toBe(2);
    const files = runs.map((r) => report(r).files);
    expect(files[0]!.map((f) => f.findings[0]?.rule)).toEqual([
      "A4.fiscal-sources-blank",
      "input.unreadable",
      "A4.fiscal-sources-blank",
      expect.any(String),
      "input.unreadable",
      "A4.fiscal-sources-blank",
      "A4.fiscal-sources-blank",
      expect.any(String),
    ]);
    for (const other of files.slice(1)) expect(other).toEqual(files[0]);
  });

  it("writes SARIF, JUnit and an HTML file that neutralises a hostile department name", () => {
    const text = readFileSync(SAMPLE_TXT, "utf8").replace(
      "上海市闵行区浦江镇社区党群服务中心",
      "<script>alert(1)</script>",
    );
    const evil = join(dir, "evil.txt");
    writeFileSync(evil, text);
    const html = join(dir, "report.html");
    const r = yusuan(["check", evil, "--format", "html", "-o", html]);
    expect(r.status).toBe(1);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // The only script is the report's own filter script, allowed by its hash in the CSP; the hostile name is text.
    expect(page).not.toContain("<script>alert");
    expect(page.match(/<script\b/gi)).toHaveLength(1);
    expect(page).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const sarif = JSON.parse(yusuan(["check", SAMPLE_TXT, "--format", "sarif"]).stdout) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((x) => [x.ruleId, x.level])).toEqual(
      EXPECTED.map(([rule, , , , severity]) => [rule, severity === "warning" ? "warning" : "error"]),
    );
    const junit = yusuan(["check", SAMPLE_TXT, "--format", "junit"]).stdout;
    expect(junit.match(/<testsuite /g)).toHaveLength(1);
    expect(junit.match(/<failure/g)).toHaveLength(1);
  });
});

describe("broken and hostile inputs", () => {
  async function corpus(): Promise<{ path: string; expect: string }[]> {
    const out: { path: string; expect: string }[] = [];
    for (const h of await hostileInputs()) {
      const path = join(dir, `hostile-${h.name}`);
      writeFileSync(path, h.bytes);
      out.push({ path, expect: h.expect });
    }
    const more: [string, string | Uint8Array][] = [
      ["nul-bytes.txt", new Uint8Array([0x31, 0, 0x32, 0, 0, 0, 0xff])],
      ["utf16le.txt", new Uint8Array([0xff, 0xfe, 0x31, 0, 0x32, 0, 0, 0])],
      ["broken.json", '{"document": {'],
      ["array.json", "[1,2,3]"],
      ["wrong-model.json", JSON.stringify({ document: { kind: "别的" }, tables: {} })],
      ["png-named.json", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
      ["latin1.json", new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])],
      ["empty.json", ""],
    ];
    for (const [name, content] of more) {
      const path = join(dir, `bad-${name}`);
      writeFileSync(path, content);
      out.push({ path, expect: "input.unreadable" });
    }
    return out;
  }

  it("gives each bad file exit 2, a message naming it, no stack trace, within bounds", async () => {
    const files = await corpus();
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const started = Date.now();
      const r = yusuan(["check", file.path, SAMPLE_TXT]);
      const name = file.path.slice(dir.length + 1);
      expect(r.error, name).toBeUndefined();
      expect(Date.now() - started, name).toBeLessThan(30_000);
      expect(r.status, name).toBe(2);
      expect(r.stdout, name).toContain(`${name}”`);
      expect(r.stdout + r.stderr, name).not.toMatch(/^\s+at /m);
      // The good file of the same run is still checked.
      expect(r.stdout, name).toContain("A4.fiscal-sources-blank");
    }
  }, 600_000);

  it("reports all of them in one run with the right codes, in order, and still checks the good file", async () => {
    const files = await corpus();
    const r = yusuan(["check", ...files.map((f) => f.path), SAMPLE_TXT, "--format", "json", "--jobs", "2"]);
    expect(r.status).toBe(2);
    const rep = report(r);
    expect(rep.files.map((f) => f.path)).toEqual([...files.map((f) => f.path), SAMPLE_TXT]);
    files.forEach((f, i) => {
      const got = rep.files[i]!.findings;
      expect(
        got.map((x) => [x.rule, x.table, x.severity]),
        f.path,
      ).toEqual([[f.expect, "D", "error"]]);
      expect(got[0]!.message, f.path).toContain(f.path.slice(dir.length + 1));
    });
    expect(rep.files.at(-1)!.findings.map(tuple)).toEqual(EXPECTED);
    expect(rep.summary.errors).toBe(files.length + 1); // and the sample's one error
    expect(r.stderr.split("\n").filter((l) => l.startsWith("yusuan: "))).toHaveLength(files.length);
  }, 300_000);

  it("says so for a missing file and a pattern that matches nothing", () => {
    const r = yusuan(["check", "no-such-file.xlsx", join(dir, "*.nothing"), SAMPLE_TXT]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("no-such-file.xlsx”：文件不存在");
    expect(r.stdout).toContain("没有与");
    expect(r.stdout).toContain("A4.fiscal-sources-blank");
  });
});

describe("yusuan fill (built)", () => {
  it("writes a filled copy, prints each change, and leaves the input alone", () => {
    const input = join(dir, "fill-copy.xlsx");
    copyFileSync(sampleXlsx, input);
    const before = readFileSync(input);
    const r = yusuan(["fill", input]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^T1 财务收支预算总表!B\d+ {2}（空） → 105767210\.12 {2}\S/m);
    expect(readFileSync(input).equals(before)).toBe(true);
    const filled = join(dir, "fill-copy.filled.xlsx");
    expect(existsSync(filled)).toBe(true);
    // The fill derives T1's blank 一般公共预算资金 from T4; the narrative findings remain.
    const again = report(yusuan(["check", filled, "--format", "json"]));
    expect(again.files[0]!.findings.map(tuple)).toEqual(
      EXPECTED.filter(([rule]) => rule !== "A4.fiscal-sources-blank"),
    );
  });

  it("fills a text document into a workbook", () => {
    const input = join(dir, "fill-text.txt");
    copyFileSync(SAMPLE_TXT, input);
    const r = yusuan(["fill", input]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "fill-text.filled.xlsx"))).toBe(true);
    expect(yusuan(["fill", input, "--in-place"]).status).toBe(2);
  });

  it("leaves the original byte for byte when an in-place write is interrupted", () => {
    const input = join(dir, "inplace.xlsx");
    copyFileSync(sampleXlsx, input);
    const before = readFileSync(input);
    const r = yusuan(["fill", input, "--in-place"], { YUSUAN_TEST_FAIL_WRITE: "1" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("原文件未被改动");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith(".inplace.xlsx"))).toEqual([]);
    const ok = yusuan(["fill", input, "--in-place"]);
    expect(ok.status).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(false);
    expect(readFileSync(`${input}.bak`).equals(before)).toBe(true);
  });
});

describe("other commands (built)", () => {
  it("converts the sample to the JSON model, which check accepts", () => {
    const out = join(dir, "model.json");
    expect(yusuan(["convert", SAMPLE_TXT, "-o", out]).status).toBe(0);
    const r = yusuan(["check", out, "--format", "json"]);
    expect(r.status).toBe(1);
    expect(report(r).files[0]!.findings.map(tuple)).toEqual(EXPECTED);
  });

  it("answers --help quickly with exit 0", () => {
    const r = yusuan(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("check");
  });
});
