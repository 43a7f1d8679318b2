import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@yusuan/disclosure";
import { describe, expect, test } from "vitest";
import { makeCjkPdf, makePdf } from "./fixtures.test-util";
import { DEFAULT_PDF_LIMITS, gridToText, readPdf } from "./index";

const realPdf = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, "../../../tests/fixtures/real/pdf", `${name}.pdf`)));

/** Reads, and checks the failure shape: the code, one line naming the file, in bounded time. */
async function expectFailure(bytes: Uint8Array, name: string, code: string, seconds = 10) {
  const start = performance.now();
  const r = await readPdf(bytes, name);
  const elapsed = (performance.now() - start) / 1000;
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toContain(`“${name}”`);
  expect(r.error.messageEn).toContain(`"${name}"`);
  expect(r.error.message).not.toMatch(/\n/);
  expect(r.error.messageEn).not.toMatch(/\n|\bat \w+ \(/);
  expect(elapsed).toBeLessThan(seconds);
}

describe("readPdf on bad input", () => {
  test("not a PDF: text, empty, a PNG header", async () => {
    await expectFailure(
      new TextEncoder().encode("2025年部门收入预算总表\n201\t一般公共服务支出"),
      "预算.txt.pdf",
      "not-pdf",
    );
    await expectFailure(new Uint8Array(0), "empty.pdf", "not-pdf");
    await expectFailure(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "image.pdf",
      "not-pdf",
    );
  });

  test("encrypted with a user password", async () => {
    await expectFailure(
      makePdf({ pages: [["Hello"]], encrypt: { userPassword: true, permissions: 0xffffffff } }),
      "locked.pdf",
      "encrypted",
    );
  });

  test("encrypted without a user password, text extraction forbidden", async () => {
    await expectFailure(
      makePdf({ pages: [["Hello"]], encrypt: { userPassword: false, permissions: 0xffffffff & ~0x10 } }),
      "nocopy.pdf",
      "encrypted",
    );
  });

  test("encrypted without a user password but extraction allowed: read like any PDF", async () => {
    const r = await readPdf(
      makePdf({ pages: [["Hello budget"]], encrypt: { userPassword: false, permissions: 0xffffffff } }),
      "open.pdf",
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(gridToText(r.grid)).toContain("Hello budget");
  });

  test("a scan: images only, no text", async () => {
    await expectFailure(makePdf({ pages: [[], []] }), "scan.pdf", "no-text");
  });

  test("truncated", async () => {
    const whole = realPdf("qufuban_2025_bumen");
    await expectFailure(whole.subarray(0, Math.floor(whole.length / 2)), "cut.pdf", "corrupt");
  });

  test("corrupt bytes", async () => {
    const junk = new Uint8Array(20_000).map((_, i) => (i * 7919 + 13) % 251);
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("%PDF-1.7\n"),
      ...junk,
      ...new TextEncoder().encode("\n%%EOF\n"),
    ]);
    await expectFailure(bytes, "junk.pdf", "corrupt");
  });

  test("2,000 pages are refused quickly", async () => {
    const pages = Array.from({ length: 2000 }, () => ["page"]);
    await expectFailure(makePdf({ pages }), "huge.pdf", "too-large", 10);
  });

  test("limits are constants and can be lowered", async () => {
    expect(DEFAULT_PDF_LIMITS.maxPages).toBeGreaterThanOrEqual(500);
    const r = await readPdf(makePdf({ pages: [["a"], ["b"], ["c"]] }), "three.pdf", {
      limits: { maxPages: 2 },
    });
    expect(r.ok ? "" : r.error.code).toBe("too-large");
    const big = await readPdf(makePdf({ pages: [["a"]] }), "big.pdf", { limits: { maxBytes: 100 } });
    expect(big.ok ? "" : big.error.messageEn).toMatch(/limit is/);
  });

  test("a valid PDF that is not a budget reads; analysis finds no tables", async () => {
    const r = await readPdf(
      makePdf({ pages: [["Minutes of the meeting", "Nothing about budgets here."]] }),
      "minutes.pdf",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBe(1);
    expect(r.grid.source).toEqual({ kind: "pdf", name: "minutes.pdf" });
    expect(gridToText(r.grid)).toBe("Minutes of the meeting\nNothing about budgets here.\n");
    expect(analyze(r.grid).tables.filter((t) => t.found)).toEqual([]);
  });

  test("never throws, whatever it is handed", async () => {
    for (const bad of [
      undefined,
      null,
      "a string",
      42,
      {},
      new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    ] as unknown[]) {
      const r = await readPdf(bad as Uint8Array, "x.pdf");
      expect(r.ok).toBe(false);
    }
  });
});

describe("gridToText", () => {
  test("one line per row, TAB between cells, trailing empty cells dropped", () => {
    const cell = (row: number, col: number, text: string) => ({
      address: "",
      row,
      col,
      value: text === "" ? null : text,
      text,
    });
    const text = gridToText({
      source: { kind: "pdf", name: "a.pdf" },
      sheets: [
        {
          name: "文本",
          rows: [
            [cell(0, 0, "合计"), cell(0, 1, ""), cell(0, 2, "1,000")],
            [cell(1, 0, "注"), cell(1, 1, "")],
          ],
        },
      ],
    });
    expect(text).toBe("合计\t\t1,000\n注\n");
  });
});

describe("fonts that are not embedded", () => {
  const title = "2025年部门预算收入支出总表";

  test("Chinese text in an Adobe-GB1 font with a UCS-2 CMap and no ToUnicode reads (CMaps found in Node.js)", async () => {
    const r = await readPdf(makeCjkPdf([title, "部门预算"]), "cjk.pdf");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(gridToText(r.grid)).toBe(`${title}\n部门预算\n`);
  });

  test("the same with a GBK CMap", async () => {
    const r = await readPdf(makeCjkPdf(["2025年部门预算收入支出总表"], "GBK-EUC-H"), "gbk.pdf");
    expect(r.ok && gridToText(r.grid)).toBe(`${title}\n`);
  });

  test("CMap and standard font folders can be given (as a browser must); a wrong folder is no crash", async () => {
    const root = join(__dirname, "../../../node_modules/pdfjs-dist");
    const r = await readPdf(makeCjkPdf([title]), "cjk.pdf", {
      cMapUrl: join(root, "cmaps"),
      standardFontDataUrl: join(root, "standard_fonts"),
    });
    expect(r.ok && gridToText(r.grid)).toBe(`${title}\n`);
    const wrong = await readPdf(makeCjkPdf([title]), "cjk.pdf", { cMapUrl: "/nonexistent/cmaps/" });
    expect(wrong.ok ? "ok" : wrong.error.code).toMatch(/^(ok|no-text|corrupt)$/);
  });
});
