/**
 * The narrative of a disclosure as data: its chapters, the figures its sentences mention and what
 * they refer to, the year references, and the project sections with their 绩效目标表. Values keep
 * where they were printed (`position`: the line's location and the character offset in it).
 * Amounts are decimal strings, never numbers.
 */
import { z } from "zod";
import { LocationSchema } from "../model";

/**
 * Where a piece of text sits: the line's location and the 0-based character offset in its text.
 *
 * @example
 * ```ts
 * const p = PositionSchema.parse({ line: 44, offset: 27, location: { line: 87 } });
 * disclosure.text[p.line]!.text.slice(p.offset); // the text from the figure on
 * ```
 */
export const PositionSchema = z.object({
  location: LocationSchema.optional(),
  /** Index of the line in `Disclosure.text`. */
  line: z.number().int().min(0),
  offset: z.number().int().min(0),
});

/**
 * The subjects of the totals paragraph: the income and expenditure totals and their sources, each
 * compared with Tables 1–5.
 *
 * @example
 * ```ts
 * TOTAL_SUBJECTS.includes("财政拨款收入"); // true
 * ```
 */
export const TOTAL_SUBJECTS = [
  "收入预算",
  "财政拨款收入",
  "事业收入",
  "事业单位经营收入",
  "其他收入",
  "支出预算",
  "财政拨款支出预算",
  "一般公共预算拨款支出预算",
  "政府性基金拨款支出预算",
  "国有资本经营预算拨款支出预算",
] as const;

/**
 * What a narrative figure stands for, when the sentence shape tells.
 *
 * @example
 * ```ts
 * SubjectSchema.safeParse("财政拨款收入").success; // true
 * parseNarrative(disclosure).figures.filter((f) => f.subject === "三公经费");
 * ```
 */
export const SubjectSchema = z.enum([
  ...TOTAL_SUBJECTS,
  /** A classification item: "“其他一般公共服务支出”科目5812.12万元" (see `item`, `part`). */
  "科目",
  "三公经费",
  "因公出国(境)费",
  "公务用车购置及运行费",
  "公务用车购置费",
  "公务用车运行费",
  "公务接待费",
  "机关运行经费",
  "政府采购",
  "政府采购货物",
  "政府采购工程",
  "政府采购服务",
  "中小企业预留",
  "小型和微型企业预留",
  "绩效目标项目数",
  "绩效目标金额",
]);

/**
 * A figure printed in a sentence.
 *
 * @example
 * ```ts
 * const f = parseNarrative(disclosure).figures[0]!;
 * f.text; // "10576.72万元"
 * f.value; // "10576.72", in f.unit "万元"
 * ```
 */
export const NarrativeFigureSchema = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/),
  unit: z.enum(["元", "万元", "%", "个"]),
  decimals: z.number().int().min(0),
  /** The figure as printed, unit included. */
  text: z.string(),
  position: PositionSchema,
  subject: SubjectSchema.optional(),
  /** For 科目 figures: the item's name as printed between the quotes. */
  item: z.string().optional(),
  /** For 科目 figures: which part of the item (合计 for the item's own amount). */
  part: z.enum(["合计", "基本支出", "项目支出"]).optional(),
  /** A year-on-year change amount ("减少3822.36万元") or percentage, rather than a level. */
  change: z.boolean().optional(),
});

/**
 * "比2024年预算减少3822.36万元": a comparison with an earlier year.
 *
 * @example
 * ```ts
 * const c = parseNarrative(disclosure).changes[0]!;
 * [c.year, c.baseline, c.direction, c.amount?.value]; // [2024, "预算", "减少", "3822.36"]
 * ```
 */
