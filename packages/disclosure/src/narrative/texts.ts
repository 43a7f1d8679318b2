/**
 * Wording used inside narrative findings: labels of the things a message names, and the details
 * of rules that report several kinds of problem. Every text is a template in both languages.
 */
import type { Template } from "../i18n";
import { COLUMN_LABELS } from "../rules/labels";

/** Names of narrative subjects, parts, project fields and chapter parts, for message parameters. */
export const LABELS: Readonly<Record<string, Template>> = {
  // The tables' columns are named as everywhere else; the narrative writes 因公出国（境）费 in full width.
  ...COLUMN_LABELS,
  收入预算: { "zh-CN": "收入预算", en: "budgeted income" },
  支出预算: { "zh-CN": "支出预算", en: "budgeted expenditure" },
  财政拨款支出预算: { "zh-CN": "财政拨款支出预算", en: "fiscal appropriation expenditure" },
  一般公共预算拨款支出预算: { "zh-CN": "一般公共预算拨款支出预算", en: "general public budget expenditure" },
  政府性基金拨款支出预算: { "zh-CN": "政府性基金拨款支出预算", en: "government fund expenditure" },
  国有资本经营预算拨款支出预算: {
    "zh-CN": "国有资本经营预算拨款支出预算",
    en: "state capital operation expenditure",
  },
  三公经费: { "zh-CN": "“三公”经费", en: "the three public expenses" },
  "因公出国(境)费": { "zh-CN": "因公出国（境）费", en: "official travel abroad" },
  公务用车购置及运行费: { "zh-CN": "公务用车购置及运行费", en: "official vehicle purchase and operation" },
  公务用车购置费: { "zh-CN": "公务用车购置费", en: "official vehicle purchase" },
  公务用车运行费: { "zh-CN": "公务用车运行费", en: "official vehicle operation" },
  项目资金总额: { "zh-CN": "项目资金总额", en: "total project funds" },
  财政资金: { "zh-CN": "财政资金", en: "fiscal funds" },
  其他资金: { "zh-CN": "其他资金", en: "other funds" },
  年度资金申请总额: { "zh-CN": "年度资金申请总额", en: "annual funds requested" },
  当年财政拨款: { "zh-CN": "当年财政拨款", en: "this year's appropriation" },
  上年结转资金: { "zh-CN": "上年结转资金", en: "carry-over from last year" },
  年度其他资金: { "zh-CN": "其他资金（年度）", en: "other funds (annual)" },
  年度预算安排: { "zh-CN": "年度预算安排", en: "annual budget arrangement" },
  计划开始日期: { "zh-CN": "计划开始日期", en: "planned start date" },
  计划完成日期: { "zh-CN": "计划完成日期", en: "planned completion date" },
  实施周期: { "zh-CN": "实施周期", en: "implementation period" },
  项目总目标: { "zh-CN": "项目总目标期间", en: "overall goal period" },
  职能: { "zh-CN": "主要职能", en: "main functions" },
  机构设置: { "zh-CN": "机构设置", en: "organisation" },
  名词解释: { "zh-CN": "名词解释", en: "glossary" },
  编制说明: { "zh-CN": "预算编制说明", en: "budget explanation" },
  三公: { "zh-CN": "“三公”经费预算情况说明", en: "three public expenses statement" },
  政府采购: { "zh-CN": "政府采购预算情况", en: "government procurement statement" },
  绩效目标: { "zh-CN": "绩效目标设置情况", en: "performance targets statement" },
  国有资产占用: { "zh-CN": "国有资产占用情况", en: "state assets statement" },
  "产出-数量": { "zh-CN": "产出指标·数量指标", en: "output: quantity" },
  "产出-质量": { "zh-CN": "产出指标·质量指标", en: "output: quality" },
  "产出-时效": { "zh-CN": "产出指标·时效指标", en: "output: timeliness" },
  效益: { "zh-CN": "效益指标", en: "benefit" },
  满意度: { "zh-CN": "满意度指标", en: "satisfaction" },
};

