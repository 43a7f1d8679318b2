import { Amount, Interval, formatAmount } from "@yusuan/money";
import type { Catalog } from "@yusuan/classification";
import type { Disclosure, Figure, Location } from "../model";
import type { Finding, RelatedLocation, Severity, TableId, Waiver } from "../report";
import { fingerprintOf } from "../fingerprint";
import { capText, format, MESSAGE_CAP, PARAM_CAP, type Lang, type Template } from "../i18n";
import type { RuleId } from "./registry";

/**
 * One edit of the bundled sample document (examples/sample.txt): the first occurrence of `find` becomes
 * `replace`. A rule's examples are such edits, so every example is a real-shaped piece of a real document.
 */
export interface SampleEdit {
  readonly find: string;
  readonly replace: string;
}

/**
 * How a rule looks in use, run by the rule-docs test and shown in the rule's page: the sample edited by
 * `firing` must produce the rule; the sample edited by `quiet` (nothing: the sample as published) must not.
 */
export interface RuleExamples {
  readonly firing: ReadonlyArray<SampleEdit>;
  readonly quiet: ReadonlyArray<SampleEdit>;
}

/** Which part of yusuan emits a rule's findings. */
export type RuleSource = "check" | "fill" | "build" | "input";

/** The static description of one rule: a stable identifier, a default severity and its texts. */
export interface RuleSpec {
  /** Stable identifier, e.g. "A3.row-identity". Never renamed once published. */
  readonly id: string;
  readonly severity: Severity;
  readonly title: Template;
  /** What the rule checks and why, for the rule's explanation in reports and the add-in. */
  readonly description: Template;
  /** The finding's message, with placeholders (see {@link Emit}). */
  readonly message: Template;
  /** Parts of messages the rule's code fills in (what a figure is compared with …), by key. */
  readonly messages?: Readonly<Record<string, Template>>;
  /** A firing and a quiet example (see {@link RuleExamples}); rules not emitted by `check` have none. */
  readonly examples?: RuleExamples;
  /** Who emits the rule's findings: `check` unless said otherwise. */
  readonly source?: RuleSource;
}

/**
 * Declares a module's rules, keeping each id as its literal type so that the registry can derive the
 * {@link RuleId} union from them.
 *
 * @example
 * ```ts
 * export const myRules = defineRules([{ id: "A9.example", severity: "error", title, description, message }]);
 * ```
 */
export function defineRules<const R extends ReadonlyArray<RuleSpec>>(rules: R): R {
  return rules;
}

/** What a rule reports; the engine turns it into a {@link Finding}. */
export interface Emit {
  readonly table: TableId;
  readonly row?: string | undefined;
  readonly column?: string | undefined;
  readonly location?: Location | undefined;
  readonly expected?: string | undefined;
  readonly actual?: string | undefined;
  readonly difference?: string | undefined;
  readonly unit?: "元" | "万元" | undefined;
  readonly suggestion?: string | undefined;
  readonly related?: ReadonlyArray<RelatedLocation> | undefined;
  /** Message parameters beyond table/row/column/expected/actual/difference/unit. */
  readonly params?: Readonly<Record<string, string | number>> | undefined;
  /** Distinguishes two findings of one rule at the same table/row/column (part of the fingerprint). */
  readonly key?: string | undefined;
}

/** Options of a check run. */
export interface CheckOptions {
  /** Message language; zh-CN by default. */
  readonly lang?: Lang;
  /** Only these rules: ids or prefixes ("A", "B1", "C1.narrative-figure"). */
  readonly rules?: ReadonlyArray<string>;
  /** Rules to skip: ids or prefixes. */
  readonly disable?: ReadonlyArray<string>;
  /** Severity per rule id. */
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Tolerance per rule id: a decimal string in 元 (万元 for rules that work in 万元). */
  readonly tolerance?: Readonly<Record<string, string>>;
  /** Catalog year; default: the document's year. */
  readonly year?: number;
  /** Catalogs to check codes and names against, instead of the registered or built-in ones. */
  readonly catalogs?: { readonly functional?: Catalog; readonly "economic-dept"?: Catalog };
  /** Accepted findings, by fingerprint. */
  readonly waivers?: ReadonlyArray<Waiver>;
}

function matches(id: string, patterns: ReadonlyArray<string>): boolean {
  return patterns.some(
    (p) => id === p || id.startsWith(p.endsWith(".") ? p : `${p}.`) || (p.length <= 2 && id.startsWith(p)),
  );
}

/** The running context every rule gets. */
export class RuleContext {
  readonly findings: Finding[] = [];
  readonly lang: Lang;
  readonly catalogYear: number | undefined;

  constructor(
    readonly d: Disclosure,
    private readonly specs: ReadonlyMap<string, RuleSpec>,
    readonly options: CheckOptions,
  ) {
    this.lang = options.lang ?? "zh-CN";
    this.catalogYear = options.year ?? d.document.year;
  }

  /** Whether a rule is selected by the options. */
  enabled(rule: RuleId): boolean {
    if (this.options.rules && this.options.rules.length > 0 && !matches(rule, this.options.rules))
      return false;
    if (this.options.disable && matches(rule, this.options.disable)) return false;
    return true;
  }

  /** The tolerance for a rule (zero unless set). */
  tolerance(rule: RuleId): Amount {
    const t = this.options.tolerance?.[rule];
    return t ? Amount.of(t).abs() : Amount.zero();
  }

  /**
   * A part of a message from the rule's `messages`, in the run's language: rule code never builds
   * text by itself.
   */
  text(rule: RuleId, key: string, params: Readonly<Record<string, string | number>> = {}): string {
    const template = this.specs.get(rule)?.messages?.[key];
    if (!template) throw new Error(`rule ${rule} has no message ${key}`); // a bug: caught by the rule's tests
    return format(template, this.lang, params);
  }

