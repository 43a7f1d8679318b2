/**
 * The document model of a disclosure, as zod schemas with the TypeScript types inferred from them.
 * Every value keeps where it came from (`location`): a sheet cell, or a line of a text file.
 * Amounts are decimal strings in the table's unit, never numbers.
 */
import { z } from "zod";

/**
 * A place in the input: a cell of a sheet, a 1-based line of a text file, or a place in a PDF (1-based
 * page, printed line on that page, and for a table cell its 1-based column in the table row).
 *
 * @example
 * ```ts
 * LocationSchema.parse({ sheet: "收入预算总表", cell: "D7" }); // ok
 * LocationSchema.parse({ page: 9, line: 12, column: 3 }); // ok: a PDF table cell
 * LocationSchema.safeParse({ line: 0 }).success; // false: lines start at 1
 * ```
 */
export const LocationSchema = z.union([
  z.object({ sheet: z.string(), cell: z.string() }),
  // Before the plain line: zod would otherwise match { line } and drop the page.
  z.object({
    page: z.number().int().positive(),
    line: z.number().int().positive(),
    column: z.number().int().positive().optional(),
  }),
  z.object({ line: z.number().int().positive() }),
]);

/**
 * One printed figure: its decimal value, the decimals it was printed with, and the text as printed.
 *
 * @example
 * ```ts
 * FigureSchema.parse({ value: "58121209.78", decimals: 2, text: "58,121,209.78", blank: false });
 * FigureSchema.safeParse({ value: "58,121,209.78", decimals: 2, text: "58,121,209.78", blank: false }).success; // false
 * ```
 */
export const FigureSchema = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/),
  decimals: z.number().int().min(0),
  text: z.string(),
  /** Printed blank, "—", "-": means zero, but was not written as a number. */
  blank: z.boolean(),
  location: LocationSchema.optional(),
});

const Level = z.enum(["类", "款", "项"]);

/**
 * A row of a classified table (T2, T3, T5–T8): code, name and one figure per column.
 *
 * @example
 * ```ts
 * const row = ClassifiedRowSchema.parse({
 *   code: "2010101", level: "项", name: "行政运行", normalised: [],
 *   amounts: { 合计: { value: "1200.00", decimals: 2, text: "1,200.00", blank: false } },
 * });
 * row.amounts["合计"]?.value; // "1200.00"
 * ```
 */
export const ClassifiedRowSchema = z.object({
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  level: Level,
  name: z.string(),
  /** How the printed code was normalised (joined, split, from-name-cell, padded-kuan, …). */
  normalised: z.array(z.string()),
  amounts: z.record(z.string(), FigureSchema),
  location: LocationSchema.optional(),
});

/**
 * A labelled line of a two-sided table (T1, T4): an income or expenditure line.
 *
 * @example
 * ```ts
 * LineItemSchema.parse({
 *   label: "一、一般公共预算拨款收入", key: "一般公共预算资金",
 *   amounts: { 预算数: { value: "5000.00", decimals: 2, text: "5,000.00", blank: false } },
 * });
 * ```
 */
export const LineItemSchema = z.object({
  label: z.string(),
  /** Income: 财政拨款收入, 一般公共预算资金, 政府性基金, 国有资本经营预算, 事业收入, 事业单位经营收入, 其他收入.
   *  Expenditure: the functional 类 code, when the label names one. */
  key: z.string(),
  amounts: z.record(z.string(), FigureSchema),
  location: LocationSchema.optional(),
});

const TableBase = z.object({
  title: z.string(),
  year: z.number().int().optional(),
  kind: z.enum(["部门", "单位"]).optional(),
  department: z.string().optional(),
  unit: z.string().optional(),
  unitLocation: LocationSchema.optional(),
  location: LocationSchema.optional(),
  sheet: z.string(),
  /** 0-based first and last row of the table on its sheet. */
  rows: z.tuple([z.number().int(), z.number().int()]),
  /** Amount columns found, in order. */
  columns: z.array(z.string()),
  /** "注：…" lines under the table. */
  notes: z.array(z.object({ text: z.string(), location: LocationSchema.optional() })),
});

/**
 * A classified table (T2, T3, T5–T8): its rows by classification code, and the 合计 row when printed.
 *
 * @example
 * ```ts
 * const t2 = ClassifiedTableSchema.safeParse(disclosure.tables.T2);
 * if (t2.success) t2.data.items.filter((r) => r.level === "类").map((r) => r.code);
 * ```
 */
export const ClassifiedTableSchema = TableBase.extend({
  shape: z.literal("classified"),
  id: z.enum(["T2", "T3", "T5", "T6", "T7", "T8"]),
  items: z.array(ClassifiedRowSchema),
  total: z
    .object({ amounts: z.record(z.string(), FigureSchema), location: LocationSchema.optional() })
    .optional(),
});

/**
 * A two-sided table (T1, T4): income lines on the left, expenditure lines on the right, each with
 * its total line when printed.
 *
 * @example
 * ```ts
 * const t1 = TwoSidedTableSchema.safeParse(disclosure.tables.T1);
 * if (t1.success) t1.data.incomeTotal?.amounts["预算数"]?.value;
 * ```
 */
