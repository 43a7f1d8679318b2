/**
 * The document model of a disclosure, as zod schemas with the TypeScript types inferred from them.
 * Every value keeps where it came from (`location`): a sheet cell, or a line of a text file.
 * Amounts are decimal strings in the table's unit, never numbers.
 */
import { z } from "zod";

/** A place in the input. */
export const LocationSchema = z.union([
  z.object({ sheet: z.string(), cell: z.string() }),
  z.object({ line: z.number().int().positive() }),
]);

/** One printed figure: its decimal value, the decimals it was printed with, and the text as printed. */
export const FigureSchema = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/),
  decimals: z.number().int().min(0),
  text: z.string(),
  /** Printed blank, "—", "-": means zero, but was not written as a number. */
  blank: z.boolean(),
  location: LocationSchema.optional(),
});

const Level = z.enum(["类", "款", "项"]);

/** A row of a classified table (T2, T3, T5–T8): code, name and one figure per column. */
export const ClassifiedRowSchema = z.object({
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  level: Level,
  name: z.string(),
  /** How the printed code was normalised (joined, split, from-name-cell, padded-kuan, …). */
  normalised: z.array(z.string()),
  amounts: z.record(z.string(), FigureSchema),
  location: LocationSchema.optional(),
});

/** A labelled line of a two-sided table (T1, T4): an income or expenditure line. */
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

export const ClassifiedTableSchema = TableBase.extend({
  shape: z.literal("classified"),
  id: z.enum(["T2", "T3", "T5", "T6", "T7", "T8"]),
  items: z.array(ClassifiedRowSchema),
  total: z.object({ amounts: z.record(z.string(), FigureSchema), location: LocationSchema.optional() }).optional(),
});

export const TwoSidedTableSchema = TableBase.extend({
  shape: z.literal("two-sided"),
  id: z.enum(["T1", "T4"]),
  income: z.array(LineItemSchema),
  expenditure: z.array(LineItemSchema),
  incomeTotal: LineItemSchema.optional(),
  expenditureTotal: LineItemSchema.optional(),
});

export const SingleRowTableSchema = TableBase.extend({
  shape: z.literal("single-row"),
  id: z.literal("T9"),
  amounts: z.record(z.string(), FigureSchema),
  dataLocation: LocationSchema.optional(),
});

export const TableSchema = z.discriminatedUnion("shape", [ClassifiedTableSchema, TwoSidedTableSchema, SingleRowTableSchema]);

/** A line of text outside the tables: narrative chapters, project sections and their tables. */
export const TextLineSchema = z.object({
  text: z.string(),
  /** The cells when the line was a row of several cells (project performance tables). */
  cells: z.array(z.string()).optional(),
  location: LocationSchema.optional(),
  sheet: z.string(),
  row: z.number().int(),
});

/** The whole disclosure. */
export const DisclosureSchema = z.object({
  document: z.object({
    kind: z.enum(["部门预算", "单位预算", "部门决算", "单位决算"]),
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

export type Location = z.infer<typeof LocationSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type ClassifiedRow = z.infer<typeof ClassifiedRowSchema>;
export type LineItem = z.infer<typeof LineItemSchema>;
export type ClassifiedTable = z.infer<typeof ClassifiedTableSchema>;
export type TwoSidedTable = z.infer<typeof TwoSidedTableSchema>;
export type SingleRowTable = z.infer<typeof SingleRowTableSchema>;
export type Table = z.infer<typeof TableSchema>;
export type TextLine = z.infer<typeof TextLineSchema>;
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
