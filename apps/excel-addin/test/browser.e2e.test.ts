/**
 * End to end in Debian's headless Chromium: the built task pane, served on localhost, with a fake
 * Office host (served in place of the CDN office.js) holding the sample document as a workbook.
 */
import { createServer, type Server } from "node:http";
import { mkdirSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_LAUNCH } from "@yusuan/testing";
import { fillGrid, readTextDocument, type Cell, type Grid } from "@yusuan/disclosure";
import { build } from "../build.mjs";
import { readWorkbook, type ExcelRun } from "../src/adapter";
import { fakeExcelFromGrid, type FakeExcel } from "./fake-excel";

const here = import.meta.dirname;
const artifacts = join(here, "..", "test-artifacts");
const samplePath = join(here, "..", "..", "..", "examples", "sample.txt");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A cell the engine can derive: blank it in the workbook so that 填充 has something to write. */
function blankDerivableCell(
  grid: Grid,
): { grid: Grid; sheet: string; cell: string; text: string } | undefined {
  const sheet = grid.sheets[0]!;
  const candidates: Cell[] = [];
  for (const row of sheet.rows)
    for (const c of row) if (c && /^[1-9][\d,]*\.\d\d$/.test(c.text)) candidates.push(c);
  for (const target of candidates.slice(0, 200)) {
    const rows = sheet.rows.map((row) => row.map((c) => (c === target ? undefined : c)));
    const blanked: Grid = { ...grid, sheets: [{ ...sheet, rows }, ...grid.sheets.slice(1)] };
    const patch = fillGrid(blanked).patches.find(
      (p) => p.location && "cell" in p.location && p.location.cell === target.address,
    );
    if (patch) return { grid: blanked, sheet: sheet.name, cell: target.address, text: target.text };
  }
  return undefined;
}

