import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Tests run on source, not on dist: every workspace package's `exports` entry `./dist/X.js` is
 * aliased to `src/X.ts`, so a test never needs a build and never sees a stale one.
 */
function sourceAliases(): { find: string; replacement: string }[] {
  const aliases: { find: string; replacement: string }[] = [];
  for (const group of ["packages", "apps"]) {
    for (const dir of readdirSync(group)) {
      const manifest = join(group, dir, "package.json");
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
        name: string;
        exports?: Record<string, unknown>;
      };
      for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
        if (subpath === "./package.json") continue;
        const importTarget = JSON.stringify(target).match(/\.\/dist\/([\w/-]+)\.js/);
        if (!importTarget) continue;
        const find = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
        aliases.push({ find, replacement: resolve(group, dir, "src", `${importTarget[1]}.ts`) });
      }
    }
  }
  // Longest first, so that "@yusuan/classification/import" wins over "@yusuan/classification".
  return aliases.sort((a, b) => b.find.length - a.find.length);
}

export default defineConfig({
  resolve: { alias: sourceAliases() },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
