/**
 * A department that prints Tables 1–8 in 万元 breaks the template once per table (D4.unit), not once per
 * figure. Each real development document is turned into that document — every amount of Tables 1–8
 * divided by 10,000 and rounded on its own to 2 decimals, as a budget system prints it, and 单位：元
 * changed to 单位：万元 — and checked: the only new findings are the D4.unit errors, one per table. Sums
 * of figures rounded one by one, and 万元 read as 元, would otherwise give hundreds of false errors.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "@yusuan/disclosure";
import { REAL_DOCUMENTS, analyzeReal, realText } from "./fixtures/real-docs";

/** An amount in 元 as printed ("1,234,567" or "1,234.56") → 万元 rounded half up to 2 decimals. */
function toWan(printed: string): string | undefined {
  const m = /^(-?)([\d,]+)(?:\.(\d{1,2}))?$/.exec(printed.trim());
  if (!m) return undefined;
  const fen = BigInt(m[2]!.replaceAll(",", "")) * 100n + BigInt(`${m[3] ?? ""}00`.slice(0, 2));
  const hundredths = (fen + 5_000n) / 10_000n;
  return `${m[1]}${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`;
}

/** The document with every table printed in 元 printed in 万元 instead. */
function inWan(text: string): { text: string; tables: number } {
  let inYuan = false;
  let tables = 0;
  const lines = text.split("\n").map((line) => {
    if (/单位[：:]\s*元\s*$/.test(line)) {
      inYuan = true;
      tables++;
      return line.replace(/单位([：:])\s*元\s*$/, "单位$1万元");
    }
    if (/单位[：:]/.test(line)) inYuan = false;
    if (!inYuan || !line.includes("\t")) return line;
    const cells = line.split("\t");
    // Codes come before the row's name; amounts after it.
    const name = cells.findIndex((c) => c.trim() !== "" && toWan(c) === undefined);
    return cells.map((c, i) => (name >= 0 && i > name ? (toWan(c) ?? c) : c)).join("\t");
  });
  return { text: lines.join("\n"), tables };
}

const key = (f: Finding) => `${f.severity} ${f.rule} ${f.table} ${f.row ?? ""}`;
const reported = (fs: ReadonlyArray<Finding>) => fs.filter((f) => f.severity !== "info").map(key);

describe("a document whose tables are in 万元", () => {
  for (const name of REAL_DOCUMENTS) {
    it(`${name}: one D4.unit per table, and nothing else new`, () => {
      const before = new Set(reported(analyzeReal(name).findings));
      const wan = inWan(realText(name));
      const after = analyzeReal(wan.text).findings;
      const added = reported(after).filter((k) => !before.has(k));
      if (name === "shegongbu_2024_juesuan") {
        // A 决算 is not checked: D6.document-kind alone, whatever its unit.
        expect(added).toEqual([]);
        return;
      }
      expect(wan.tables).toBe(8);
      expect(added.sort()).toEqual(
        ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"].map((t) => `error D4.unit ${t} `),
      );
      expect(after.find((f) => f.rule === "D4.unit")?.message).toBe(
        "表1的单位为“万元”，应为“元”；本表金额未参与合计和比较。",
      );
    });
  }

  it("the conversion is what a budget system prints", () => {
    expect(toWan("189,767,551")).toBe("18976.76");
    expect(toWan("877,080.00")).toBe("87.71");
    expect(toWan("49,999")).toBe("5.00");
    expect(toWan("49,949")).toBe("4.99");
    expect(toWan("一般公共服务支出")).toBeUndefined();
  });
});
