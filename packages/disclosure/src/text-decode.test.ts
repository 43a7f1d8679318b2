import { describe, expect, it } from "vitest";
import { readTextDocument } from "./text";

describe("a UTF-8 text file with one bad byte", () => {
  it("is read, with a replacement character where the byte was", () => {
    const good = new TextEncoder().encode("2025年部门预算\n项目\t金额\n一般公共预算拨款收入\t1,234.00\n");
    const bytes = new Uint8Array([...good.subarray(0, 20), 0xff, ...good.subarray(20)]);
    const r = readTextDocument(bytes, "坏字节.txt");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe("utf-8");
    const texts = r.grid.sheets[0]!.rows.flatMap((row) => row.map((c) => c?.text ?? ""));
    expect(texts.join("\n")).toContain("\uFFFD");
    expect(texts.join("\n")).toContain("一般公共预算拨款收入");
    // "2025年部门预算" and its newline are bytes 0–19: the bad byte opens line 2.
    expect(r.warnings).toEqual([
      {
        line: 2,
        message: expect.stringContaining("第 2 行"),
        messageEn: expect.stringContaining('Line 2 of "坏字节.txt"'),
      },
    ]);
  });

  it("names each damaged line, and a clean file has no warnings", () => {
    const lines = ["2025年部门预算", "项目\t金额", "一般公共预算拨款收入\t1,234.00", "其他收入\t5.00"].map(
      (l) => new TextEncoder().encode(`${l}\n`),
    );
    const bytes = new Uint8Array([
      ...lines[0]!,
      ...lines[1]!,
      ...lines[2]!.subarray(0, 3),
      0xc3,
      ...lines[2]!.subarray(3),
      ...lines[3]!,
    ]);
    const r = readTextDocument(bytes, "a.txt");
    expect(r.ok && r.warnings.map((w) => w.line)).toEqual([3]);
    const clean = readTextDocument(new Uint8Array(lines.flatMap((l) => [...l])), "a.txt");
    expect(clean.ok && clean.warnings).toEqual([]);
  });

  it("while a GB18030 file is still read as GB18030, not as damaged UTF-8", () => {
    const gbk = new Uint8Array([
      0xd2, 0xbb, 0xb0, 0xe3, 0xb9, 0xab, 0xb9, 0xb2, 0xd4, 0xa4, 0xcb, 0xe3, 0x0a,
    ]); // 一般公共预算
    const r = readTextDocument(gbk, "gbk.txt");
    expect(r.ok && r.encoding).toBe("gb18030");
  });
});
