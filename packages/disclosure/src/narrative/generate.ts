import { Amount, allocate } from "@yusuan/money";
import type { ClassifiedRow, Disclosure, Figure } from "../model";
import { format, type Lang, type Template } from "../i18n";

const t = (zh: string, en: string): Template => ({ "zh-CN": zh, en });

const TEXT = {
  income: t(
    "{year}年，{department}收入预算{total}万元，其中：财政拨款收入{fiscal}万元；事业收入{service}万元；事业单位经营收入{business}万元；其他收入{other}万元。",
    "In {year}, {department} budgets income of {total} (10k yuan), of which fiscal appropriations {fiscal}, public-institution service income {service}, business income {business} and other income {other}.",
  ),
  expenditure: t(
    "支出预算{total}万元，其中：财政拨款支出预算{fiscal}万元。财政拨款支出预算中，一般公共预算拨款支出预算{general}万元；政府性基金拨款支出预算{fund}万元；国有资本经营预算拨款支出预算{capital}万元。",
    "Budgeted expenditure is {total} (10k yuan), of which fiscal appropriations {fiscal}: general public budget {general}, government funds {fund}, state capital operation {capital}.",
  ),
  itemsHeader: t("财政拨款支出主要内容如下：", "Fiscal appropriation expenditure by item:"),
  itemBoth: t(
    "{n}. “{name}”科目{total}万元，主要用于基本支出{basic}万元；用于项目支出{project}万元。",
    "{n}. “{name}”: {total} (10k yuan), basic expenditure {basic} and project expenditure {project}.",
  ),
  itemBasic: t(
    "{n}. “{name}”科目{total}万元，主要用于基本支出。",
    "{n}. “{name}”: {total} (10k yuan), basic expenditure.",
  ),
  itemProject: t(
    "{n}. “{name}”科目{total}万元，主要用于项目支出。",
    "{n}. “{name}”: {total} (10k yuan), project expenditure.",
  ),
  partResidue: t(
    "“{name}”：{part}四舍五入为{naive}万元，为使各部分之和等于{total}万元，调整为{adjusted}万元（尾差{residue}万元）。",
    "“{name}”: {part} rounds to {naive} but is shown as {adjusted} so that the parts add up to {total} (residue {residue}, 10k yuan).",
  ),
  itemResidue: t(
    "“{name}”科目四舍五入为{naive}万元，为使各科目之和等于合计{total}万元，调整为{adjusted}万元（尾差{residue}万元）。",
    "“{name}” rounds to {naive} but is shown as {adjusted} so that the items add up to the total {total} (residue {residue}, 10k yuan).",
  ),
  noComparison: t(
    "与上年预算的增减比较需要上年数据，未生成；请按“比{previous}年预算增加/减少X万元”补充。",
    "The comparison with last year needs last year's figures and was not generated; add “compared with {previous}: up/down X”.",
  ),
  sangongTotal: t(
    "{year}年“三公”经费预算数为{total}万元{change}。其中：",
    "In {year} the three public expenses are budgeted at {total} (10k yuan){change}. Of which:",
  ),
  sangongAbroad: t(
    "（一）因公出国（境）费{amount}万元{change}{reason}。",
    "(1) Official travel abroad: {amount}{change}{reason}.",
  ),
  sangongVehicles: t(
    "（二）公务用车购置及运行费{amount}万元{change}{reason}。其中：公务用车购置费{purchase}万元{purchaseChange}；公务用车运行费{running}万元{runningChange}。",
    "(2) Official vehicles: {amount}{change}{reason}; purchase {purchase}{purchaseChange}, operation {running}{runningChange}.",
  ),
  sangongReception: t(
    "（三）公务接待费{amount}万元{change}{reason}。",
    "(3) Official reception: {amount}{change}{reason}.",
  ),
  up: t("，比{previous}年预算增加{amount}万元", ", up {amount} on {previous}"),
  down: t("，比{previous}年预算减少{amount}万元", ", down {amount} on {previous}"),
  flat: t("，比{previous}年预算持平", ", unchanged on {previous}"),
  reason: t("，主要原因是{reason}", "; reason: {reason}"),
  reasonMissing: t(
    "{item}有增减但未提供原因，请补充“主要原因是…”。",
    "{item} changed but no reason was given; add one.",
  ),
  procurement: t(
    "{year}年本部门政府采购预算{total}万元，其中：政府采购货物预算{goods}万元、政府采购工程预算{works}万元、政府采购服务预算{services}万元。",
    "In {year} procurement is budgeted at {total} (10k yuan): goods {goods}, works {works}, services {services}.",
  ),
  procurementSme: t(
    "{year}年本部门面向中小企业预留政府采购项目预算金额{sme}万元，其中，预留给小型和微型企业的政府采购项目预算为{small}万元。",
    "In {year} {sme} (10k yuan) is reserved for small and medium enterprises, of which {small} for small and micro enterprises.",
  ),
  smallOverSme: t(
    "预留给小型和微型企业的金额超过面向中小企业预留的金额，请核对。",
    "The small and micro reservation exceeds the SME reservation; check it.",
  ),
  basic: t("基本支出", "basic expenditure"),
  project: t("项目支出", "project expenditure"),
  abroadName: t("因公出国（境）费", "Official travel abroad"),
  vehiclesName: t("公务用车购置及运行费", "Official vehicles"),
  receptionName: t("公务接待费", "Official reception"),
};

