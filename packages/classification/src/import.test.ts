import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { createCatalog, toCatalogData, type CatalogData } from "./catalog";
import {
  importCatalogCsv,
  importCatalogXlsx,
  serializeCatalog,
  validateCatalogData,
  type ImportResult,
} from "./import";
import { builtInCatalog, getCatalog, registerCatalog, unregisterCatalog } from "./registry";

const opts = { scheme: "functional", year: 2026 } as const;

function okResult(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(`import failed: ${r.errors.map((e) => e.message).join("; ")}`);
  return r;
}

function errResult(r: ImportResult): Extract<ImportResult, { ok: false }> {
  if (r.ok) throw new Error("import unexpectedly succeeded");
  return r;
}

const GOOD_CSV = [
  "\uFEFF2026年政府收支分类科目,,",
  "科目编码,科目名称,说明",
  "201,一般公共服务支出,",
  "20101,人大事务,",
  '2010101,行政运行,"含""机关""运行"',
  "2010102,一般行政管理事务,",
  "合计,,",
  ",2026年起执行,",
  "",
].join("\r\n");

describe("importCatalogCsv", () => {
  it("reads a good file with BOM, CRLF, a title line and quotes", () => {
    const r = okResult(importCatalogCsv(GOOD_CSV, { ...opts, source: "财政部2026" }));
    expect(r.data.scheme).toBe("functional");
    expect(r.data.year).toBe(2026);
    expect(r.data.source).toBe("财政部2026");
    expect(r.data.entries).toEqual([
      { code: "201", name: "一般公共服务支出", level: "类" },
      { code: "20101", name: "人大事务", level: "款" },
      { code: "2010101", name: "行政运行", level: "项" },
      { code: "2010102", name: "一般行政管理事务", level: "项" },
    ]);
    expect(r.warnings).toEqual(["跳过了2行没有编码的行（如合计行、说明行）"]);
  });

  it("reads a code printed in the name column", () => {
    const r = okResult(importCatalogCsv("编码,名称\n,201 一般公共服务支出\n,20101 人大事务\n", opts));
    expect(r.data.entries).toEqual([
      { code: "201", name: "一般公共服务支出", level: "类" },
      { code: "20101", name: "人大事务", level: "款" },
    ]);
  });

  it("finds English headers and gives a default source", () => {
    const r = okResult(
      importCatalogCsv("code,name\n301,工资福利支出\n30101,基本工资\n", {
        scheme: "economic-dept",
        year: 2026,
      }),
    );
    expect(r.data.entries.map((e) => e.code)).toEqual(["301", "30101"]);
    expect(r.data.source).toContain("CSV");
  });

  it("reads level columns 类/款/项 under a merged code header", () => {
    const csv = [
      "功能分类科目编码,,,功能分类科目名称",
      "类,款,项,",
      "201,,,一般公共服务支出",
      "201,01,,人大事务",
      "201,01,01,行政运行",
    ].join("\n");
    const r = okResult(importCatalogCsv(csv, opts));
    expect(r.data.entries.map((e) => e.code)).toEqual(["201", "20101", "2010101"]);
  });

  it("fails without a header row", () => {
    const r = errResult(importCatalogCsv("201,一般公共服务支出\n", opts));
    expect(r.errors[0]?.message).toContain("未找到表头行");
    expect(r.errors[0]?.messageEn).toContain("header");
  });

  it("reports duplicate codes with their row", () => {
    const r = errResult(importCatalogCsv("编码,名称\n201,一般公共服务支出\n201,一般公共服务\n", opts));
    expect(r.errors).toEqual([
      { row: 3, message: "编码201重复出现", messageEn: "code 201 appears more than once" },
    ]);
  });

  it("reports a code whose parent is missing (bad nesting)", () => {
    const r = errResult(importCatalogCsv("编码,名称\n201,一般公共服务支出\n2010101,行政运行\n", opts));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 3, message: "编码2010101的上级科目20101不在目录中" });
  });

  it("turns a missing parent into a warning for a partial list", () => {
    const r = okResult(
      importCatalogCsv("编码,名称\n201,一般公共服务支出\n2010101,行政运行\n", { ...opts, partial: true }),
    );
    expect(r.data.entries).toHaveLength(2);
    expect(r.warnings).toEqual(["第3行：编码2010101的上级科目20101不在目录中"]);
  });

  it("reports a level column inconsistent with the code", () => {
    const r = errResult(
      importCatalogCsv("编码,名称,级次\n201,一般公共服务支出,类\n20101,人大事务,类\n", opts),
    );
    expect(r.errors).toEqual([
      {
        row: 3,
        message: "编码20101应为款级，但标为“类”",
        messageEn: 'code 20101 is at level 款 but is marked "类"',
      },
    ]);
  });

  it("reports codes that are not codes of the scheme, and missing names", () => {
    const r = errResult(
      importCatalogCsv("编码,名称\n201,一般公共服务支出\n2019,坏编码\n301,工资福利支出\n20101,\n", opts),
    );
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(r.errors[0]?.message).toContain("第3行");
    expect(r.errors[1]?.message).toContain("不以2开头");
    expect(r.errors[2]?.message).toContain("没有科目名称");
  });

  it("reports an empty file", () => {
    expect(errResult(importCatalogCsv("编码,名称\n", opts)).errors[0]?.message).toBe("目录中没有任何科目");
  });
});

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("importCatalogXlsx", () => {
  it("reads a worksheet with numeric code cells, a title row and rich text", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("说明").addRow(["这张表不是目录"]);
      const ws = wb.addWorksheet("科目");
      ws.addRow(["2026年政府收支分类科目（支出功能分类）"]);
      ws.addRow(["科目编码", "科目名称"]);
      ws.addRow([201, "一般公共服务支出"]);
      ws.addRow([20101, { richText: [{ text: "人大" }, { text: "事务" }] }]);
      ws.addRow(["2010101", "行政运行"]);
    });
    const r = okResult(await importCatalogXlsx(bytes, { ...opts, sheet: "科目" }));
    expect(r.data.entries).toEqual([
      { code: "201", name: "一般公共服务支出", level: "类" },
      { code: "20101", name: "人大事务", level: "款" },
      { code: "2010101", name: "行政运行", level: "项" },
    ]);
    expect(r.data.source).toContain("科目");
  });

  it("reads level columns whose zeros a spreadsheet dropped", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("T");
      ws.addRow(["类", "款", "项", "科目名称"]);
      ws.addRow([201, null, null, "一般公共服务支出"]);
      ws.addRow([201, 1, null, "人大事务"]);
      ws.addRow([201, 1, 1, "行政运行"]);
    });
    const r = okResult(await importCatalogXlsx(bytes, opts));
    expect(r.data.entries.map((e) => e.code)).toEqual(["201", "20101", "2010101"]);
  });

  it("reports row numbers of the worksheet", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("T");
      ws.addRow(["标题"]);
      ws.addRow(["编码", "名称"]);
      ws.addRow([201, "一般公共服务支出"]);
      ws.addRow([201, "重复"]);
    });
    const r = errResult(await importCatalogXlsx(bytes, opts));
    expect(r.errors).toEqual([
      { row: 4, message: "编码201重复出现", messageEn: "code 201 appears more than once" },
    ]);
  });

  it("reports a missing worksheet and an unreadable file without throwing", async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet("T").addRow(["编码", "名称"]));
    expect(errResult(await importCatalogXlsx(bytes, { ...opts, sheet: "无" })).errors[0]?.message).toBe(
      "找不到工作表“无”",
    );
    const broken = errResult(await importCatalogXlsx(new Uint8Array([1, 2, 3, 4]), opts));
    expect(broken.errors[0]?.message).toContain("无法读取XLSX文件");
  });
});

