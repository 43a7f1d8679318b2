import { builtInCatalog, formerNamesIn, getCatalog, parentOf, type Catalog } from "@yusuan/classification";
import type { ClassifiedTable, Disclosure, Table } from "../model";
import type { TableId } from "../report";
import type { RecognitionIssue } from "../recognize";
import type { RuleId } from "./registry";
import { TABLE_DEFINITIONS, tableTitle, type StandardTableId } from "../tables";
import { norm, stripListMarker } from "../text-norm";
import { amountOf, defineRules, tableName, type RuleContext } from "./engine";
import { childrenIndex } from "./tables-a";

const T = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** Rules D1–D4 (completeness and form of the tables) and the recognizer's own findings. */
export const formRules = defineRules([
  {
    id: "D1.table-missing",
    severity: "error",
    title: T("九张表齐全", "All nine tables present"),
    description: T(
      "部门预算须公开九张表；没有数据的表也应列出空表并说明。",
      "A budget disclosure publishes all nine tables; a table without data is still published, empty, with a note.",
    ),
    message: T("缺少{table}“{title}”。", '{table} "{title}" is missing.'),
    examples: {
      firing: [
        { find: "\n2025年部门政府性基金预算支出功能分类预算表\n", replace: "\n政府性基金表（已删除）\n" },
      ],
      quiet: [],
    },
  },
  {
    id: "D1.title-year",
    severity: "error",
    title: T("表名年度与文档一致", "Table titles carry the document's year"),
    description: T("每张表的标题应写明本预算年度。", "Each table title names the budget year."),
    message: T(
      "{table}标题“{title}”的年度为 {actual} 年，文档为 {expected} 年。",
      '{table} title "{title}" says {actual}; the document is for {expected}.',
    ),
    examples: {
      firing: [{ find: "\n2025年部门支出预算总表", replace: "\n2024年部门支出预算总表" }],
      quiet: [],
    },
  },
  {
    id: "D1.title-year-missing",
    severity: "error",
    title: T("表名写明年度", "Table titles name the year"),
    description: T(
      "每张表的标题应写明预算年度（如“2025年部门“三公”经费和机关运行经费预算表”）；只在表头栏目中写年度不够。",
      'Each table title names the budget year ("2025年部门…预算表"); a year in the column headers is not enough.',
    ),
    message: T(
      "{table}标题“{title}”未写明年度，应为“{year}年…”。",
      '{table} title "{title}" names no year; it should start with {year}年.',
    ),
    examples: {
      firing: [{ find: "\n2025年部门支出预算总表", replace: "\n部门支出预算总表" }],
      quiet: [],
    },
  },
  {
    id: "D1.title-kind",
    severity: "warning",
    title: T("表名的“部门/单位”与文档一致", "Table titles say 部门 or 单位 as the document does"),
    description: T(
      "部门预算的表名为“部门…”，单位预算为“单位…”。",
      "A department budget titles its tables 部门…, a unit budget 单位….",
    ),
    message: T(
      "{table}标题“{title}”写作“{actual}”，而本文档是{expected}。",
      '{table} title "{title}" says {actual}; the document is a {expected}.',
    ),
    examples: {
      firing: [{ find: "\n2025年部门支出预算总表", replace: "\n2025年单位支出预算总表" }],
      quiet: [],
    },
  },
  {
    id: "D1.table-order",
    severity: "warning",
    title: T("九张表按规定顺序排列", "The nine tables are in order"),
    description: T("九张表应按表1至表9的顺序公开。", "The tables appear in the order T1 to T9."),
    message: T(
      "{table}出现在{other}之前，顺序与规定不符。",
      "{table} comes before {other}, out of the standard order.",
    ),
    examples: {
      // Table 6 (政府性基金) pasted after Table 7 (国有资本经营).
      firing: [
        {
          find: "2025年部门政府性基金预算支出功能分类预算表\n\n编制部门：上海市闵行区浦江镇社区党群服务中心\n\n单位：元\n\n项目\t\t\t政府性基金预算支出\t\t\n功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\n合计\t\t\t\t\t\n\n注：本部门2025年无政府性基金预算安排的支出，故本表无数据。",
          replace: "",
        },
        {
          find: "注：本部门2025年无国有资本经营预算安排的支出，故本表无数据。",
          replace:
            "注：本部门2025年无国有资本经营预算安排的支出，故本表无数据。\n\n2025年部门政府性基金预算支出功能分类预算表\n\n编制部门：上海市闵行区浦江镇社区党群服务中心\n\n单位：元\n\n项目\t\t\t政府性基金预算支出\t\t\n功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\n合计\t\t\t\t\t\n\n注：本部门2025年无政府性基金预算安排的支出，故本表无数据。",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "D2.empty-table-note",
    severity: "error",
    title: T("空表须附说明", "An empty table carries a note"),
    description: T(
      "没有数据的表格应当列出空表并说明原因（如“本部门无政府性基金预算安排的支出，故本表无数据”）。",
      "A table with no data is published empty with a note saying why.",
    ),
    message: T(
      "{table}“{title}”没有数据，但未附说明。",
      '{table} "{title}" has no data but no note says why.',
    ),
    examples: {
      firing: [{ find: "注：本部门2025年无政府性基金预算安排的支出，故本表无数据。", replace: "" }],
      quiet: [],
    },
  },
  {
    id: "D2.note-on-data",
    severity: "error",
    title: T("有数据的表不应附“空表”说明", "A table with data carries no 'empty table' note"),
    description: T(
      "表中已有数据，却附有“本表为空表”“本表无数据”之类的说明，公开的内容自相矛盾。只说明某一项为零的注释（如“无因公出国（境）费预算”）不算。",
      "The table has figures yet a note says the table is empty or has no data: the published text contradicts itself. A note that one item is zero does not count.",
    ),
    message: T("{table}有数据，却附有说明“{note}”。", '{table} has data but its note says "{note}".'),
    examples: {
      firing: [
        {
          find: "合计\t\t\t\t105,767,210.12\t27,981,878.00\t77,785,332.12\n",
          replace: "合计\t\t\t\t105,767,210.12\t27,981,878.00\t77,785,332.12\n\n注：本表无数据。\n",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "D2.note-wrong-fund",
    severity: "error",
    title: T("空表说明须针对本表的预算", "An empty-table note names its own table's budget"),
    description: T(
      "表6 的空表说明应说明没有政府性基金预算，表7 应说明没有国有资本经营预算；说明写的是别的预算（常见于复制上一张表的说明），本表的空表原因就没有说明。",
      "Table 6's empty-table note explains the absence of 政府性基金预算, Table 7's of 国有资本经营预算; a note naming the other budget (copied from the table before) leaves this table unexplained.",
    ),
    message: T(
      "{table}是{own}预算表，但其空表说明写的是“{other}”：“{note}”。",
      '{table} is the {own} table, but its empty-table note speaks of {other}: "{note}".',
    ),
    messages: {
      政府性基金: T("政府性基金", "government fund (政府性基金)"),
      国有资本经营: T("国有资本经营", "state capital operations (国有资本经营)"),
    },
    examples: {
      firing: [
        {
          find: "注：本部门2025年无政府性基金预算安排的支出",
          replace: "注：本部门2025年无国有资本经营预算安排的支出",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "D3.depth",
    severity: "warning",
    title: T("功能分类公开到项、经济分类公开到款", "Functional rows reach 项, economic rows reach 款"),
    description: T(
      "按预算法实施条例第六条，支出功能分类应公开到项级，经济分类公开到款级。",
      "Functional classification is disclosed to 项 and economic classification to 款 (预算法实施条例 art. 6).",
    ),
    message: T(
      "{table}“{row} {name}”未细化到{level}级。",
      "{table} row {row} {name} is not broken down to {level}.",
    ),
    examples: {
      firing: [{ find: "204\t02\t20 执法办案\t24,763,610.00\t—\t24,763,610.00\n", replace: "" }],
      quiet: [],
    },
  },
  {
    id: "D3.code-form",
    severity: "warning",
    title: T("款级编码为两位数字", "款 codes have two digits"),
    description: T(
      "经济分类的款级编码为两位数字（30102 印作“301 02”）；印成一位（“301 2”）不合规范，读者也可能读错。",
      'An economic 款 code has two digits (30102 printed "301 02"); a one-digit 款 ("301 2") is not the standard form.',
    ),
    message: T(
      "{table}“{row} {name}”的款级编码印为一位数字“{printed}”，应为两位“{want}”。",
      '{table} row {row} {name}: the 款 code is printed with one digit "{printed}"; it should be "{want}".',
    ),
    examples: {
      firing: [{ find: "301\t02\t津贴补贴", replace: "301\t2\t津贴补贴" }],
      quiet: [],
    },
  },
  {
    id: "D3.unknown-code",
    severity: "info",
    title: T("科目编码不在所载目录中", "Code unknown to the loaded catalog"),
    description: T(
      "该编码不在当前使用的科目目录中；这不等于编码错误。内置目录只收录公开文件中出现过的科目，并非财政部当年的完整目录；导入当年官方目录后可确认。",
      "The code is not in the catalog in use; that does not make it wrong. The built-in catalog holds the codes seen in published documents, not the year's complete official catalog; import the official one to decide.",
    ),
    message: T(
      "{table}“{row} {name}”的编码不在{catalog}中，无法核对名称。",
      "{table}: code {row} ({name}) is not in {catalog}, so its name could not be checked.",
    ),
    messages: {
      builtInCatalog: T(
        "内置的已见科目清单（收录公开文件中出现过的科目，并非官方完整目录）",
        "the built-in list of codes seen in published documents (not the complete official catalog)",
      ),
      loadedCatalog: T("已载入的 {year} 年科目目录", "the loaded {year} catalog"),
    },
    examples: {
      firing: [
        { find: "204\t02\t20 执法办案\t24,763,610.00\t—", replace: "204\t02\t98 测试科目\t24,763,610.00\t—" },
      ],
      quiet: [],
    },
  },
  {
    id: "D3.name-mismatch",
    severity: "warning",
    title: T("科目名称与编码一致", "The printed name matches the code"),
    description: T(
      "科目名称应与科目目录中该编码的名称一致。",
      "The printed name equals the catalog's name for the code.",
    ),
    message: T(
      "{table}“{row}”名称为“{actual}”，目录中为“{expected}”。",
      '{table} {row} is named "{actual}"; the catalog says "{expected}".',
    ),
    examples: {
      firing: [{ find: "204\t02\t公安\t24,763,610.00\t—", replace: "204\t02\t公安局经费\t24,763,610.00\t—" }],
      quiet: [],
    },
  },
  {
    id: "D3.code-name-mismatch",
    severity: "warning",
    title: T("编码与名称不符", "Code and name disagree"),
    description: T(
      "印出的科目名称是同级另一编码的名称，编码或名称有一处印错。此时按编码做的勾稽（如表8“三公”科目与表9 的比较）不再可靠，故不作比较。",
      "The printed name is that of another code at the same level: the code or the name is misprinted. Checks that go by the code (such as Table 8's 三公 lines against Table 9) are then skipped.",
    ),
    message: T(
      "{table}“{row}”印的名称“{actual}”是科目 {other} 的名称，编码与名称不符。",
      '{table} {row} is printed with the name "{actual}", which is the name of {other}: code and name disagree.',
    ),
    examples: {
      firing: [{ find: "302\t17\t公务接待费", replace: "302\t17\t公务用车运行维护费" }],
      quiet: [],
    },
  },
  {
    id: "D3.obsolete-name",
    severity: "warning",
    title: T("科目名称已过时", "Obsolete classification name"),
    description: T(
      "表中科目行、表1/表4 的支出项目和编制说明的文字中使用了已更名科目的旧名称；更名及其年度取自科目目录数据。",
      "A table row, a Table 1/4 expenditure label or a narrative line uses the former name of a renamed code; renames and their years come from the catalog data.",
    ),
    message: T(
      "{table}“{row}”使用旧名称“{actual}”，现名“{expected}”。",
      '{table} {row} uses the old name "{actual}"; it is now "{expected}".',
    ),
    examples: {
      firing: [{ find: "210\t\t卫生健康支出", replace: "210\t\t医疗卫生与计划生育支出" }],
      quiet: [],
    },
  },
  {
    id: "D4.unit",
    severity: "error",
    title: T("计量单位正确", "Units are right"),
    description: T(
      "表1—表8 以“元”为单位，表9 以“万元”为单位。单位不同的表只报告一次，不参与金额的合计和比较（否则每一处都会是一条误报）。",
      "Tables 1–8 are in 元, table 9 in 万元. A table in another unit is reported once and left out of the sums and comparisons of amounts (each would be one more false error).",
    ),
    message: T(
      "{table}的单位为“{actual}”，应为“{expected}”；本表金额未参与合计和比较。",
      "{table} is in {actual}; it should be {expected}. Its amounts were left out of the sums and comparisons.",
    ),
    examples: {
      firing: [{ find: "单位：万元", replace: "单位：元" }],
      quiet: [],
    },
  },
  {
    id: "D4.unit-slip",
    severity: "error",
    title: T("金额单位错位（相差一万倍）", "Unit slip (10,000× off)"),
    description: T(
      "两个应相等的金额相差一万倍，通常是元与万元混用。",
      "Two amounts that must be equal differ by 10,000×: 元 and 万元 mixed up.",
    ),
    message: T(
      "{table}“{row}”的“{column}”为 {actual}，而应与之相等的金额为 {expected}，相差一万倍，疑为元与万元混用。",
      "{table} {row}, {column}: {actual} against {expected}, 10,000× off — 元 and 万元 mixed up?",
    ),
    examples: {
      firing: [{ find: "一、一般公共服务支出\t58,121,209.78", replace: "一、一般公共服务支出\t5,812.12" }],
      quiet: [],
    },
  },
  {
    id: "D6.document-kind",
    severity: "warning",
    title: T("文件不是预算公开文件", "The file is not a budget disclosure"),
    description: T(
      "yusuan 检查部门预算和单位预算公开文件。部门决算、单位决算（表名为“…决算表”）或其他文本（如检查表、没有预算表的文字）不按预算检查，只报告这一条，不报缺表。",
      "yusuan checks department and unit budget disclosures. A final account (tables titled …决算表) or any other text (an inspection checklist, a text without budget tables) is not checked as a budget: this one finding, never missing tables.",
    ),
    message: T(
      "本文件是{kindName}，不是部门预算或单位预算公开文件；yusuan 目前只检查预算公开文件，未检查本文件。",
      "This file is {kindName}, not a department or unit budget disclosure; yusuan checks budget disclosures only, so it was not checked.",
    ),
    examples: {
      // The department's final accounts (决算) for 2024: its cover and its tables are titled 决算.
      firing: [
        { find: "闵行区浦江镇2025年镇级部门预算", replace: "闵行区浦江镇2024年镇级部门决算" },
        { find: "2025年部门财务收支预算总表\n\n编制部门", replace: "2024年部门收入支出决算总表\n\n编制部门" },
        { find: "2025年部门收入预算总表\n\n编制部门", replace: "2024年部门收入决算表\n\n编制部门" },
        { find: "2025年部门支出预算总表\n\n编制部门", replace: "2024年部门支出决算表\n\n编制部门" },
        {
          find: "2025年部门财政拨款收支预算总表\n\n编制部门",
          replace: "2024年部门财政拨款收入支出决算总表\n\n编制部门",
        },
        {
          find: "2025年部门一般公共预算支出功能分类预算表\n\n编制部门",
          replace: "2024年部门一般公共预算财政拨款支出决算表\n\n编制部门",
        },
        {
          find: "2025年部门政府性基金预算支出功能分类预算表\n\n编制部门",
          replace: "2024年部门政府性基金预算财政拨款收入支出决算表\n\n编制部门",
        },
        {
          find: "2025年部门国有资本经营预算支出功能分类预算表\n\n编制部门",
          replace: "2024年部门国有资本经营预算财政拨款支出决算表\n\n编制部门",
        },
        {
          find: "2025年部门一般公共预算基本支出部门预算经济分类预算表\n\n编制部门",
          replace: "2024年部门一般公共预算财政拨款基本支出决算表\n\n编制部门",
        },
        {
          find: "2025年部门“三公”经费和机关运行经费预算表\n\n编制部门",
          replace: "2024年部门财政拨款“三公”经费支出决算表\n\n编制部门",
        },
      ],
      quiet: [],
    },
    messages: {
      部门决算: T("部门决算", "a department final account (部门决算)"),
      单位决算: T("单位决算", "a unit final account (单位决算)"),
      其他: T(
        "其他文本（既没有预算表，也没有预算文件的标题）",
        "some other text (no budget tables and no budget title)",
      ),
    },
  },
  {
    id: "recognize.unplaced-row",
    severity: "info",
    title: T("无法归位的行", "Row that could not be placed"),
    description: T(
      "该行有金额但无法识别其科目编码，未参与检查。",
      "The row has amounts but no recognisable code, so no rule checked it.",
    ),
    message: T(
      "{table}中的行“{label}”无法识别科目编码，未参与检查。",
      '{table}: row "{label}" has no recognisable code and was not checked.',
    ),
    examples: {
      firing: [
        {
          find: "221\t02\t01\t住房公积金\t905,823.00\t905,823.00\t-\n",
          replace: "221\t02\t01\t住房公积金\t905,823.00\t905,823.00\t-\n补充\t\t某项目\t100.00\t\t100.00\n",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "recognize.bad-amount",
    severity: "error",
    title: T("金额无法识别", "Unreadable amount"),
    description: T("金额单元格中的内容不是有效的金额。", "An amount cell does not hold a valid amount."),
    message: T(
      "{table}“{label}”的金额“{text}”无法识别：不是有效数字。",
      '{table} {label}: "{text}" is not a valid amount.',
    ),
    examples: {
      firing: [
        {
          find: "201\t99\t99 其他一般公共服务支出\t58,121,209.78\t19,887,658.00",
          replace: "201\t99\t99 其他一般公共服务支出\t58,121,2O9.78\t19,887,658.00",
        },
      ],
      quiet: [],
    },
  },
  {
    id: "recognize.no-header",
    severity: "warning",
    title: T("未找到表头", "Table header not found"),
    description: T(
      "找到了表1或表4的标题，但没有找到分出收入、支出两栏的表头（“收入”“支出”“项目”“预算数”等）；金额按默认的列读取，可能读错列。",
      "The title of Table 1 or Table 4 was found, but not the header that splits it into an income and an expenditure side (收入, 支出, 项目, 预算数 …); amounts were read from the default columns and may be misread.",
    ),
    message: T(
      "{table}“{label}”没有找到表头，金额按默认的列读取，可能读错列。",
      '{table} "{label}": no header row was found; amounts were read from the default columns and may be misread.',
    ),
    examples: {
      firing: [{ find: "本年收入\t\t本年支出\t\n项目\t预算数\t项目\t预算数\n", replace: "" }],
      quiet: [],
    },
  },
  {
    id: "recognize.duplicate-table",
    severity: "warning",
    title: T("重复的表", "Table appears twice"),
    description: T(
      "同一张表出现了两次；只检查第一次出现的表。",
      "The same table appears twice; only the first is checked.",
    ),
    message: T(
      "{table}“{label}”重复出现，只检查第一次出现的表。",
      '{table} "{label}" appears again; only the first one is checked.',
    ),
    examples: {
      firing: [
        {
          find: "注：本部门2025年无政府性基金预算安排的支出，故本表无数据。\n",
          replace:
            "注：本部门2025年无政府性基金预算安排的支出，故本表无数据。\n\n2025年部门政府性基金预算支出功能分类预算表\n\n单位：元\n\n项目\t\t\t政府性基金预算支出\t\t\n功能分类科目编码\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\n合计\t\t\t\t\t\n\n注：本部门2025年无政府性基金预算安排的支出，故本表无数据。\n",
        },
      ],
      quiet: [],
    },
  },
]);

/** A note that explains why a table is empty: "本部门2025年无政府性基金预算安排的支出，故本表无数据". */
const EMPTY_NOTE = /无.*(数据|支出|安排|收入|预算)|空表/;
/**
 * A note that says the table itself is empty. Stricter than {@link EMPTY_NOTE}: a note under Table 9
 * such as "本部门无因公出国（境）费预算" explains one zero column of a table with data.
 */
const CLAIMS_EMPTY = /空表|本表(?:为空|(?:无|没有)(?:任何)?(?:数据|内容))/;
/** The budgets an empty-table note of T6/T7 may name. */
const FUNDS = ["政府性基金", "国有资本经营"] as const;

function hasData(t: Table): boolean {
  switch (t.shape) {
    case "classified":
      return t.items.length > 0 || Object.values(t.total?.amounts ?? {}).some((f) => !amountOf(f).isZero());
    case "two-sided":
      return [...t.income, ...t.expenditure].some((i) =>
        Object.values(i.amounts).some((f) => !amountOf(f).isZero()),
      );
    case "single-row":
      return Object.values(t.amounts).some((f) => !amountOf(f, "万元").isZero());
  }
}

/**
 * D1–D4 and the recognizer's issues as units the engine runs one by one (a failure in one does not
 * stop the others).
 *
 * @example
 * ```ts
 * for (const c of formChecks) c.run(ctx, issues);
 * ```
 */
export const formChecks: ReadonlyArray<{
  readonly name: string;
  readonly run: (ctx: RuleContext, issues: ReadonlyArray<RecognitionIssue>) => void;
}> = [
  { name: "D1–D4", run: (ctx) => checkTablesForm(ctx) },
  { name: "D3 text", run: (ctx) => checkTextNames(ctx, ctx.d) },
  { name: "recognize", run: (ctx, issues) => checkIssues(ctx, issues) },
];

/**
 * The tables printed in another unit than the template's (D4.unit): 万元 in Tables 1–8, 元 in Table 9.
 *
 * @example
 * ```ts
 * tablesInOtherUnit(disclosure); // ["T1", "T2"] when those two say 单位：万元
 * ```
 */
export function tablesInOtherUnit(d: Disclosure): StandardTableId[] {
  return TABLE_DEFINITIONS.filter((def) => {
    const unit = d.tables[def.id]?.unit;
    return unit !== undefined && unit !== def.unit;
  }).map((def) => def.id);
}

/**
 * Runs D1–D4 and turns recognition issues into findings.
 *
 * @example
 * ```ts
 * checkForm(ctx, recognize(grid).issues);
 * ```
 */
export function checkForm(ctx: RuleContext, issues: ReadonlyArray<RecognitionIssue>): void {
  for (const c of formChecks) c.run(ctx, issues);
}

const ISSUE_RULES = {
  "unplaced-row": "recognize.unplaced-row",
  "duplicate-table": "recognize.duplicate-table",
  "no-header": "recognize.no-header",
  "bad-amount": "recognize.bad-amount",
} as const satisfies Record<RecognitionIssue["kind"], RuleId>;

function checkIssues(ctx: RuleContext, issues: ReadonlyArray<RecognitionIssue>): void {
  for (const issue of issues) {
    ctx.emit(ISSUE_RULES[issue.kind], {
      table: issue.table,
      location: issue.location,
      params: { label: issue.label, text: issue.detail ?? "" },
      key: `${issue.label}|${issue.detail ?? ""}`,
    });
  }
}

function checkTablesForm(ctx: RuleContext): void {
  const d = ctx.d;
  const year = d.document.year;
  const docKind = d.document.kind.startsWith("单位") ? "单位" : "部门";
  // The latest table so far in the standard order, by its place on its sheet.
  let furthest: { id: StandardTableId; sheet: string; row: number } | undefined;
  TABLE_DEFINITIONS.forEach((def) => {
    const t = d.tables[def.id];
    if (!t) {
      ctx.emit("D1.table-missing", {
        table: def.id,
        params: { title: year ? tableTitle(def.id, year, docKind) : def.name },
      });
      return;
    }
    const at = t.location;
    if (year !== undefined && t.year !== undefined && t.year !== year) {
      ctx.emit("D1.title-year", {
        table: def.id,
        location: at,
        expected: String(year),
        actual: String(t.year),
        params: { title: t.title },
      });
    }
    if (t.kind && t.kind !== docKind) {
      ctx.emit("D1.title-kind", {
        table: def.id,
        location: at,
        expected: d.document.kind,
        actual: t.kind,
        params: { title: t.title },
      });
    }
    if (furthest && furthest.sheet === t.sheet && t.rows[0] < furthest.row) {
      ctx.emit("D1.table-order", {
        table: def.id,
        location: at,
        params: { other: tableName(furthest.id, ctx.lang) },
      });
    }
    if (!furthest || furthest.sheet !== t.sheet || t.rows[0] > furthest.row)
      furthest = { id: def.id, sheet: t.sheet, row: t.rows[0] };
    if (year !== undefined && t.year === undefined) {
      ctx.emit("D1.title-year-missing", { table: def.id, location: at, params: { title: t.title, year } });
    }
    const data = hasData(t);
    const emptyNote = t.notes.find((n) => EMPTY_NOTE.test(norm(n.text)));
    if (!data && !emptyNote) {
      ctx.emit("D2.empty-table-note", { table: def.id, location: at, params: { title: t.title } });
    }
    const claimsEmpty = t.notes.find((n) => CLAIMS_EMPTY.test(norm(n.text)));
    if (data && claimsEmpty) {
      ctx.emit("D2.note-on-data", {
        table: def.id,
        location: claimsEmpty.location,
        params: { note: claimsEmpty.text },
      });
    }
    const own = def.emptyNoteSubject;
    if (!data && emptyNote && own) {
      const n = norm(emptyNote.text);
      const other = FUNDS.find((f) => f !== own && n.includes(f));
      if (other && !n.includes(own)) {
        ctx.emit("D2.note-wrong-fund", {
          table: def.id,
          location: emptyNote.location,
          expected: own,
          actual: other,
          params: {
            note: emptyNote.text,
            own: ctx.text("D2.note-wrong-fund", own),
            other: ctx.text("D2.note-wrong-fund", other),
          },
        });
      }
    }
    if (t.unit && t.unit !== def.unit) {
      ctx.emit("D4.unit", {
        table: def.id,
        location: t.unitLocation ?? at,
        expected: def.unit,
        actual: t.unit,
      });
    }
    if (t.shape === "classified") checkCodes(ctx, t);
    if (t.shape === "two-sided") checkLabels(ctx, t.id, t.expenditure);
  });
}

/**
 * The catalog given in the options, else the registered or built-in one for the year.
 *
 * @example
 * ```ts
 * catalogFor(ctx, "economic-dept").get("30217")?.name; // "公务接待费"
 * ```
 */
export function catalogFor(ctx: RuleContext, scheme: "functional" | "economic-dept"): Catalog {
  return ctx.options.catalogs?.[scheme] ?? getCatalog(scheme, ctx.catalogYear);
}

/**
 * Codes at the same level under the same parent whose catalog name is the printed one, when the printed
 * name is not the code's own (current or former) name: the code or the name is misprinted.
 *
 * @example
 * ```ts
 * namedAsOtherCode(getCatalog("economic-dept"), "30217", "公务用车运行维护费"); // ["30231"]
 * namedAsOtherCode(getCatalog("economic-dept"), "30217", "公务接待费"); // []
 * ```
 */
export function namedAsOtherCode(catalog: Catalog, code: string, name: string, year?: number): string[] {
  const check = catalog.checkName(code, name, year !== undefined ? { year } : {});
  if (check.status !== "mismatch" && check.status !== "unknown-code") return [];
  const parent = parentOf(code, catalog.scheme);
  return catalog
    .findByName(name)
    .map((e) => e.code)
    .filter((c) => c !== code && c.length === code.length && parentOf(c, catalog.scheme) === parent);
}

function catalogLabel(ctx: RuleContext, scheme: "functional" | "economic-dept", catalog: Catalog): string {
  if (catalog === builtInCatalog(scheme)) return ctx.text("D3.unknown-code", "builtInCatalog");
  return ctx.text("D3.unknown-code", "loadedCatalog", { year: catalog.year });
}

function checkCodes(ctx: RuleContext, t: ClassifiedTable): void {
  const scheme = t.id === "T8" ? "economic-dept" : "functional";
  const catalog = catalogFor(ctx, scheme);
  const children = childrenIndex(t);
  const leafLength = scheme === "functional" ? 7 : 5;
  const table: TableId = t.id;
  const year = ctx.d.document.year;
  for (const row of t.items) {
    const at = row.location;
    if (row.code.length < leafLength && !children.has(row.code) && !amountOf(row.amounts.合计).isZero()) {
      ctx.emit("D3.depth", {
        table,
        row: row.code,
        location: at,
        params: { name: row.name, level: scheme === "functional" ? "项" : "款" },
      });
    }
    if (row.normalised.includes("padded-kuan")) {
      // Not in expected/actual: those are amounts, and "02" would be shown as 2.
      ctx.emit("D3.code-form", {
        table,
        row: row.code,
        location: at,
        params: { name: row.name, printed: row.code.slice(4, 5), want: row.code.slice(3, 5) },
      });
    }
    const others = namedAsOtherCode(catalog, row.code, row.name, year);
    if (others.length > 0) {
      ctx.emit("D3.code-name-mismatch", {
        table,
        row: row.code,
        location: at,
        actual: row.name,
        params: { other: others.join("、") },
      });
      continue;
    }
    const check = catalog.checkName(row.code, row.name, year !== undefined ? { year } : {});
    switch (check.status) {
      case "unknown-code":
        ctx.emit("D3.unknown-code", {
          table,
          row: row.code,
          location: at,
          params: { name: row.name, catalog: catalogLabel(ctx, scheme, catalog) },
        });
        break;
      case "obsolete":
        ctx.emit("D3.obsolete-name", {
          table,
          row: row.code,
          location: at,
          expected: check.current,
          actual: row.name,
        });
        break;
      case "mismatch":
        ctx.emit("D3.name-mismatch", {
          table,
          row: row.code,
          location: at,
          expected: check.expected,
          actual: row.name,
          suggestion: check.suggestion,
        });
        break;
      default:
        break;
    }
  }
}

/** T1/T4 expenditure labels name functional 类 ("七、医疗卫生与计划生育支出"): an old name is reported. */
function checkLabels(
  ctx: RuleContext,
  table: "T1" | "T4",
  lines: ReadonlyArray<{ label: string; key: string; location?: Disclosure["text"][number]["location"] }>,
): void {
  const catalog = catalogFor(ctx, "functional");
  const year = ctx.d.document.year;
  for (const line of lines) {
    if (!/^\d{3}$/.test(line.key)) continue;
    const check = catalog.checkName(
      line.key,
      stripListMarker(line.label),
      year !== undefined ? { year } : {},
    );
    if (check.status === "obsolete") {
      ctx.emit("D3.obsolete-name", {
        table,
        row: line.key,
        location: line.location,
        expected: check.current,
        actual: check.former,
        key: line.label,
      });
    }
  }
}

/** Old names of renamed codes in the text outside the tables (narrative, project sections). */
function checkTextNames(ctx: RuleContext, d: Disclosure): void {
  const year = d.document.year;
  if (year === undefined || !ctx.enabled("D3.obsolete-name")) return;
  const catalogs = [catalogFor(ctx, "functional"), catalogFor(ctx, "economic-dept")];
  for (const line of d.text) {
    for (const catalog of catalogs) {
      for (const hit of formerNamesIn(line.text, catalog, year)) {
        ctx.emit("D3.obsolete-name", {
          table: "N",
          row: hit.code,
          location: line.location,
          expected: hit.current,
          actual: hit.former,
          key: `${line.row}|${hit.former}`,
        });
      }
    }
  }
}

/**
 * What a document that is not a budget disclosure gets: one finding saying what it is, and nothing else
 * (never nine missing tables). Returns whether the document is a budget, i.e. whether to check it.
 *
 * @example
 * ```ts
 * if (checkDocumentKind(ctx)) runTheRules(ctx);
 * ```
 */
export function checkDocumentKind(ctx: RuleContext): boolean {
  const kind = ctx.d.document.kind;
  if (kind === "部门预算" || kind === "单位预算") return true;
  const kindName = ctx.text("D6.document-kind", kind === "部门决算" || kind === "单位决算" ? kind : "其他");
  const first = ctx.d.text[0];
  ctx.emit("D6.document-kind", { table: "D", location: first?.location, params: { kindName } });
  return false;
}

/** Compares a printed title with its standard form, ignoring spaces and width. */
export function sameTitle(a: string, b: string): boolean {
  return norm(a) === norm(b);
}