const WAN = "万元" as const;

function yuan(f: Figure | undefined): Amount {
  return f ? Amount.of(f.value) : Amount.zero();
}

/** Rounds parts to 2 decimals in 万元 so that they add up to their rounded total, with the residue indexes. */
function shares(parts: Amount[]): {
  shown: string[];
  naive: string[];
  total: string;
  absorbed: number[];
  residue: string;
} {
  const a = allocate(
    parts.map((p) => p.to(WAN)),
    2,
    { unit: WAN },
  );
  return {
    shown: a.rounded.map((x) => x.toFixed(2)),
    naive: parts.map((p) => p.to(WAN).toFixed(2)),
    total: a.total.toFixed(2),
    absorbed: a.absorbedBy,
    residue: a.residue.toFixed(2),
  };
}

/**
 * The 预算编制说明 sentences built from the tables: income and expenditure in 万元, and one item per
 * T5 项 row with its 基本支出 / 项目支出 split. Rounded parts are allocated (largest remainder) so that
 * they add up to their rounded total; `notes` say which part absorbed a residue (尾差) and what
 * could not be generated (the comparison with last year).
 *
 * @example
 * ```ts
 * const { paragraphs, notes } = generateNarrative(disclosure);
 * paragraphs.find((p) => p.includes("其他一般公共服务支出"));
 * // "1. “其他一般公共服务支出”科目5812.12万元，主要用于基本支出1988.77万元；用于项目支出3823.35万元。"
 * notes[0]; // "“其他一般公共服务支出”：项目支出四舍五入为3823.36万元，…调整为3823.35万元（尾差-0.01万元）。"
 * ```
 */
