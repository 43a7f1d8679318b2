/**
 * Rules of the command line's reading that the engine's registry does not hold: what a reader read
 * past, and a waiver file that could not be used. Reports describe them like every other rule, and
 * `--rules`/`--disable` and the config file take their ids.
 */

/**
 * The rules `check` adds to the registry's.
 *
 * @example
 * ```ts
 * READER_RULES.map((r) => r.id); // ["input.read-warning", "input.waiver-file"]
 * ```
 */
export const READER_RULES = [
  {
    id: "input.read-warning",
    severity: "warning" as const,
    title: { "zh-CN": "读取时发现的问题", en: "Noticed while reading" },
    description: {
      "zh-CN":
        "文件已读取，但有部分内容未读或读得不确定：远离其余内容的零散单元格（未读取），文本中不是有效 UTF-8 的字节（按替换字符读取）。请核对所指位置。",
      en: "The file was read, but part of it was set aside or read with doubt: stray cells far from the rest (not read), bytes of a text that are not valid UTF-8 (read as a replacement character). Check the place named.",
    },
  },
  {
    id: "input.waiver-file",
    severity: "error" as const,
    title: { "zh-CN": "豁免文件有误", en: "Invalid waiver file" },
    description: {
      "zh-CN":
        "文本或 PDF 旁的豁免文件（<文件>.yusuan-waivers.json）不是有效的 JSON 或格式不对；其中的豁免未生效。",
      en: "The waiver file beside a text or PDF (<file>.yusuan-waivers.json) is not valid JSON or has the wrong shape; its waivers were not applied.",
    },
  },
];
