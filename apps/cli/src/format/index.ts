/**
 * The output formats of `check`, by name.
 */
import { csvFormatter } from "./csv";
import { htmlFormatter } from "./html";
import { jsonFormatter } from "./json";
import { junitFormatter } from "./junit";
import { sarifFormatter } from "./sarif";
import { textFormatter } from "./text";
import type { FormatContext, FormatName, Formatter } from "./types";

export * from "./types";
export { useColor } from "./text";

/**
 * The formatter of a format name.
 *
 * @example
 * ```ts
 * const f = createFormatter("json", { write, lang: "zh-CN", version: "0.1.0", rules: [], color: false });
 * ```
 */
export function createFormatter(name: FormatName, ctx: FormatContext): Formatter {
  switch (name) {
    case "json":
      return jsonFormatter(ctx);
    case "sarif":
      return sarifFormatter(ctx);
    case "junit":
      return junitFormatter(ctx);
    case "html":
      return htmlFormatter(ctx);
    case "csv":
      return csvFormatter(ctx);
    default:
      return textFormatter(ctx);
  }
}
