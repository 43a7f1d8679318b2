import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const addin = join(import.meta.dirname, "..");
const src = join(addin, "src");
/** A file name under src/ for the snippets: the config applies to it; it is never written. */
const snippetPath = join(src, "office-lint-snippet.ts");

const IN_LOOP = `
export async function hideAll(names: string[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const name of names) {
      context.workbook.worksheets.getItem(name).visibility = "Hidden";
      await context.sync();
    }
  });
}
`;

const BATCHED = `
export async function hideAll(names: string[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const name of names) context.workbook.worksheets.getItem(name).visibility = "Hidden";
    await context.sync();
  });
}
`;

const READ_BEFORE_SYNC = `
export async function selection(): Promise<string> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    return range.address;
  });
}
`;

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe("Office add-in lint (eslint-plugin-office-addins, eslint.config.mjs)", () => {
  let eslint: ESLint;
  beforeAll(() => {
    // cwd elsewhere than the add-in: the config's patterns must not depend on where ESLint starts.
    eslint = new ESLint({ cwd: join(addin, "../.."), overrideConfigFile: join(addin, "eslint.config.mjs") });
  });

  it("finds nothing in the add-in's TypeScript sources, and reads every one of them", async () => {
    const results = await eslint.lintFiles([src]);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${relative(addin, r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(problems).toEqual([]);
    const linted = results.map((r) => relative(addin, r.filePath)).sort();
    expect(linted).toEqual(
      tsFilesUnder(src)
        .map((f) => relative(addin, f))
        .sort(),
    );
    expect(linted).toContain(join("src", "adapter.ts"));
  });

  it("reports context.sync() inside a loop", async () => {
    const [result] = await eslint.lintText(IN_LOOP, { filePath: snippetPath });
    expect(result?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ["office-addins/no-context-sync-in-loop", 6],
    ]);
  });

  it("is quiet when the loop queues the work and one sync follows it", async () => {
    const [result] = await eslint.lintText(BATCHED, { filePath: snippetPath });
    expect(result?.messages).toEqual([]);
  });

  it("reports a property read after load() without a sync in between", async () => {
    const [result] = await eslint.lintText(READ_BEFORE_SYNC, { filePath: snippetPath });
    expect(result?.messages.map((m) => m.ruleId)).toContain("office-addins/call-sync-before-read");
  });
});