describe("validateCatalogData", () => {
  it("accepts good data", () => {
    expect(validateCatalogData(toCatalogData(builtInCatalog("economic-dept")))).toEqual({
      ok: true,
      warnings: [],
    });
  });

  it("rejects values that are not catalog data at all", () => {
    expect(validateCatalogData(null).ok).toBe(false);
    expect(validateCatalogData({ scheme: "x", year: 2026, source: "", entries: [] })).toMatchObject({
      ok: false,
      errors: [{ message: "未知的分类体系“x”" }],
    });
  });

  it("checks the year, empty names and levels", () => {
    const v = validateCatalogData({
      scheme: "functional",
      year: 26,
      source: "",
      entries: [
        { code: "201", name: " ", level: "类" },
        { code: "20101", name: "人大事务", level: "项" },
      ],
    });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors.map((e) => e.message)).toEqual([
        "年度“26”无效，应为四位整数年份",
        "编码201的科目名称为空",
        "编码20101应为款级，但标为“项”",
      ]);
      expect(v.errors[2]).toMatchObject({ index: 1, code: "20101" });
    }
  });
});

describe("serializeCatalog", () => {
  it("round-trips through JSON and createCatalog", () => {
    const data = toCatalogData(builtInCatalog("economic-dept"));
    const text = serializeCatalog(data);
    const parsed = JSON.parse(text) as CatalogData;
    expect(parsed).toEqual(data);
    expect(validateCatalogData(parsed).ok).toBe(true);
    const again = createCatalog(parsed);
    expect(again.size).toBe(66);
    expect(again.checkName("30202", "咨询费")).toEqual({
      status: "obsolete",
      current: "印刷费",
      former: "咨询费",
    });
    expect(serializeCatalog(toCatalogData(again))).toBe(text);
  });

  it("keeps the year of a former name", () => {
    const text = serializeCatalog(toCatalogData(builtInCatalog("functional")));
    expect(text).toContain(
      '{"code":"210","name":"卫生健康支出","level":"类","formerNames":[{"name":"医疗卫生与计划生育支出","until":2018}]}',
    );
  });

  it("writes an empty catalog as valid JSON", () => {
    const data: CatalogData = { scheme: "revenue", year: 2026, source: "none", entries: [] };
    expect(JSON.parse(serializeCatalog(data))).toEqual(data);
  });
});

describe("an imported catalog in use", () => {
  afterEach(() => {
    unregisterCatalog("functional", 2026);
  });

  it("becomes usable through getCatalog once registered", () => {
    expect(getCatalog("functional", 2026).has("2010102")).toBe(false);
    const r = okResult(importCatalogCsv(GOOD_CSV, opts));
    registerCatalog(createCatalog(r.data));
    const c = getCatalog("functional", 2026);
    expect(c.get("2010102")?.name).toBe("一般行政管理事务");
    expect(c.checkName("20101", "人大事务")).toEqual({ status: "match" });
    expect(getCatalog("functional", 2025)).toBe(builtInCatalog("functional"));
  });
});