export function generateNarrative(
  d: Disclosure,
  options?: { lang?: Lang },
): { paragraphs: string[]; notes: string[] } {
  const lang = options?.lang ?? "zh-CN";
  const f = (tpl: Template, p: Record<string, string | number>) => format(tpl, lang, p);
  const paragraphs: string[] = [];
  const notes: string[] = [];
  const year = d.document.year ?? d.tables.T1?.year ?? 0;
  const department = d.document.department ?? d.tables.T1?.department ?? "";
  const T = d.tables;

  const incomeOf = (key: string): Amount => {
    if (T.T2?.columns.includes(key)) return yuan(T.T2.total?.amounts[key]);
    return yuan(T.T1?.income.find((l) => l.key === key)?.amounts.预算数);
  };
  if (T.T1 || T.T2) {
    const parts = ["财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"].map(incomeOf);
    const s = shares(parts);
    paragraphs.push(
      f(TEXT.income, {
        year,
        department,
        total: s.total,
        fiscal: s.shown[0]!,
        service: s.shown[1]!,
        business: s.shown[2]!,
        other: s.shown[3]!,
      }),
    );
    const names = ["财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"];
    for (const i of s.absorbed)
      notes.push(
        f(TEXT.partResidue, {
          name: department,
          part: names[i]!,
          naive: s.naive[i]!,
          total: s.total,
          adjusted: s.shown[i]!,
          residue: s.residue,
        }),
      );
  }
  if (T.T3 || T.T4 || T.T5) {
    const total = T.T3?.total ? yuan(T.T3.total.amounts.合计) : yuan(T.T1?.expenditureTotal?.amounts.预算数);
    const sources = [
      yuan(T.T5?.total?.amounts.合计),
      yuan(T.T6?.total?.amounts.合计),
      yuan(T.T7?.total?.amounts.合计),
    ];
    const s = shares(sources);
    paragraphs.push(
      f(TEXT.expenditure, {
        total: total.to(WAN).toFixed(2),
        fiscal: s.total,
        general: s.shown[0]!,
        fund: s.shown[1]!,
        capital: s.shown[2]!,
      }),
    );
  }
  if (year > 0) notes.push(f(TEXT.noComparison, { previous: year - 1 }));

  const rows: ClassifiedRow[] = (T.T5?.items ?? []).filter((r) => r.level === "项");
  if (rows.length > 0) {
    paragraphs.push(f(TEXT.itemsHeader, {}));
    const items = shares(rows.map((r) => yuan(r.amounts.合计)));
    for (const i of items.absorbed) {
      notes.push(
        f(TEXT.itemResidue, {
          name: rows[i]!.name,
          naive: items.naive[i]!,
          total: items.total,
          adjusted: items.shown[i]!,
          residue: items.residue,
        }),
      );
    }
    rows.forEach((r, i) => {
      const shown = items.shown[i]!;
      const basic = yuan(r.amounts.基本支出);
      const project = yuan(r.amounts.项目支出);
      const n = i + 1;
      if (basic.isZero() || project.isZero()) {
        paragraphs.push(
          f(project.isZero() ? TEXT.itemBasic : TEXT.itemProject, { n, name: r.name, total: shown }),
        );
        return;
      }
      const s = shares([basic, project]);
      const parts = [...s.shown];
      const absorbed = new Set(s.absorbed);
      // The item itself may have absorbed an items-level residue: move it to the larger part.
      const gap = Amount.of(shown, WAN).minus(Amount.of(s.total, WAN));
      if (!gap.isZero()) {
        const k = basic.compare(project) >= 0 ? 0 : 1;
        parts[k] = Amount.of(parts[k]!, WAN).plus(gap).toFixed(2);
        absorbed.add(k);
      }
      paragraphs.push(
        f(TEXT.itemBoth, { n, name: r.name, total: shown, basic: parts[0]!, project: parts[1]! }),
      );
      const partNames = [f(TEXT.basic, {}), f(TEXT.project, {})];
      for (const k of [...absorbed].sort()) {
        const residue = Amount.of(parts[k]!, WAN).minus(Amount.of(s.naive[k]!, WAN)).toFixed(2);
        notes.push(
          f(TEXT.partResidue, {
            name: r.name,
            part: partNames[k]!,
            naive: s.naive[k]!,
            total: shown,
            adjusted: parts[k]!,
            residue,
          }),
        );
      }
    });
  }
  return { paragraphs, notes };
}

/** This year's 三公 figures in 万元 (decimal strings), with last year's and the reasons when known. */
export interface SangongFigures {
  readonly year: number;
  readonly abroad: string;
  readonly reception: string;
  readonly purchase: string;
  readonly running: string;
  readonly previous?: {
    readonly abroad: string;
    readonly reception: string;
    readonly purchase: string;
    readonly running: string;
  };
  readonly reasons?: { readonly abroad?: string; readonly vehicles?: string; readonly reception?: string };
}

/**
 * This year's 三公 figures from table 9 (no previous year, no reasons).
 *
 * @example
 * ```ts
 * sangongFiguresOf(disclosure)?.reception; // "0.8"
 * ```
 */
export function sangongFiguresOf(d: Disclosure): SangongFigures | undefined {
  const t9 = d.tables.T9;
  if (!t9) return undefined;
  const v = (k: string) => Amount.of(t9.amounts[k]?.value ?? "0", WAN).toString();
  return {
    year: d.document.year ?? t9.year ?? 0,
    abroad: v("因公出国(境)费"),
    reception: v("公务接待费"),
    purchase: v("购置费"),
    running: v("运行费"),
  };
}

/**
 * The 三公 paragraphs: total, then 因公出国（境）费, 公务用车购置及运行费 (with 购置费 / 运行费) and
 * 公务接待费, each with its change on last year and reason when given. Amounts in 万元, 2 decimals;
 * the total and the vehicle subtotal are the exact sums of their parts.
 *
 * @example
 * ```ts
 * generateSangong({ year: 2025, abroad: "0", reception: "0.8", purchase: "0", running: "0",
 *   previous: { abroad: "0", reception: "0.92", purchase: "0", running: "0" },
 *   reasons: { reception: "按实际需要调整" } }).paragraphs[3];
 * // "（三）公务接待费0.80万元，比2024年预算减少0.12万元，主要原因是按实际需要调整。"
 * ```
 */
