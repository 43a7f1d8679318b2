// The Office add-in rules of eslint-plugin-office-addins (sync in loops, reads before load and sync, …)
// on the add-in's TypeScript sources. Only those rules: Biome does style and general lint. Usage:
//   npx eslint -c apps/excel-addin/eslint.config.mjs apps/excel-addin/src     (from the repository root)
//   npm run lint:office -w @yusuan/excel-addin
// test/office-lint.test.ts runs it too and checks that it still catches a context.sync() in a loop.
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

/** Every rule the plugin has, each as an error: the plugin's own recommended set only warns on some. */
const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]),
);

export default [
  {
    // An absolute base, so that the patterns hold whatever directory ESLint is started from.
    basePath: import.meta.dirname,
    ignores: ["**/*.js", "**/*.mjs", "**/*.cjs"],
  },
  {
    basePath: import.meta.dirname,
    files: ["src/**/*.ts"],
    languageOptions: { parser: tsParser, sourceType: "module" },
    plugins: { "office-addins": officeAddins },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: officeRules,
  },
];
