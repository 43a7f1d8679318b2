import { readdirSync, readFileSync } from "node:fs";
import { ACTION_REQUIREMENTS } from "../src/requirements";
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
    expect(xml).not.toMatch(/\$\{BASE_URL\}/);
    expect(xml).not.toContain("localhost");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url?.startsWith("https://budget.example.org/yusuan/")).toBe(true);
    expect(xml).toContain('DefaultValue="https://budget.example.org/yusuan/functions.json"');
  });

  it("keeps a base URL that holds a $ as it is", () => {
    const xml = manifestFor("https://example.org/a$&b");
    expect(xml).toContain('DefaultValue="https://example.org/a$&amp;b/functions.json"');
    expect(xml).not.toMatch(/\$\{BASE_URL\}/);
  });

  it("declares a task pane app with custom functions in the YUSUAN namespace and the sets it uses", () => {
    const xml = manifestFor("https://localhost:3000");
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).not.toContain("SharedRuntime");
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="YUSUAN"\/>/);
    expect(xml).toContain('xsi:type="ShowTaskpane"');
  });

  it("the schema check can fail: a manifest without Permissions is rejected", async () => {
    const broken = manifestFor("https://localhost:3000").replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>",
    );
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it("asks for the lowest sets loading needs: ExcelApi 1.1 for the pane, and nothing else at the top", () => {
    const xml = manifestFor("https://localhost:3000");
    const top = xml.slice(0, xml.indexOf("<VersionOverrides"));
    expect(
      [...top.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`),
    ).toEqual(["ExcelApi 1.1"]);
    // Every action newer than that is checked at run time, not required to load.
    expect(Object.values(ACTION_REQUIREMENTS)).toContain("1.1");
    expect(Object.values(ACTION_REQUIREMENTS).some((v) => v !== "1.1")).toBe(true);
  });

  it("requires, for the custom functions only, the CustomFunctionsRuntime version their code uses", () => {
    const xml = manifestFor("https://localhost:3000");
    const overrides = xml.slice(xml.indexOf("<VersionOverrides"));
    const declared = [
      ...overrides.matchAll(/<bt:Set Name="CustomFunctionsRuntime" MinVersion="([\d.]+)"\/>/g),
    ].map((m) => m[1]);
    expect(declared).toHaveLength(1);
    // Microsoft's custom functions requirement sets: associate 1.1; CustomFunctions.Error with a message
    // and the first error codes 1.2; #NAME? and #REF! 1.3.
    const SINCE: Record<string, string> = {
      associate: "1.1",
      Error: "1.2",
      invalidValue: "1.2",
      notAvailable: "1.2",
      divisionByZero: "1.2",
      invalidNumber: "1.2",
      nullReference: "1.2",
      invalidName: "1.3",
      invalidReference: "1.3",
    };
    const src = join(import.meta.dirname, "..", "src");
    const code = ["functions.ts", "functions-core.ts", "functions-register.ts"]
      .map((f) => readFileSync(join(src, f), "utf8"))
      .join("\n");
    const typings = readFileSync(join(src, "custom-functions.d.ts"), "utf8");
    const used = new Set<string>();
    for (const m of code.matchAll(/CustomFunctions\.(\w+)/g)) used.add(m[1]!);
    // The error codes: every member the declaration file offers (the code indexes ErrorCode by outcome).
    for (const m of typings.slice(typings.indexOf("enum ErrorCode")).matchAll(/^\s+(\w+) = "/gm))
      used.add(m[1]!);
    used.delete("ErrorCode");
    expect(used.has("associate") && used.has("Error")).toBe(true);
    const needed = [...used].map((u) => {
      expect(SINCE[u], `unknown CustomFunctions member ${u}`).toBeDefined();
      return SINCE[u]!;
    });
    const highest = needed.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).pop();
    expect(declared[0]).toBe(highest);
  });
});