export const ChangeStatementSchema = z.object({
  /** The subject whose change this is (the level figure just before it in the sentence). */
  subject: SubjectSchema.optional(),
  item: z.string().optional(),
  /** The figure the change belongs to (the current level), when printed. */
  base: NarrativeFigureSchema.optional(),
  /** The year compared with; absent for "与上年预算持平". */
  year: z.number().int().optional(),
  /** 预算, 预算执行数, 决算数…: the baseline word after the year. */
  baseline: z.string(),
  direction: z.enum(["增加", "减少", "持平"]),
  /** "比" or "与" (与…持平, 与…相比): 持平 takes 与. */
  wording: z.enum(["比", "与"]).optional(),
  /** Which comparisons must share one baseline: the totals, the 三公 items, the 科目 items. */
  family: z.enum(["totals", "sangong", "item", "other"]).optional(),
  /** Last year's amount as the sentence states it ("2023年当年预算执行数为60.13万元"). */
  prior: NarrativeFigureSchema.optional(),
  /** This year's amount restated in the same sentence ("2024年预算安排25.77万元"). */
  current: NarrativeFigureSchema.optional(),
  /** The reason given after the comparison ("主要原因是：…"), up to the end of its sentence. */
  reason: z.object({ text: z.string(), position: PositionSchema }).optional(),
  amount: NarrativeFigureSchema.optional(),
  percent: NarrativeFigureSchema.optional(),
  /** 增长/下降/提高/降低 printed with the percentage, when different from the amount's word. */
  percentDirection: z.enum(["增加", "减少"]).optional(),
  text: z.string(),
  position: PositionSchema,
});

/**
 * A year printed in the text, and the context that decides whether it may differ from the budget year.
 *
 * @example
 * ```ts
 * const stale = parseNarrative(disclosure).years.filter((y) => y.context === "plain" && y.year !== 2025);
 * ```
 */
export const YearReferenceSchema = z.object({
  year: z.number().int(),
  text: z.string(),
  position: PositionSchema,
  /** document-number: 〔2019〕94号; title: inside 《…》; history: "2021年7月起", "截至…"; plain: anything else. */
  context: z.enum(["document-number", "title", "history", "plain"]),
  /** The chapter kind the year is in. */
  chapter: z.string(),
});

/**
 * A line of narrative text.
 *
 * @example
 * ```ts
 * const chapter = parseNarrative(disclosure).chapters.find((c) => c.kind === "职能");
 * chapter?.lines.map((l) => l.text);
 * ```
 */
export const NarrativeLineSchema = z.object({
  text: z.string(),
  cells: z.array(z.string()).optional(),
  location: LocationSchema.optional(),
  /** Index in `Disclosure.text`. */
  index: z.number().int().min(0),
});

/**
 * Chapter kinds, in template order; the parts of 其他相关情况说明 have that chapter as parent.
 *
 * @example
 * ```ts
 * ChapterKindSchema.options.indexOf("编制说明") < ChapterKindSchema.options.indexOf("三公"); // true
 * ```
 */
export const ChapterKindSchema = z.enum([
  "封面",
  "目录",
  "职能",
  "机构设置",
  "名词解释",
  "编制说明",
  "其他说明",
  "三公",
  "机关运行经费",
  "政府采购",
  "绩效目标",
  "国有资产占用",
  "项目",
  "其他",
]);

/**
 * A chapter: its heading and its lines (heading excluded).
 *
 * @example
 * ```ts
 * const sangong = parseNarrative(disclosure).chapters.find((c) => c.kind === "三公");
 * sangong?.parent; // "其他说明"
 * ```
 */
export const ChapterSchema = z.object({
  kind: ChapterKindSchema,
  heading: z.string(),
  location: LocationSchema.optional(),
  parent: ChapterKindSchema.optional(),
  lines: z.array(NarrativeLineSchema),
});

/**
 * One part of an item's path: "城乡社区支出（类）" → { name: "城乡社区支出", level: "类" }, with the code
 * when printed ("（212类）").
 *
 * @example
 * ```ts
 * const item = parseNarrative(disclosure).items.find((i) => i.path.length === 3);
 * item?.path.map((p) => p.level); // ["类", "款", "项"]
 * ```
 */
export const ItemPathPartSchema = z.object({
  name: z.string(),
  level: z.enum(["类", "款", "项"]).optional(),
  code: z.string().regex(/^\d+$/).optional(),
});

