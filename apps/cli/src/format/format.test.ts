import { describe, expect, it } from "vitest";
import type { FileReport, Finding, Report } from "@yusuan/disclosure";
import { RULES } from "@yusuan/disclosure";
import {
  createFormatter,
  addToSummary,
  addWaived,
  summaryText,
  moneyText,
  causeText,
  type FormatName,
  type Summary,
} from "./index";
import { csvCell, escapeHtml, escapeXml } from "./escape";
import { createHash } from "node:crypto";
import { useColor } from "./text";

const evil = "<script>alert(1)</script>";

const finding = (over: { [K in keyof Finding]?: Finding[K] | undefined } = {}): Finding =>
  ({
    rule: "A3.row-identity",
    severity: "error",
    message: "表3 合计不等于基本支出与项目支出之和",
    table: "T3",
    row: "2010199",
    column: "项目支出",
    location: { sheet: "T3", cell: "E7" },
    expected: "38233551.78",
    actual: "38233551.87",
    difference: "-0.09",
    fingerprint: "0123456789abcdef",
    ...over,
  }) as Finding;

const reports: FileReport[] = [
  {
    path: "a/预算 1.xlsx",
    document: { kind: "部门预算", department: evil, year: 2025 },
    tables: [{ id: "T3", title: "2025年部门支出预算总表", found: true, sheet: "T3", range: "A1:E20" }],
    findings: [
      finding(),
      finding({
        rule: "B1.t1-t2-t3",
        severity: "warning",
        table: "T1",
        row: undefined,
        column: undefined,
        location: { line: 12 },
        message: `名称 ${evil} & "x"`,
        fingerprint: "fedcba9876543210",
      }),
      finding({
        rule: "D1.title-year",
        severity: "info",
        table: "D",
        location: undefined,
        expected: undefined,
        actual: undefined,
        difference: undefined,
        row: undefined,
        column: undefined,
        fingerprint: "1111111111111111",
      }),
    ].map(
      (f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as Finding,
    ),
  },
  { path: "b.txt", tables: [], findings: [] },
];

function render(format: FormatName, lang: "zh-CN" | "en" = "zh-CN", color = false, input = reports): string {
  let out = "";
  const f = createFormatter(format, {
    write: (s) => (out += s),
    lang,
    version: "9.9.9",
    rules: RULES,
    color,
  });
  f.begin();
  let summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of input) {
    f.file(r);
    summary = addToSummary(summary, r);
  }
  f.end(summary);
  return out;
}

describe("json", () => {
  it("prints the report contract, file entries in order, with the counts", () => {
    const report = JSON.parse(render("json")) as Report;
    expect(Object.keys(report)).toEqual(["schemaVersion", "tool", "files", "summary"]);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: "yusuan", version: "9.9.9" });
    expect(report.files.map((f) => f.path)).toEqual(["a/预算 1.xlsx", "b.txt"]);
    expect(report.files[0]).toEqual(reports[0]);
    expect(report.files[1]).toEqual({ path: "b.txt", tables: [], findings: [] });
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1, infos: 1, filesWithErrors: 1 });
  });

  it("is valid with no files", () => {
    expect(JSON.parse(render("json", "zh-CN", false, []))).toMatchObject({
      files: [],
      summary: { files: 0, errors: 0 },
    });
  });

  it("does not count waived findings", () => {
    const waived: FileReport = {
      path: "w.xlsx",
      tables: [],
      findings: [finding({ waived: { reason: "口径调整" } })],
    };
    expect((JSON.parse(render("json", "zh-CN", false, [waived])) as Report).summary.errors).toBe(0);
  });
});

/** The parts of a SARIF result these tests read. */
interface SarifResult {
  level: string;
  ruleIndex: number;
  partialFingerprints: Record<string, string>;
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region?: Record<string, number> };
    logicalLocations: { fullyQualifiedName: string }[];
  }[];
}

