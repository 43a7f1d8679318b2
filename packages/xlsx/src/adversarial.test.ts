/**
 * Every parser and formatter of this package that sees text from a workbook, fed 100,000-character
 * adversarial strings (the shapes that make backtracking or rescanning code quadratic). A generous
 * guard per call: linear code takes milliseconds, quadratic code takes minutes.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "@yusuan/disclosure";
import { evaluateFormulas } from "./evaluate";
import { formatDate, formatNumber, isDateFormat, MAX_FORMAT_LENGTH, MAX_FORMATTED_LENGTH } from "./format";
import {
  holdsDate,
  moveFormula,
  parseRange,
  readSharedStrings,
  readStyles,
  readWorksheet,
  unescapeExcel,
} from "./sheet-xml";
import { attributes, decodeXml, parseXml } from "./xml";
import { amountCell } from "./write";
import { rangeArea } from "./inspect";

const N = 100_000;
const GUARD_MS = 2_000;

/** Strings that are hard for one naive pattern or another. */
const ADVERSARIAL: Record<string, string> = {
  brackets: "[".repeat(N),
  commas: ",".repeat(N),
  "comma-zero": `0${",".repeat(N)}`,
  quotes: '"'.repeat(N),
  "unclosed-quote": `"${"a".repeat(N)}`,
  "bracket-h": `[${"h".repeat(N)}`,
  "bracket-pairs": "[h".repeat(N / 2),
  zeros: "0".repeat(N),
  "hash-dot": "#.".repeat(N / 2),
  underscores: "_x".repeat(N / 2),
  escapes: "_x0041".repeat(N / 6),
  ampersands: "&".repeat(N),
  "entity-like": "&#1".repeat(N / 3),
  letters: "A".repeat(N),
  "cell-like": "A1".repeat(N / 2),
  "sheet-like": "'".repeat(N),
  "word-equals": `${"a".repeat(N)}=`,
  lt: "<".repeat(N),
  semicolons: ";".repeat(N),
  digits: "9".repeat(N),
  sums: "SUM(".repeat(N / 4),
  pluses: `${"1+".repeat(N / 2)}1`,
};

function timed(label: string, fn: () => unknown): void {
  const started = performance.now();
  fn();
  expect(performance.now() - started, label).toBeLessThan(GUARD_MS);
}

describe("parsers and formatters stay fast on 100,000-character adversarial strings", () => {
  for (const [name, s] of Object.entries(ADVERSARIAL)) {
    it(name, () => {
      timed(`formatNumber format ${name}`, () => formatNumber(1234.5, s));
      timed(`formatNumber with a section ${name}`, () => formatNumber(-1234.5, `#,##0.00;${s}`));
      timed(`isDateFormat ${name}`, () => isDateFormat(s));
      timed(`formatDate ${name}`, () => formatDate(new Date(0), s));
      timed(`holdsDate ${name}`, () => holdsDate(s));
      timed(`moveFormula ${name}`, () => moveFormula(s, 1, 1));
      timed(`parseRange ${name}`, () => parseRange(s));
      timed(`rangeArea ${name}`, () => rangeArea(s));
      timed(`unescapeExcel ${name}`, () => unescapeExcel(s));
      timed(`decodeXml ${name}`, () => {
        try {
          decodeXml(s);
        } catch {
          // refused is fine; slow is not
        }
      });
      timed(`attributes ${name}`, () => {
        try {
          attributes(` a="${s}" ${s}`);
        } catch {
          // refused
        }
      });
      timed(`parseXml text ${name}`, () => parseXml(`<a>${s}</a>`, { open() {}, close() {}, text() {} }));
      timed(`parseXml tag ${name}`, () => parseXml(`<a ${s}`, { open() {}, close() {}, text() {} }));
      timed(`amountCell ${name}`, () => amountCell(s));
      timed(`readStyles ${name}`, () =>
        readStyles(
          `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${s.replace(/[<&"]/g, "x")}"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>`,
        ),
      );
      timed(`readSharedStrings ${name}`, () =>
        readSharedStrings(`<sst><si><t>${s.replace(/[<&]/g, "x")}</t></si></sst>`),
      );
      timed(`readWorksheet ${name}`, () =>
        readWorksheet(
          `<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>${s.replace(/[<&]/g, "x")}</f></c><c r="B1"><v>${s.replace(/[<&]/g, "x")}</v></c></row></sheetData></worksheet>`,
          {
            strings: [],
            formats: [],
            date1904: false,
            maxCells: 10,
          },
        ),
      );
      timed(`evaluateFormulas ${name}`, () => {
        const cell: Cell = {
          address: "A1",
          row: 0,
          col: 0,
          value: null,
          text: "",
          formula: s,
          formulaWithoutResult: true,
        };
        evaluateFormulas([{ name: "S", rows: [[cell]] }]);
      });
    });
  }

  it("a number format longer than the limit is refused by the reader and shown as General by the formatter", () => {
    const long = `"${"长".repeat(MAX_FORMAT_LENGTH)}"0`;
    const r = readStyles(
      `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${long.replace(/"/g, "&quot;")}"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>`,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/hostile/);
    expect(formatNumber(1234.5, long)).toBe("1234.5");
  });

  it("the text one format produces is capped", () => {
    const literal = `"${"长".repeat(MAX_FORMAT_LENGTH - 10)}"#,##0`;
    const text = formatNumber(1e300, literal);
    expect(text.length).toBeLessThanOrEqual(MAX_FORMATTED_LENGTH + 1);
    expect(text.endsWith("…")).toBe(true);
  });
});
