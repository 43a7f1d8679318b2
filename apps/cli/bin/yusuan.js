#!/usr/bin/env node
// The `yusuan` command. npm links a package's bin only when the file exists at install time, and
// dist/ is built after `npm ci`; so the bin is this small file kept in git, which loads the built CLI.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error(
    "yusuan 尚未构建：请在仓库根目录运行 npm run build（或 npm start）。\nyusuan is not built yet: run npm run build (or npm start) at the repository root.",
  );
  process.exit(2);
}
const { main } = await import(cli.href);
process.stdout.on("error", (error) => {
  // `yusuan check … | head` closes the pipe early: not an error of ours.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
