/**
 * The nine tables built from budget lines (functional code × economic code × source × nature ×
 * amount), with catalog names, computed totals and the SUM formulas that keep them.
 */
import { buildRules } from "../rules/faces";
import { Amount, parseAmount } from "@yusuan/money";
import { getCatalog } from "@yusuan/classification";
import type { Finding } from "../report";
import { fingerprintOf } from "../fingerprint";
import { format, type Template } from "../i18n";
import {
  chineseOrdinal,
  classifiedHeader,
  classifiedLayout,
  classifiedWidths,
  head,
  ref,
  sheetName,
  SheetWriter,
  sumOf,
  type LayoutRow,
  twoSidedStart,
  BOLD,
  type WorkbookOptions,
} from "./layout";
import type { SheetSpec, WorkbookSpec } from "./spec";

/**
 * Where money comes from.
 *
 * @example
 * ```ts
 * const s: BudgetSource = "一般公共预算";
 * ```
 */
export type BudgetSource =
  | "一般公共预算"
  | "政府性基金"
  | "国有资本经营"
  | "事业收入"
  | "事业单位经营收入"
  | "其他收入";

/**
 * One budget line: an amount for one functional code, economic code, source and nature.
 *
 * @example
 * ```ts
 * const line: BudgetLine = { functionalCode: "2019999", economicCode: "30101", source: "一般公共预算", nature: "基本支出", amount: "2389860.00" };
 * ```
 */
export interface BudgetLine {
  /** 7-digit functional code (项), e.g. "2019999". */
  functionalCode: string;
  /** 5-digit economic code of 部门预算支出经济分类 (款), e.g. "30101". */
  economicCode: string;
  source: BudgetSource;
  nature: "基本支出" | "项目支出";
  /** In 元, a plain decimal string with at most two decimals. */
  amount: string;
  project?: string;
}

const SOURCES: readonly BudgetSource[] = [
  "一般公共预算",
  "政府性基金",
  "国有资本经营",
  "事业收入",
  "事业单位经营收入",
  "其他收入",
];
const FISCAL: readonly BudgetSource[] = ["一般公共预算", "政府性基金", "国有资本经营"];

/**
 * Result of {@link buildWorkbook}.
 *
 * @example
 * ```ts
 * const r: BuildResult = buildWorkbook(lines, { department: "某部门", year: 2025 });
 * ```
 */
export type BuildResult =
  | { ok: true; workbook: WorkbookSpec; findings: Finding[] }
  | { ok: false; errors: string[] };

const UNKNOWN_CODE: Template = buildRules[0].message;

/**
 * Builds the nine standard tables from budget lines.
 *
 * - T2 by functional code and source (财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营);
 *   T3 by functional code and nature; T5/T6/T7 the same for each fiscal source.
 * - T8 from the 一般公共预算 基本支出 lines by economic code. Convention: 人员经费 = 301 工资福利支出
 *   + 303 对个人和家庭的补助; 公用经费 = 302 商品和服务支出 + 310 资本性支出 + every other 类.
 * - T4 by 类 and fiscal source; T1 income by source, expenditure by 类.
 * - T6/T7 with no lines are empty with the standard note ("注：本部门YYYY年无政府性基金预算安排的支出，故本表无数据。").
 * - T9 from the fiscal lines' economic codes, in 万元 with two decimals: 因公出国(境)费 = 30212,
 *   公务接待费 = 30217, 运行费 = 30231, 购置费 = 31013; 机关运行经费 is left blank (the lines do not say it).
 *
 * Names come from the catalogs of the year; a code the catalog does not know becomes an info
 * finding (rule "build.unknown-code") and is named by its code. Invalid lines return `ok: false`.
 *
 * @example
 * ```ts
 * const r = buildWorkbook(
 *   [{ functionalCode: "2019999", economicCode: "30101", source: "一般公共预算", nature: "基本支出", amount: "100.00" }],
 *   { department: "某部门", year: 2025 },
 * );
 * if (r.ok) console.log(r.workbook.sheets.map((s) => s.name));
 * ```
 */
