import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTextDocument } from "../text";
import { recognize } from "../recognize";
import { check } from "../analyze";
import type { Disclosure } from "../model";
import { parseNarrative } from "../narrative/parse";

function sample(): Disclosure {
  const doc = readTextDocument(
    readFileSync(new URL("../../../../examples/sample.txt", import.meta.url)),
    "sample.txt",
  );
  if (!doc.ok) throw new Error("sample unreadable");
  return recognize(doc.grid).disclosure;
}

describe("a rule that fails", () => {
  it("is reported as engine.rule-failed and the other rules still run", () => {
    const d = sample();
    // A Table 9 whose figures cannot be read stands for a defect in a rule that reads them.
    const broken = new Proxy(d.tables.T9!, {
      get(target, key) {
        if (key === "amounts") throw new Error("boom");
        return Reflect.get(target, key);
      },
    });
    // The narrative is read from the intact document; only the rules see the broken table.
    const findings = check({ ...d, tables: { ...d.tables, T9: broken } }, {}, [], parseNarrative(d), []);
    const failed = findings.filter((f) => f.rule === "engine.rule-failed");
    expect(failed.map((f) => f.message)).toContain("规则组 A6 检查时出错：boom");
    // Rules that do not read Table 9 are unaffected: the narrative's findings of the sample are all there.
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of [
      "C1.rounding-residue",
      "C2.chiping-wording",
      "F1.stale-year",
      "E2.project-period",
      "A4.fiscal-sources-blank",
    ])
      expect(rules).toContain(rule);
  });

  it("caps a message built from a hostile cell", () => {
    const d = sample();
    const note = { text: `本表无数据${"很长的说明".repeat(200_000)}`, location: d.tables.T3!.location };
    const findings = check({ ...d, tables: { ...d.tables, T3: { ...d.tables.T3!, notes: [note] } } });
    const f = findings.find((x) => x.rule === "D2.note-on-data");
    expect(f).toBeDefined();
    expect(f!.message.length).toBeLessThanOrEqual(1000);
    expect(f!.message).toContain("…");
  });
});
