import { readFileSync } from "node:fs";

/**
 * The CLI's version, from its package.json (one folder above both src/ and dist/).
 *
 * @example
 * ```ts
 * toolVersion(); // "0.1.0"
 * ```
 */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