export function buildWorkbook(lines: readonly BudgetLine[], options: WorkbookOptions): BuildResult {
  const errors = validate(lines);
  if (errors.length > 0) return { ok: false, errors };
  const o = { ...options, kind: options.kind ?? "部门" } as const;
  const findings: Finding[] = [];
  const names = new Namer(o.year, findings);
  const fiscal = lines.filter((l) => FISCAL.includes(l.source));
  const general = lines.filter((l) => l.source === "一般公共预算");

  const t2 = aggregate(
    lines,
    (l) => l.functionalCode,
    (l) => [FISCAL.includes(l.source) ? "财政拨款收入" : l.source],
    names,
    "functional",
  );
  const t3 = aggregate(
    lines,
    (l) => l.functionalCode,
    (l) => [l.nature],
    names,
    "functional",
  );
  const bySource = (s: BudgetSource) =>
    aggregate(
      lines.filter((l) => l.source === s),
      (l) => l.functionalCode,
      (l) => [l.nature],
      names,
      "functional",
    );
  const t5 = bySource("一般公共预算");
  const t6 = bySource("政府性基金");
  const t7 = bySource("国有资本经营");
  const t8 = aggregate(
    general.filter((l) => l.nature === "基本支出"),
    (l) => l.economicCode,
    (l) => [personnel(l.economicCode) ? "人员经费" : "公用经费"],
    names,
    "economic-dept",
  );

  const sheets: SheetSpec[] = [
    t1Sheet(o, lines, t3),
    classifiedSheet("T2", o, t2),
    classifiedSheet("T3", o, t3),
    t4Sheet(o, fiscal, t5, t6, t7),
    classifiedSheet("T5", o, t5),
    classifiedSheet("T6", o, t6),
    classifiedSheet("T7", o, t7),
    classifiedSheet("T8", o, t8),
    t9Sheet(o, fiscal),
  ];
  return { ok: true, workbook: { sheets }, findings };
}

/** 301 and 303 are personnel costs; everything else in basic expenditure is 公用经费. */
function personnel(economicCode: string): boolean {
  return economicCode.startsWith("301") || economicCode.startsWith("303");
}

function validate(lines: readonly BudgetLine[]): string[] {
  const errors: string[] = [];
  lines.forEach((l, i) => {
    const at = `第 ${i + 1} 条预算明细`;
    if (!/^2\d{6}$/.test(l.functionalCode))
      errors.push(`${at}：功能分类科目编码“${l.functionalCode}”应为 2 开头的 7 位数字。`);
    if (!/^3\d{4}$/.test(l.economicCode))
      errors.push(`${at}：经济分类科目编码“${l.economicCode}”应为 3 开头的 5 位数字。`);
    if (!SOURCES.includes(l.source))
      errors.push(`${at}：资金来源“${String(l.source)}”不是 ${SOURCES.join("、")} 之一。`);
    if (l.nature !== "基本支出" && l.nature !== "项目支出")
      errors.push(`${at}：支出类型“${String(l.nature)}”应为 基本支出 或 项目支出。`);
    if (!/^-?\d+(\.\d{1,2})?$/.test(l.amount))
      errors.push(`${at}：金额“${l.amount}”应为最多两位小数的数字（元）。`);
  });
  return errors;
}

/** Catalog names, with one finding per unknown code. */
class Namer {
  private readonly reported = new Set<string>();
  constructor(
    private readonly year: number,
    private readonly findings: Finding[],
  ) {}

  name(code: string, scheme: "functional" | "economic-dept"): string {
    const known = getCatalog(scheme, this.year).get(code)?.name;
    if (known !== undefined) return known;
    if (!this.reported.has(`${scheme}:${code}`)) {
      this.reported.add(`${scheme}:${code}`);
      const table = scheme === "functional" ? "T3" : "T8";
      const params = {
        code,
        scheme: scheme === "functional" ? "功能分类" : "经济分类",
        schemeEn: scheme === "functional" ? "Functional" : "Economic",
      };
      this.findings.push({
        rule: buildRules[0].id,
        severity: "info",
        message: format(UNKNOWN_CODE, "zh-CN", params),
        table,
        row: code,
        fingerprint: fingerprintOf([buildRules[0].id, table, code]),
      });
    }
    return code;
  }
}

