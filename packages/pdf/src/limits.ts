/**
 * Caps that keep a hostile or broken PDF from exhausting memory or time. A published budget has a few
 * dozen pages, a few thousand drawing operators and a few hundred kilobytes of text per document; the
 * caps sit far above that and far below what would hang a browser tab or a batch run.
 */

/** Resource caps for reading a PDF. */
export interface PdfLimits {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Most pages; a document with more is refused before any page is read. */
  readonly maxPages: number;
  /** Most drawing operators on one page (rules, text, paths). */
  readonly maxOperatorsPerPage: number;
  /** Most drawing operators in the whole document. */
  readonly maxOperators: number;
  /** Most characters of text in the whole document. */
  readonly maxTextChars: number;
  /** Most bytes the compressed streams of the file may inflate to, together (checked before parsing). */
  readonly maxDecodedBytes: number;
}

/**
 * The defaults: 100 MB files, 1,000 pages, 200,000 operators per page and 2,000,000 in all,
 * 5,000,000 characters of text, 512 MB of inflated streams.
 *
 * @example
 * ```ts
 * const strict = { ...DEFAULT_PDF_LIMITS, maxPages: 200 };
 * await readPdf(bytes, "a.pdf", { limits: strict });
 * ```
 */
export const DEFAULT_PDF_LIMITS: PdfLimits = Object.freeze({
  maxBytes: 100 * 1024 * 1024,
  maxPages: 1_000,
  maxOperatorsPerPage: 200_000,
  maxOperators: 2_000_000,
  maxTextChars: 5_000_000,
  maxDecodedBytes: 512 * 1024 * 1024,
});

/**
 * Fills missing fields of partial limits with {@link DEFAULT_PDF_LIMITS}.
 *
 * @example
 * ```ts
 * resolvePdfLimits({ maxPages: 10 }).maxBytes; // 104857600
 * ```
 */
export function resolvePdfLimits(limits?: Partial<PdfLimits>): PdfLimits {
  return { ...DEFAULT_PDF_LIMITS, ...(limits ?? {}) };
}
