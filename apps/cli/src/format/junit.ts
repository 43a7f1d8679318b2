/**
 * JUnit XML for CI dashboards: one testsuite per file, one testcase per finding (errors are
 * failures; warnings and infos are passing cases with their text in system-out), or a single passing
 * testcase for a clean file.
 */
import type { FileReport } from "@yusuan/disclosure";
import { escapeXml } from "./escape";
import { figuresText, locationText, type FormatContext, type Formatter, type Summary } from "./types";

/**
 * The JUnit formatter.
 *
 * @example
 * ```ts
 * const f = junitFormatter({ write, lang: "zh-CN", version: "0.1.0", rules: [], color: false });
 * ```
 */
export function junitFormatter(ctx: FormatContext): Formatter {
  const a = escapeXml;
  return {
    begin() {
      ctx.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="yusuan">\n`);
    },
    file(report: FileReport) {
      const failures = report.findings.filter((f) => f.severity === "error" && !f.waived).length;
      const tests = Math.max(1, report.findings.length);
      ctx.write(
        `  <testsuite name="${a(report.path)}" tests="${tests}" failures="${failures}" errors="0" skipped="${report.findings.filter((f) => f.waived).length}">\n`,
      );
      if (report.findings.length === 0) {
        ctx.write(`    <testcase classname="${a(report.path)}" name="yusuan check"/>\n`);
      }
      for (const f of report.findings) {
        const where = [f.row, f.column, locationText(f.location, ctx.lang)].filter((x) => x).join(" ");
        const name = `${f.rule} ${f.table}${where ? ` ${where}` : ""}`;
        ctx.write(`    <testcase classname="${a(`${report.path}.${f.table}`)}" name="${a(name)}">\n`);
        const detail = [f.message, figuresText(f, ctx.lang), `fingerprint ${f.fingerprint}`]
          .filter((x) => x)
          .join("\n");
        if (f.waived) ctx.write(`      <skipped message="${a(f.waived.reason)}"/>\n`);
        else if (f.severity === "error")
          ctx.write(`      <failure message="${a(f.message)}" type="${a(f.rule)}">${a(detail)}</failure>\n`);
        else ctx.write(`      <system-out>${a(`[${f.severity}] ${detail}`)}</system-out>\n`);
        ctx.write(`    </testcase>\n`);
      }
      ctx.write(`  </testsuite>\n`);
    },
    end(_summary: Summary) {
      ctx.write(`</testsuites>\n`);
    },
  };
}
