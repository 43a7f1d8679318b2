import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { manifestFor } from "../build.mjs";

const xsdDir = join(import.meta.dirname, "xsd");
const MAIN = "OfficeAppManifestV1_1.xsd";

async function validate(xml: string) {
  const preload = readdirSync(xsdDir)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN)
    .map((fileName) => ({ fileName, contents: readFileSync(join(xsdDir, fileName), "utf8") }));
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: MAIN, contents: readFileSync(join(xsdDir, MAIN), "utf8") }],
    preload,
  });
}

describe("manifest", () => {
  it("is valid against the Office add-in manifest schemas (dev server URL)", async () => {
    const result = await validate(manifestFor("https://localhost:3000"));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("takes every URL from the configured base URL", async () => {
    const xml = manifestFor("https://budget.example.org/yusuan/");
    expect((await validate(xml)).valid).toBe(true);
    expect(xml).not.toContain("${BASE_URL}");
    expect(xml).not.toContain("localhost");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url?.startsWith("https://budget.example.org/yusuan/")).toBe(true);
    expect(xml).toContain('DefaultValue="https://budget.example.org/yusuan/functions.json"');
  });

  it("declares a task pane app with custom functions in the YUSUAN namespace and the sets it uses", () => {
    const xml = manifestFor("https://localhost:3000");
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(xml).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>');
    expect(xml).not.toContain("SharedRuntime");
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="YUSUAN"\/>/);
    expect(xml).toContain('xsi:type="ShowTaskpane"');
  });

  it("the schema check can fail: a manifest without Permissions is rejected", async () => {
    const broken = manifestFor("https://localhost:3000").replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
