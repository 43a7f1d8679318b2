/**
 * The requirement set of each button, held to what the adapter really calls: with the fake Excel at
 * exactly that ExcelApi version the action works, one version lower it fails with ApiNotFound (as an
 * older Excel would). And the shipped bundles parse at the syntax level chosen for Office's webviews.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { templateWorkbook } from "@yusuan/disclosure";
import {
  addTextSheet,
  clearMarks,
  insertWorkbook,
  loadMarks,
  markCells,
  readWorkbook,
  restoreCells,
  saveMarks,
  writeCells,
  writeTableSheet,
  MARKS_SETTING,
  type ExcelRun,
} from "../src/adapter";
import { ACTION_REQUIREMENTS, excelFor, unsupportedActions, type Action } from "../src/requirements";
import { FakeExcel, type FakeSheetSpec } from "./fake-excel";
import { build } from "../build.mjs";

const SHEETS: FakeSheetSpec[] = [
  {
    name: "T3",
    rows: [
      ["2025年部门支出预算总表"],
      ["编码", "名称", "合计"],
      ["2010101", "行政运行", { value: 300, text: "300.00", numberFormat: "#,##0.00" }],
    ],
  },
  { name: "空白", rows: [] },
];

const fake = (apiVersion: string) => new FakeExcel({ name: "预算.xlsx", sheets: SHEETS, apiVersion });
const runOf = (excel: FakeExcel) => excel.run as unknown as ExcelRun;
const supportsOf = (excel: FakeExcel) => (v: string) => excel.isSetSupported("ExcelApi", v);

/** What each action does to the workbook, through the adapter, as the pane does it. */
const ACTIONS: Record<Action, (excel: FakeExcel) => Promise<unknown>> = {
  check: (excel) =>
    readWorkbook(runOf(excel), {
      supports: supportsOf(excel),
      merges: excel.isSetSupported("ExcelApi", "1.13"),
    }),
  mark: async (excel) => {
    const prior = await markCells(runOf(excel), [{ sheet: "T3", cell: "C3", color: "#FDE7E9" }]);
    await saveMarks(runOf(excel), prior);
  },
  clearMarks: async (excel) => {
    // A mark made over a patterned fill: putting that pattern back is what needs 1.9.
    excel.settings.set(
      MARKS_SETTING,
      JSON.stringify([{ sheet: "T3", cell: "C3", color: "#FFFF00", pattern: "Gray25" }]),
    );
    await clearMarks(runOf(excel), await loadMarks(runOf(excel)));
  },
  fill: async (excel) => {
    const written = await writeCells(runOf(excel), [
      { sheet: "T3", cell: "C3", value: "301.00", expected: { value: 300 } },
    ]);
    if (!written.ok) throw new Error("refused");
    const restored = await restoreCells(runOf(excel), written.undo);
    if (!restored.ok) throw new Error("refused");
  },
  waive: (excel) =>
    writeTableSheet(runOf(excel), "yusuan_waivers", [["fingerprint", "rule", "reason", "by", "date"]], {
      hidden: true,
    }),
  template: (excel) => insertWorkbook(runOf(excel), templateWorkbook({ department: "某部门", year: 2025 })),
  narrative: (excel) => addTextSheet(runOf(excel), "预算编制说明", ["一、部门职责"]),
};

/** The set just below a version ("1.9" → "1.8"); undefined below 1.1. */
function below(version: string): string | undefined {
  const minor = Number(version.split(".")[1]);
  return minor > 1 ? `1.${minor - 1}` : undefined;
}

