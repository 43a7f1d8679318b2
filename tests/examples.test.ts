/**
 * The bundled examples: examples/sample.xlsx is generated from examples/sample.txt by
 * `npm run examples` (never edited by hand). Both must give the same findings apart from locations.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { analyze, type Finding } from "@yusuan/disclosure";
import { readXlsx } from "@yusuan/xlsx";
import { analyzeText, sampleText } from "./fixtures/sample";

const workbookPath = fileURLToPath(new URL("../examples/sample.xlsx", import.meta.url));
const key = (f: Finding) => [
  f.rule,
  f.severity,
  f.table,
  f.row,
  f.column,
  f.expected,
  f.actual,
  f.difference,
  f.fingerprint,
];

test("the committed sample workbook gives the text's findings, with sheet locations", async () => {
  const read = await readXlsx(new Uint8Array(readFileSync(workbookPath)), "sample.xlsx");
  if (!read.ok) throw new Error(read.message);
  const fromWorkbook = analyze(read.grid);
  const fromText = analyzeText(sampleText());
  expect(fromWorkbook.findings.map(key)).toEqual(fromText.findings.map(key));
  expect(fromWorkbook.tables.map((t) => [t.id, t.found])).toEqual(
    fromText.tables.map((t) => [t.id, t.found]),
  );
  expect(fromWorkbook.findings.every((f) => f.location && "sheet" in f.location)).toBe(true);
  expect(fromWorkbook.document).toEqual(fromText.document);
});
