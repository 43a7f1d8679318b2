#!/usr/bin/env node
// Regenerates examples/sample.xlsx from examples/sample.txt with the CLI's `convert` (one sheet per
// recognised table). Needs the built CLI (`npx turbo run build --filter=yusuan...`).
// Usage: node apps/cli/scripts/make-examples.mjs [output-dir]   (default: the repository's examples/)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(root, "apps/cli/dist/cli.js");
if (!existsSync(cli)) {
  console.error("apps/cli/dist/cli.js is missing: run `npx turbo run build --filter=yusuan...` first.");
  process.exit(2);
}
const outDir = process.argv[2] ?? join(root, "examples");
const { main } = await import(pathToFileURL(cli).href);
const code = await main(["convert", join(root, "examples/sample.txt"), "-o", join(outDir, "sample.xlsx")]);
process.exitCode = code;
