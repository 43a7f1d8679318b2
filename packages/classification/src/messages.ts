/**
 * Message catalog of the package: every user-facing text is looked up here by a stable identifier,
 * in Chinese (the default) and English, so that no message is pieced together where it is used.
 */

type Params = Readonly<Record<string, string | number>>;
type Template = (p: Params) => string;

const zh = {
  "parse.empty": () => "编码为空",
  "parse.not-digits": (p) => `编码“${p.input}”含有非数字字符`,
  "parse.missing-lei": () => "缺少类编码（第一段为空）",
  "parse.gap": (p) => `编码第${p.index}段为空，但其后还有编码`,
  "parse.part-length": (p) => `编码第${p.index}段“${p.part}”应为${p.expected}位数字`,
  "parse.too-long": (p) => `编码“${p.code}”超过${p.scheme}的最低一级（${p.lowest}）`,
  "parse.length": (p) => `编码“${p.code}”为${p.length}位，${p.scheme}编码应为${p.lengths}位`,
  "parse.wrong-scheme": (p) => `编码“${p.code}”不以${p.digit}开头，不是${p.scheme}编码`,
  "name.equivalent-width": () => "名称仅全角/半角字符不同",
  "name.equivalent-spaces": () => "名称仅空格不同",
  "name.equivalent-both": () => "名称仅全角/半角字符和空格不同",
  "name.mismatch": (p) => `编码${p.code}的科目名称应为“${p.expected}”，实际为“${p.printed}”`,
  "name.mismatch-other": (p) =>
    `编码${p.code}的科目名称应为“${p.expected}”，实际为“${p.printed}”；“${p.printed}”是编码${p.other}的名称，请核对编码`,
  "data.scheme": (p) => `未知的分类体系“${p.scheme}”`,
  "data.year": (p) => `年度“${p.year}”无效，应为四位整数年份`,
  "data.empty": () => "目录中没有任何科目",
  "data.invalid-code": (p) => `“${p.code}”不是有效的${p.scheme}编码`,
  "data.duplicate": (p) => `编码${p.code}重复出现`,
  "data.level": (p) => `编码${p.code}应为${p.expected}级，但标为“${p.level}”`,
  "data.name-empty": (p) => `编码${p.code}的科目名称为空`,
  "data.missing-parent": (p) => `编码${p.code}的上级科目${p.parent}不在目录中`,
  "import.no-header": () =>
    "未找到表头行：需要编码列（编码/代码/科目编码/code）和名称列（名称/科目名称/name）",
  "import.bad-code": (p) => `第${p.row}行：${p.reason}`,
  "import.no-name": (p) => `第${p.row}行：编码${p.code}没有科目名称`,
  "import.xlsx-unreadable": (p) => `无法读取XLSX文件：${p.detail}`,
  "import.needs-exceljs": () => "安装 exceljs 以导入 XLSX 目录（npm install exceljs）；CSV 目录无需安装",
  "import.no-sheet": (p) => `找不到工作表“${p.sheet}”`,
  "import.no-sheets": () => "XLSX文件中没有工作表",
  "import.row-warning": (p) => `第${p.row}行：${p.message}`,
  "import.skipped": (p) => `跳过了${p.count}行没有编码的行（如合计行、说明行）`,
} satisfies Record<string, Template>;

/** Every message identifier. */
export type MessageId = keyof typeof zh;

const en: Readonly<Record<MessageId, Template>> = {
  "parse.empty": () => "the code is empty",
  "parse.not-digits": (p) => `the code "${p.input}" contains characters other than digits`,
  "parse.missing-lei": () => "the 类 part of the code is missing (the first part is empty)",
  "parse.gap": (p) => `part ${p.index} of the code is empty but later parts are not`,
  "parse.part-length": (p) => `part ${p.index} of the code, "${p.part}", should have ${p.expected} digits`,
  "parse.too-long": (p) =>
    `the code "${p.code}" goes below the lowest level (${p.lowest}) of the ${p.schemeEn}`,
  "parse.length": (p) =>
    `the code "${p.code}" has ${p.length} digits; codes of the ${p.schemeEn} have ${p.lengths}`,
  "parse.wrong-scheme": (p) =>
    `the code "${p.code}" does not start with ${p.digit}, so it is not a code of the ${p.schemeEn}`,
  "name.equivalent-width": () => "the names differ only in full-width/half-width characters",
  "name.equivalent-spaces": () => "the names differ only in spaces",
  "name.equivalent-both": () => "the names differ only in full-width/half-width characters and spaces",
  "name.mismatch": (p) => `the name of code ${p.code} is "${p.expected}", not "${p.printed}"`,
  "name.mismatch-other": (p) =>
    `the name of code ${p.code} is "${p.expected}", not "${p.printed}"; "${p.printed}" is the name of code ${p.other}, check the code`,
  "data.scheme": (p) => `unknown classification scheme "${p.scheme}"`,
  "data.year": (p) => `invalid year "${p.year}"; expected a four-digit integer year`,
  "data.empty": () => "the catalog has no entries",
  "data.invalid-code": (p) => `"${p.code}" is not a valid code of the ${p.schemeEn}`,
  "data.duplicate": (p) => `code ${p.code} appears more than once`,
  "data.level": (p) => `code ${p.code} is at level ${p.expected} but is marked "${p.level}"`,
  "data.name-empty": (p) => `code ${p.code} has an empty name`,
  "data.missing-parent": (p) => `the parent ${p.parent} of code ${p.code} is not in the catalog`,
  "import.no-header": () =>
    "no header row found: need a code column (编码/代码/科目编码/code) and a name column (名称/科目名称/name)",
  "import.bad-code": (p) => `row ${p.row}: ${p.reasonEn}`,
  "import.no-name": (p) => `row ${p.row}: code ${p.code} has no name`,
  "import.xlsx-unreadable": (p) => `cannot read the XLSX file: ${p.detail}`,
  "import.needs-exceljs": () =>
    "install exceljs to import XLSX catalogs (npm install exceljs); CSV catalogs need nothing",
  "import.no-sheet": (p) => `no worksheet named "${p.sheet}"`,
  "import.no-sheets": () => "the XLSX file has no worksheets",
  "import.row-warning": (p) => `row ${p.row}: ${p.message}`,
  "import.skipped": (p) => `skipped ${p.count} rows without a code (totals, notes)`,
};

/** A message in both languages. */
export interface Message {
  /** Chinese (zh-CN), the default. */
  readonly message: string;
  /** English. */
  readonly messageEn: string;
}

/**
 * Looks up a message by identifier and fills in its parameters, in both languages.
 *
 * @example
 * ```ts
 * message("data.duplicate", { code: "201" }).message; // "编码201重复出现"
 * ```
 */
export function message(id: MessageId, params: Params = {}): Message {
  return { message: zh[id](params), messageEn: en[id](params) };
}
