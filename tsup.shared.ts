import { defineConfig, type Options } from "tsup";

/**
 * The one build config of every library package: ESM and CommonJS side by side, each with its
 * own declaration file, so that `import` and `require` both get types.
 */
export function libraryConfig(entry: Record<string, string>, extra: Partial<Options> = {}) {
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: false,
    treeshake: true,
    outDir: "dist",
    ...extra,
  });
}
