import { describe, expect, test } from "vitest";
import { analyze, findCulprits, recognize, readTextDocument, type Grid } from "./index";
import { sampleText } from "../../../tests/fixtures/sample";

function gridOf(text: string): Grid {
  const r = readTextDocument(text, "sample.txt");
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

/** The sample's grid with one cell's text replaced. */
function withCell(grid: Grid, row: number, col: number, text: string): Grid {
  const sheet = grid.sheets[0]!;
  const rows = sheet.rows.map((cells, r) =>
    r !== row ? cells : cells.map((c, i) => (i === col && c ? { ...c, text, value: text } : c)),
  );
  return { ...grid, sheets: [{ ...sheet, rows }] };
}

/** A typed slip: 9 more in the units digit (…1,234.56 → …1,243.56 stays a plausible figure). */
function typo(text: string): string | undefined {
  const m = /^(\d{1,3}(?:,\d{3})*)(\.\d\d)?$/.exec(text);
  if (!m) return undefined;
  const digits = m[1]!.replace(/,/g, "");
  const bumped = (BigInt(digits) + 9n).toString();
  return bumped.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[2] ?? "");
}

describe("the smallest fix", () => {
  const grid = gridOf(sampleText());
  const baseline = findCulprits(recognize(grid).disclosure);
  const tableRows = new Set<number>();
  const { disclosure } = recognize(grid);
  for (const t of Object.values(disclosure.tables)) {
    if (!t || t.id === "T9") continue;
    const sheetLines = grid.sheets[0]!.lines!;
    const lines = new Set<number>();
    const collect = (loc: unknown) => {
      if (loc && typeof loc === "object" && "line" in loc) lines.add((loc as { line: number }).line);
    };
    JSON.stringify(t, (k, v) => {
      if (k === "location") collect(v);
      return v;
    });
    sheetLines.forEach((line, r) => {
      if (lines.has(line)) tableRows.add(r);
    });
  }

  test("the sample's blank Table 1 fiscal sources are explained by the one line Table 4 determines", () => {
    // The sample prints 一般公共预算资金 blank under 财政拨款收入 (its warning A4.fiscal-sources-blank);
    // 财政拨款收入 = Σ sources and Table 1 = Table 4 both fail, and that one cell explains them.
    expect(baseline.map((c) => [c.cell.table, c.cell.row, c.cell.column])).toEqual([
      ["T1", "一般公共预算资金", "预算数"],
    ]);
    expect(baseline[0]!.value).toBe(
      disclosure.tables.T4?.income.find((l) => l.key === "一般公共预算资金")?.amounts.预算数?.value,
    );
  });

  test("every single typed slip in an amount of Tables 1–8 is pinned on the changed cell when the identities determine it", () => {
    let changed = 0;
    let determined = 0;
    const wrong: string[] = [];
    const sheet = grid.sheets[0]!;
    for (const r of [...tableRows].sort((a, b) => a - b)) {
      sheet.rows[r]!.forEach((cell, c) => {
        const text = cell?.text ?? "";
        const slip = typo(text);
        // Amounts only: codes and years are not figures.
        if (!slip || !/[.,]/.test(text) || text === "0.00") return;
        changed++;
        const d = recognize(withCell(grid, r, c, slip)).disclosure;
        const known = new Set(baseline.map((k) => k.cell.key));
        const culprits = findCulprits(d).filter((k) => !known.has(k.cell.key));
        if (culprits.length === 0) return;
        determined++;
        const line = sheet.lines![r]!;
        const hit = culprits.some((k) =>
          k.cells.some(
            (m) => m.figure?.text === slip && JSON.stringify(m.location) === JSON.stringify({ line }),
          ),
        );
        if (!hit)
          wrong.push(
            `line ${line} col ${c}: ${text} → ${slip}; blamed ${culprits.map((k) => `${k.cell.table} ${k.cell.row} ${k.cell.column}`).join(", ")}`,
          );
        else {
          // The corrected value is the original figure.
          const k = culprits.find((x) => x.cells.some((m) => m.figure?.text === slip))!;
          expect(k.value.replace(/\.0+$/, "")).toBe(text.replace(/,/g, "").replace(/\.0+$/, ""));
        }
      });
    }
    expect(wrong).toEqual([]);
    expect(changed).toBeGreaterThan(100);
    // A cell in one identity only (a leaf that nothing else repeats) cannot be told from its partners;
    // most amounts sit in a row identity and a column identity and are determined.
    expect(determined / changed).toBeGreaterThan(0.5);
  });

  test("a typo in a 项 row's 基本支出 names that cell, not the parent or the row total", () => {
    // Table 3, 2040220: 合计 24,763,610.00 = 基本支出 — + 项目支出 24,763,610.00. Slip the 项目支出 of the 项.
    const text = sampleText();
    const t3 = text.indexOf("2025年部门支出预算总表", text.indexOf("2025年部门支出预算总表") + 1);
    const at = text.indexOf("204\t02\t20", t3);
    const line = text.slice(at, text.indexOf("\n", at));
    const slipped =
      text.slice(0, at) + line.replace(/24,763,610\.00$/, "24,763,619.00") + text.slice(at + line.length);
    const a = analyze(gridOf(slipped));
    const failures = a.findings.filter((f) => f.table === "T3" && f.severity === "error");
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const f of failures) {
      expect(f.cause).toMatchObject({
        table: "T3",
        row: "2040220",
        column: "项目支出",
        value: "24763610.00",
      });
    }
    const parent = failures.find((f) => f.row === "20402");
    expect(parent?.suggestion).toBeUndefined();
    expect(parent?.related?.some((r) => r.row === "2040220" && r.column === "项目支出")).toBe(true);
    const own = failures.find((f) => f.row === "2040220" && f.column === "项目支出");
    if (own) expect(own.suggestion).toBe("24763610.00");
  });
});
