/**
 * The standalone checker in Debian's headless Chromium: the built index.html opened from a file path
 * (as from a file share) and taskpane.html when office.js cannot load. The sample workbook and a
 * development PDF are dropped in; the findings must be the engine's in Node (what the CLI prints), no
 * request may leave the folder, and the filled workbook downloaded must hold the derived values.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_LAUNCH } from "@yusuan/testing";
import { analyze, fillGrid, type Grid } from "@yusuan/disclosure";
import { readXlsx } from "@yusuan/xlsx";
import { readPdf } from "@yusuan/pdf";
import { build } from "../build.mjs";

const here = import.meta.dirname;
const repo = join(here, "..", "..", "..");
const artifacts = join(here, "..", "test-artifacts");
const samplePath = join(repo, "examples", "sample.xlsx");
const pdfDir = join(repo, "tests", "fixtures", "real", "pdf");
const pdfPath = join(
  pdfDir,
  readdirSync(pdfDir)
    .filter((f) => f.endsWith(".pdf"))
    .sort()[0]!,
);

/** Fingerprints of the engine's findings for a grid, as the CLI computes them. */
function fingerprints(grid: Grid): string[] {
  return analyze(grid)
    .findings.map((f) => `${f.table} ${f.rule} ${f.fingerprint}`)
    .sort();
}