/** Rows by code at every level (类, 款 and, for functional codes, 项), in code order, with 合计 per row. */
function aggregate(
  lines: readonly BudgetLine[],
  codeOf: (l: BudgetLine) => string,
  columnsOf: (l: BudgetLine) => string[],
  names: Namer,
  scheme: "functional" | "economic-dept",
): LayoutRow[] {
  const rows = new Map<string, Record<string, Amount>>();
  for (const l of lines) {
    const code = codeOf(l);
    const amount = Amount.of(l.amount);
    const levels =
      scheme === "functional" ? [code.slice(0, 3), code.slice(0, 5), code] : [code.slice(0, 3), code];
    for (const c of levels) {
      const row = rows.get(c) ?? {};
      for (const column of ["合计", ...columnsOf(l)])
        row[column] = (row[column] ?? Amount.zero()).plus(amount);
      rows.set(c, row);
    }
  }
  return [...rows.keys()]
    .sort()
    .map((code) => ({ code, name: names.name(code, scheme), amounts: rows.get(code)! }));
}

function classifiedSheet(
  id: "T2" | "T3" | "T5" | "T6" | "T7" | "T8",
  o: WorkbookOptions & { kind: "部门" | "单位" },
  rows: LayoutRow[],
): SheetSpec {
  const l = classifiedLayout(id);
  const last = l.firstAmount + l.columns.length - 1;
  const w = new SheetWriter(sheetName(id), classifiedWidths(id));
  let r = classifiedHeader(w, id, head(w, id, o, last));
  const rowOf = new Map(rows.map((row, i) => [row.code, r + i]));
  const children = (code: string) =>
    rows
      .filter((x) => x.code.length === code.length + 2 && x.code.startsWith(code))
      .map((x) => rowOf.get(x.code)!);
  const top = rows.filter((x) => x.code.length === 3).map((x) => rowOf.get(x.code)!);
  const rowFormula = (rr: number) => `SUM(${ref(rr, l.firstAmount + 1)}:${ref(rr, last)})`;
  for (const row of rows) {
    const parts = [row.code.slice(0, 3), row.code.slice(3, 5), row.code.slice(5, 7)].slice(0, l.codeCols);
    parts.forEach((p, i) => {
      if (p !== "") w.text(r, i, p, { align: "left" });
    });
    w.text(r, l.nameCol, row.name, { align: "left" });
    const kids = children(row.code);
    l.columns.forEach((c, i) => {
      const value = row.amounts[c];
      if (i === 0) w.amount(r, l.firstAmount, value, rowFormula(r));
      else if (kids.length > 0)
        w.amount(r, l.firstAmount + i, value, sumOf(kids.map((k) => [k, l.firstAmount + i])));
      else w.amount(r, l.firstAmount + i, value);
    });
    r++;
  }
  w.text(r, 0, "合计", BOLD);
  w.merge(r, 0, r, l.nameCol);
  for (const [i, c] of l.columns.entries()) {
    if (rows.length === 0) {
      w.amount(r, l.firstAmount + i, undefined);
      continue;
    }
    const total = Amount.sum(
      rows.filter((x) => x.code.length === 3).map((x) => x.amounts[c] ?? Amount.zero()),
    );
    w.amount(
      r,
      l.firstAmount + i,
      total,
      i === 0 ? rowFormula(r) : sumOf(top.map((t) => [t, l.firstAmount + i])),
    );
  }
  if (rows.length === 0 && (id === "T6" || id === "T7")) {
    const subject = id === "T6" ? "政府性基金" : "国有资本经营";
    w.text(r + 2, 0, `注：本${o.kind}${o.year}年无${subject}预算安排的支出，故本表无数据。`, {
      align: "left",
    });
    w.merge(r + 2, 0, r + 2, last);
  }
  return w.spec();
}

function sumLines(lines: readonly BudgetLine[], pick: (l: BudgetLine) => boolean): Amount {
  return Amount.sum(
    lines.filter(pick).map((l) => Amount.of(l.amount)),
    "元",
  );
}

