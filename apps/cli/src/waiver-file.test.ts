import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWaiverFile, readWaiverFile, serializeWaiverFile, waiverFileOf } from "./waiver-file";

describe("waiver file", () => {
  it("sits beside its input and round-trips", () => {
    expect(waiverFileOf("a/预算.pdf")).toBe("a/预算.pdf.yusuan-waivers.json");
    const waivers = [
      {
        fingerprint: "0123456789abcdef",
        rule: "C1.rounding-residue" as const,
        reason: "尾差",
        by: "张三",
        date: "2025-03-01",
      },
    ];
    expect(parseWaiverFile(serializeWaiverFile(waivers), "x")).toEqual({ ok: true, waivers });
  });

  it("is optional, and a broken one names the file and the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "yusuan-waivers-"));
    expect(readWaiverFile(join(dir, "a.txt"))).toEqual({ ok: true, waivers: [] });
    writeFileSync(
      waiverFileOf(join(dir, "a.txt")),
      JSON.stringify({
        waivers: [
          { fingerprint: "0123456789abcdef", reason: "ok" },
          { fingerprint: "xyz", reason: "bad" },
        ],
      }),
    );
    const r = readWaiverFile(join(dir, "a.txt"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("a.txt.yusuan-waivers.json");
      expect(r.message).toContain("“waivers.1.fingerprint”");
    }
    expect(parseWaiverFile('{"waivers":[{"fingerprint":"0123456789abcdef","reason":"  "}]}', "f").ok).toBe(
      false,
    );
    expect(parseWaiverFile("{", "f").ok).toBe(false);
  });
});