describe("standalone checker in headless Chromium", () => {
  let browser: Browser;
  let dist: string;
  let downloads: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dist = join(artifacts, "standalone-dist");
    await build({ outdir: dist, quiet: true });
    downloads = mkdtempSync(join(tmpdir(), "yusuan-dl-"));
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  /** Opens a page of the built folder from its file path, recording every request and problem. */
  async function open(
    file: string,
    init?: () => void,
  ): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await browser.newPage({
      viewport: { width: 1000, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(e.message));
    // office.js cannot load (no access to Microsoft's CDN): the request fails.
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.abort("internetdisconnected"),
    );
    if (init) await page.addInitScript(init);
    await page.goto(pathToFileURL(join(dist, file)).href);
    return { page, requests, problems };
  }

  async function drop(page: Page, files: string[]): Promise<void> {
    await page.waitForSelector("#files", { state: "attached", timeout: 15_000 });
    await page.setInputFiles("#files", files);
    await page.waitForSelector('#status[data-done="true"]', { timeout: 120_000 });
  }

  const shown = (page: Page) =>
    page.$$eval("#results .finding", (els) =>
      els
        .map(
          (e) =>
            `${e.closest("[data-table]")?.getAttribute("data-table")} ${e.getAttribute("data-rule")} ${e.getAttribute("data-fingerprint")}`,
        )
        .sort(),
    );

  it("index.html from a file path: the sample workbook gives the CLI's findings, grouped by table, with nothing fetched", async () => {
    const { page, requests, problems } = await open("index.html");
    await expect(page.locator("#privacy").textContent()).resolves.toContain("connect-src 'none'");
    await drop(page, [samplePath]);
    const read = await readXlsx(new Uint8Array(readFileSync(samplePath)), "sample.xlsx");
    expect(read.ok).toBe(true);
    const expected = fingerprints((read as { grid: Grid }).grid);
    expect(expected.length).toBeGreaterThan(0);
    expect(await shown(page)).toEqual(expected);
    // Severity is a word in each finding, not only a colour; errors come before warnings in every table.
    const words = await page.$$eval("#results .finding .sev", (els) => els.map((e) => e.textContent));
    expect(words.length).toBe(expected.length);
    for (const w of words) expect(["错误", "警告", "提示"]).toContain(w);
    const order = await page.$$eval("#results .group", (groups) =>
      groups.map((g) =>
        [...g.querySelectorAll(".finding")].map((f) =>
          f.classList.contains("error") ? 0 : f.classList.contains("warning") ? 1 : 2,
        ),
      ),
    );
    for (const o of order) expect(o).toEqual([...o].sort((a, b) => a - b));
    for (const url of requests) expect(url.startsWith("file://"), url).toBe(true);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(artifacts, "standalone.png"), fullPage: true });
    await page.close();
  });

  it("the page cannot connect anywhere (CSP connect-src 'none')", async () => {
    const { page } = await open("index.html");
    await page.waitForSelector("#files", { state: "attached" });
    const outcome = await page.evaluate(async () => {
      const violated: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violated.push(e.effectiveDirective));
      const sent = await fetch("https://example.org/upload", { method: "POST", body: "x" }).then(
        () => "sent",
        () => "blocked",
      );
      await new Promise((r) => setTimeout(r, 100));
      return { sent, violated };
    });
    // Blocked by the policy itself (not merely by the network): the browser reports connect-src.
    expect(outcome).toEqual({ sent: "blocked", violated: ["connect-src"] });
    await page.close();
  });

  it("downloads the filled workbook: the derived cells hold the values the engine derives", async () => {
    const { page, problems } = await open("index.html");
    await drop(page, [samplePath]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-action="download-filled"]'),
    ]);
    expect(download.suggestedFilename()).toBe("sample.filled.xlsx");
    const saved = join(downloads, "sample.filled.xlsx");
    await download.saveAs(saved);
    const original = await readXlsx(new Uint8Array(readFileSync(samplePath)), "sample.xlsx");
    const filled = await readXlsx(new Uint8Array(readFileSync(saved)), "sample.filled.xlsx");
    expect(original.ok && filled.ok).toBe(true);
    if (!original.ok || !filled.ok) return;
    const patches = fillGrid(original.grid).patches;
    expect(patches.length).toBeGreaterThan(0);
    for (const p of patches) {
      if (!("sheet" in p.location)) continue;
      const { sheet, cell } = p.location;
      const found = filled.grid.sheets
        .find((s) => s.name === sheet)
        ?.rows.flat()
        .find((c) => c?.address === cell);
      expect(String(found?.value), `${sheet}!${cell}`).toBe(String(Number(p.newValue)));
    }
    expect(fillGrid(filled.grid).patches).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a development PDF gives the findings of @yusuan/pdf and the engine in Node", async () => {
    const { page, requests, problems } = await open("index.html");
    await drop(page, [pdfPath]);
    const read = await readPdf(new Uint8Array(readFileSync(pdfPath)), pdfPath.split("/").pop()!);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const expected = fingerprints(read.grid);
    expect(expected.length).toBeGreaterThan(0);
    expect(await shown(page)).toEqual(expected);
    for (const url of requests) expect(url.startsWith("file://"), url).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("taskpane.html becomes the checker when office.js cannot load", async () => {
    const { page, problems } = await open("taskpane.html");
    await drop(page, [samplePath]);
    expect(await page.locator("#results .finding").count()).toBeGreaterThan(0);
    await expect(page.locator("#privacy").isVisible()).resolves.toBe(true);
    expect(problems.filter((p) => !/office\.js|appsforoffice/.test(p))).toEqual([]);
    await page.close();
  });

  it("a workbook without budget tables says so instead of listing nine missing tables", async () => {
    const { page } = await open("index.html");
    const empty = join(downloads, "plain.txt");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(empty, "采购清单\n名称\t数量\n纸\t5\n");
    await drop(page, [empty]);
    await expect(page.locator(".no-tables").textContent()).resolves.toContain("未识别到预算公开表格");
    expect(await page.locator("#results .finding").count()).toBe(0);
    await page.close();
  });

  it("an engine too old for the pane (no BigInt) gets compat.js's message, not a blank page", async () => {
    const { page } = await open("index.html", () => {
      delete (window as unknown as { BigInt?: unknown }).BigInt;
    });
    await page.waitForSelector("#compat", { timeout: 15_000 });
    await expect(page.locator("#compat").textContent()).resolves.toContain("index.html");
    expect(await page.locator("#files").count()).toBe(0);
    await page.close();
  });
});
