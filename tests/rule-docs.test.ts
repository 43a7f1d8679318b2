/**
 * The rule docs check: every rule of the registry has a page in docs/rules/ that is exactly what
 * `npm run docs:rules` writes (so the committed pages are never stale), and every rule `check` reports
 * has a firing and a quiet example — edits of the sample document — that really fire and stay quiet.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  applySampleEdits,
  REPOSITORY_URL,
  RULES,
  ruleDocPage,
  ruleDocsIndex,
  ruleDocUrl,
  runExample,
} from "@yusuan/disclosure";
import { sampleText } from "./fixtures/sample";

const DOCS = fileURLToPath(new URL("../docs/rules/", import.meta.url));

/** Rules that no edit of the sample can show, with the tests that make them fire and keep them quiet. */
const NOT_FROM_SAMPLE: Record<string, string> = {
  "input.unreadable": "reading files: tests/cli/cli.e2e.test.ts, apps/cli/src/check-file.test.ts",
  "input.too-large": "reading files: apps/cli/src/check-file.test.ts, packages/xlsx tests",
  "input.read-warning": "reading files: apps/cli/src/check-file.test.ts (stray cells, bad UTF-8 bytes)",
  "input.waiver-file":
    "reading files: apps/cli/src/check-file.test.ts (waiver files beside text and PDF inputs)",
  "fill.conflict": "fill: packages/disclosure/src/fill/fill.test.ts",
  "build.unknown-code": "build: packages/disclosure/src/build/lines.test.ts",
  "engine.rule-failed":
    "a defect of yusuan, never of a document: packages/disclosure/src/rules/isolation.test.ts breaks a rule on purpose",
  "D5.formula-without-result":
    "workbooks only (a text has no formulas): packages/xlsx and tests/cli/fill-safety.e2e.test.ts",
  "D2.table-unreadable":
    "a text without TABs or column alignment: packages/disclosure/src/rules/unreadable.test.ts",
};

describe("rule docs", () => {
  const sample = sampleText();

  it("the repository URL of the pages is package.json's", () => {
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL("../apps/cli/package.json", import.meta.url)), "utf8"),
    ) as { repository: { url: string } };
    expect(pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "")).toBe(REPOSITORY_URL);
    expect(ruleDocUrl("A3.row-identity")).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/A3.row-identity.md`);
  });

  it("docs/rules holds one page per rule and the index, nothing else", () => {
    const files = readdirSync(DOCS)
      .filter((f) => f.endsWith(".md"))
      .sort();
    expect(files).toEqual(["README.md", ...RULES.map((r) => `${r.id}.md`)].sort());
    expect(readFileSync(`${DOCS}README.md`, "utf8")).toBe(ruleDocsIndex());
  });

  for (const spec of RULES) {
    describe(spec.id, () => {
      it("has its page, as generated (run npm run docs:rules when this fails)", () => {
        const path = `${DOCS}${spec.id}.md`;
        expect(existsSync(path), `docs/rules/${spec.id}.md is missing`).toBe(true);
        expect(readFileSync(path, "utf8")).toBe(ruleDocPage(spec, sample));
      });

      if (!spec.examples) {
        it("is shown by tests elsewhere", () => {
          expect(NOT_FROM_SAMPLE[spec.id] !== undefined, `${spec.id} has no examples`).toBe(true);
        });
        return;
      }

      it("has a firing example that fires and a quiet example that stays quiet", () => {
        const examples = spec.examples!;
        for (const edits of [examples.firing, examples.quiet]) {
          const applied = applySampleEdits(sample, edits);
          expect(
            applied.ok ? undefined : applied.missing,
            "every edit's text is in the sample",
          ).toBeUndefined();
        }
        expect(runExample(sample, spec.id, examples.firing).length, "firing example").toBeGreaterThan(0);
        expect(
          runExample(sample, spec.id, examples.quiet).map((f) => f.message),
          "quiet example",
        ).toEqual([]);
      });
    });
  }
});