function t1Sheet(
  o: WorkbookOptions & { kind: "部门" | "单位" },
  lines: readonly BudgetLine[],
  t3: LayoutRow[],
): SheetSpec {
  const { w, r } = twoSidedStart("T1", o);
  const src = (s: BudgetSource) => sumLines(lines, (l) => l.source === s);
  const income: [string, Amount, string?][] = [
    [
      "一、财政拨款收入",
      sumLines(lines, (l) => FISCAL.includes(l.source)),
      `SUM(${ref(r + 1, 1)}:${ref(r + 3, 1)})`,
    ],
    ["1. 一般公共预算资金", src("一般公共预算")],
    ["2. 政府性基金", src("政府性基金")],
    ["3. 国有资本经营预算", src("国有资本经营")],
    ["二、事业收入", src("事业收入")],
    ["三、事业单位经营收入", src("事业单位经营收入")],
    ["四、其他收入", src("其他收入")],
  ];
  const classes = t3.filter((x) => x.code.length === 3);
  const n = Math.max(income.length, classes.length);
  for (let i = 0; i < n; i++) {
    const inc = income[i];
    if (inc) {
      w.text(r + i, 0, inc[0], { align: "left" });
      w.amount(r + i, 1, inc[1], inc[2]);
    }
    const cls = classes[i];
    if (cls) {
      w.text(r + i, 2, `${chineseOrdinal(i + 1)}、${cls.name}`, { align: "left" });
      w.amount(r + i, 3, cls.amounts.合计);
    }
  }
  const total = r + n;
  const all = sumLines(lines, () => true);
  w.text(total, 0, "收入总计", BOLD);
  w.amount(total, 1, all, `SUM(${[0, 4, 5, 6].map((i) => ref(r + i, 1)).join(",")})`);
  w.text(total, 2, "支出总计", BOLD);
  w.amount(
    total,
    3,
    all,
    classes.length > 0 ? `SUM(${ref(r, 3)}:${ref(r + classes.length - 1, 3)})` : undefined,
  );
  return w.spec();
}

function t4Sheet(
  o: WorkbookOptions & { kind: "部门" | "单位" },
  fiscal: readonly BudgetLine[],
  t5: LayoutRow[],
  t6: LayoutRow[],
  t7: LayoutRow[],
): SheetSpec {
  const { w, r } = twoSidedStart("T4", o);
  const src = (s: BudgetSource) => sumLines(fiscal, (l) => l.source === s);
  const income: [string, Amount][] = [
    ["一、一般公共预算资金", src("一般公共预算")],
    ["二、政府性基金", src("政府性基金")],
    ["三、国有资本经营预算", src("国有资本经营")],
  ];
  const classAmount = (rows: LayoutRow[], code: string) =>
    rows.find((x) => x.code === code)?.amounts.合计 ?? Amount.zero();
  const codes = [...new Set(fiscal.map((l) => l.functionalCode.slice(0, 3)))].sort();
  const names = new Map([...t5, ...t6, ...t7].map((x) => [x.code, x.name]));
  const n = Math.max(income.length, codes.length);
  for (let i = 0; i < n; i++) {
    const inc = income[i];
    if (inc) {
      w.text(r + i, 0, inc[0], { align: "left" });
      w.amount(r + i, 1, inc[1]);
    }
    const code = codes[i];
    if (code !== undefined) {
      const parts = [classAmount(t5, code), classAmount(t6, code), classAmount(t7, code)];
      w.text(r + i, 2, `${chineseOrdinal(i + 1)}、${names.get(code) ?? code}`, { align: "left" });
      w.amount(r + i, 3, Amount.sum(parts, "元"), `SUM(${ref(r + i, 4)}:${ref(r + i, 6)})`);
      for (const [k, p] of parts.entries()) w.amount(r + i, 4 + k, p);
    }
  }
  const total = r + n;
  const all = sumLines(fiscal, () => true);
  w.text(total, 0, "收入总计", BOLD);
  w.amount(total, 1, all, `SUM(${ref(r, 1)}:${ref(r + income.length - 1, 1)})`);
  w.text(total, 2, "支出总计", BOLD);
  w.amount(total, 3, all, `SUM(${ref(total, 4)}:${ref(total, 6)})`);
  [src("一般公共预算"), src("政府性基金"), src("国有资本经营")].forEach((v, k) => {
    w.amount(
      total,
      4 + k,
      v,
      codes.length > 0 ? `SUM(${ref(r, 4 + k)}:${ref(r + codes.length - 1, 4 + k)})` : undefined,
    );
  });
  return w.spec();
}

/**
 * Writes the 三公 table's three header rows from row `r` (shared with the template); returns the data row.
 *
 * @example
 * ```ts
 * const dataRow = t9Header(w, 3, 2025); // 6
 * ```
 */