describe("sarif", () => {
  const sarif = JSON.parse(render("sarif", "en")) as {
    version: string;
    runs: {
      tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
      results: SarifResult[];
    }[];
  };
  const run = sarif.runs[0]!;

  it("is 2.1.0 with every rule described", () => {
    expect(sarif.version).toBe("2.1.0");
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules.every((r) => r.shortDescription.text.length > 0)).toBe(true);
  });

  it("gives levels, locations and fingerprints", () => {
    expect(run.results.map((r) => r.level)).toEqual(["error", "warning", "note"]);
    const [cell, line, doc] = run.results;
    expect(cell!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("a/%E9%A2%84%E7%AE%97%201.xlsx");
    expect(cell!.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe("T3!E7");
    expect(cell!.locations[0]!.physicalLocation.region).toEqual({ startLine: 7, startColumn: 5 });
    expect(line!.locations[0]!.physicalLocation.region).toEqual({ startLine: 12 });
    expect(doc!.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(cell!.partialFingerprints).toEqual({ "yusuanFingerprint/v1": "0123456789abcdef" });
    expect(run.tool.driver.rules[cell!.ruleIndex]?.id).toBe("A3.row-identity");
  });
});

describe("junit", () => {
  const xml = render("junit");
  it("has one testsuite per file and one testcase per finding, errors as failures", () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('failures="1"');
  });
  it("escapes user text", () => {
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;");
  });
});

describe("html", () => {
  const html = render("html");
  it("escapes a hostile department name and message", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("is self-contained: inline CSS, one inline script allowed by its hash, nothing fetched", () => {
    expect(html).toMatch(/<style>/);
    expect(html).not.toMatch(/<link|src=|https?:\/\/(?!github)/i);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256").update(scripts[0]!).digest("base64");
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });
  it("puts the summary first, with counts by table and by rule", () => {
    const summary = html.indexOf('id="summary"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(html.indexOf('id="f1"'));
    expect(html).toContain(
      '<tr><td>T3</td><td class="num">1</td><td class="num">0</td><td class="num">0</td></tr>',
    );
    expect(html).toMatch(/<code>A3\.row-identity<\/code> [^<]+<\/td><td class="num">1<\/td>/);
    expect(html).toContain('<a href="#f2">b.txt</a>');
  });
  it("shows expected, actual and difference as money, per table with its counts", () => {
    expect(html).toContain(
      '<h3>T3 2025年部门支出预算总表 <span class="meta">(1 错误 · 0 警告 · 0 提示)</span></h3>',
    );
    expect(html).toContain("38,233,551.78");
    expect(html).toContain("38,233,551.87");
    expect(html).toContain("-0.09");
    expect(html).toContain('data-sev="error" data-table="T3" data-rule="A3.row-identity"');
  });
  it("shows the suggested fix and the related places", () => {
    const withFix = render("html", "zh-CN", false, [
      {
        path: "c.xlsx",
        tables: [],
        findings: [
          finding({
            suggestion: "把 E7 改为 38,233,551.78",
            related: [
              { table: "T5", row: "2010199", column: "项目支出", location: { sheet: "T5", cell: "E7" } },
            ],
          }),
        ],
      },
    ]);
    expect(withFix).toContain("建议：把 E7 改为 38,233,551.78");
    expect(withFix).toContain("相关位置：T5 2010199 项目支出 T5!E7");
  });
  it("formats money whatever the decimals, and leaves other text alone", () => {
    expect(moneyText("154369326")).toBe("154,369,326");
    expect(moneyText("-1234567.5")).toBe("-1,234,567.5");
    expect(moneyText("n/a")).toBe("n/a");
  });
});

describe("text", () => {
  it("groups findings by file and table, without colour codes when colour is off", () => {
    const text = render("text");
    expect(text).not.toContain("\u001b[");
    const lines = text.split("\n");
    const at = (s: string): number => lines.findIndex((l) => l.includes(s));
    expect(at("a/预算 1.xlsx")).toBe(0);
    expect(at("T3 2025年部门支出预算总表")).toBeGreaterThan(0);
    expect(at("T1")).toBeGreaterThan(at("T3 2025"));
    expect(at("D 文档")).toBeGreaterThan(at("T1"));
    expect(text).toContain("第 12 行");
    expect(text).toContain("应为 38233551.78，实为 38233551.87，差额 -0.09");
    expect(text).toContain("b.txt\n  ✓ 未发现问题");
    expect(lines.at(-2)).toBe("共检查 2 个文件，其中 1 个有错误：1 个错误，1 个警告，1 个提示");
  });
  it("speaks English and colours when asked", () => {
    const text = render("text", "en", true);
    expect(text).toContain("\u001b[31m");
    expect(text).toContain("2 files checked, 1 with errors: 1 error, 1 warning, 1 info");
  });
  it("counts files with errors and waived findings in the summary line", () => {
    const s = { files: 300, errors: 20, warnings: 5, infos: 0, filesWithErrors: 12, waived: 3 };
    expect(summaryText(s, "zh-CN")).toBe(
      "共检查 300 个文件，其中 12 个有错误：20 个错误，5 个警告，0 个提示；已豁免 3 个",
    );
    expect(summaryText(s, "en")).toBe(
      "300 files checked, 12 with errors: 20 errors, 5 warnings, 0 info; 3 waived",
    );
    expect(summaryText({ files: 1, errors: 0, warnings: 0, infos: 0 }, "zh-CN")).toBe(
      "共检查 1 个文件：0 个错误，0 个警告，0 个提示",
    );
    const waived: FileReport = {
      path: "w.txt",
      tables: [],
      findings: [
        finding({ severity: "error", waived: { reason: "口径调整" } }),
        finding({ severity: "error" }),
      ],
    };
    expect(addToSummary({ files: 0, errors: 0, warnings: 0, infos: 0 }, waived)).toEqual({
      files: 1,
      errors: 1,
      warnings: 0,
      infos: 0,
      filesWithErrors: 1,
      waived: 1,
    });
    // Waived findings that are not shown are counted from the number the check gives.
    expect(
      addWaived(
        addToSummary(
          { files: 0, errors: 0, warnings: 0, infos: 0 },
          { path: "x.txt", tables: [], findings: [] },
        ),
        4,
      ),
    ).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0, waived: 4 });
  });

  it("uses colour only on a terminal and never with NO_COLOR", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
  });
});

