#!/usr/bin/env node
// `npm start`: the main job on the bundled sample — check the sample workbook, print the report, and
// write a filled copy next to it. Findings in the sample are the point of the exercise, so exit code 1
// ("error findings") still counts as a successful run here; only 2 (unreadable input, bad command) fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const cli = "apps/cli/dist/cli.js";
const workbook = "examples/sample.xlsx";
const filled = "examples/sample.filled.xlsx";

for (const file of [cli, workbook]) {
  if (!existsSync(file)) {
    console.error(
      `缺少 ${file}；请先运行 npm ci（npm start 会自动构建）。 Missing ${file}; run npm ci first.`,
    );
    process.exit(2);
  }
}

function run(args) {
  console.log(`\n$ yusuan ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
  if (r.status === 2 || r.status === null) process.exit(2);
  return r.status;
}

run(["check", workbook]);
run(["fill", workbook, "-o", filled]);
console.log(
  `\n已写出填充后的副本：${filled}（原文件未改动）。 Filled copy written to ${filled}; the original is unchanged.`,
);
