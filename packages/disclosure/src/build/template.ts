import { Amount } from "@yusuan/money";
import { TABLE_DEFINITIONS } from "../tables";
import { t9Header } from "./lines";
import {
  classifiedHeader,
  classifiedLayout,
  classifiedWidths,
  head,
  ref,
  sheetName,
  SheetWriter,
  twoSidedStart,
  BOLD,
  type WorkbookOptions,
} from "./layout";
import type { SheetSpec, WorkbookSpec } from "./spec";

/** The result of a sum over the empty template. */
const ZERO = Amount.zero();

/** Blank data rows of a classified table in the template. */
const TEMPLATE_ROWS = 30;
/** Blank expenditure lines of T1 and T4 in the template. */
const TEMPLATE_LINES = 12;

/**
 * An empty workbook with the nine standard tables, ready to fill in: titles ("2025年部门财务收支预算总表"),
 * 编制部门 and 单位 lines (元; T9 万元), merged two- or three-row headers as published, "#,##0.00"
 * amount cells, and formulas for what the identities determine: each row's 合计 column
 * (= its parts), the 合计 row (= the 类 rows: rows with a 类 code and no 款 code), T1/T4 totals
 * and 财政拨款收入, T9 小计 and 合计. Each formula carries the result it has in the empty template (0.00,
 * or empty text where a row stays blank until it has parts), so readers that do not calculate agree.
 *
 * @example
 * ```ts
 * const spec = templateWorkbook({ department: "上海市某某局", year: 2025 });
 * console.log(spec.sheets[0]!.name); // "表1 财务收支预算总表"
 * ```
 */
export function templateWorkbook(options: WorkbookOptions): WorkbookSpec {
  const o = { ...options, kind: options.kind ?? "部门" } as const;
  const sheets = TABLE_DEFINITIONS.map((def): SheetSpec => {
    switch (def.id) {
      case "T1":
        return t1(o);
      case "T4":
        return t4(o);
      case "T9":
        return t9(o);
      default:
        return classified(def.id, o);
    }
  });
  return { sheets };
}

function classified(id: "T2" | "T3" | "T5" | "T6" | "T7" | "T8", o: WorkbookOptions): SheetSpec {
  const l = classifiedLayout(id);
  const last = l.firstAmount + l.columns.length - 1;
  const w = new SheetWriter(sheetName(id), classifiedWidths(id));
  const first = classifiedHeader(w, id, head(w, id, o, last));
  const end = first + TEMPLATE_ROWS - 1;
  for (let r = first; r <= end; r++) {
    const parts = `${ref(r, l.firstAmount + 1)}:${ref(r, last)}`;
    // Empty rows stay empty rather than showing 0.00.
    w.blankFormula(r, l.firstAmount, `IF(COUNT(${parts})=0,"",SUM(${parts}))`);
    for (let c = l.firstAmount + 1; c <= last; c++) w.amount(r, c, undefined);
  }
  const total = end + 1;
  w.text(total, 0, "合计", { bold: true, align: "center" });
  w.merge(total, 0, total, l.nameCol);
  const classCol = `${ref(first, 0)}:${ref(end, 0)}`;
  const kuanCol = `${ref(first, 1)}:${ref(end, 1)}`;
  for (let c = l.firstAmount; c <= last; c++) {
    w.amount(total, c, ZERO, `SUMIFS(${ref(first, c)}:${ref(end, c)},${classCol},"<>",${kuanCol},"")`);
  }
  return w.spec();
}

function t1(o: WorkbookOptions): SheetSpec {
  const { w, r } = twoSidedStart("T1", o);
  const income = [
    "一、财政拨款收入",
    "1. 一般公共预算资金",
    "2. 政府性基金",
    "3. 国有资本经营预算",
    "二、事业收入",
    "三、事业单位经营收入",
    "四、其他收入",
  ];
  const n = Math.max(income.length, TEMPLATE_LINES);
  for (let i = 0; i < n; i++) {
    if (i < income.length) {
      w.text(r + i, 0, income[i]!, { align: "left" });
      w.amount(
        r + i,
        1,
        i === 0 ? ZERO : undefined,
        i === 0 ? `SUM(${ref(r + 1, 1)}:${ref(r + 3, 1)})` : undefined,
      );
    }
    w.amount(r + i, 3, undefined);
  }
  const total = r + n;
  w.text(total, 0, "收入总计", BOLD);
  w.amount(total, 1, ZERO, `SUM(${[0, 4, 5, 6].map((i) => ref(r + i, 1)).join(",")})`);
  w.text(total, 2, "支出总计", BOLD);
  w.amount(total, 3, ZERO, `SUM(${ref(r, 3)}:${ref(total - 1, 3)})`);
  return w.spec();
}

function t4(o: WorkbookOptions): SheetSpec {
  const { w, r } = twoSidedStart("T4", o);
  const income = ["一、一般公共预算资金", "二、政府性基金", "三、国有资本经营预算"];
  for (let i = 0; i < TEMPLATE_LINES; i++) {
    if (i < income.length) {
      w.text(r + i, 0, income[i]!, { align: "left" });
      w.amount(r + i, 1, undefined);
    }
    const parts = `${ref(r + i, 4)}:${ref(r + i, 6)}`;
    w.blankFormula(r + i, 3, `IF(COUNT(${parts})=0,"",SUM(${parts}))`);
    for (let c = 4; c <= 6; c++) w.amount(r + i, c, undefined);
  }
  const total = r + TEMPLATE_LINES;
  w.text(total, 0, "收入总计", BOLD);
  w.amount(total, 1, ZERO, `SUM(${ref(r, 1)}:${ref(r + income.length - 1, 1)})`);
  w.text(total, 2, "支出总计", BOLD);
  for (let c = 3; c <= 6; c++) w.amount(total, c, ZERO, `SUM(${ref(r, c)}:${ref(total - 1, c)})`);
  return w.spec();
}

function t9(o: WorkbookOptions): SheetSpec {
  const w = new SheetWriter(sheetName("T9"), [14, 16, 14, 14, 14, 14, 24]);
  const r = t9Header(w, head(w, "T9", o, 6), o.year);
  w.amount(r, 0, ZERO, `${ref(r, 1)}+${ref(r, 2)}+${ref(r, 3)}`);
  w.amount(r, 1, undefined);
  w.amount(r, 2, undefined);
  w.amount(r, 3, ZERO, `${ref(r, 4)}+${ref(r, 5)}`);
  for (const c of [4, 5, 6]) w.amount(r, c, undefined);
  return w.spec();
}