export function t9Header(w: SheetWriter, r: number, year: number): number {
  w.text(r, 0, `${year}年“三公”经费预算数`, BOLD);
  w.merge(r, 0, r, 5);
  w.text(r, 6, `${year}年机关运行经费预算数`, BOLD);
  w.merge(r, 6, r + 2, 6);
  ["合计", "因公出国(境)费", "公务接待费"].forEach((h, i) => {
    w.text(r + 1, i, h, BOLD);
    w.merge(r + 1, i, r + 2, i);
  });
  w.text(r + 1, 3, "公务用车购置及运行费", BOLD);
  w.merge(r + 1, 3, r + 1, 5);
  for (const [i, h] of ["小计", "购置费", "运行费"].entries()) w.text(r + 2, 3 + i, h, BOLD);
  return r + 3;
}

function t9Sheet(o: WorkbookOptions & { kind: "部门" | "单位" }, fiscal: readonly BudgetLine[]): SheetSpec {
  const w = new SheetWriter(sheetName("T9"), [14, 16, 14, 14, 14, 14, 24]);
  const r = t9Header(w, head(w, "T9", o, 6), o.year);
  // Each item is rounded to 万元 first, so the printed 小计 and 合计 add up exactly.
  const wan = (code: string) =>
    Amount.of(
      sumLines(fiscal, (l) => l.economicCode === code)
        .to("万元")
        .toFixed(2),
      "万元",
    );
  const abroad = wan("30212");
  const reception = wan("30217");
  const purchase = wan("31013");
  const running = wan("30231");
  const vehicles = purchase.plus(running);
  const total = abroad.plus(reception).plus(vehicles);
  // T9 prints every figure, zeros included, so its one data row reads as data.
  w.amount(r, 0, total, `${ref(r, 1)}+${ref(r, 2)}+${ref(r, 3)}`);
  w.amount(r, 1, abroad, undefined, true);
  w.amount(r, 2, reception, undefined, true);
  w.amount(r, 3, vehicles, `${ref(r, 4)}+${ref(r, 5)}`);
  w.amount(r, 4, purchase, undefined, true);
  w.amount(r, 5, running, undefined, true);
  w.amount(r, 6, undefined);
  return w.spec();
}

/**
 * One CSV problem: the 1-based line of the file and the message in both languages.
 *
 * @example
 * ```ts
 * const e: CsvLineError = { line: 3, message: "第 3 行：金额为空。", messageEn: "Line 3: the amount is empty." };
 * ```
 */
export interface CsvLineError {
  line: number;
  message: string;
  messageEn: string;
}

/**
 * Result of {@link parseBudgetLinesCsv}.
 *
 * @example
 * ```ts
 * const r: ParseLinesResult = parseBudgetLinesCsv(text);
 * ```
 */
export type ParseLinesResult = { ok: true; lines: BudgetLine[] } | { ok: false; errors: CsvLineError[] };

const HEADER_ALIASES: Record<keyof BudgetLine, readonly string[]> = {
  functionalCode: [
    "功能分类",
    "功能分类科目",
    "功能分类科目编码",
    "功能分类编码",
    "functional",
    "functionalcode",
    "functional_code",
  ],
  economicCode: [
    "经济分类",
    "经济分类科目",
    "经济分类科目编码",
    "经济分类编码",
    "economic",
    "economiccode",
    "economic_code",
  ],
  source: ["资金来源", "来源", "source"],
  nature: ["支出类型", "支出性质", "类型", "nature"],
  amount: ["金额", "金额(元)", "金额（元）", "预算数", "amount"],
  project: ["项目", "项目名称", "project"],
};

const SOURCE_ALIASES: Record<string, BudgetSource> = {
  一般公共预算: "一般公共预算",
  一般公共预算资金: "一般公共预算",
  一般公共预算拨款: "一般公共预算",
  政府性基金: "政府性基金",
  政府性基金预算: "政府性基金",
  国有资本经营: "国有资本经营",
  国有资本经营预算: "国有资本经营",
  事业收入: "事业收入",
  事业单位经营收入: "事业单位经营收入",
  经营收入: "事业单位经营收入",
  其他收入: "其他收入",
};

const NATURE_ALIASES: Record<string, BudgetLine["nature"]> = {
  基本支出: "基本支出",
  基本: "基本支出",
  basic: "基本支出",
  项目支出: "项目支出",
  项目: "项目支出",
  project: "项目支出",
};

