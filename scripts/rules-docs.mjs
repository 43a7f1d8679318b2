#!/usr/bin/env node
/**
 * Writes docs/rules/: one page per rule of the registry (docs/rules/<id>.md) and an index (README.md),
 * with the examples run on examples/sample.txt. Run `npm run docs:rules` after changing a rule; the
 * rule-docs test fails while the committed pages differ from what this writes.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RULES, ruleDocPage, ruleDocsIndex } from "@yusuan/disclosure";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = `${root}docs/rules`;
const sample = readFileSync(`${root}examples/sample.txt`, "utf8");
mkdirSync(dir, { recursive: true });
const keep = new Set(["README.md", ...RULES.map((r) => `${r.id}.md`)]);
for (const name of readdirSync(dir)) if (name.endsWith(".md") && !keep.has(name)) rmSync(`${dir}/${name}`);
for (const spec of RULES) writeFileSync(`${dir}/${spec.id}.md`, ruleDocPage(spec, sample));
writeFileSync(`${dir}/README.md`, ruleDocsIndex());
console.log(`docs/rules: ${RULES.length} rules`);
