import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { analyze } from "../analyze";
import { readTextDocument } from "../text";

// pdftotext -layout output with one TAB in it: read TAB-only, its table rows stay whole lines.
const layout = readFileSync(
  new URL("../../../../tests/fixtures/real/layout/wanli_2025_bumen.txt", import.meta.url),
  "utf8",
);

function analyzeText(text: string) {
  const r = readTextDocument(text, "x.txt");
  if (!r.ok) throw new Error(r.message);
  return analyze(r.grid);
}

test("a table found whose cells could not be read gets one clear finding, never 没有数据", () => {
  const a = analyzeText(`上海市普陀区2025年区级部门预算\t\n${layout}`);
  const hits = a.findings.filter((f) => f.rule === "D2.table-unreadable");
  expect(hits.map((f) => f.table)).toEqual(["T1", "T2", "T3", "T4", "T5", "T8", "T9"]);
  const t3 = hits.find((f) => f.table === "T3")!;
  expect(t3).toMatchObject({ severity: "error", location: { line: expect.any(Number) } });
  expect(t3.message).toMatch(
    /^表3 找到标题，但未能读出单元格：标题后的“201 一般公共服务支出 3,296,600 0 3,296,600”等 \d+ 行没有分成单元格/,
  );
  // not reported as empty, not missing, and the narrative is not compared with 0
  expect(a.findings.filter((f) => f.rule === "D2.empty-table-note" || f.rule === "D1.table-missing")).toEqual(
    [],
  );
  expect(a.findings.filter((f) => f.table === "N" && /表[1-9]为0\.00元/.test(f.message))).toEqual([]);
  expect(a.tables.find((t) => t.id === "T3")).toMatchObject({ found: true, cells: 0 });
  // the empty tables with their notes are still empty tables
  expect(a.tables.find((t) => t.id === "T6")).toMatchObject({ found: true, cells: 2 });
});

test("English message", () => {
  const r = readTextDocument(`x\t\n${layout}`, "x.txt");
  if (!r.ok) throw new Error(r.message);
  const hit = analyze(r.grid, { lang: "en" }).findings.find(
    (f) => f.rule === "D2.table-unreadable" && f.table === "T9",
  );
  expect(hit?.message).toMatch(
    /^Table 9: title found, but its cells could not be read: 1 line\(s\) after the title, such as “37\.91 0 1\.35/,
  );
});

test("read by column alignment, the same document has no unreadable table and every table has cells", () => {
  const a = analyzeText(layout);
  expect(a.findings.filter((f) => f.rule === "D2.table-unreadable")).toEqual([]);
  expect(a.tables.every((t) => t.found && (t.cells ?? 0) > 0)).toBe(true);
});
