/**
 * Mutation test: change each printed amount of the sample's nine tables, one at a time, by a small
 * and by a large amount, and require at least one error finding that points at the changed table
 * (as the finding's table or one of its related places). The same for removing a table, removing an
 * empty-table note and changing a year in a title. Prints the detection rate; it must be 100%.
 */
import { Amount, parseAmount } from "@yusuan/money";
import { expect, test } from "vitest";
import type { Analysis, TableId } from "@yusuan/disclosure";
import { analyzeText, sampleLines, sampleText } from "./fixtures/sample";

const base = analyzeText(sampleText());

function pointsAt(a: Analysis, table: TableId): boolean {
  return a.findings.some(
    (f) => f.severity === "error" && (f.table === table || f.related?.some((r) => r.table === table)),
  );
}

/** A printed amount changed by 0.01 (small) or 1,000,000 元 / 100 万元 (large), printed with 2 decimals. */
function mutateAmount(text: string, big: boolean, wan: boolean): string {
  const p = parseAmount(text);
  if (!p.ok || p.blank) throw new Error(`not an amount: ${text}`);
  const delta = wan ? (big ? "100" : "0.01") : big ? "1000000" : "0.01";
  return p.amount.plus(Amount.of(delta, p.amount.unit)).toFixed(2);
}

/** Printed amounts carry two decimals; codes and years do not. */
const AMOUNT_CELL = /^-?[\d,]+\.\d{2}$/;

test("every table amount changed by a small or a large amount is detected (100%)", () => {
  const lines = sampleLines();
  let tried = 0;
  const missed: string[] = [];
  for (const table of base.tables) {
    if (!table.found || !table.lines) continue;
    const [first, last] = table.lines;
    for (let n = first; n <= last; n++) {
      const cells = lines[n - 1]!.split("\t");
      cells.forEach((cell, c) => {
        if (!AMOUNT_CELL.test(cell.trim())) return;
        for (const big of [false, true]) {
          const changed = [...cells];
          changed[c] = mutateAmount(cell.trim(), big, table.id === "T9");
          const copy = [...lines];
          copy[n - 1] = changed.join("\t");
          tried++;
          if (!pointsAt(analyzeText(copy.join("\n")), table.id))
            missed.push(`${table.id} line ${n} cell ${c + 1} ${big ? "large" : "small"}`);
        }
      });
    }
  }
  const rate = ((tried - missed.length) / tried) * 100;
  console.log(`mutation detection: ${tried - missed.length}/${tried} (${rate.toFixed(1)}%)`);
  expect(tried).toBeGreaterThan(300);
  expect(missed).toEqual([]);
});

test("removing any table, an empty-table note or changing a title's year is detected", () => {
  const lines = sampleLines();
  const cases: { what: string; table: TableId; text: string }[] = [];
  for (const table of base.tables) {
    const [first, last] = table.lines!;
    const removed = lines.filter((_, i) => i + 1 < first || i + 1 > last);
    cases.push({ what: `remove ${table.id}`, table: table.id, text: removed.join("\n") });
    const retitled = [...lines];
    retitled[first - 1] = retitled[first - 1]!.replace("2025年", "2024年");
    cases.push({ what: `year in ${table.id} title`, table: table.id, text: retitled.join("\n") });
    const note = lines.findIndex((l, i) => i + 1 >= first && i + 1 <= last && l.startsWith("注："));
    if (note >= 0) {
      const noNote = [...lines];
      noNote[note] = "";
      cases.push({ what: `remove ${table.id} note`, table: table.id, text: noNote.join("\n") });
    }
  }
  const missed = cases.filter((c) => !pointsAt(analyzeText(c.text), c.table)).map((c) => c.what);
  console.log(`structural mutations detected: ${cases.length - missed.length}/${cases.length}`);
  expect(cases.length).toBe(9 * 2 + 2);
  expect(missed).toEqual([]);
});