/** Details of rules that report several kinds of problem under one id. */
export const DETAILS: Readonly<Record<string, Template>> = {
  item: { "zh-CN": "“{item}”", en: "“{item}”" },
  pathTop: { "zh-CN": "表5", en: "Table 5" },
  pathParent: { "zh-CN": "表5“{code} {name}”", en: "Table 5's “{code} {name}”" },
  pathFound: { "zh-CN": "（表5中“{name}”的编码为{code}）", en: " (Table 5 has “{name}” under {code})" },
  itemPart: { "zh-CN": "“{item}”{part}", en: "“{item}” {part}" },
  wrongYear: {
    "zh-CN": "“{text}”与{year}年预算比较，应与上一年度（{expectedYear}年）比较",
    en: "“{text}” compares with {year}; the comparison year must be {expectedYear}",
  },
  pairDirection: {
    "zh-CN": "{left}“{leftDirection}”而{right}“{rightDirection}”，收支增减应一致",
    en: "{left} says {leftDirection} but {right} says {rightDirection}; income and expenditure must change alike",
  },
  pairAmount: {
    "zh-CN": "{left}增减{leftAmount}万元而{right}增减{rightAmount}万元，收支增减额应一致",
    en: "{left} changes by {leftAmount} but {right} by {rightAmount} (10k yuan); they must agree",
  },
  baseline: {
    "zh-CN": "“{text}”以“{baseline}”为比较基数，而其他句子以“{expectedBaseline}”为基数，口径应统一",
    en: "“{text}” compares with “{baseline}” while the others use “{expectedBaseline}”; use one baseline",
  },
  impossibleIncrease: {
    "zh-CN": "{label}本年为{current}万元，却称比上年增加{amount}万元，上年将为{prior}万元",
    en: "{label} is {current} this year yet said to have risen by {amount}, which would make last year {prior} (10k yuan)",
  },
  impossibleDecrease: {
    "zh-CN": "{label}称减少{percent}%，减少不能超过100%",
    en: "{label} is said to fall by {percent}%; a fall cannot exceed 100%",
  },
  reasonDirection: {
    "zh-CN": "原因说明称“{direction}”，但财政拨款收支为“{expectedDirection}”",
    en: "the reason sentence says {direction} but fiscal appropriations show {expectedDirection}",
  },
  procurementSum: {
    "zh-CN":
      "政府采购预算{actual}万元，货物{goods}万元、工程{works}万元、服务{services}万元合计{expected}万元",
    en: "procurement {actual} but goods {goods} + works {works} + services {services} = {expected} (10k yuan)",
  },
  procurementSmall: {
    "zh-CN": "预留给小型和微型企业的{actual}万元超过面向中小企业预留的{expected}万元",
    en: "the amount reserved for small and micro firms, {actual}, exceeds the SME reservation {expected} (10k yuan)",
  },
  jiguanNoneButTable: {
    "zh-CN": "说明称无机关运行经费，但表9机关运行经费为{expected}万元",
    en: "the narrative says there are no agency operating expenses but Table 9 shows {expected} (10k yuan)",
  },
  missingChapter: { "zh-CN": "缺少“{part}”部分", en: "the part “{part}” is missing" },
  sangongItem: {
    "zh-CN": "“三公”经费中{item}未说明{what}",
    en: "the three public expenses statement does not give {what} for {item}",
  },
  sangongAmount: { "zh-CN": "金额", en: "the amount" },
  sangongChange: { "zh-CN": "与上年相比的增减情况", en: "the change versus last year" },
  sangongReason: { "zh-CN": "增减原因", en: "the reason for the change" },
  entriesVsSubordinates: {
    "zh-CN": "称本部及下属{subordinates}家预算单位（共{expected}家），但列出{actual}家",
    en: "states the main body and {subordinates} subordinate units ({expected} in all) but lists {actual}",
  },
  countsVsSubordinates: {
    "zh-CN": "各类单位合计{actual}家，而本部及下属单位共{expected}家",
    en: "the unit counts add up to {actual} while the main body and subordinates are {expected}",
  },
  countsVsEntries: {
    "zh-CN": "各类单位合计{actual}家，而列出{expected}家",
    en: "the unit counts add up to {actual} while {expected} are listed",
  },
  jiguanForShiye: {
    "zh-CN": "本部门均为事业单位（{count}家），不应有机关运行经费，但{where}为{actual}万元",
    en: "all units are public institutions ({count}) so there are no agency operating expenses, but {where} shows {actual} (10k yuan)",
  },
  jiguanNotStated: {
    "zh-CN": "本部门均为事业单位（{count}家），应说明无机关运行经费",
    en: "all units are public institutions ({count}); the narrative must state there are no agency operating expenses",
  },
  whereNarrative: { "zh-CN": "编制说明", en: "the narrative" },
  whereTable9: { "zh-CN": "表9", en: "Table 9" },
  fundsSum: {
    "zh-CN": "{left}为{actual}万元，{parts}合计{expected}万元",
    en: "{left} is {actual} but {parts} add up to {expected} (10k yuan)",
  },
  fundsEqual: {
    "zh-CN": "{left}为{actual}万元，{right}为{expected}万元",
    en: "{left} is {actual} but {right} is {expected} (10k yuan)",
  },
  budgetVsTable: {
    "zh-CN": "年度预算安排为{actual}{unit}（{wan}万元），绩效目标表{right}为{expected}万元",
    en: "the annual budget arrangement is {actual} {unit} ({wan} ×10k yuan) but the performance table's {right} is {expected}",
  },
  dateOutside: {
    "zh-CN": "{field}“{text}”不在预算年度{year}年内",
    en: "{field} “{text}” is outside the budget year {year}",
  },
  periodOutside: {
    "zh-CN": "{field}“{text}”未包含预算年度{year}年",
    en: "{field} “{text}” does not include the budget year {year}",
  },
  periodTypo: {
    "zh-CN": "{field}“{text}”不是有效的年份区间，疑为笔误",
    en: "{field} “{text}” is not a valid range of years; probably a typo",
  },
  indicatorsMissing: {
    "zh-CN": "绩效指标缺少{missing}",
    en: "the indicators lack {missing}",
  },
  indicatorsNoValue: {
    "zh-CN": "绩效指标{names}未填写指标值",
    en: "the indicators {names} have no target value",
  },
};
