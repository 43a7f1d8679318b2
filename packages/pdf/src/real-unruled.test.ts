/**
 * Tables without rules, made from the real development PDFs (no invented data): each page's
 * content stream loses its thin painted rectangles — all of them, only the vertical ones, or the
 * vertical ones inside the frame — and the copy, written to a temporary folder, must read exactly
 * like the original: all nine tables found, every cell equal to the reference text, and the same
 * findings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, type Grid } from "@yusuan/disclosure";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readPdf } from "./index";
import {
  BUDGETS,
  DIR,
  TABLES,
  expectTablesLikeReference,
  findingKeys,
  referenceGrid,
} from "./real.test-util";
import { unrulePdf, type UnruleMode } from "./unrule.test-util";

const MODES: UnruleMode[] = ["all", "vertical", "inner"];
const CASES = BUDGETS.flatMap((name) => MODES.map((mode) => [name, mode] as const));

/**
 * Findings that differ, by document and mode, and why. wanli_2023 without any rules: its project
 * performance form (绩效目标表, not one of the nine tables) is a form, not a grid; read by alignment,
 * one wrapped label ("服务对象满 / 意度指标") splits across two rows and one indicator is read apart
 * from its value.
 */
const KNOWN: Record<string, string[]> = {
  "wanli_2023_bumen all": ["warning E2.indicators P 各类工作经费 value"],
};

const work = mkdtempSync(join(tmpdir(), "yusuan-unruled-"));
const grids = new Map<string, Grid>();
const dropped = new Map<string, number>();

beforeAll(async () => {
  for (const [name, mode] of CASES) {
    const original = new Uint8Array(readFileSync(join(DIR, "pdf", `${name}.pdf`)));
    const u = unrulePdf(original, mode);
    const file = join(work, `${name}.${mode}.pdf`);
    writeFileSync(file, u.bytes);
    dropped.set(`${name} ${mode}`, u.dropped);
    const r = await readPdf(new Uint8Array(readFileSync(file)), `${name}.pdf`);
    if (!r.ok) throw new Error(`${name} ${mode}: ${r.error.messageEn}`);
    grids.set(`${name} ${mode}`, r.grid);
  }
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(CASES)("%s without rules (%s)", (name, mode) => {
  const key = `${name} ${mode}`;

  test("the copy has lost its rules", () => {
    expect(dropped.get(key)!).toBeGreaterThan(100);
  });

  test("all nine tables found, every cell equal to the reference", () => {
    const pdf = grids.get(key)!;
    const ref = referenceGrid(name);
    const cells = expectTablesLikeReference(pdf, ref, key);
    expect(
      analyze(pdf)
        .tables.filter((t) => t.found)
        .map((t) => t.id),
    ).toEqual(TABLES);
    expect(cells).toBeGreaterThan(300);
  });

  test("findings equal the findings for the reference text", () => {
    const actual = findingKeys(grids.get(key)!);
    const expected = findingKeys(referenceGrid(name));
    const known = KNOWN[key] ?? [];
    expect(actual.filter((k) => !known.includes(k))).toEqual(expected.filter((k) => !known.includes(k)));
    for (const k of known)
      expect(actual.includes(k) !== expected.includes(k), `${k} still differs`).toBe(true);
  });
});
