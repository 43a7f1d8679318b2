/**
 * The CLI end-to-end tests run the built CLI: each suite builds it (and the packages it uses) first.
 * turbo skips what is up to date, so the suites after the first pay almost nothing.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Builds `yusuan` and its packages; throws with turbo's output when the build fails. */
export function buildCli(): void {
  const build = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=yusuan...", "--output-logs=errors-only"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}
