/** Why a PDF could not be read, with messages in Chinese (naming the file) and English. */

/**
 * Stable codes of a failed {@link readPdf}: match on these, never on the message text.
 *
 * @example
 * ```ts
 * const r = await readPdf(bytes, "a.pdf");
 * if (!r.ok && r.error.code === PdfErrorCode.encrypted) console.error(r.error.message);
 * ```
 */
export const PdfErrorCode = {
  notPdf: "not-pdf",
  encrypted: "encrypted",
  noText: "no-text",
  corrupt: "corrupt",
  tooLarge: "too-large",
} as const;

/** One of {@link PdfErrorCode}'s values. */
export type PdfErrorCode = (typeof PdfErrorCode)[keyof typeof PdfErrorCode];

/** What a failed read reports: a stable code and one-line messages (zh-CN, English) naming the file. */
export interface PdfReadError {
  readonly code: PdfErrorCode;
  /** Chinese, names the file: `无法读取文件“x.pdf”：…`. */
  readonly message: string;
  /** English, names the file. */
  readonly messageEn: string;
}

const REASONS: Record<PdfErrorCode, { zh: string; en: string }> = {
  "not-pdf": { zh: "这不是 PDF 文件", en: "it is not a PDF file" },
  encrypted: { zh: "文件已加密，需要密码才能读取", en: "the file is encrypted and needs a password" },
  "no-text": {
    zh: "扫描件，没有可读文字（请使用带文字层的 PDF）",
    en: "it is a scan without readable text (use a PDF with a text layer)",
  },
  corrupt: { zh: "文件已损坏或不完整", en: "the file is damaged or incomplete" },
  "too-large": { zh: "文件超出读取上限", en: "the file exceeds the reading limits" },
};

/**
 * Builds the error of a failed read; `detail` (zh, en) replaces the generic reason.
 *
 * @example
 * ```ts
 * pdfError("not-pdf", "a.pdf").message; // "无法读取文件“a.pdf”：这不是 PDF 文件。"
 * ```
 */
export function pdfError(
  code: PdfErrorCode,
  name: string,
  detail?: { zh: string; en: string },
): PdfReadError {
  const reason = detail ?? REASONS[code];
  const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
  return {
    code,
    message: oneLine(`无法读取文件“${name}”：${reason.zh}。`),
    messageEn: oneLine(`Cannot read file "${name}": ${reason.en}.`),
  };
}
