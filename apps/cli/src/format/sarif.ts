/**
 * SARIF 2.1.0 (code-scanning tools read it): the rules with their descriptions, and one result per
 * finding with its file, place and fingerprint. Written incrementally, result by result.
 */
import {
  parseAddress,
  REPOSITORY_URL,
  ruleDocUrl,
  type FileReport,
  type Finding,
  type Severity,
} from "@yusuan/disclosure";
import type { FormatContext, Formatter, Summary } from "./types";

/**
 * The SARIF level of a severity.
 *
 * @example
 * ```ts
 * sarifLevel("info"); // "note"
 * ```
 */
export function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "info" ? "note" : severity;
}

/** A file path as a SARIF artifact URI: forward slashes, each segment percent-encoded. */
export function artifactUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join("/");
}

function location(report: FileReport, f: Finding): Record<string, unknown> {
  const physical: Record<string, unknown> = { artifactLocation: { uri: artifactUri(report.path) } };
  const out: Record<string, unknown> = { physicalLocation: physical };
  const l = f.location;
  if (l && "page" in l) {
    // SARIF has no pages: the page goes into a logical location and the region's properties.
    physical.region = {
      startLine: l.line,
      ...(l.column !== undefined ? { startColumn: l.column } : {}),
      properties: { page: l.page },
    };
    const name = `p${l.page}:${l.line}${l.column !== undefined ? `:${l.column}` : ""}`;
    out.logicalLocations = [{ name, fullyQualifiedName: `page ${l.page}, line ${l.line}`, kind: "element" }];
  } else if (l && "line" in l) {
    physical.region = { startLine: l.line };
  } else if (l) {
    const at = parseAddress(l.cell);
    // A workbook has no lines; the cell's row and column are the nearest thing to a region.
    if (at) physical.region = { startLine: at.row + 1, startColumn: at.col + 1 };
    out.logicalLocations = [{ name: l.cell, fullyQualifiedName: `${l.sheet}!${l.cell}`, kind: "element" }];
  }
  return out;
}

/**
 * The SARIF formatter.
 *
 * @example
 * ```ts
 * const f = sarifFormatter({ write, lang: "en", version: "0.1.0", rules: RULES, color: false });
 * ```
 */
export function sarifFormatter(ctx: FormatContext): Formatter {
  const index = new Map(ctx.rules.map((r, i) => [r.id, i]));
  let count = 0;
  return {
    begin() {
      const driver = {
        name: "yusuan",
        version: ctx.version,
        informationUri: REPOSITORY_URL,
        rules: ctx.rules.map((r) => ({
          id: r.id,
          name: r.id,
          shortDescription: { text: r.title[ctx.lang] },
          fullDescription: { text: r.description[ctx.lang] },
          defaultConfiguration: { level: sarifLevel(r.severity) },
          helpUri: ruleDocUrl(r.id),
        })),
      };
      const head = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
      };
      ctx.write(
        `${JSON.stringify(head).slice(0, -1)},"runs":[{"tool":{"driver":${JSON.stringify(driver)}},"columnKind":"unicodeCodePoints","results":[`,
      );
    },
    file(report: FileReport) {
      for (const f of report.findings) {
        const result: Record<string, unknown> = {
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: sarifLevel(f.severity),
          message: { text: f.message },
          locations: [location(report, f)],
          partialFingerprints: { "yusuanFingerprint/v1": f.fingerprint },
          properties: {
            table: f.table,
            ...(f.row !== undefined ? { row: f.row } : {}),
            ...(f.column !== undefined ? { column: f.column } : {}),
            ...(f.expected !== undefined ? { expected: f.expected } : {}),
            ...(f.actual !== undefined ? { actual: f.actual } : {}),
            ...(f.difference !== undefined ? { difference: f.difference } : {}),
            ...(f.unit !== undefined ? { unit: f.unit } : {}),
          },
          ...(f.waived ? { suppressions: [{ kind: "external", justification: f.waived.reason }] } : {}),
        };
        ctx.write(`${count === 0 ? "\n" : ",\n"}${JSON.stringify(result)}`);
        count++;
      }
    },
    end(_summary: Summary) {
      ctx.write(`\n]}]}\n`);
    },
  };
}