describe("csv", () => {
  it("neutralises formula injection and quotes", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+86")).toBe("'+86");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-0.09")).toBe("'-0.09");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("plain")).toBe("plain");
    const csv = render("csv");
    expect(csv.split("\r\n").filter((l) => l !== "")).toHaveLength(4);
    expect(csv).toContain(",'-0.09,");
  });
});

describe("escaping", () => {
  it("escapes HTML and XML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeXml("a\u0001<b>")).toBe("a&lt;b&gt;");
  });
});

describe("the likely cause", () => {
  const report: FileReport = {
    path: "a.txt",
    tables: [],
    findings: [
      finding({
        cause: {
          table: "T3",
          row: "2040220",
          column: "项目支出",
          location: { line: 165 },
          value: "24763610.00",
        },
      }),
    ],
  };
  it("is said in words, with the place and the corrected value as money", () => {
    expect(causeText(report.findings[0]!, "zh-CN")).toBe(
      "可能的原因：T3 2040220 项目支出（第 165 行）应为 24,763,610.00",
    );
    expect(causeText(report.findings[0]!, "en")).toBe(
      "likely cause: T3 2040220 项目支出 (line 165) should be 24,763,610.00",
    );
    expect(causeText(finding(), "en")).toBe("");
  });
  it("replaces the suggestion in the text and HTML reports", () => {
    for (const format of ["text", "html"] as const) {
      const out = render(format, "zh-CN", false, [report]);
      expect(out).toContain("可能的原因：T3 2040220 项目支出（第 165 行）应为 24,763,610.00");
    }
  });
});
