/**
 * Task pane labels: zh-CN by default, English when Office's display language starts with "en".
 */

/** The languages of the task pane. */
export type Lang = "zh-CN" | "en";

const zh = {
  title: "预算检查",
  check: "检查",
  mark: "标记",
  clearMarks: "清除标记",
  fill: "填充",
  apply: "应用",
  undo: "撤销",
  waive: "忽略",
  template: "模板",
  narrative: "说明",
  importCatalogAction: "导入分类目录",
  insert: "插入",
  department: "部门名称",
  year: "预算年度",
  reason: "忽略原因",
  ready: "就绪。点击“检查”读取工作簿。",
  reading: "正在读取工作簿…",
  checked: "检查完成：{errors} 个错误，{warnings} 个警告，{infos} 个提示。",
  noFindings: "未发现问题。",
  notFound: "未找到",
  error: "错误",
  warning: "警告",
  info: "提示",
  waived: "已忽略",
  expected: "应为",
  actual: "实际",
  difference: "差额",
  suggestion: "建议",
  related: "相关单元格",
  rule: "规则",
  marked: "已标记 {n} 个单元格。",
  markedWithNotes: "已标记 {n} 个单元格，并在批注中写明原因（没有本加载项的同事也能看到）。",
  noteText: "预算检查（yusuan）：{messages}",
  cleared: "已清除标记，单元格格式已还原。",
  nothingToMark: "没有可标记的单元格。请先检查。",
  fillNone: "没有可填充的单元格。",
  fillPreview: "可填充 {n} 个单元格：",
  applied: "已写入 {n} 个单元格。",
  undone: "已撤销，单元格已还原。",
  undoneMore: "已撤销，单元格已还原。还可再撤销 {n} 次。",
  applyRefused: "未写入任何单元格：{n} 个单元格已不是预览时的内容（{cells}）。请重新点击“填充”生成新的预览。",
  undoRefused:
    "未撤销：{n} 个单元格在“应用”之后被修改（{cells}）。撤销会覆盖这些修改，因此没有改动任何单元格。",
  changedCell: "{cell}：{was} → {now}",
  formulaCell: "{cell}：公式 {formula}，不覆盖",
  blankCell: "（空）",
  moreCells: "另有 {n} 个",
  appliedAlready: "已应用。如需再次填充，请重新点击“填充”生成新的预览。",
  changedTitle: "有变化的单元格",
  cell: "单元格",
  oldValue: "原值",
  newValue: "新值",
  why: "依据",
  conflicts: "{n} 个单元格与推算值不一致，未覆盖。",
  waivedDone: "已忽略该问题，记录于隐藏工作表 {sheet}。",
  reasonRequired: "请填写忽略原因。",
  templateDone: "已插入 {n} 张工作表。",
  narrativeDone: "已生成编制说明：工作表“{sheet}”。",
  narrativeSheet: "预算编制说明",
  failed: "操作失败：{message}",
  checkFirst: "请先检查。",
  tableCounts: "{n} 项",
  needsNewer:
    "{buttons}需要 {excel} 或 Microsoft 365（ExcelApi {version}），此 Excel 版本不支持，按钮已停用。",
  needsNewerShort: "此 Excel 版本不支持该功能",
  sheetProtected:
    "无法{action}：工作表{sheets}受保护。请先在“审阅 → 撤销工作表保护”中取消保护，再点“{action}”。",
  structureProtected:
    "无法{action}：工作簿结构受保护，不能添加工作表。请先在“审阅 → 保护工作簿”中取消保护，再点“{action}”。",
  importCatalog: "导入",
  catalogTitle: "分类目录",
  catalogExplain:
    "内置科目目录只收录已公开预算中出现过的科目。可导入财政部门发布的完整目录（CSV，或 yusuan catalog import 生成的 JSON）；目录保存在本工作簿的隐藏工作表中，以后检查时自动使用。",
  catalogFile: "目录文件",
  catalogScheme: "分类",
  schemeFunctional: "支出功能分类（2 开头）",
  schemeEconomic: "部门预算支出经济分类（3 开头）",
  catalogChoose: "请先选择目录文件。",
  catalogYear: "请填写目录的年度（1990 至 2100）。",
  catalogKinds:
    "“{name}”：请选择 .csv 或 .json 目录文件（XLSX 目录请先另存为 CSV，或用 yusuan catalog import 转为 JSON）。",
  catalogInvalid: "目录文件“{name}”有误：{problems}",
  catalogImported: "已导入 {year} 年分类目录（{n} 个科目），保存在隐藏工作表 {sheet}，检查时使用。",
  insertAnyway: "仍然插入",
  cancel: "取消",
  templateExists: "工作簿中已有 {n} 张预算公开表。仍要再插入九张空白表吗？",
  noTables: "未识别到预算公开表格。请确认工作簿中有部门预算公开的九张表（如“部门财务收支预算总表”）。",
  checkerTitle: "预算检查 · 本机文件检查",
  privacy:
    "文件只在本机的浏览器中读取和检查，不会上传：本页面禁止任何网络连接（内容安全策略 connect-src 'none'），可以断网使用。",
  dropHere: "把 .xlsx、.pdf 或 .txt 文件拖到这里，或点击选择文件",
  dropKinds: "可一次选择多个文件；结果按表列出，可打印，工作簿可下载填充后的副本。",
  checkerReady: "请选择要检查的文件。",
  readingFiles: "正在读取和检查 {n} 个文件…",
  checkedFiles: "已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 个提示。",
  print: "打印报告",
  downloadFilled: "下载填充后的工作簿",
  filledDownload: "已填写 {n} 个单元格，已下载副本（原文件未改动）。",
  unsupportedFile: "“{name}”不是 .xlsx、.pdf 或 .txt 文件，未检查。",
  fileTooLarge: "“{name}”大小为 {mb} MB，超过上限，未读取。",
  pdfUnavailable: "“{name}”：此版本不含 PDF 读取功能；请改用 .xlsx 或 .txt，或使用命令行 yusuan。",
} as const;