/** Splits CSV text into records of fields (RFC 4180 quoting), with each record's first line. */
function csvRecords(text: string, delimiter: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return out.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

/**
 * Reads budget lines from CSV (comma- or tab-separated, UTF-8). The header row names the columns in
 * Chinese or English — 功能分类/functional, 经济分类/economic, 资金来源/source, 支出类型/nature,
 * 金额/amount, 项目/project (optional) — in any order. Amounts may carry thousands separators.
 * Every bad line is reported with its line number; nothing is thrown.
 *
 * @example
 * ```ts
 * const r = parseBudgetLinesCsv("功能分类,经济分类,资金来源,支出类型,金额\n2019999,30101,一般公共预算,基本支出,\"1,000.00\"");
 * if (r.ok) console.log(r.lines[0]!.amount); // "1000.00"
 * ```
 */
export function parseBudgetLinesCsv(text: string): ParseLinesResult {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const records = csvRecords(body, delimiter);
  const header = records[0];
  if (!header)
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message: "文件为空：缺少表头行。",
          messageEn: "The file is empty: there is no header row.",
        },
      ],
    };
  const index = new Map<keyof BudgetLine, number>();
  header.fields.forEach((h, i) => {
    const n = h.trim().toLowerCase().replace(/\s+/g, "");
    for (const [key, aliases] of Object.entries(HEADER_ALIASES) as [keyof BudgetLine, readonly string[]][]) {
      if (!index.has(key) && aliases.includes(n)) index.set(key, i);
    }
  });
  const required: [keyof BudgetLine, string, string][] = [
    ["functionalCode", "功能分类", "functional"],
    ["economicCode", "经济分类", "economic"],
    ["source", "资金来源", "source"],
    ["nature", "支出类型", "nature"],
    ["amount", "金额", "amount"],
  ];
  const missing = required.filter(([k]) => !index.has(k));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        {
          line: header.line,
          message: `表头缺少列：${missing.map((m) => m[1]).join("、")}。`,
          messageEn: `The header lacks the column(s): ${missing.map((m) => m[2]).join(", ")}.`,
        },
      ],
    };
  }
  const lines: BudgetLine[] = [];
  const errors: CsvLineError[] = [];
  for (const rec of records.slice(1)) {
    const get = (k: keyof BudgetLine) => (index.has(k) ? (rec.fields[index.get(k)!] ?? "").trim() : "");
    const problems: [string, string][] = [];
    const functionalCode = get("functionalCode").replace(/\s+/g, "");
    const economicCode = get("economicCode").replace(/\s+/g, "");
    if (!/^2\d{6}$/.test(functionalCode))
      problems.push([
        `功能分类“${functionalCode}”应为 2 开头的 7 位编码`,
        `functional code "${functionalCode}" must be 7 digits starting with 2`,
      ]);
    if (!/^3\d{4}$/.test(economicCode))
      problems.push([
        `经济分类“${economicCode}”应为 3 开头的 5 位编码`,
        `economic code "${economicCode}" must be 5 digits starting with 3`,
      ]);
    const source = SOURCE_ALIASES[get("source").replace(/\s+/g, "")];
    if (!source)
      problems.push([`资金来源“${get("source")}”无法识别`, `source "${get("source")}" is not recognised`]);
    const nature = NATURE_ALIASES[get("nature").replace(/\s+/g, "").toLowerCase()];
    if (!nature)
      problems.push([
        `支出类型“${get("nature")}”应为 基本支出 或 项目支出`,
        `nature "${get("nature")}" must be 基本支出 or 项目支出`,
      ]);
    const parsed = parseAmount(get("amount"));
    let amount: string | undefined;
    if (!parsed.ok)
      problems.push([
        `金额“${get("amount")}”${parsed.reason}`,
        `amount "${get("amount")}": ${parsed.reasonEn}`,
      ]);
    else if (parsed.blank) problems.push(["金额为空", "the amount is empty"]);
    else if (parsed.unit !== "元" || parsed.decimals > 2)
      problems.push([
        `金额“${get("amount")}”应为元，最多两位小数`,
        `amount "${get("amount")}" must be in 元 with at most two decimals`,
      ]);
    else amount = parsed.amount.toFixed(2);
    if (problems.length > 0 || !source || !nature || amount === undefined) {
      errors.push({
        line: rec.line,
        message: `第 ${rec.line} 行：${problems.map((p) => p[0]).join("；")}。`,
        messageEn: `Line ${rec.line}: ${problems.map((p) => p[1]).join("; ")}.`,
      });
      continue;
    }
    const project = get("project");
    lines.push({
      functionalCode,
      economicCode,
      source,
      nature,
      amount,
      ...(project !== "" ? { project } : {}),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
