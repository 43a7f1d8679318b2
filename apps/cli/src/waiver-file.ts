/**
 * Waivers of a text or PDF input live beside it in `<file>.yusuan-waivers.json` (a workbook keeps
 * them in its hidden sheet `yusuan_waivers`): `{ "waivers": [{ fingerprint, rule, reason, by, date }] }`.
 * `check` reads the file on its own; `yusuan waive` writes it.
 */
import { existsSync, readFileSync } from "node:fs";
import { isRuleId, type Waiver } from "@yusuan/disclosure";
import { z } from "zod";

/** The suffix of a waiver file: `预算.txt` → `预算.txt.yusuan-waivers.json`. */
export const WAIVER_FILE_SUFFIX = ".yusuan-waivers.json";

const WaiverSchema = z
  .object({
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/, "应为 16 位十六进制指纹 / must be a 16-digit hex fingerprint"),
    rule: z.string().min(1).optional(),
    reason: z.string().trim().min(1, "需要理由 / a reason is required"),
    by: z.string().optional(),
    date: z.string().optional(),
  })
  .strict();

const WaiverFileSchema = z
  .object({ $schema: z.string().optional(), waivers: z.array(WaiverSchema) })
  .strict();

/**
 * The waiver file of an input.
 *
 * @example
 * ```ts
 * waiverFileOf("reports/预算.pdf"); // "reports/预算.pdf.yusuan-waivers.json"
 * ```
 */
export function waiverFileOf(input: string): string {
  return `${input}${WAIVER_FILE_SUFFIX}`;
}

/** The result of reading a waiver file: its waivers (none when there is no file), or what is wrong. */
export type WaiverFileResult =
  | { ok: true; waivers: Waiver[] }
  | { ok: false; message: string; messageEn: string };

/**
 * Parses a waiver file's text; a mistake names the file and the key (`waivers.2.fingerprint`).
 *
 * @example
 * ```ts
 * parseWaiverFile('{"waivers":[{"fingerprint":"0123456789abcdef","reason":"尾差"}]}', "a.txt.yusuan-waivers.json");
 * // { ok: true, waivers: [{ fingerprint: "0123456789abcdef", reason: "尾差" }] }
 * ```
 */
export function parseWaiverFile(text: string, path: string): WaiverFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `豁免文件“${path}”不是有效的 JSON：${detail}`,
      messageEn: `The waiver file "${path}" is not valid JSON: ${detail}`,
    };
  }
  const parsed = WaiverFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map(String).join(".") || "(root)";
    return {
      ok: false,
      message: `豁免文件“${path}”有误：“${key}”${issue.message}`,
      messageEn: `The waiver file "${path}" is invalid: "${key}" ${issue.message}`,
    };
  }
  return {
    ok: true,
    // A waiver for a rule no registry holds accepts nothing: it is left out.
    waivers: parsed.data.waivers.flatMap((w): Waiver[] => {
      const rule = w.rule;
      if (rule !== undefined && !isRuleId(rule)) return [];
      return [
        {
          fingerprint: w.fingerprint,
          reason: w.reason,
          ...(rule !== undefined && isRuleId(rule) ? { rule } : {}),
          ...(w.by !== undefined ? { by: w.by } : {}),
          ...(w.date !== undefined ? { date: w.date } : {}),
        },
      ];
    }),
  };
}

/**
 * Reads the waiver file beside an input; no file means no waivers.
 *
 * @example
 * ```ts
 * const r = readWaiverFile("reports/预算.txt");
 * if (r.ok) console.log(r.waivers.length);
 * ```
 */
export function readWaiverFile(input: string): WaiverFileResult {
  const path = waiverFileOf(input);
  if (!existsSync(path)) return { ok: true, waivers: [] };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {
      ok: false,
      message: `无法读取豁免文件“${path}”。`,
      messageEn: `Cannot read the waiver file "${path}".`,
    };
  }
  return parseWaiverFile(text, path);
}

/**
 * The text of a waiver file holding `waivers`.
 *
 * @example
 * ```ts
 * serializeWaiverFile([{ fingerprint: "0123456789abcdef", rule: "C1.rounding-residue", reason: "尾差" }]);
 * ```
 */
export function serializeWaiverFile(waivers: readonly Waiver[]): string {
  return `${JSON.stringify({ waivers }, null, 2)}\n`;
}
