/**
 * The names of the model's column and line keys in messages, one table for every module (fill's
 * reasons, the narrative's labels), so that a column has the same English name wherever it is named.
 * In Chinese a key is its own name.
 */
import type { Lang, Template } from "../i18n";

const L = (zh: string, en: string): Template => ({ "zh-CN": zh, en });

/**
 * Column and line keys of the nine tables with their names.
 *
 * @example
 * ```ts
 * COLUMN_LABELS["基本支出"]?.en; // "basic expenditure"
 * ```
 */
export const COLUMN_LABELS: Readonly<Record<string, Template>> = {
  合计: L("合计", "total"),
  基本支出: L("基本支出", "basic expenditure"),
  项目支出: L("项目支出", "project expenditure"),
  财政拨款收入: L("财政拨款收入", "fiscal appropriation income"),
  事业收入: L("事业收入", "public-institution service income"),
  事业单位经营收入: L("事业单位经营收入", "public-institution business income"),
  其他收入: L("其他收入", "other income"),
  人员经费: L("人员经费", "personnel expenses"),
  公用经费: L("公用经费", "public expenses"),
  预算数: L("预算数", "budget"),
  一般公共预算: L("一般公共预算", "general public budget"),
  政府性基金预算: L("政府性基金预算", "government fund budget"),
  国有资本经营预算: L("国有资本经营预算", "state capital operation budget"),
  一般公共预算资金: L("一般公共预算资金", "general public budget funds"),
  政府性基金: L("政府性基金", "government funds"),
  收入总计: L("收入总计", "total income"),
  支出总计: L("支出总计", "total expenditure"),
  "因公出国(境)费": L("因公出国(境)费", "official travel abroad"),
  公务接待费: L("公务接待费", "official reception"),
  公务用车小计: L("公务用车小计", "official vehicles subtotal"),
  购置费: L("购置费", "vehicle purchase"),
  运行费: L("运行费", "vehicle operation"),
  机关运行经费: L("机关运行经费", "agency operating expenses"),
};

/**
 * A key's name in a language; a key without an entry is its own name.
 *
 * @example
 * ```ts
 * columnLabel("公用经费", "en"); // "public expenses"
 * columnLabel("公用经费", "zh-CN"); // "公用经费"
 * ```
 */
export function columnLabel(key: string, lang: Lang): string {
  return COLUMN_LABELS[key]?.[lang] ?? key;
}
