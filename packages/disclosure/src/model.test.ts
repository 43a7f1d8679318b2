import { expect, test } from "vitest";
import { DisclosureSchema, NarrativeSchema, disclosureJsonSchema, narrativeJsonSchema } from "./index";
import { analyzeText, sampleText } from "../../../tests/fixtures/sample";

test("the sample's recognized model and narrative satisfy their schemas", () => {
  const a = analyzeText(sampleText());
  expect(DisclosureSchema.safeParse(a.disclosure).success).toBe(true);
  expect(NarrativeSchema.safeParse(a.narrative).success).toBe(true);
  const broken = structuredClone(a.disclosure);
  broken.tables.T3!.items[0]!.amounts.合计!.value = "58,121,209.78"; // not a plain decimal
  expect(DisclosureSchema.safeParse(broken).success).toBe(false);
});

test("JSON Schemas are generated from the zod schemas", () => {
  const d = disclosureJsonSchema() as {
    type: string;
    properties: Record<string, unknown>;
    required: string[];
  };
  expect(d.type).toBe("object");
  expect(Object.keys(d.properties)).toEqual(["document", "tables", "text"]);
  const n = narrativeJsonSchema() as { type: string; properties: Record<string, unknown> };
  expect(n.type).toBe("object");
  expect(Object.keys(n.properties).length).toBeGreaterThan(2);
});

test("every value keeps where it came from", () => {
  const a = analyzeText(sampleText());
  const t3 = a.disclosure.tables.T3!;
  expect(
    t3.items.every(
      (r) => r.location && Object.values(r.amounts).every((f) => f.location && "line" in f.location),
    ),
  ).toBe(true);
  expect(t3.total!.amounts.项目支出).toMatchObject({
    value: "77785332.12",
    text: "77,785,332.12",
    decimals: 2,
    location: { line: 181 },
  });
});