export const TwoSidedTableSchema = TableBase.extend({
  shape: z.literal("two-sided"),
  id: z.enum(["T1", "T4"]),
  income: z.array(LineItemSchema),
  expenditure: z.array(LineItemSchema),
  incomeTotal: LineItemSchema.optional(),
  expenditureTotal: LineItemSchema.optional(),
});

/**
 * The single-row table (T9, “三公”经费和机关运行经费): one figure per column, in 万元.
 *
 * @example
 * ```ts
 * const t9 = SingleRowTableSchema.safeParse(disclosure.tables.T9);
 * if (t9.success) t9.data.amounts["公务接待费"]?.value;
 * ```
 */
export const SingleRowTableSchema = TableBase.extend({
  shape: z.literal("single-row"),
  id: z.literal("T9"),
  amounts: z.record(z.string(), FigureSchema),
  dataLocation: LocationSchema.optional(),
});

/**
 * Any of the nine tables, told apart by `shape`.
 *
 * @example
 * ```ts
 * const t = TableSchema.parse(disclosure.tables.T9);
 * if (t.shape === "single-row") t.amounts;
 * ```
 */
export const TableSchema = z.discriminatedUnion("shape", [
  ClassifiedTableSchema,
  TwoSidedTableSchema,
  SingleRowTableSchema,
]);

/**
 * A line of text outside the tables: narrative chapters, project sections and their tables.
 *
 * @example
 * ```ts
 * TextLineSchema.parse({ text: "一、部门职能", sheet: "文本", row: 40, location: { line: 41 } });
 * ```
 */
export const TextLineSchema = z.object({
  text: z.string(),
  /** The cells when the line was a row of several cells (project performance tables). */
  cells: z.array(z.string()).optional(),
  location: LocationSchema.optional(),
  sheet: z.string(),
  row: z.number().int(),
});

/**
 * The whole disclosure, as recognition produces it; the schema checks one read back from JSON.
 *
 * @example
 * ```ts
 * const checked = DisclosureSchema.safeParse(JSON.parse(json));
 * if (checked.success) console.log(checked.data.document.year);
 * ```
 */
export const DisclosureSchema = z.object({
  document: z.object({
    /** What the document is; "其他" is not a budget disclosure at all (a checklist, a text without budget tables). */
    kind: z.enum(["部门预算", "单位预算", "部门决算", "单位决算", "其他"]),
    department: z.string().optional(),
    year: z.number().int().optional(),
    /** 区级, 镇级, 市级… as the document's title says. */
    level: z.string().optional(),
    title: z.string().optional(),
  }),
  tables: z.object({
    T1: TwoSidedTableSchema.optional(),
    T2: ClassifiedTableSchema.optional(),
    T3: ClassifiedTableSchema.optional(),
    T4: TwoSidedTableSchema.optional(),
    T5: ClassifiedTableSchema.optional(),
    T6: ClassifiedTableSchema.optional(),
    T7: ClassifiedTableSchema.optional(),
    T8: ClassifiedTableSchema.optional(),
    T9: SingleRowTableSchema.optional(),
  }),
  /** Every line outside the nine tables, in document order. */
  text: z.array(TextLineSchema),
});

/** A place in the input; see {@link LocationSchema}. */
export type Location = z.infer<typeof LocationSchema>;
/** One printed figure; see {@link FigureSchema}. */
export type Figure = z.infer<typeof FigureSchema>;
/** A row of a classified table; see {@link ClassifiedRowSchema}. */
export type ClassifiedRow = z.infer<typeof ClassifiedRowSchema>;
/** A line of a two-sided table; see {@link LineItemSchema}. */
export type LineItem = z.infer<typeof LineItemSchema>;
/** A classified table (T2, T3, T5–T8); see {@link ClassifiedTableSchema}. */
export type ClassifiedTable = z.infer<typeof ClassifiedTableSchema>;
/** A two-sided table (T1, T4); see {@link TwoSidedTableSchema}. */
export type TwoSidedTable = z.infer<typeof TwoSidedTableSchema>;
/** The single-row table (T9); see {@link SingleRowTableSchema}. */
export type SingleRowTable = z.infer<typeof SingleRowTableSchema>;
/** Any of the nine tables, told apart by `shape`; see {@link TableSchema}. */
export type Table = z.infer<typeof TableSchema>;
/** A line of text outside the tables; see {@link TextLineSchema}. */
export type TextLine = z.infer<typeof TextLineSchema>;
/** The whole disclosure; see {@link DisclosureSchema}. */
export type Disclosure = z.infer<typeof DisclosureSchema>;

/**
 * The JSON Schema of a disclosure, generated from the zod schema.
 *
 * @example
 * ```ts
 * const schema = disclosureJsonSchema();
 * console.log(schema.type); // "object"
 * ```
 */
export function disclosureJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DisclosureSchema) as Record<string, unknown>;
}