type Messages = { readonly [K in keyof typeof zh]: string };

const en: Messages = {
  title: "Budget check",
  check: "Check",
  mark: "Mark",
  clearMarks: "Clear marks",
  fill: "Fill",
  apply: "Apply",
  undo: "Undo",
  waive: "Waive",
  template: "Template",
  narrative: "Narrative",
  importCatalogAction: "import the catalog",
  insert: "Insert",
  department: "Department",
  year: "Budget year",
  reason: "Reason",
  ready: "Ready. Click Check to read the workbook.",
  reading: "Reading the workbook…",
  checked: "Checked: {errors:error|errors}, {warnings:warning|warnings}, {infos:note|notes}.",
  noFindings: "No problems found.",
  notFound: "not found",
  error: "Error",
  warning: "Warning",
  info: "Note",
  waived: "Waived",
  expected: "Expected",
  actual: "Actual",
  difference: "Difference",
  suggestion: "Suggestion",
  related: "Related cells",
  rule: "Rule",
  marked: "Marked {n:cell|cells}.",
  markedWithNotes:
    "Marked {n:cell|cells}, each with a comment saying why (visible to colleagues without the add-in).",
  noteText: "Budget check (yusuan): {messages}",
  cleared: "Marks cleared; the cells' formatting is restored.",
  nothingToMark: "Nothing to mark. Run Check first.",
  fillNone: "No cell to fill.",
  fillPreview: "{n:cell|cells} can be filled:",
  applied: "Wrote {n:cell|cells}.",
  undone: "Undone; the cells are restored.",
  undoneMore: "Undone; the cells are restored. {n:earlier fill|earlier fills} can still be undone.",
  applyRefused:
    "Nothing written: {n:cell is|cells are} no longer as previewed ({cells}). Click Fill again for a fresh preview.",
  undoRefused:
    "Not undone: {n:cell was|cells were} changed after Apply ({cells}). Undoing would overwrite those changes, so no cell was changed.",
  changedCell: "{cell}: {was} → {now}",
  formulaCell: "{cell}: formula {formula}, never overwritten",
  blankCell: "(blank)",
  moreCells: "and {n} more",
  appliedAlready: "Applied. Click Fill again for a new preview.",
  changedTitle: "Changed cells",
  cell: "Cell",
  oldValue: "Old",
  newValue: "New",
  why: "Reason",
  conflicts: "{n:cell differs|cells differ} from the derived value; left alone.",
  waivedDone: "Waived; recorded in the hidden sheet {sheet}.",
  reasonRequired: "Please give a reason.",
  templateDone: "Inserted {n:sheet|sheets}.",
  narrativeDone: "Narrative written to the sheet “{sheet}”.",
  narrativeSheet: "Budget narrative",
  failed: "Failed: {message}",
  checkFirst: "Run Check first.",
  tableCounts: "{n:item|items}",
  needsNewer:
    "{buttons}: needs {excel} or Microsoft 365 (ExcelApi {version}); this Excel does not have it, so the button is off.",
  needsNewerShort: "Not available in this version of Excel",
  sheetProtected:
    "Cannot {action}: the sheet {sheets} is protected. Unprotect it (Review → Unprotect Sheet), then click {action} again.",
  structureProtected:
    "Cannot {action}: the workbook structure is protected, so no sheet can be added. Unprotect it (Review → Protect Workbook), then click {action} again.",
  importCatalog: "Import",
  catalogTitle: "Classification catalog",
  catalogExplain:
    "The built-in catalog holds only the codes seen in published budgets. Import the full official catalog (CSV, or the JSON of yusuan catalog import); it is kept in a hidden sheet of this workbook and used by every check.",
  catalogFile: "Catalog file",
  catalogScheme: "Classification",
  schemeFunctional: "Functional (codes 2…)",
  schemeEconomic: "Department economic (codes 3…)",
  catalogChoose: "Choose a catalog file first.",
  catalogYear: "Give the catalog's year (1990 to 2100).",
  catalogKinds:
    "\u201c{name}\u201d: choose a .csv or .json catalog (save an XLSX catalog as CSV, or convert it with yusuan catalog import).",
  catalogInvalid: "The catalog file \u201c{name}\u201d is invalid: {problems}",
  catalogImported:
    "Imported the {year} catalog ({n:code|codes}), kept in the hidden sheet {sheet} and used by every check.",
  insertAnyway: "Insert anyway",
  cancel: "Cancel",
  templateExists:
    "The workbook already holds {n:budget table|budget tables}. Insert nine more empty tables anyway?",
  noTables:
    "No budget disclosure tables recognised. Check that the workbook holds the nine disclosure tables (such as the 部门财务收支预算总表).",
  checkerTitle: "Budget check · files on this computer",
  privacy:
    "Files are read and checked in this browser only and never uploaded: this page forbids every network connection (Content-Security-Policy connect-src 'none'); it works offline.",
  dropHere: "Drop .xlsx, .pdf or .txt files here, or click to choose",
  dropKinds: "Several files at once; findings by table, printable; workbooks can be downloaded filled in.",
  checkerReady: "Choose the files to check.",
  readingFiles: "Reading and checking {n:file|files}…",
  checkedFiles:
    "Checked {files:file|files}: {errors:error|errors}, {warnings:warning|warnings}, {infos:note|notes}.",
  print: "Print report",
  downloadFilled: "Download the filled workbook",
  filledDownload: "Filled {n:cell|cells}; copy downloaded (the original is unchanged).",
  unsupportedFile: "“{name}” is not an .xlsx, .pdf or .txt file; not checked.",
  fileTooLarge: "“{name}” is {mb} MB, above the limit; not read.",
  pdfUnavailable: "“{name}”: this version cannot read PDFs; use .xlsx or .txt, or the yusuan command line.",
};

/** The message keys. */
export type MessageKey = keyof typeof zh;

/**
 * The language for Office's display language ("zh-CN", "en-US", …).
 * @example langOf("en-GB") // "en"
 */
export function langOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

/**
 * A label in the language, with {name} placeholders filled in. `{n:cell|cells}` is a count with its noun
 * in the singular for 1 and the plural otherwise (English; Chinese needs no such form).
 * @example t("en", "marked", { n: 1 }) // "Marked 1 cell."
 */
export function t(lang: Lang, keyName: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (lang === "en" ? en : zh)[keyName];
  return template.replace(
    /\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g,
    (m, name: string, one?: string, other?: string) => {
      if (!(name in params)) return m;
      const value = params[name]!;
      if (one === undefined || other === undefined) return String(value);
      return `${value} ${Number(value) === 1 ? one : other}`;
    },
  );
}