describe("task pane in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let blanked: ReturnType<typeof blankDerivableCell>;
  let officeJs = "";
  let sampleSheets: { name: string; rows: unknown[][] }[] = [];
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const distDir = join(artifacts, "dist");
    await build({ outdir: distDir, quiet: true });
    const fakeOffice = await esbuild.build({
      entryPoints: [join(here, "fake-office.ts")],
      bundle: true,
      format: "iife",
      write: false,
      target: "es2020",
    });
    const fakeOfficeJs = fakeOffice.outputFiles[0]!.text;

    const read = readTextDocument(readFileSync(samplePath), "sample.txt");
    if (!read.ok) throw new Error(read.message);
    // The grid exactly as the add-in sees the sample workbook, so patches point at sheet cells.
    const asExcel = await readWorkbook(fakeExcelFromGrid(read.grid).run as unknown as ExcelRun);
    blanked = blankDerivableCell(asExcel);
    const workbook = blanked?.grid ?? asExcel;

    server = await serve(distDir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    page = await browser.newPage({ viewport: { width: 380, height: 900 }, locale: "zh-CN" });
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    officeJs = fakeOfficeJs;
    sampleSheets = JSON.parse(JSON.stringify(workbook.sheets.map((s) => ({ name: s.name, rows: s.rows }))));
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs }),
    );
    await page.addInitScript(
      (spec) => {
        (window as unknown as { __YUSUAN_FAKE_WORKBOOK__: unknown }).__YUSUAN_FAKE_WORKBOOK__ = spec;
      },
      JSON.parse(
        JSON.stringify({
          source: workbook.source,
          sheets: workbook.sheets.map((s) => ({ name: s.name, rows: s.rows })),
        }),
      ),
    );
    await page.goto(`${origin}/taskpane.html`);
    try {
      await page.waitForSelector('nav [data-action="check"]', { timeout: 15_000 });
    } catch (error) {
      throw new Error(`the task pane did not start; page errors: ${problems.join(" | ") || "none"}`, {
        cause: error,
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it("shows the Chinese task pane with only local code and the CDN office.js", async () => {
    await expect(page.locator("nav button").allTextContents()).resolves.toEqual([
      "检查",
      "标记",
      "清除标记",
      "填充",
      "模板",
      "说明",
    ]);
    for (const url of requests) expect(url === OFFICE_JS || url.startsWith(origin)).toBe(true);
    expect(problems).toEqual([]);
  });

  it("checks the workbook, lists findings by table, and selects a finding's cell", async () => {
    await page.click('nav [data-action="check"]');
    await page.waitForFunction(
      () => document.querySelector("#status")?.getAttribute("data-check-ms") !== null,
    );
    const checkMs = await page.getAttribute("#status", "data-check-ms");
    console.log(`check time in the browser (after reading): ${checkMs} ms`);
    const groups = await page.locator("#findings details.group").count();
    const findings = page.locator("#findings .finding");
    expect(await findings.count()).toBeGreaterThan(0);
    expect(groups).toBeGreaterThan(0);

    const withCell = page.locator("#findings .finding", { hasText: "文本!" }).first();
    const where = (await withCell.locator(".where").textContent())!.trim();
    await withCell.click();
    await page.waitForSelector("#detail:not([hidden])");
    await page.waitForFunction((w) => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      return fake.selection !== undefined && `${fake.selection.sheet}!${fake.selection.address}` === w;
    }, where);
    const selection = await page.evaluate(
      () => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.selection,
    );
    expect(`${selection?.sheet}!${selection?.address}`).toBe(where);
    expect(await page.locator("#detail h2").textContent()).toBeTruthy();
  });

  it("previews a fill, applies it, and undoes it exactly", async () => {
    expect(blanked).toBeDefined();
    const target = blanked!;
    const fake = () =>
      page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.contentSnapshot());
    const before = await fake();
    await page.click('nav [data-action="fill"]');
    await page.waitForSelector("#fill:not([hidden]) table.patches");
    const rowText = await page
      .locator("#fill table.patches tbody tr", { hasText: `${target.sheet}!${target.cell}` })
      .first()
      .textContent();
    // The new value with thousands separators, as the workbook shows it.
    expect(rowText).toContain(target.text);

    await page.click('#fill [data-action="apply"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("已写入"));
    const written = await page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.cell(sheet, cell).value,
      { sheet: target.sheet, cell: target.cell },
    );
    expect(written).toBe(Number(target.text.replaceAll(",", "")));
    expect(await fake()).not.toBe(before);
    // Applied once: 应用 is off until a new preview.
    await expect(page.locator('#fill [data-action="apply"]').isDisabled()).resolves.toBe(true);

    await page.click('#fill [data-action="undo"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("已撤销"));
    expect(await fake()).toBe(before);
    await page.screenshot({ path: join(artifacts, "taskpane.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("refuses to apply over a value typed after the preview, listing the cell, which keeps the typed value", async () => {
    const target = blanked!;
    const where = `${target.sheet}!${target.cell}`;
    await page.click('nav [data-action="fill"]');
    await page.waitForSelector(`#fill:not([hidden]) table.patches`);
    await expect(page.locator("#fill table.patches tbody tr", { hasText: where }).count()).resolves.toBe(1);
    // The user types into the target cell while the preview is open.
    await page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.typeInto(sheet, cell, "12345"),
      { sheet: target.sheet, cell: target.cell },
    );
    const typed = await page.evaluate(() =>
      (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.contentSnapshot(),
    );
    await page.click('#fill [data-action="apply"]');
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("未写入任何单元格"),
    );
    const status = (await page.locator("#status").textContent())!;
    expect(status).toContain(`${where}：（空） → 12345`);
    expect(status).toContain("重新点击“填充”");
    await expect(page.locator("#fill-changed:not([hidden]) li").allTextContents()).resolves.toEqual([
      `${where}：（空） → 12345`,
    ]);
    await page.locator("#fill").screenshot({ path: join(artifacts, "fill-refused.png") });
    // Nothing was written: the cell keeps the typed value, and so does every other cell.
    const cell = await page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.cell(sheet, cell).value,
      { sheet: target.sheet, cell: target.cell },
    );
    expect(cell).toBe(12345);
    expect(
      await page.evaluate(() =>
        (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.contentSnapshot(),
      ),
    ).toBe(typed);
    // A fresh 填充 reads the typed value: that cell is no longer offered.
    await page.click('nav [data-action="fill"]');
    await page.waitForSelector("#fill:not([hidden]) h2");
    await expect(page.locator("#fill table.patches tbody tr", { hasText: where }).count()).resolves.toBe(0);
    await expect(page.locator("#fill-changed").isHidden()).resolves.toBe(true);
    // Leave the workbook as the later steps expect it.
    await page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.typeInto(sheet, cell, ""),
      { sheet: target.sheet, cell: target.cell },
    );
    expect(problems).toEqual([]);
  });

  it("marks the cells behind the findings and clears the marks exactly", async () => {
    const formats = () =>
      page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.formatSnapshot());
    const before = await formats();
    await page.click('nav [data-action="mark"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("已标记"));
    expect(await formats()).not.toBe(before);
    await page.click('nav [data-action="clear-marks"]');
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("已清除标记"),
    );
    expect(await formats()).toBe(before);
  });

  it("waives a finding into the hidden sheet yusuan_waivers", async () => {
    const first = page.locator("#findings .finding:not(.waived)").first();
    const fingerprint = (await first.getAttribute("data-fingerprint"))!;
    await first.click();
    await page.waitForSelector("#detail:not([hidden]) #waive-reason");
    await page.fill("#waive-reason", "尾差调整，已核实");
    await page.click('#detail [data-action="waive"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("已忽略"));
    const stored = await page.evaluate(() => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      return {
        visibility: fake.visibility("yusuan_waivers"),
        header: fake.cell("yusuan_waivers", "A1").value,
        a2: fake.cell("yusuan_waivers", "A2").value,
        c2: fake.cell("yusuan_waivers", "C2").value,
      };
    });
    expect(stored).toEqual({
      visibility: "Hidden",
      header: "fingerprint",
      a2: fingerprint,
      c2: "尾差调整，已核实",
    });
    await expect(
      page.locator(`#findings .finding.waived[data-fingerprint="${fingerprint}"]`).count(),
    ).resolves.toBe(1);
    expect(problems).toEqual([]);
  });

  /** Another pane over its own fake workbook, optionally an older Excel. */
  async function openPane(
    sheets: { name: string; rows: unknown[][]; protected?: boolean }[],
    apiVersion?: string,
    extra: Record<string, unknown> = {},
  ): Promise<Page> {
    const other = await browser.newPage({ viewport: { width: 380, height: 900 }, locale: "zh-CN" });
    await other.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: officeJs }),
    );
    await other.addInitScript(
      ({ spec, version }) => {
        const w = window as unknown as { __YUSUAN_FAKE_WORKBOOK__: unknown; __YUSUAN_API_VERSION__?: string };
        w.__YUSUAN_FAKE_WORKBOOK__ = spec;
        if (version) w.__YUSUAN_API_VERSION__ = version;
      },
      { spec: { sheets, ...extra }, version: apiVersion },
    );
    await other.goto(`${origin}/taskpane.html`);
    await other.waitForSelector('nav [data-action="check"]', { timeout: 15_000 });
    return other;
  }

  it("shows each finding's severity as a word, errors first in every table, and the CLI's chapter names", async () => {
    await page.click('nav [data-action="check"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("检查完成"));
    const words = await page.$$eval("#findings .finding .sev", (els) => els.map((e) => e.textContent));
    expect(words.length).toBe(await page.locator("#findings .finding").count());
    for (const w of words) expect(["错误", "警告", "提示"]).toContain(w);
    const order = await page.$$eval("#findings details.group", (gs) =>
      gs.map((g) =>
        [...g.querySelectorAll(".finding")].map((f) =>
          f.classList.contains("error") ? 0 : f.classList.contains("warning") ? 1 : 2,
        ),
      ),
    );
    for (const o of order) expect(o).toEqual([...o].sort((a, b) => a - b));
    const titles = await page.$$eval("#findings details.group", (gs) =>
      Object.fromEntries(
        gs.map((g) => [g.getAttribute("data-table"), g.querySelector(".table-title")?.textContent]),
      ),
    );
    if (titles.P) expect(titles.P).toBe("项目情况与绩效目标");
    if (titles.N) expect(titles.N).toBe("编制说明");
  });

  it("puts the detail card right under the selected finding, highlighted, with amounts in thousands", async () => {
    const findings = page.locator("#findings .finding");
    const count = await findings.count();
    let checkedAmounts = 0;
    for (let i = 0; i < Math.min(count, 12); i++) {
      await findings.nth(i).click();
      await page.waitForSelector("#detail:not([hidden])");
      const placed = await page.evaluate(() => {
        const selected = document.querySelectorAll("#findings .finding.selected");
        const li = selected[0]?.closest("li");
        return {
          selected: selected.length,
          next: li?.nextElementSibling?.id,
          current: selected[0]?.getAttribute("aria-current"),
        };
      });
      expect(placed).toEqual({ selected: 1, next: "detail", current: "true" });
      for (const text of await page.$$eval("#detail dd.num", (els) => els.map((e) => e.textContent ?? ""))) {
        checkedAmounts++;
        expect(text, text).not.toMatch(/\d{4}/);
      }
    }
    expect(checkedAmounts).toBeGreaterThan(0);
  });

  it("does not check the 说明 sheet it wrote as the user's content", async () => {
    await page.click('nav [data-action="check"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("检查完成"));
    const before = await page.locator("#findings .finding").count();
    await page.click('nav [data-action="narrative"]');
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("已生成编制说明"),
    );
    const sheet = (await page.locator("#status").textContent())!.match(/“(.+)”/)![1]!;
    await page.click('nav [data-action="check"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("检查完成"));
    const wheres = await page.$$eval("#findings .finding .where", (els) =>
      els.map((e) => e.textContent ?? ""),
    );
    for (const w of wheres) expect(w.startsWith(`${sheet}!`), w).toBe(false);
    expect(await page.locator("#findings .finding").count()).toBe(before);
  });

  it("模板 asks before adding tables to a workbook that has them", async () => {
    const sheets = () =>
      page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.sheetNames().length);
    const before = await sheets();
    await page.click('nav [data-action="template"]');
    await page.click('#template [data-action="insert-template"]');
    await page.waitForSelector("#template .confirm:not([hidden])");
    await expect(page.locator("#template .confirm").textContent()).resolves.toMatch(/已有 \d+ 张预算公开表/);
    expect(await sheets()).toBe(before);
    await page.click('#template [data-action="insert-template-cancel"]');
    expect(await sheets()).toBe(before);
  });

  it("a workbook with no budget tables says so instead of nine missing tables", async () => {
    const other = await openPane([{ name: "Sheet1", rows: [["采购清单"], ["纸", 5]] }]);
    await other.click('nav [data-action="check"]');
    await other.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.includes("未识别到预算公开表格"),
    );
    expect(await other.locator("#findings .finding").count()).toBe(0);
    // …and 模板 then inserts without asking.
    await other.click('nav [data-action="template"]');
    await other.click('#template [data-action="insert-template"]');
    await other.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("已插入"));
    await other.close();
  });

  it("on an older Excel, names the buttons that need a newer one and turns them off", async () => {
    const other = await openPane([{ name: "Sheet1", rows: [["x"]] }], "1.8");
    await expect(other.locator('nav [data-action="mark"]').isDisabled()).resolves.toBe(true);
    await expect(other.locator('nav [data-action="clear-marks"]').isDisabled()).resolves.toBe(true);
    await expect(other.locator('nav [data-action="check"]').isDisabled()).resolves.toBe(false);
    const text = await other.locator("#requirements").textContent();
    expect(text).toContain("“标记”");
    expect(text).toContain("ExcelApi 1.9");
    // Still off after another action re-enabled the toolbar.
    await other.click('nav [data-action="check"]');
    await other.waitForFunction(() => !document.querySelector("#app")?.classList.contains("busy"));
    await expect(other.locator('nav [data-action="mark"]').isDisabled()).resolves.toBe(true);
    await other.close();
  });

  it("says which action a protected sheet or workbook blocks, before trying, and changes nothing", async () => {
    const other = await openPane(
      sampleSheets.map((sh) => ({ ...sh, protected: true })),
      undefined,
      { structureProtected: true },
    );
    await other.click('nav [data-action="check"]');
    await other.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("检查完成"));
    const formats = () =>
      other.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.formatSnapshot());
    const before = await formats();
    await other.click('nav [data-action="mark"]');
    await other.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("无法标记"));
    await expect(other.locator("#status").textContent()).resolves.toContain(
      `“${sampleSheets[0]!.name}”受保护`,
    );
    expect(await formats()).toBe(before);
    const sheets = await other.evaluate(
      () => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.sheetNames().length,
    );
    await other.click('nav [data-action="narrative"]');
    await other.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("无法说明"));
    await expect(other.locator("#status").textContent()).resolves.toContain("工作簿结构受保护");
    expect(
      await other.evaluate(
        () => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.sheetNames().length,
      ),
    ).toBe(sheets);
    await other.close();
  });

  it("shows Office's refusal in Chinese with what to do, not Office's English text", async () => {
    const other = await openPane([{ name: "Sheet1", rows: [["x"]] }]);
    // A write that Excel refuses although the pane could not tell beforehand (protection set meanwhile).
    await other.evaluate(() => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel & { sheets: { protected: boolean }[] } })
        .__fakeExcel;
      const realRun = fake.run;
      (window as unknown as { Excel: { run: unknown } }).Excel.run = async (
        batch: (c: unknown) => Promise<unknown>,
      ) => {
        const result = await realRun(batch as never);
        throw Object.assign(new Error("The cell or chart you're trying to change is on a protected sheet."), {
          code: "AccessDenied",
          result,
        });
      };
    });
    await other.click('nav [data-action="check"]');
    await other.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.includes("撤销工作表保护"),
    );
    await expect(other.locator("#status").textContent()).resolves.not.toContain("protected sheet");
    await other.close();
  });

  it("a marked cell carries a comment saying why; clearing the marks removes it", async () => {
    await page.click('nav [data-action="check"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("检查完成"));
    const where = (await page
      .locator("#findings .finding:not(.waived) .where", { hasText: "!" })
      .first()
      .textContent())!.trim();
    const [sheet, cell] = where.split("!") as [string, string];
    await page.click('nav [data-action="mark"]');
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("已标记"));
    await expect(page.locator("#status").textContent()).resolves.toContain("批注");
    const note = await page.evaluate(
      ({ s, c }) => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.commentAt(s, c),
      { s: sheet, c: cell },
    );
    expect(note).toMatch(/^预算检查（yusuan）：.+/);
    await page.click('nav [data-action="clear-marks"]');
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("已清除标记"),
    );
    const after = await page.evaluate(
      ({ s, c }) => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.commentAt(s, c),
      { s: sheet, c: cell },
    );
    expect(after).toBeUndefined();
  });

  it("imports a classification catalog, keeps it in a hidden sheet, and checks with it", async () => {
    const other = await openPane(sampleSheets);
    await other.click('nav [data-action="check"]');
    await other.waitForFunction(() => document.querySelector("#status")?.textContent?.startsWith("检查完成"));
    const d3 = () => other.locator('#findings .finding[data-rule^="D3."]').count();
    const before = await d3();
    await other.click("#catalog > summary");
    await other.setInputFiles("#catalog-file", {
      name: "2025-functional.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "编码,名称\n201,一般公共服务支出\n20199,其他一般公共服务支出\n2019999,其他一般公共服务支出（新）\n",
        "utf8",
      ),
    });
    await other.fill("#catalog-year", "2025");
    await other.click('#catalog [data-action="import-catalog"]');
    await other.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("已导入 2025 年分类目录"),
    );
    const stored = await other.evaluate(() => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      return {
        visibility: fake.visibility("yusuan_catalog"),
        a1: fake.cell("yusuan_catalog", "A1").value,
        a2: String(fake.cell("yusuan_catalog", "A2").value),
      };
    });
    expect(stored.visibility).toBe("Hidden");
    expect(stored.a1).toBe("yusuan catalog");
    expect(JSON.parse(stored.a2)).toMatchObject({ scheme: "functional", year: 2025 });
    expect(await d3()).toBeGreaterThan(before);
    // The catalog sheet is not checked as content.
    const wheres = await other.$$eval("#findings .finding .where", (els) =>
      els.map((e) => e.textContent ?? ""),
    );
    for (const w of wheres) expect(w.startsWith("yusuan_catalog!"), w).toBe(false);
    // A broken file is refused with the reason, and nothing is stored.
    await other.setInputFiles("#catalog-file", {
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("名称\n没有编码列\n", "utf8"),
    });
    await other.click('#catalog [data-action="import-catalog"]');
    await other.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("目录文件“bad.csv”有误"),
    );
    await other.close();
  });
});
