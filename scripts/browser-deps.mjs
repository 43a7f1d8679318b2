// The add-in's browser tests need Debian's chromium and a CJK font. Installs them when this machine
// allows it (root on Debian); otherwise says the one command that does.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";
const INSTALL = "sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk";

function present() {
  return existsSync(CHROMIUM) && existsSync(CJK_FONT_DIR);
}

export function ensureBrowser() {
  if (present()) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium and fonts-noto-cjk for the browser tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install =
      update.status === 0 &&
      spawnSync(
        "apt-get",
        ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-noto-cjk"],
        {
          stdio: "inherit",
          env,
        },
      ).status === 0;
    if (install && present()) return true;
  }
  console.error(
    `The browser tests need Debian's chromium and fonts-noto-cjk. Install them with:\n  ${INSTALL}`,
  );
  return false;
}
