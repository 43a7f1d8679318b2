import { expect, test } from "vitest";
import { readTextDocument } from "./text";

const sampleish = "2025年部门收入预算总表\n编制部门：测试单位\n\n201\t\t一般公共服务支出\t58,121,209.78";

test("reads tab-separated rows and keeps file line numbers", () => {
  const r = readTextDocument(sampleish, "a.txt");
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const sheet = r.grid.sheets[0]!;
  expect(sheet.rows).toHaveLength(3);
  expect(sheet.lines).toEqual([1, 2, 4]);
  expect(sheet.rows[2]![3]).toMatchObject({ address: "D3", text: "58,121,209.78" });
});

test("detects UTF-8 with and without BOM, and GB18030", () => {
  const utf8 = new TextEncoder().encode(sampleish);
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  // "一般公共服务支出" in GB18030
  const gb = new Uint8Array([
    0xd2, 0xbb, 0xb0, 0xe3, 0xb9, 0xab, 0xb9, 0xb2, 0xb7, 0xfe, 0xce, 0xf1, 0xd6, 0xa7, 0xb3, 0xf6,
  ]);
  const a = readTextDocument(utf8, "a.txt");
  const b = readTextDocument(bom, "b.txt");
  const c = readTextDocument(gb, "c.txt");
  expect(a.ok && a.encoding).toBe("utf-8");
  expect(b.ok && b.encoding).toBe("utf-8-bom");
  expect(c.ok && c.encoding).toBe("gb18030");
  expect(c.ok && c.grid.sheets[0]!.rows[0]![0]!.text).toBe("一般公共服务支出");
});

test("binary and empty input give a clear message naming the file", () => {
  const empty = readTextDocument(new Uint8Array(), "empty.txt");
  expect(empty).toMatchObject({ ok: false });
  expect(!empty.ok && empty.message).toContain("empty.txt");
  const binary = readTextDocument(
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]),
    "x.txt",
  );
  expect(binary.ok).toBe(false);
  expect(!binary.ok && binary.messageEn).toMatch(/x\.txt/);
});