  /** Reports a finding of a rule. */
  emit(rule: RuleId, e: Emit): void {
    const spec = this.specs.get(rule);
    if (!spec) throw new Error(`unknown rule ${rule}`); // a bug: every rule is in the catalog
    if (!this.enabled(rule)) return;
    const params: Record<string, string | number> = {
      table: tableName(e.table, this.lang),
      row: e.row ?? "",
      column: e.column ?? "",
      expected: forMessage(e.expected),
      actual: forMessage(e.actual),
      difference: forMessage(e.difference),
      unit: e.unit ?? "元",
      ...e.params,
    };
    // A hostile cell must not make a megabyte message: every quoted piece and the whole are capped.
    for (const [k, v] of Object.entries(params)) if (typeof v === "string") params[k] = capText(v, PARAM_CAP);
    const finding: Finding = {
      rule,
      severity: this.options.severity?.[rule] ?? spec.severity,
      message: capText(format(spec.message, this.lang, params), MESSAGE_CAP),
      table: e.table,
      ...(e.row !== undefined ? { row: e.row } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      ...(e.location ? { location: e.location } : {}),
      ...(e.expected !== undefined ? { expected: e.expected } : {}),
      ...(e.actual !== undefined ? { actual: e.actual } : {}),
      ...(e.difference !== undefined ? { difference: e.difference } : {}),
      ...(e.unit && e.unit !== "元" ? { unit: e.unit } : {}),
      ...(e.suggestion !== undefined ? { suggestion: e.suggestion } : {}),
      ...(e.related && e.related.length > 0 ? { related: e.related } : {}),
      fingerprint: fingerprintOf([rule, e.table, e.row, e.column, e.key]),
    };
    this.findings.push(finding);
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Amounts in messages carry thousands separators, as budget tables print them. */
function forMessage(value: string | undefined): string {
  if (value === undefined) return "";
  if (!DECIMAL.test(value)) return value;
  const decimals = value.includes(".") ? value.length - value.indexOf(".") - 1 : 0;
  return formatAmount(Amount.of(value), { decimals });
}

const TABLE_NAMES: Record<TableId, Template> = {
  T1: { "zh-CN": "表1", en: "Table 1" },
  T2: { "zh-CN": "表2", en: "Table 2" },
  T3: { "zh-CN": "表3", en: "Table 3" },
  T4: { "zh-CN": "表4", en: "Table 4" },
  T5: { "zh-CN": "表5", en: "Table 5" },
  T6: { "zh-CN": "表6", en: "Table 6" },
  T7: { "zh-CN": "表7", en: "Table 7" },
  T8: { "zh-CN": "表8", en: "Table 8" },
  T9: { "zh-CN": "表9", en: "Table 9" },
  N: { "zh-CN": "编制说明", en: "the narrative" },
  P: { "zh-CN": "项目说明", en: "the project sections" },
  D: { "zh-CN": "文档", en: "the document" },
};

/** Short display name of a table id: "表3" / "Table 3". */
export function tableName(id: TableId, lang: Lang): string {
  return TABLE_NAMES[id][lang];
}

// ---------------------------------------------------------------------------------------------
// Amount helpers shared by the rules.

// Rules read the same figures many times; parse each figure's decimal once per unit.
const amountCache = { 元: new WeakMap<Figure, Amount>(), 万元: new WeakMap<Figure, Amount>() };
const intervalCache = { 元: new WeakMap<Figure, Interval>(), 万元: new WeakMap<Figure, Interval>() };
const ZERO = { 元: Amount.zero("元"), 万元: Amount.zero("万元") };

/** The exact amount of a printed figure (blank means zero). */
export function amountOf(f: Figure | undefined, unit: "元" | "万元" = "元"): Amount {
  if (!f) return ZERO[unit];
  let a = amountCache[unit].get(f);
  if (!a) {
    a = Amount.of(f.value, unit);
    amountCache[unit].set(f, a);
  }
  return a;
}

/**
 * Whether a printed figure stands for an exact value. A figure's precision comes from how it is printed:
 * amounts in 元 are exact, whole or with 角分 (many budget systems budget in whole 元, so a 1-元 difference
 * is a real one); a figure in 万元 is exact only when it carries every 分 (six decimals) — with fewer it
 * was rounded from its 元 source and stands for an interval.
 *
 * @example
 * ```ts
 * isExactFigure({ value: "154369326", decimals: 0, text: "154,369,326", blank: false }, "元"); // true
 * isExactFigure({ value: "37.91", decimals: 2, text: "37.91", blank: false }, "万元"); // false
 * ```
 */
export function isExactFigure(f: Figure | undefined, unit: "元" | "万元" = "元"): boolean {
  return !f || f.blank || unit === "元" || f.decimals >= 6;
}

/** A figure as an interval: exact figures (see {@link isExactFigure}) are points; rounded ones a range. */
export function intervalOf(f: Figure | undefined, unit: "元" | "万元" = "元"): Interval {
  if (!f) return Interval.exact(ZERO[unit]);
  let i = intervalCache[unit].get(f);
  if (!i) {
    const a = amountOf(f, unit);
    i = isExactFigure(f, unit) ? Interval.exact(a) : Interval.ofDisplayed(a, f.decimals);
    intervalCache[unit].set(f, i);
  }
  return i;
}

/** Sum of exact amounts. */
export function sumOf(amounts: Iterable<Amount>, unit: "元" | "万元" = "元"): Amount {
  return Amount.sum(amounts, unit);
}

/** Plain decimal text of an amount, with two decimals for 元 (as tables print them). */
export function money(a: Amount, decimals = 2): string {
  return a.toFixed(decimals);
}