/**
 * A paragraph: consecutive printed lines joined where a line break split a sentence. Offsets in
 * `text` map back to the printed lines through `segments`.
 *
 * @example
 * ```ts
 * const p = parseNarrative(disclosure).paragraphs.find((x) => x.chapter === "编制说明");
 * p?.segments[0]?.line; // index in Disclosure.text of its first line
 * ```
 */
export const ParagraphSchema = z.object({
  chapter: z.string(),
  text: z.string(),
  /** Where each printed line starts in `text`, in order. */
  segments: z.array(
    z.object({
      line: z.number().int().min(0),
      start: z.number().int().min(0),
      location: LocationSchema.optional(),
    }),
  ),
  /** The paragraph repeats an earlier one of its chapter word for word (a duplicated block). */
  repeat: z.boolean().optional(),
});

/**
 * "“其他一般公共服务支出”科目5812.12万元，主要用于基本支出1988.77万元…；用于项目支出3823.35万元".
 *
 * @example
 * ```ts
 * const item = parseNarrative(disclosure).items[0]!;
 * [item.name, item.amount.value, item.basic?.value]; // ["其他一般公共服务支出", "5812.12", "1988.77"]
 * ```
 */
export const NarrativeItemSchema = z.object({
  name: z.string(),
  /** The name read as a path of 类/款/项 parts (one part for a plain name). */
  path: z.array(ItemPathPartSchema),
  amount: NarrativeFigureSchema,
  /** This year's amount stated again in the item's paragraph ("2024年预算安排352.67万元"). */
  restated: z.array(NarrativeFigureSchema),
  basic: NarrativeFigureSchema.optional(),
  project: NarrativeFigureSchema.optional(),
});

/**
 * "…本部以及下属4家预算单位…本部门中，事业单位5家，具体包括：1. … 2. …".
 *
 * @example
 * ```ts
 * const s = parseNarrative(disclosure).structure;
 * [s?.subordinates, s?.counts["事业单位"], s?.entries.length]; // [4, 5, 5]
 * ```
 */
export const StructureSchema = z.object({
  /** N in "下属N家预算单位". */
  subordinates: z.number().int().optional(),
  subordinatesPosition: PositionSchema.optional(),
  /** 行政单位 / 参公单位 / 事业单位 / 其他 counts as printed. */
  counts: z.record(z.string(), z.number().int()),
  countsPosition: PositionSchema.optional(),
  /** The numbered entries listed. */
  entries: z.array(z.object({ name: z.string(), position: PositionSchema })),
});

/**
 * A 三公 item's statement: amount, change and reason.
 *
 * @example
 * ```ts
 * const s = parseNarrative(disclosure).sangong[0]!;
 * [s.item, s.amount?.value, s.change?.direction]; // ["三公经费", "0.8", "减少"]
 * ```
 */
export const SangongStatementSchema = z.object({
  item: z.enum([
    "三公经费",
    "因公出国(境)费",
    "公务用车购置及运行费",
    "公务用车购置费",
    "公务用车运行费",
    "公务接待费",
  ]),
  amount: NarrativeFigureSchema.optional(),
  change: ChangeStatementSchema.optional(),
  /** The text after "主要原因是", when printed ("" when cut off). */
  reason: z.string().optional(),
  position: PositionSchema,
});

/**
 * A figure in a project table or budget text, in 元 or 万元.
 *
 * @example
 * ```ts
 * const funds = parseNarrative(disclosure).projects[1]?.table?.funds;
 * funds?.["项目资金总额"]?.value; // "493.3642", in 万元
 * ```
 */
export const ProjectFigureSchema = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/),
  unit: z.enum(["元", "万元"]),
  decimals: z.number().int().min(0),
  text: z.string(),
  blank: z.boolean(),
  position: PositionSchema,
});

/**
 * A text part of a project section (概述, 立项依据 …).
 *
 * @example
 * ```ts
 * parseNarrative(disclosure).projects[0]?.overview?.text;
 * ```
 */
export const ProjectPartSchema = z.object({
  text: z.string(),
  lines: z.array(NarrativeLineSchema),
});

