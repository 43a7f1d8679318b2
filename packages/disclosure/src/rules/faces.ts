/**
 * Rules whose findings do not come from `check` but from the other parts of yusuan: reading files
 * (`input.*`, emitted by the command line and the add-in's checker page), `fill`, `build`, and the
 * engine itself when a rule fails. They are in the registry like every other rule, so that reports,
 * waivers, `yusuan rules` and the rule docs know them.
 */
import { defineRules } from "./engine";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/**
 * The rules of reading input files.
 *
 * @example
 * ```ts
 * inputRules.map((r) => r.id); // ["input.unreadable", "input.too-large", "input.read-warning", "input.waiver-file"]
 * ```
 */
export const inputRules = defineRules([
  {
    id: "input.unreadable",
    severity: "error",
    source: "input",
    title: T("文件无法读取", "File cannot be read"),
    description: T(
      "文件不存在、无法打开，或不是可识别的 .xlsx 工作簿、文本文档、PDF 或 JSON 模型。",
      "The file does not exist, cannot be opened, or is not a readable .xlsx workbook, text document, PDF or JSON model.",
    ),
    message: T("无法读取文件“{path}”：{reason}。", 'Cannot read file "{path}": {reason}.'),
  },
  {
    id: "input.too-large",
    severity: "error",
    source: "input",
    title: T("文件过大", "File too large"),
    description: T(
      "文件超过读取上限（大小、解压后大小或单元格数），为保护内存未读取。",
      "The file exceeds a reading limit (size, uncompressed size or cell count) and was not read, to protect memory.",
    ),
    message: T(
      "文件“{path}”过大，未读取：{reason}。",
      'File "{path}" is too large and was not read: {reason}.',
    ),
  },
  {
    id: "input.read-warning",
    severity: "warning",
    source: "input",
    title: T("读取时发现的问题", "Noticed while reading"),
    description: T(
      "文件已读取，但有部分内容未读或读得不确定：远离其余内容的零散单元格（未读取），文本中不是有效 UTF-8 的字节（按替换字符读取）。请核对所指位置。",
      "The file was read, but part of it was set aside or read with doubt: stray cells far from the rest (not read), bytes of a text that are not valid UTF-8 (read as a replacement character). Check the place named.",
    ),
    message: T("读取“{path}”时：{detail}", 'While reading "{path}": {detail}'),
  },
  {
    id: "input.waiver-file",
    severity: "error",
    source: "input",
    title: T("豁免文件有误", "Invalid waiver file"),
    description: T(
      "文本或 PDF 旁的豁免文件（<文件>.yusuan-waivers.json）不是有效的 JSON 或格式不对；其中的豁免未生效。",
      "The waiver file beside a text or PDF (<file>.yusuan-waivers.json) is not valid JSON or has the wrong shape; its waivers were not applied.",
    ),
    message: T(
      "豁免文件“{path}”无效：{detail}；其中的豁免未生效。",
      'Waiver file "{path}" is not valid: {detail}; its waivers were not applied.',
    ),
  },
]);

/**
 * The rule of `fill`: a filled-in cell that disagrees with what the identities give.
 *
 * @example
 * ```ts
 * fillRules[0]!.id; // "fill.conflict"
 * ```
 */
export const fillRules = defineRules([
  {
    id: "fill.conflict",
    severity: "warning",
    source: "fill",
    title: T("已填单元格与推算值不一致", "A filled-in cell disagrees with the tables"),
    description: T(
      "填充时，某个已有数值（或公式结果）的单元格与由表内、表间关系推算出的值不一致。填充不改写已有数值和公式，只报告差异，由人判断哪一边有误。",
      "While filling, a cell that already holds a value (or a formula's result) disagrees with the value the identities within and between the tables give. Fill never overwrites a value or a formula; it reports the difference for a person to decide which side is wrong.",
    ),
    message: T(
      "{table} {where}：填写的 {actual} 与推算值 {expected} 不一致（{reason}），差额 {difference} {unit}；未改写。",
      "{table} {where}: the cell holds {actual} but the tables give {expected} ({reason}), difference {difference} {unit}; left as is.",
    ),
    messages: {
      formula: T(
        "{table} {where}：公式的结果“{actual}”与推算值 {expected} 不一致（{reason}）；公式未改写，请检查公式。",
        '{table} {where}: the formula gives "{actual}" but the tables give {expected} ({reason}); the formula was left as is — check it.',
      ),
    },
  },
]);

/**
 * The rule of `build`: a budget line whose code is not in the catalog.
 *
 * @example
 * ```ts
 * buildRules[0]!.id; // "build.unknown-code"
 * ```
 */
export const buildRules = defineRules([
  {
    id: "build.unknown-code",
    severity: "info",
    source: "build",
    title: T("预算明细的科目编码不在目录中", "A budget line's code is not in the catalog"),
    description: T(
      "由预算明细生成九张表时，某个科目编码不在所用的分类目录中；表中暂以编码代替名称，请核对编码或导入当年目录。",
      "While building the nine tables from budget lines, a code is not in the catalog in use; the code stands in for its name. Check the code or import the year's catalog.",
    ),
    message: T(
      "{scheme}科目编码 {code} 不在分类目录中，名称暂以编码代替。",
      "{schemeEn} code {code} is not in the catalog; the code stands in for its name.",
    ),
  },
]);

/**
 * The engine's own rule: a rule that failed while checking (a defect of yusuan, never of the document).
 *
 * @example
 * ```ts
 * engineRules[0]!.id; // "engine.rule-failed"
 * ```
 */
export const engineRules = defineRules([
  {
    id: "engine.rule-failed",
    severity: "error",
    title: T("检查规则内部错误", "A rule failed internally"),
    description: T(
      "某条规则在检查时出错；这是本工具的缺陷，请报告。只有这条规则的结果缺失，其余规则照常检查。",
      "A rule failed while checking: a defect of this tool, please report it. Only that rule's results are missing; the other rules still ran.",
    ),
    message: T("规则组 {family} 检查时出错：{error}", "Rule family {family} failed: {error}"),
  },
]);
