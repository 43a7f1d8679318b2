import { describe, expect, it } from "vitest";
import { functionsMetadata } from "../build.mjs";

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; type: string; optional?: boolean; dimensionality?: string }[];
    result?: { type?: string };
  }[];
}

describe("functions.json generated from the JSDoc", () => {
  it("lists the six functions with their parameters", async () => {
    const metadata = JSON.parse(await functionsMetadata()) as Metadata;
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(["DAXIE", "LEVEL", "NAME", "PARENT", "SUMCHECK", "WAN"]);
    const params = (id: string) =>
      byId
        .get(id)
        ?.parameters.map(
          (p) => `${p.name}${p.optional ? "?" : ""}${p.dimensionality === "matrix" ? "[][]" : ""}`,
        );
    expect(params("NAME")).toEqual(["code", "year?"]);
    expect(params("WAN")).toEqual(["amount", "decimals?"]);
    expect(params("PARENT")).toEqual(["code"]);
    expect(params("LEVEL")).toEqual(["code"]);
    expect(params("DAXIE")).toEqual(["amount"]);
    expect(params("SUMCHECK")).toEqual(["total", "range[][]"]);
    expect(byId.get("WAN")?.result?.type).toBe("number");
    expect(byId.get("SUMCHECK")?.result?.type).toBe("number");
    expect(byId.get("NAME")?.result?.type).toBe("string");
    for (const f of metadata.functions) expect(f.description?.length ?? 0).toBeGreaterThan(4);
  });
});