/**
 * 年度预算安排: its text, the stated total and the listed items.
 *
 * @example
 * ```ts
 * const budget = parseNarrative(disclosure).projects[1]?.budget;
 * budget?.items.map((i) => [i.label, i.amount.value]);
 * ```
 */
export const ProjectBudgetSchema = ProjectPartSchema.extend({
  total: ProjectFigureSchema.optional(),
  items: z.array(z.object({ label: z.string(), amount: ProjectFigureSchema })),
});

/**
 * A date as printed ("2025/1/1", "2025. 01. 01") and read (YYYY-MM-DD when it could be read).
 *
 * @example
 * ```ts
 * const start = parseNarrative(disclosure).projects[1]?.table?.start;
 * [start?.text, start?.date]; // ["2025. 01. 01", "2025-01-01"]
 * ```
 */
export const PrintedDateSchema = z.object({
  text: z.string(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  position: PositionSchema,
});

/**
 * One 绩效指标 row.
 *
 * @example
 * ```ts
 * const i = parseNarrative(disclosure).projects[1]?.table?.indicators[0];
 * [i?.level1, i?.level2, i?.level3, i?.value]; // ["产出指标", "数量指标", "特勤安保人数", "360人"]
 * ```
 */
export const IndicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  value: z.string().optional(),
  position: PositionSchema,
});

/**
 * 财政项目支出绩效目标表: the project's performance targets as printed.
 *
 * @example
 * ```ts
 * const table = parseNarrative(disclosure).projects[1]?.table;
 * table?.category; // { 专项资金: false, 经常性项目: true, 一次性项目: false }
 * ```
 */
export const PerformanceTableSchema = z.object({
  title: z.string(),
  location: LocationSchema.optional(),
  name: z.string().optional(),
  /** Which of 专项资金 / 经常性项目 / 一次性项目 is ticked (undefined: none could be read). */
  category: z.record(z.string(), z.boolean()),
  department: z.string().optional(),
  implementer: z.string().optional(),
  start: PrintedDateSchema.optional(),
  end: PrintedDateSchema.optional(),
  /** 项目资金 in 万元 (up to 4 decimals): 项目资金总额, 财政资金, 其他资金, 年度资金申请总额, 当年财政拨款, 上年结转资金, 年度其他资金. */
  funds: z.record(z.string(), ProjectFigureSchema),
  /** "(2025年-2022025年)" as printed, with both ends as printed. */
  goalPeriod: z
    .object({ text: z.string(), from: z.string(), to: z.string(), position: PositionSchema })
    .optional(),
  goal: z.string().optional(),
  annualGoal: z.string().optional(),
  indicators: z.array(IndicatorSchema),
});

/**
 * One section of 项目经费情况说明.
 *
 * @example
 * ```ts
 * parseNarrative(disclosure).projects.map((p) => p.name); // ["社工", "安保经费", "视频图像监控系统租赁经费"]
 * ```
 */
export const ProjectSectionSchema = z.object({
  name: z.string(),
  heading: z.string(),
  location: LocationSchema.optional(),
  overview: ProjectPartSchema.optional(),
  basis: ProjectPartSchema.optional(),
  implementer: ProjectPartSchema.optional(),
  plan: ProjectPartSchema.optional(),
  period: ProjectPartSchema.optional(),
  budget: ProjectBudgetSchema.optional(),
  goals: ProjectPartSchema.optional(),
  table: PerformanceTableSchema.optional(),
});

/**
 * The narrative of one disclosure.
 *
 * @example
 * ```ts
 * const n = NarrativeSchema.parse(parseNarrative(disclosure));
 * n.year; // 2025
 * ```
 */