describe("ACTION_REQUIREMENTS against the fake Excel", () => {
  for (const [action, version] of Object.entries(ACTION_REQUIREMENTS) as [Action, string][]) {
    it(`${action} works with ExcelApi ${version}${below(version) ? ` and fails with ${below(version)}` : ""}`, async () => {
      await expect(ACTIONS[action](fake(version))).resolves.not.toThrow();
      const older = below(version);
      if (older) await expect(ACTIONS[action](fake(older))).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  }

  it("check reads the same cells on ExcelApi 1.1 (getUsedRange) as on 1.13 (getUsedRangeOrNullObject)", async () => {
    const legacy = await ACTIONS.check(fake("1.1"));
    const current = await ACTIONS.check(fake("1.13"));
    const cells = (g: unknown) =>
      (
        g as { sheets: { name: string; rows: ({ address: string; text: string } | undefined)[][] }[] }
      ).sheets.map((s) => [
        s.name,
        s.rows
          .flat()
          .filter(Boolean)
          .map((c) => `${c!.address}=${c!.text}`),
      ]);
    expect(cells(legacy)).toEqual(cells(current));
    expect((legacy as { source: { name: string } }).source.name).toBe("Excel");
    expect((current as { source: { name: string } }).source.name).toBe("预算.xlsx");
  });

  it("names the buttons an older Excel cannot run, and the Excel that can", () => {
    expect(
      unsupportedActions((v) => Number(v.split(".")[1]) <= 8)
        .map((m) => m.action)
        .sort(),
    ).toEqual(["clearMarks", "mark"]);
    expect(unsupportedActions(() => true)).toEqual([]);
    expect(
      unsupportedActions((v) => v === "1.1")
        .map((m) => m.action)
        .sort(),
    ).toEqual(["clearMarks", "mark", "narrative", "template", "waive"]);
    expect(excelFor("1.1")).toBe("Excel 2016");
    expect(excelFor("1.9")).toBe("Excel 2021");
  });
});

describe("syntax level of the shipped bundles", () => {
  let dist: string;
  beforeAll(async () => {
    dist = join(import.meta.dirname, "..", "test-artifacts", "syntax-dist");
    await build({ outdir: dist, quiet: true });
  }, 120_000);

  it("every .js the add-in ships parses as ES2017, and compat.js as ES5", () => {
    const scripts = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(scripts).toEqual(
      expect.arrayContaining([
        "taskpane.js",
        "functions.js",
        "writer.js",
        "pdf.js",
        "catalog.js",
        "compat.js",
      ]),
    );
    for (const file of scripts) {
      const code = readFileSync(join(dist, file), "utf8");
      const ecmaVersion = file === "compat.js" ? 5 : 2017;
      expect(() => parse(code, { ecmaVersion, sourceType: "script" }), file).not.toThrow();
    }
  });

  it("the check can fail: ES2020 syntax is rejected at ES2017", () => {
    expect(() => parse("const a = b?.c ?? 1;", { ecmaVersion: 2017 })).toThrow();
    expect(() => parse("const a = async () => { await import(x); };", { ecmaVersion: 2017 })).toThrow();
  });

  it("every page loads compat.js before the pane's code", () => {
    for (const page of ["taskpane.html", "index.html"]) {
      const html = readFileSync(join(dist, page), "utf8");
      expect(html.indexOf('src="compat.js"'), page).toBeGreaterThan(-1);
      expect(html.indexOf('src="compat.js"'), page).toBeLessThan(html.indexOf('src="taskpane.js"'));
    }
  });
});

describe("Office errors in the pane's language", () => {
  it("an action on an Excel without its set gives a Chinese message with what to do", async () => {
    const { describeOfficeError } = await import("../src/office-errors");
    const error = await ACTIONS.mark(fake("1.8")).catch((e: unknown) => e);
    const text = describeOfficeError(error, "zh-CN");
    expect(text).toContain("此 Excel 版本不支持");
    expect(text).not.toMatch(/[A-Za-z]{6,}/);
    expect(describeOfficeError(error, "en")).toContain("Update Excel");
    expect(describeOfficeError({ code: "AccessDenied", message: "Access denied" }, "zh-CN")).toContain(
      "撤销工作表保护",
    );
    expect(describeOfficeError(new Error("boom"), "zh-CN")).toBe("操作失败：boom");
  });
});

describe("protection, read before acting", () => {
  const spec = (structureProtected: boolean, apiVersion = "1.13") =>
    new FakeExcel({
      sheets: [{ ...SHEETS[0]!, protected: true }, SHEETS[1]!],
      structureProtected,
      apiVersion,
    });

  it("reads which sheets are protected and whether the structure is", async () => {
    const { readProtection } = await import("../src/adapter");
    const excel = spec(true);
    await expect(readProtection(runOf(excel), supportsOf(excel))).resolves.toEqual({
      sheets: ["T3"],
      structure: true,
      names: ["T3", "空白"],
    });
    const open = new FakeExcel({ sheets: SHEETS });
    await expect(readProtection(runOf(open), supportsOf(open))).resolves.toEqual({
      sheets: [],
      structure: false,
      names: ["T3", "空白"],
    });
  });

  it("on an Excel without the protection API, reports nothing rather than failing", async () => {
    const { readProtection } = await import("../src/adapter");
    const old = spec(true, "1.1");
    await expect(readProtection(runOf(old), supportsOf(old))).resolves.toEqual({
      sheets: [],
      structure: false,
      names: ["T3", "空白"],
    });
    const mid = spec(true, "1.2");
    await expect(readProtection(runOf(mid), supportsOf(mid))).resolves.toEqual({
      sheets: ["T3"],
      structure: false,
      names: ["T3", "空白"],
    });
  });

  it("the fake Excel refuses writes to a protected sheet and new sheets in a protected structure, as Excel does", async () => {
    const excel = spec(true);
    await expect(ACTIONS.fill(excel)).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(ACTIONS.mark(excel)).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(ACTIONS.narrative(excel)).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(ACTIONS.check(excel)).resolves.toBeDefined();
  });

  it("in a protected structure, rewriting a sheet that exists (even hidden) is not blocked; adding one is", async () => {
    const { protectionBlocks } = await import("../src/taskpane/protection");
    const { t } = await import("../src/taskpane/i18n");
    const excel = new FakeExcel({
      sheets: [SHEETS[0]!, { name: "yusuan_catalog", rows: [["yusuan catalog"]], hidden: true }],
      structureProtected: true,
    });
    const said: string[] = [];
    const pane = {
      run: runOf(excel),
      lang: "zh-CN",
      L: (k: Parameters<typeof t>[1], p?: Record<string, string | number>) => t("zh-CN", k, p),
      supports: supportsOf(excel),
      say: (text: string) => said.push(text),
    } as unknown as Parameters<typeof protectionBlocks>[0];
    await expect(
      protectionBlocks(pane, "importCatalogAction", ["yusuan_catalog"], "yusuan_catalog"),
    ).resolves.toBe(false);
    expect(said).toEqual([]);
    await expect(protectionBlocks(pane, "waive", ["yusuan_waivers"], "yusuan_waivers")).resolves.toBe(true);
    expect(said[0]).toContain("工作簿结构受保护");
    await expect(protectionBlocks(pane, "narrative", [], true)).resolves.toBe(true);
  });
});
