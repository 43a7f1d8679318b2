/**
 * The one error that escapes this package's writers: a stable `code`, a zh-CN message and an English
 * one. Readers never throw; writers throw only when handed something unusable.
 */

/**
 * Stable identifiers of {@link XlsxError}: match on these, never on the message text.
 *
 * @example
 * ```ts
 * XlsxErrorCode.unknownSheet; // "patch.unknown-sheet"
 * try { await writePatches(bytes, patches); }
 * catch (e) { if (e instanceof XlsxError && e.code === XlsxErrorCode.badCell) console.error(e.messageEn); }
 * ```
 */
export const XlsxErrorCode = {
  unreadable: "input.unreadable",
  unwritable: "input.unwritable",
  tooLarge: "input.too-large",
  unknownSheet: "patch.unknown-sheet",
  badCell: "patch.bad-cell",
  badValue: "patch.bad-value",
  formula: "patch.formula",
  invalidSpec: "spec.invalid",
} as const;

/** One of {@link XlsxErrorCode}'s values. */
export type XlsxErrorCode = (typeof XlsxErrorCode)[keyof typeof XlsxErrorCode];

/**
 * Thrown by the writers when the original workbook cannot be read, or a patch or spec is unusable.
 *
 * @example
 * ```ts
 * try { await writePatches(bytes, patches); }
 * catch (e) { if (e instanceof XlsxError && e.code === "input.unreadable") console.error(e.message); }
 * ```
 */
export class XlsxError extends Error {
  override readonly name = "XlsxError";
  constructor(
    readonly code: XlsxErrorCode,
    message: string,
    readonly messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