export function generateSangong(
  figures: SangongFigures,
  options?: { lang?: Lang },
): { paragraphs: string[]; notes: string[] } {
  const lang = options?.lang ?? "zh-CN";
  const f = (tpl: Template, p: Record<string, string | number>) => format(tpl, lang, p);
  const a = (s: string) => Amount.of(s, WAN);
  const cur = {
    abroad: a(figures.abroad),
    reception: a(figures.reception),
    purchase: a(figures.purchase),
    running: a(figures.running),
  };
  const vehicles = cur.purchase.plus(cur.running);
  const total = cur.abroad.plus(cur.reception).plus(vehicles);
  const prev = figures.previous
    ? {
        abroad: a(figures.previous.abroad),
        reception: a(figures.previous.reception),
        purchase: a(figures.previous.purchase),
        running: a(figures.previous.running),
      }
    : undefined;
  const previousYear = figures.year - 1;
  const change = (now: Amount, before: Amount | undefined): string => {
    if (!before) return "";
    const diff = now.minus(before);
    const c = diff.compare(Amount.zero(WAN));
    return f(c > 0 ? TEXT.up : c < 0 ? TEXT.down : TEXT.flat, {
      previous: previousYear,
      amount: diff.abs().toFixed(2),
    });
  };
  const notes: string[] = [];
  const reason = (
    key: "abroad" | "vehicles" | "reception",
    now: Amount,
    before: Amount | undefined,
    name: Template,
  ): string => {
    const r = figures.reasons?.[key];
    if (r) return f(TEXT.reason, { reason: r });
    if (before && !now.equals(before)) notes.push(f(TEXT.reasonMissing, { item: f(name, {}) }));
    return "";
  };
  const prevVehicles = prev ? prev.purchase.plus(prev.running) : undefined;
  const prevTotal = prev && prevVehicles ? prev.abroad.plus(prev.reception).plus(prevVehicles) : undefined;
  const paragraphs = [
    f(TEXT.sangongTotal, { year: figures.year, total: total.toFixed(2), change: change(total, prevTotal) }),
    f(TEXT.sangongAbroad, {
      amount: cur.abroad.toFixed(2),
      change: change(cur.abroad, prev?.abroad),
      reason: reason("abroad", cur.abroad, prev?.abroad, TEXT.abroadName),
    }),
    f(TEXT.sangongVehicles, {
      amount: vehicles.toFixed(2),
      change: change(vehicles, prevVehicles),
      reason: reason("vehicles", vehicles, prevVehicles, TEXT.vehiclesName),
      purchase: cur.purchase.toFixed(2),
      purchaseChange: change(cur.purchase, prev?.purchase),
      running: cur.running.toFixed(2),
      runningChange: change(cur.running, prev?.running),
    }),
    f(TEXT.sangongReception, {
      amount: cur.reception.toFixed(2),
      change: change(cur.reception, prev?.reception),
      reason: reason("reception", cur.reception, prev?.reception, TEXT.receptionName),
    }),
  ];
  return { paragraphs, notes };
}

/** 政府采购 figures in 万元 (decimal strings). */
export interface ProcurementFigures {
  readonly year: number;
  readonly goods: string;
  readonly works: string;
  readonly services: string;
  /** Reserved for small and medium enterprises, and of that for small and micro ones. */
  readonly sme?: string;
  readonly small?: string;
}

/**
 * The 政府采购 paragraphs; the total is the exact sum of 货物 + 工程 + 服务.
 *
 * @example
 * ```ts
 * generateProcurement({ year: 2025, goods: "0", works: "0", services: "9", sme: "9", small: "0" }).paragraphs[0];
 * // "2025年本部门政府采购预算9.00万元，其中：政府采购货物预算0.00万元、政府采购工程预算0.00万元、政府采购服务预算9.00万元。"
 * ```
 */
export function generateProcurement(
  figures: ProcurementFigures,
  options?: { lang?: Lang },
): { paragraphs: string[]; notes: string[] } {
  const lang = options?.lang ?? "zh-CN";
  const a = (s: string) => Amount.of(s, WAN);
  const goods = a(figures.goods);
  const works = a(figures.works);
  const services = a(figures.services);
  const out = [
    format(TEXT.procurement, lang, {
      year: figures.year,
      total: goods.plus(works).plus(services).toFixed(2),
      goods: goods.toFixed(2),
      works: works.toFixed(2),
      services: services.toFixed(2),
    }),
  ];
  if (figures.sme !== undefined) {
    out.push(
      format(TEXT.procurementSme, lang, {
        year: figures.year,
        sme: a(figures.sme).toFixed(2),
        small: a(figures.small ?? "0").toFixed(2),
      }),
    );
  }
  const notes: string[] = [];
  if (figures.sme !== undefined && a(figures.small ?? "0").compare(a(figures.sme)) > 0)
    notes.push(format(TEXT.smallOverSme, lang, {}));
  return { paragraphs: out, notes };
}