export const NarrativeSchema = z.object({
  year: z.number().int().optional(),
  chapters: z.array(ChapterSchema),
  /** The narrative chapters' paragraphs (tables' cell rows excluded). */
  paragraphs: z.array(ParagraphSchema),
  /** Figures of 编制说明 and 其他相关情况说明, in order. */
  figures: z.array(NarrativeFigureSchema),
  changes: z.array(ChangeStatementSchema),
  items: z.array(NarrativeItemSchema),
  /** "财政拨款收入支出减少的主要原因是…": the direction the reason sentence names. */
  reasonDirections: z.array(
    z.object({ direction: z.enum(["增加", "减少", "持平"]), position: PositionSchema }),
  ),
  structure: StructureSchema.optional(),
  sangong: z.array(SangongStatementSchema),
  /** "增加（减少）": a direction left as the template's alternatives. */
  directionPlaceholders: z.array(z.object({ text: z.string(), position: PositionSchema })),
  /** "本部门无机关运行经费" printed. */
  jiguanNone: PositionSchema.optional(),
  years: z.array(YearReferenceSchema),
  projects: z.array(ProjectSectionSchema),
});

/** Where a piece of text sits; see {@link PositionSchema}. */
export type Position = z.infer<typeof PositionSchema>;
/** What a narrative figure stands for; see {@link SubjectSchema}. */
export type Subject = z.infer<typeof SubjectSchema>;
/** A figure printed in a sentence; see {@link NarrativeFigureSchema}. */
export type NarrativeFigure = z.infer<typeof NarrativeFigureSchema>;
/** A comparison with an earlier year; see {@link ChangeStatementSchema}. */
export type ChangeStatement = z.infer<typeof ChangeStatementSchema>;
/** A year printed in the text; see {@link YearReferenceSchema}. */
export type YearReference = z.infer<typeof YearReferenceSchema>;
/** A line of narrative text; see {@link NarrativeLineSchema}. */
export type NarrativeLine = z.infer<typeof NarrativeLineSchema>;
/** A chapter kind; see {@link ChapterKindSchema}. */
export type ChapterKind = z.infer<typeof ChapterKindSchema>;
/** A chapter of the narrative; see {@link ChapterSchema}. */
export type Chapter = z.infer<typeof ChapterSchema>;
/** One part of an item's path; see {@link ItemPathPartSchema}. */
export type ItemPathPart = z.infer<typeof ItemPathPartSchema>;
/** A paragraph of joined lines; see {@link ParagraphSchema}. */
export type Paragraph = z.infer<typeof ParagraphSchema>;
/** A classification item's sentence; see {@link NarrativeItemSchema}. */
export type NarrativeItem = z.infer<typeof NarrativeItemSchema>;
/** The 机构设置 counts and entries; see {@link StructureSchema}. */
export type Structure = z.infer<typeof StructureSchema>;
/** A 三公 item's statement; see {@link SangongStatementSchema}. */
export type SangongStatement = z.infer<typeof SangongStatementSchema>;
/** A figure in a project table or budget text; see {@link ProjectFigureSchema}. */
export type ProjectFigure = z.infer<typeof ProjectFigureSchema>;
/** A text part of a project section; see {@link ProjectPartSchema}. */
export type ProjectPart = z.infer<typeof ProjectPartSchema>;
/** A project's 年度预算安排; see {@link ProjectBudgetSchema}. */
export type ProjectBudget = z.infer<typeof ProjectBudgetSchema>;
/** A date as printed and read; see {@link PrintedDateSchema}. */
export type PrintedDate = z.infer<typeof PrintedDateSchema>;
/** One 绩效指标 row; see {@link IndicatorSchema}. */
export type Indicator = z.infer<typeof IndicatorSchema>;
/** A 财政项目支出绩效目标表; see {@link PerformanceTableSchema}. */
export type PerformanceTable = z.infer<typeof PerformanceTableSchema>;
/** One section of 项目经费情况说明; see {@link ProjectSectionSchema}. */
export type ProjectSection = z.infer<typeof ProjectSectionSchema>;
/** The narrative of one disclosure; see {@link NarrativeSchema}. */
export type Narrative = z.infer<typeof NarrativeSchema>;

export { parseNarrative } from "./parse";

/**
 * The JSON Schema of the narrative model, generated from the zod schema.
 *
 * @example
 * ```ts
 * narrativeJsonSchema().type; // "object"
 * ```
 */
export function narrativeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NarrativeSchema) as Record<string, unknown>;
}
