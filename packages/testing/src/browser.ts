/**
 * How every browser test starts Chromium: Debian's package (which `npm test` installs), headless, with
 * nothing that reaches the network on its own, so that a test sees only the pages it serves.
 *
 * @example
 * ```ts
 * import { chromium } from "playwright-core";
 * const browser = await chromium.launch(CHROMIUM_LAUNCH);
 * ```
 */
export const CHROMIUM_LAUNCH: { readonly executablePath: string; readonly args: string[] } = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
