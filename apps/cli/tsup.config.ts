import { defineConfig } from "tsup";

/**
 * The CLI is an app, not a library: one ESM bundle of its own code (dependencies stay external and
 * are resolved from node_modules), plus the worker entry that `--jobs` starts in worker threads.
 */
export default defineConfig({
  entry: { cli: "src/cli.ts", worker: "src/worker.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  splitting: true,
  dts: false,
  banner: { js: "#!/usr/bin/env node" },
  // Keep every package (workspace and registry) external: only the CLI's own code is bundled.
  skipNodeModulesBundle: true,
  external: [/^@yusuan\//, "commander", "exceljs"],
});
