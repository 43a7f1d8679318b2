// The HTML report as a reader uses it: a 300-file batch report opened in headless Chromium, the summary
// read, the filters used, a file reached from the index. A screenshot is kept as a test artifact in
// .test-results/html-report.png.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_LAUNCH } from "@yusuan/testing";
import { RULES, type FileReport } from "@yusuan/disclosure";
import { addToSummary, createFormatter, type Summary } from "../../apps/cli/src/format/index";
import { analyzeText, lineOf, replaceOn, sampleText } from "../fixtures/sample";

const FILES = 300;
let browser: Browser;
let page: Page;
let html = "";
let expectedErrors = 0;
let expectedWarnings = 0;
let expectedT3 = 0;
const problems: string[] = [];

function reportOf(text: string): FileReport {
  const a = analyzeText(text);
  return { path: "", document: a.document, tables: a.tables, findings: a.findings };
}

beforeAll(async () => {
  // Every tenth file has a typed slip in Table 3, so the files differ and the index has files with and
  // without extra errors.
  const clean = reportOf(sampleText());
  const slipped = reportOf(
    replaceOn(/^204\t02\t20/, "24,763,610.00", "24,763,611.00", lineOf("2025年部门支出预算总表", 100)),
  );
  expect(slipped.findings.filter((f) => f.table === "T3").length).toBeGreaterThan(
    clean.findings.filter((f) => f.table === "T3").length,
  );
  let out = "";
  const formatter = createFormatter("html", {
    write: (s) => (out += s),
    lang: "zh-CN",
    version: "9.9.9",
    rules: RULES,
    color: false,
    date: "2026-12-01 00:00:00 UTC",
    options: [["--format", "html"]],
  });
  formatter.begin();
  let summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (let i = 1; i <= FILES; i++) {
    const r = { ...(i % 10 === 0 ? slipped : clean), path: `部门/预算-${String(i).padStart(3, "0")}.txt` };
    formatter.file(r);
    summary = addToSummary(summary, r);
    expectedT3 += r.findings.filter((f) => f.table === "T3" && !f.waived).length;
  }
  formatter.end(summary);
  html = out;
  expectedErrors = summary.errors;
  expectedWarnings = summary.warnings;

  const dir = mkdtempSync(join(tmpdir(), "yusuan-html-"));
  const file = join(dir, "report.html");
  writeFileSync(file, html);
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  await page.goto(pathToFileURL(file).href);
  expect(statSync(file).size).toBeGreaterThan(0);
});

afterAll(async () => {
  await browser?.close();
});

const visibleRows = () => page.locator("tr[data-sev]:visible").count();

describe("HTML report of a 300-file run, in Chromium", () => {
  test("the script runs under the page's CSP, without errors", async () => {
    expect(await page.locator("#shown").textContent()).not.toBe("");
    expect(problems).toEqual([]);
  });

  test("the summary comes first and says what the run found", async () => {
    const first = await page.locator("body > *").nth(1).getAttribute("id");
    expect(first).toBe("summary");
    const summary = await page.locator("#summary").textContent();
    expect(summary).toContain(`共检查 ${FILES} 个文件：${expectedErrors} 个错误，${expectedWarnings} 个警告`);
    expect(await page.locator("#index li").count()).toBe(FILES);
  });

  test("the severity filter hides errors and shows them again", async () => {
    const all = await visibleRows();
    expect(all).toBeGreaterThan(expectedErrors);
    await page.locator("input[name=sev][value=error]").uncheck();
    const withoutErrors = await visibleRows();
    expect(await page.locator('tr[data-sev="error"]:visible').count()).toBe(0);
    expect(withoutErrors).toBeLessThan(all);
    await page.locator("input[name=sev][value=error]").check();
    expect(await visibleRows()).toBe(all);
  });

  test("the table filter shows only that table's findings and hides empty groups", async () => {
    await page.locator("select[name=table]").selectOption("T3");
    expect(await visibleRows()).toBe(expectedT3);
    expect(await page.locator('tr[data-sev]:visible:not([data-table="T3"])').count()).toBe(0);
    expect(Number(await page.locator("#shown").textContent())).toBe(expectedT3);
    mkdirSync(".test-results", { recursive: true });
    await page.screenshot({ path: join(".test-results", "html-report.png") });
    await page.locator("select[name=table]").selectOption("");
  });

  test("the rule filter and the file index", async () => {
    await page.locator("select[name=rule]").selectOption("A3.row-identity");
    const rows = await page
      .locator("tr[data-sev]:visible")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows)).toEqual(new Set(["A3.row-identity"]));
    await page.locator("select[name=rule]").selectOption("");
    await page.locator('#index a[href="#f10"]').click();
    expect(page.url()).toMatch(/#f10$/);
    expect(await page.locator("#f10 h2").textContent()).toBe("部门/预算-010.txt");
  });
});
