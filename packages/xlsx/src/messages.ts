/**
 * The reader's failure messages, zh-CN and English, looked up by a stable key. Every message names the
 * file, and the zip part or sheet where there is one.
 */

/** Why a workbook could not be read: it is broken or not a workbook, or it exceeds a limit. */
export type ReadFailureCode = "input.unreadable" | "input.too-large";

/** A refused workbook. */
export interface ReadFailure {
  readonly ok: false;
  readonly code: ReadFailureCode;
  /** zh-CN, names the file and the place. */
  readonly message: string;
  readonly messageEn: string;
}

interface Params {
  file: string;
  part?: string;
  sheet?: string;
  size?: number;
  limit?: number;
  detail?: string;
}

type Entry = {
  code: ReadFailureCode;
  zh: (p: Params) => string;
  en: (p: Params) => string;
};

const mb = (n: number | undefined): string => `${Math.round(((n ?? 0) / 1024 / 1024) * 10) / 10} MB`;

const CATALOG = {
  empty: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是空文件（0 字节），不是 Excel 工作簿。`,
    en: (p) => `File "${p.file}" is empty (0 bytes); it is not an Excel workbook.`,
  },
  tooBig: {
    code: "input.too-large",
    zh: (p) => `文件“${p.file}”大小为 ${mb(p.size)}，超过上限 ${mb(p.limit)}。`,
    en: (p) => `File "${p.file}" is ${mb(p.size)}, above the limit of ${mb(p.limit)}.`,
  },
  encrypted: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已加密（设有打开密码），无法读取。请在 Excel 中取消密码后另存为 .xlsx。`,
    en: (p) =>
      `File "${p.file}" is encrypted (password-protected). Remove the password in Excel and save it as .xlsx.`,
  },
  oldXls: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是旧版 Excel 97-2003（.xls）格式，不支持。请在 Excel 中另存为 .xlsx。`,
    en: (p) =>
      `File "${p.file}" is an old Excel 97-2003 (.xls) workbook, which is not supported. Save it as .xlsx in Excel.`,
  },
  oleOther: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”是 OLE 复合文档（已加密的工作簿、旧版 .xls 或其他 Office 97-2003 文件），不是 .xlsx 工作簿。`,
    en: (p) =>
      `File "${p.file}" is an OLE compound file (an encrypted workbook, an old .xls or another Office 97-2003 file), not an .xlsx workbook.`,
  },
  oldDoc: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是旧版 Word（.doc）文档，不是 Excel 工作簿。`,
    en: (p) => `File "${p.file}" is an old Word (.doc) document, not an Excel workbook.`,
  },
  spreadsheetMl2003: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”是“XML 电子表格 2003”或网页格式，不是 .xlsx 工作簿。请在 Excel 中另存为 .xlsx。`,
    en: (p) =>
      `File "${p.file}" is an "XML Spreadsheet 2003" or web page, not an .xlsx workbook. Save it as .xlsx in Excel.`,
  },
  text: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”是文本文件，不是 Excel 工作簿（.xlsx 是 zip 压缩包）。如果是制表符分隔的文本，请按文本文档读取。`,
    en: (p) =>
      `File "${p.file}" is a text file, not an Excel workbook (an .xlsx is a zip archive). Read tab-separated text as a text document.`,
  },
  notZip: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”不是 Excel 工作簿：它不是 zip 压缩包（.xlsx 文件必须是）。`,
    en: (p) => `File "${p.file}" is not an Excel workbook: it is not a zip archive (an .xlsx must be).`,
  },
  truncated: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”已损坏或不完整（zip 压缩包被截断${p.detail ? `：${p.detail}` : ""}）。请重新下载或从原件另存。`,
    en: (p) =>
      `File "${p.file}" is damaged or incomplete (the zip archive is truncated${p.detail ? `: ${p.detail}` : ""}). Download it again or save it again from the original.`,
  },
  corruptZip: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”已损坏：zip 结构错误${p.part ? `（部件 ${p.part}）` : ""}${p.detail ? `：${p.detail}` : ""}。`,
    en: (p) =>
      `File "${p.file}" is damaged: bad zip structure${p.part ? ` (part ${p.part})` : ""}${p.detail ? `: ${p.detail}` : ""}.`,
  },
  zipEncrypted: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”的部件 ${p.part ?? ""} 经 zip 加密，无法读取。`,
    en: (p) => `File "${p.file}": part ${p.part ?? ""} is zip-encrypted and cannot be read.`,
  },
  duplicate: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：zip 压缩包中部件 ${p.part ?? ""} 出现了不止一次。`,
    en: (p) => `File "${p.file}" is damaged: part ${p.part ?? ""} occurs more than once in the zip archive.`,
  },
  tooManyEntries: {
    code: "input.too-large",
    zh: (p) => `文件“${p.file}”包含 ${p.size ?? 0} 个部件，超过上限 ${p.limit ?? 0}。`,
    en: (p) => `File "${p.file}" has ${p.size ?? 0} parts, above the limit of ${p.limit ?? 0}.`,
  },
  uncompressedTooBig: {
    code: "input.too-large",
    zh: (p) =>
      `文件“${p.file}”解压后共 ${mb(p.size)}，超过上限 ${mb(p.limit)}（可能是“zip 炸弹”）${p.part ? `；最大的部件是 ${p.part}` : ""}。`,
    en: (p) =>
      `File "${p.file}" expands to ${mb(p.size)}, above the limit of ${mb(p.limit)} (possibly a zip bomb)${p.part ? `; the largest part is ${p.part}` : ""}.`,
  },
  ratioTooHigh: {
    code: "input.too-large",
    zh: (p) =>
      `文件“${p.file}”的部件 ${p.part ?? ""} 压缩比为 ${p.size ?? 0}:1，超过上限 ${p.limit ?? 0}:1（可能是“zip 炸弹”）。`,
    en: (p) =>
      `File "${p.file}": part ${p.part ?? ""} has a compression ratio of ${p.size ?? 0}:1, above the limit of ${p.limit ?? 0}:1 (possibly a zip bomb).`,
  },
  sizeMismatch: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：部件 ${p.part ?? ""} 解压后的大小与声明不符。`,
    en: (p) => `File "${p.file}" is damaged: part ${p.part ?? ""} does not expand to its declared size.`,
  },
  inflateFailed: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：部件 ${p.part ?? ""} 无法解压${p.detail ? `（${p.detail}）` : ""}。`,
    en: (p) =>
      `File "${p.file}" is damaged: part ${p.part ?? ""} cannot be decompressed${p.detail ? ` (${p.detail})` : ""}.`,
  },
  word: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是 Word 文档（.docx），不是 Excel 工作簿。`,
    en: (p) => `File "${p.file}" is a Word document (.docx), not an Excel workbook.`,
  },
  powerpoint: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿。`,
    en: (p) => `File "${p.file}" is a PowerPoint presentation (.pptx), not an Excel workbook.`,
  },
  openDocument: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是 OpenDocument 文件（WPS/LibreOffice 的 .ods 等），不支持。请另存为 .xlsx。`,
    en: (p) =>
      `File "${p.file}" is an OpenDocument file (.ods etc.), which is not supported. Save it as .xlsx.`,
  },
  xlsb: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是 Excel 二进制工作簿（.xlsb），不支持。请在 Excel 中另存为 .xlsx。`,
    en: (p) =>
      `File "${p.file}" is an Excel binary workbook (.xlsb), which is not supported. Save it as .xlsx in Excel.`,
  },
  noWorkbook: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”是 zip 压缩包，但不是 Excel 工作簿：缺少部件 xl/workbook.xml。`,
    en: (p) =>
      `File "${p.file}" is a zip archive but not an Excel workbook: the part xl/workbook.xml is missing.`,
  },
  noContentTypes: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”不是有效的 Excel 工作簿：缺少部件 [Content_Types].xml。`,
    en: (p) => `File "${p.file}" is not a valid Excel workbook: the part [Content_Types].xml is missing.`,
  },
  wrongContentType: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”不是有效的 Excel 工作簿：[Content_Types].xml 把 xl/workbook.xml 声明为“${p.detail ?? ""}”。`,
    en: (p) =>
      `File "${p.file}" is not a valid Excel workbook: [Content_Types].xml declares xl/workbook.xml as "${p.detail ?? ""}".`,
  },
  emptyPart: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：部件 ${p.part ?? ""} 是空的。`,
    en: (p) => `File "${p.file}" is damaged: part ${p.part ?? ""} is empty.`,
  },
  doctype: {
    code: "input.unreadable",
    zh: (p) =>
      `文件“${p.file}”的部件 ${p.part ?? ""} 含有 DOCTYPE/ENTITY 声明（Excel 从不写入，可能是 XML 实体攻击），已拒绝读取。`,
    en: (p) =>
      `File "${p.file}": part ${p.part ?? ""} contains a DOCTYPE/ENTITY declaration (Excel never writes one; possibly an XML entity attack); refused.`,
  },
  utf16: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”的部件 ${p.part ?? ""} 不是 UTF-8 编码的 XML，无法读取。`,
    en: (p) => `File "${p.file}": part ${p.part ?? ""} is not UTF-8 XML and cannot be read.`,
  },
  notXml: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：部件 ${p.part ?? ""} 不是 XML。`,
    en: (p) => `File "${p.file}" is damaged: part ${p.part ?? ""} is not XML.`,
  },
  missingSheet: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：工作表“${p.sheet ?? ""}”的部件 ${p.part ?? ""} 不存在。`,
    en: (p) =>
      `File "${p.file}" is damaged: the part ${p.part ?? ""} of sheet "${p.sheet ?? ""}" is missing.`,
  },
  noSheets: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”中没有任何工作表。`,
    en: (p) => `File "${p.file}" has no worksheets.`,
  },
  dimensionTooBig: {
    code: "input.too-large",
    zh: (p) =>
      `文件“${p.file}”的工作表“${p.sheet ?? ""}”（${p.part ?? ""}）声明的区域 ${p.detail ?? ""} 有 ${p.size ?? 0} 个单元格，超过上限 ${p.limit ?? 0}。`,
    en: (p) =>
      `File "${p.file}": sheet "${p.sheet ?? ""}" (${p.part ?? ""}) declares the range ${p.detail ?? ""} of ${p.size ?? 0} cells, above the limit of ${p.limit ?? 0}.`,
  },
  tooManyCells: {
    code: "input.too-large",
    zh: (p) =>
      `文件“${p.file}”的单元格超过上限 ${p.limit ?? 0} 个（在工作表“${p.sheet ?? ""}”，${p.part ?? ""} 处超出）。`,
    en: (p) =>
      `File "${p.file}" has more than ${p.limit ?? 0} cells (exceeded in sheet "${p.sheet ?? ""}", ${p.part ?? ""}).`,
  },
  badXml: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏：部件 ${p.part ?? ""} 无法解析${p.detail ? `（${p.detail}）` : ""}。`,
    en: (p) =>
      `File "${p.file}" is damaged: part ${p.part ?? ""} cannot be parsed${p.detail ? ` (${p.detail})` : ""}.`,
  },
  parseFailed: {
    code: "input.unreadable",
    zh: (p) => `文件“${p.file}”已损坏，无法解析${p.detail ? `：${p.detail}` : ""}。`,
    en: (p) => `File "${p.file}" is damaged and cannot be parsed${p.detail ? `: ${p.detail}` : ""}.`,
  },
  fileError: {
    code: "input.unreadable",
    zh: (p) => `无法打开文件“${p.file}”${p.detail ? `：${p.detail}` : ""}。`,
    en: (p) => `Cannot open file "${p.file}"${p.detail ? `: ${p.detail}` : ""}.`,
  },
} satisfies Record<string, Entry>;

/** A message key of the reader's catalog. */
export type FailureKey = keyof typeof CATALOG;

/**
 * Builds the failure for a catalog key.
 *
 * @example
 * ```ts
 * failure("empty", { file: "a.xlsx" }).code; // "input.unreadable"
 * ```
 */
export function failure(key: FailureKey, params: Params): ReadFailure {
  const entry: Entry = CATALOG[key];
  return { ok: false, code: entry.code, message: entry.zh(params), messageEn: entry.en(params) };
}

/**
 * A short, single-line description of a thrown value, for messages.
 *
 * @example
 * ```ts
 * errorText(new Error("EACCES: permission denied\n    at open")); // "EACCES: permission denied"
 * ```
 */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0]!.slice(0, 200);
}
