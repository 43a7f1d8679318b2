/**
 * @yusuan/pdf: read published budget PDFs (部门预算公开) as yusuan grids, so that every rule and
 * report of @yusuan/disclosure works on them unchanged.
 *
 * @example
 * ```ts
 * import { readPdf, gridToText } from "@yusuan/pdf";
 * const r = await readPdf(bytes, "2025年部门预算.pdf");
 * if (r.ok) console.log(gridToText(r.grid));
 * else console.error(r.error.message);
 * ```
 * @packageDocumentation
 */
export { readPdf, type ReadPdfOptions, type ReadPdfResult } from "./read";
export { gridToText } from "./text";
export { DEFAULT_PDF_LIMITS, resolvePdfLimits, type PdfLimits } from "./limits";
export { PdfErrorCode, pdfError, type PdfReadError } from "./errors";
