/**
 * An in-memory stand-in for the part of the Excel JavaScript API the adapter uses, strict where Office
 * is strict: every call on a proxy object is queued and only runs at `context.sync()`, in order; a
 * property can be read only after it was loaded and synced (else a `PropertyNotLoaded` error, as
 * Office throws); `isNullObject` only after a sync. It counts syncs, so tests can hold the adapter to
 * its round-trip budget. Used by the unit tests (Node) and, bundled, by the browser test's fake host.
 */
import { parseRect, quoteSheet, rectAddress, type Rect } from "../src/a1";

/** A cell as a test describes it. A bare string/number/boolean is its value. */
export type FakeCellSpec =
  | string
  | number
  | boolean
  | null
  | undefined
  | { value?: string | number | boolean | null; text?: string; formula?: string; numberFormat?: string };

/** A sheet as a test describes it; `rows[r][c]` with 0-based indexes. */
export interface FakeSheetSpec {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<FakeCellSpec>>;
  hidden?: boolean;
  merges?: ReadonlyArray<Rect>;
  /** Protected sheet (审阅 → 保护工作表): writes to it fail with AccessDenied. */
  protected?: boolean;
}

/** The workbook a test starts from. */
export interface FakeWorkbookSpec {
  name?: string;
  sheets: ReadonlyArray<FakeSheetSpec>;
  /**
   * The newest ExcelApi requirement set the fake Excel supports (default "1.13"). A call from a newer
   * set fails with `ApiNotFound`, as in an older Excel.
   */
  apiVersion?: string;
  /**
   * Largest response of one sync, in bytes of JSON, as Excel on the web limits it (5 MB there); a sync
   * that loads more fails with `ResponsePayloadSizeLimitExceeded`. Default: no limit.
   */
  payloadLimit?: number;
  /** Protected workbook structure (审阅 → 保护工作簿): adding a sheet fails with AccessDenied. */
  structureProtected?: boolean;
}

/** Bytes of JSON of a loaded value (proxies, such as a collection's items, count as nothing). */
function payloadSize(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "string") return v.length + 2;
  if (typeof v === "number" || typeof v === "boolean") return String(v).length;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + payloadSize(x) + 1, 2);
  return 0;
}

/**
 * Compares requirement set versions ("1.4" < "1.13").
 * @example compareVersions("1.4", "1.13") // -1
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** One cell of the fake workbook's model (what "Excel" holds). */
export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  /** Display text kept from the description; recomputed after any write. */
  text?: string;
  numberFormat: string;
  fillColor: string;
  fillPattern: string;
  bold: boolean;
  horizontalAlignment: string;
}

interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  /** Sheet protection: writes to its cells fail with AccessDenied. */
  protected: boolean;
}

/** The error shape Office.js rejects with (`OfficeExtension.Error`: a `code` and a message). */
export class FakeOfficeError extends Error {
  /**
   * @example new FakeOfficeError("PropertyNotLoaded", "…").code // "PropertyNotLoaded"
   */
  constructor(
    readonly code:
      | "PropertyNotLoaded"
      | "ItemNotFound"
      | "ItemAlreadyExists"
      | "InvalidArgument"
      | "InvalidOperation"
      | "ApiNotFound"
      | "ResponsePayloadSizeLimitExceeded"
      | "AccessDenied",
    message: string,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

const NO_FILL = { color: "#FFFFFF", pattern: "None" };

function emptyCell(): FakeCell {
  return {
    value: null,
    numberFormat: "General",
    fillColor: NO_FILL.color,
    fillPattern: NO_FILL.pattern,
    bold: false,
    horizontalAlignment: "General",
  };
}

/** An empty cell with default formatting is the same, to Excel, as no cell at all. */
function isBlank(c: FakeCell): boolean {
  const e = emptyCell();
  return (
    c.value === null &&
    c.formula === undefined &&
    c.numberFormat === e.numberFormat &&
    c.fillColor === e.fillColor &&
    c.fillPattern === e.fillPattern &&
    c.bold === e.bold &&
    c.horizontalAlignment === e.horizontalAlignment
  );
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

/** What Excel shows for a value under a number format; enough for the formats the project writes. */
function displayText(cell: FakeCell): string {
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const decimals =
    /0\.(0+)/.exec(cell.numberFormat)?.[1]?.length ?? (cell.numberFormat === "General" ? -1 : 0);
  if (decimals < 0) return String(v);
  return v.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: cell.numberFormat.includes(","),
  });
}

/** Excel's reading of an entered string: "'x" is text x, "=…" a formula, a plain number a number. */
function enter(cell: FakeCell, input: unknown): void {
  delete cell.text;
  delete cell.formula;
  if (input === null || input === undefined || input === "") {
    cell.value = null;
    return;
  }
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (cell.numberFormat === "@") cell.value = s;
  else if (s.startsWith("'")) cell.value = s.slice(1);
  else if (s.startsWith("=")) {
    cell.formula = s.slice(1);
    // The fake computes no formulas; a formula cell shows no result, like a file never recalculated.
    cell.value = null;
  } else if (/^-?\d+(\.\d+)?$/.test(s.trim())) cell.value = Number(s);
  else cell.value = s;
}

/** Holds the fake workbook and hands out request contexts through {@link FakeExcel.run}. */
export class FakeExcel {
  /** Number of `context.sync()` calls (including the flush at the end of a `run`). */
  syncCount = 0;
  /** The last range selected by the add-in. */
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  readonly settings = new Map<string, unknown>();
  /** Workbook-level names: each refers to a rectangle of a sheet and moves when rows are inserted or deleted. */
  readonly names = new Map<string, { sheet: SheetModel; rect: Rect } | null>();
  /** Cell comments (ExcelApi 1.10) by id: one per cell at most, moving with their cell. */
  readonly comments = new Map<string, { sheet: SheetModel; row: number; col: number; content: string }>();
  private nextComment = 1;

  /** @internal A new comment id. */
  commentId(): string {
    return `comment-${this.nextComment++}`;
  }

  /**
   * The comment on a cell, if any (for tests).
   * @example excel.commentAt("T3", "E7") // "预算检查：…"
   */
  commentAt(sheet: string, address: string): string | undefined {
    const rect = parseRect(address);
    const model = this.sheet(sheet);
    for (const c of this.comments.values())
      if (c.sheet === model && rect && c.row === rect.top && c.col === rect.left) return c.content;
    return undefined;
  }
  readonly workbookName: string;
  /** The newest ExcelApi set this fake Excel supports. */
  readonly apiVersion: string;
  /** Response limit per sync (bytes of JSON), if any. */
  readonly payloadLimit: number | undefined;
  /** Whether the workbook structure is protected. */
  structureProtected: boolean;
  /** The largest response of any sync so far, in bytes of JSON. */
  largestResponse = 0;
  /** @internal */
  readonly sheets: SheetModel[];

  /**
   * @example const excel = new FakeExcel({ sheets: [{ name: "T1", rows: [["合计", 5]] }] });
   */
  constructor(spec: FakeWorkbookSpec) {
    this.workbookName = spec.name ?? "Book1.xlsx";
    this.apiVersion = spec.apiVersion ?? "1.13";
    this.payloadLimit = spec.payloadLimit;
    this.structureProtected = spec.structureProtected ?? false;
    this.sheets = spec.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.rows.forEach((row, r) => {
        row.forEach((c, col) => {
          if (c === null || c === undefined || c === "") return;
          const cell = emptyCell();
          if (typeof c === "object") {
            cell.value = c.value ?? null;
            if (c.formula !== undefined) cell.formula = c.formula;
            if (c.text !== undefined) cell.text = c.text;
            if (c.numberFormat !== undefined) cell.numberFormat = c.numberFormat;
          } else cell.value = c;
          cells.set(key(r, col), cell);
        });
      });
      return {
        name: s.name,
        visibility: s.hidden ? "Hidden" : "Visible",
        protected: s.protected ?? false,
        cells,
        merges: [...(s.merges ?? [])],
        columnWidths: new Map(),
      };
    });
    this.activeSheet = this.sheets.find((s) => s.visibility === "Visible")?.name;
  }

  /** Runs a batch like `Excel.run`: a fresh context, and queued commands flushed at the end. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  };

  /**
   * Whether this Excel has an ExcelApi requirement set, like `Office.context.requirements.isSetSupported`.
   * @example new FakeExcel({ sheets: [], apiVersion: "1.8" }).isSetSupported("ExcelApi", "1.9") // false
   */
  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && compareVersions(version, this.apiVersion) <= 0;
  }

  /** @internal Throws ApiNotFound when `what` needs a newer set than this Excel has. */
  requireApi(version: string, what: string): void {
    if (!this.isSetSupported("ExcelApi", version)) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `The requested API ${what} is not supported (ExcelApi ${version}; this Excel has ${this.apiVersion}).`,
      );
    }
  }

  /** Names of the sheets, in order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The visibility of a sheet, or undefined when there is no such sheet. */
  visibility(sheet: string): string | undefined {
    return this.sheets.find((s) => s.name === sheet)?.visibility;
  }

  /** A copy of one cell (an empty cell when nothing is there). */
  cell(sheet: string, address: string): FakeCell {
    const model = this.sheet(sheet);
    const rect = parseRect(address);
    if (!rect) throw new Error(`bad address ${address}`);
    return { ...(model.cells.get(key(rect.top, rect.left)) ?? emptyCell()) };
  }

  /** The display text of one cell. */
  text(sheet: string, address: string): string {
    const c = this.cell(sheet, address);
    return c.text ?? displayText(c);
  }

  /** Merged areas of a sheet. */
  merges(sheet: string): Rect[] {
    return [...this.sheet(sheet).merges];
  }

  /** Everything formatting holds (fills, bold, alignment, number formats), to compare before/after. */
  formatSnapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => [
        s.name,
        [...s.cells.entries()]
          .filter(([, c]) => !isBlank(c))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, c]) => [k, c.fillColor, c.fillPattern, c.bold, c.horizontalAlignment, c.numberFormat]),
      ]),
    );
  }

  /** Everything content holds (values, formulas, texts), to compare before/after. */
  contentSnapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => [
        s.name,
        [...s.cells.entries()]
          .filter(([, c]) => c.value !== null || c.formula !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, c]) => [k, c.value, c.formula ?? null, c.text ?? displayText(c), c.numberFormat]),
      ]),
    );
  }

  /**
   * What a user does in Excel: types `input` into a cell ("123.5" a number, "'x" text, "=…" a formula,
   * "" clears it), outside any batch of the add-in.
   * @example excel.typeInto("T3", "E7", "42")
   */
  typeInto(sheet: string, address: string, input: string): void {
    const model = this.sheet(sheet);
    const rect = parseRect(address);
    if (!rect) throw new Error(`bad address ${address}`);
    const k = key(rect.top, rect.left);
    const cell = model.cells.get(k) ?? emptyCell();
    enter(cell, input);
    model.cells.set(k, cell);
  }

  /**
   * What a user does in Excel: inserts `count` empty rows before row `at` (0-based). Cells, merges and
   * names below move down, as in Excel.
   * @example excel.insertRows("T3", 2, 1)
   */
  insertRows(sheet: string, at: number, count: number): void {
    this.shiftRows(this.sheet(sheet), at, count);
  }

  /**
   * What a user does in Excel: deletes `count` rows from row `at` (0-based). Cells below move up; a name
   * that referred to a deleted row refers to nothing (#REF!).
   * @example excel.deleteRows("T3", 2, 1)
   */
  deleteRows(sheet: string, at: number, count: number): void {
    this.shiftRows(this.sheet(sheet), at, -count);
  }

  private shiftRows(model: SheetModel, at: number, delta: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of model.cells) {
      const [r, col] = k.split(",").map(Number) as [number, number];
      if (r < at) moved.set(k, c);
      else if (delta > 0 || r >= at - delta) moved.set(key(r + delta, col), c);
    }
    model.cells.clear();
    for (const [k, c] of moved) model.cells.set(k, c);
    for (const [id, c] of this.comments) {
      if (c.sheet !== model || c.row < at) continue;
      if (delta < 0 && c.row < at - delta) this.comments.delete(id);
      else c.row += delta;
    }
    for (const [name, ref] of this.names) {
      if (!ref || ref.sheet !== model) continue;
      const { rect } = ref;
      if (delta < 0 && rect.top < at - delta && rect.bottom >= at) this.names.set(name, null);
      else if (rect.top >= at)
        this.names.set(name, {
          sheet: model,
          rect: { ...rect, top: rect.top + delta, bottom: rect.bottom + delta },
        });
    }
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s)
      throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (worksheet ${name})`);
    return s;
  }
}

/** The fake `Excel.RequestContext`. */
export class FakeRequestContext {
  private queue: Array<() => void> = [];
  readonly workbook: FakeWorkbook;

  /** @internal */
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Commands waiting for the next sync. */
  get pending(): number {
    return this.queue.length;
  }

  /** @internal */
  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  /** Runs every queued command, in order; rejects (and drops the rest) at the first failing one, as Office does. */
  async sync(): Promise<void> {
    this.excel.syncCount++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.responseBytes = 0;
    for (const op of ops) op();
    this.excel.largestResponse = Math.max(this.excel.largestResponse, this.responseBytes);
    const limit = this.excel.payloadLimit;
    if (limit !== undefined && this.responseBytes > limit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} > ${limit} bytes).`,
      );
    }
  }

  /** @internal Bytes of JSON loaded in the current sync. */
  responseBytes = 0;
}

/** Base of every proxy: loaded properties, and the PropertyNotLoaded check. */
abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;

  constructor(protected readonly context: FakeRequestContext) {}

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** True when a "…OrNullObject" call found nothing; readable only after a sync. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        "The property 'isNullObject' is not available before context.sync().",
      );
    }
    return this.nullState;
  }

  /** Queues a load of the comma-separated properties. */
  load(props: string | string[] = ""): this {
    const list = (Array.isArray(props) ? props : props.split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.context.enqueue(() => {
      for (const [p, v] of this.snapshot(list)) {
        this.loaded.set(p, v);
        this.context.responseBytes += payloadSize(v);
      }
    });
    return this;
  }

  protected abstract snapshot(props: string[]): Map<string, unknown>;
}

/** `protection` of a worksheet (ExcelApi 1.2) or of the workbook (1.7): only `protected` is modelled. */
class FakeProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly version: string,
    private readonly read: () => boolean,
  ) {
    super(context);
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    this.context.excel.requireApi(this.version, "protection");
    return new Map(
      props.map((p) => {
        if (p !== "protected")
          throw new FakeOfficeError("InvalidArgument", `protection has no property ${p} in the fake`);
        return [p, this.read()];
      }),
    );
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly names: FakeNamedItemCollection;
  readonly comments: FakeCommentCollection;
  readonly protection: FakeProtection;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.settings = new FakeSettingCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.comments = new FakeCommentCollection(context);
    this.protection = new FakeProtection(context, "1.7", () => context.excel.structureProtected);
  }

  get name(): string {
    return this.get("name");
  }

  protected snapshot(props: string[]): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const p of props) {
      if (p !== "name")
        throw new FakeOfficeError("InvalidArgument", `workbook has no property ${p} in the fake`);
      this.context.excel.requireApi("1.7", "Workbook.name");
      out.set(p, this.context.excel.workbookName);
    }
    return out;
  }
}

class FakeWorksheetCollection extends ClientObject {
  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  protected snapshot(props: string[]): Map<string, unknown> {
    const itemProps = props.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice(6));
    const items = this.context.excel.sheets.map((model) => {
      const ws = new FakeWorksheet(this.context, () => model);
      ws.fill(
        itemProps.filter((p) => p !== ""),
        model,
      );
      return ws;
    });
    return new Map([...props.map((p) => [p, items] as const), ["items", items]]);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.excel.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
    const ws = new FakeWorksheet(
      this.context,
      () => this.context.excel.sheets.find((s) => s.name === name) ?? null,
    );
    ws.resolveLater();
    return ws;
  }

  add(name: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue(() => {
      const excel = this.context.excel;
      if (excel.sheets.some((s) => s.name === name)) {
        throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
      }
      if (excel.structureProtected)
        throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      created = {
        name,
        visibility: "Visible",
        cells: new Map(),
        merges: [],
        columnWidths: new Map(),
        protected: false,
      };
      excel.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "worksheet not yet added");
      return created;
    });
  }
}

class FakeWorksheet extends ClientObject {
  readonly protection: FakeProtection;
  constructor(
    context: FakeRequestContext,
    private readonly locate: () => SheetModel | null,
  ) {
    super(context);
    this.protection = new FakeProtection(context, "1.2", () => this.model().protected);
  }

  /** @internal */
  resolveLater(): void {
    this.context.enqueue(() => {
      this.nullState = this.locate() === null;
    });
  }

  /** @internal Sets loaded properties directly (collection loads). */
  fill(props: string[], model: SheetModel): void {
    for (const p of props) this.loaded.set(p, this.read(p, model));
  }

  private model(): SheetModel {
    const m = this.locate();
    if (!m) throw new FakeOfficeError("ItemNotFound", "The requested worksheet doesn't exist.");
    return m;
  }

  private read(prop: string, model: SheetModel): unknown {
    if (prop === "name") return model.name;
    if (prop === "visibility") return model.visibility;
    throw new FakeOfficeError("InvalidArgument", `worksheet has no property ${prop} in the fake`);
  }

  protected snapshot(props: string[]): Map<string, unknown> {
    const m = this.locate();
    return new Map(props.map((p) => [p, m ? this.read(p, m) : null]));
  }

  get name(): string {
    return this.get("name");
  }

  get visibility(): string {
    return this.get("visibility");
  }

  set visibility(value: string) {
    this.context.enqueue(() => {
      const m = this.model();
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
        throw new FakeOfficeError("InvalidArgument", `bad visibility ${value}`);
      }
      if (
        value !== "Visible" &&
        !this.context.excel.sheets.some((s) => s !== m && s.visibility === "Visible")
      ) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      m.visibility = value;
    });
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.excel.activeSheet = this.model().name;
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const m = this.model();
      const excel = this.context.excel;
      excel.sheets.splice(excel.sheets.indexOf(m), 1);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.model();
      if (address === undefined)
        return { sheet: m, rect: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      const rect = parseRect(address);
      if (!rect) throw new FakeOfficeError("InvalidArgument", `The argument is invalid: ${address}`);
      return { sheet: m, rect };
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    this.context.excel.requireApi("1.7", "Worksheet.getRangeByIndexes");
    return new FakeRange(this.context, () => ({
      sheet: this.model(),
      rect: { top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 },
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.excel.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
    const range = new FakeRange(this.context, () => usedRect(this.model(), valuesOnly));
    range.resolveLater();
    return range;
  }

  /** ExcelApi 1.1: the used range, or A1 when the sheet is empty (never a null object). */
  getUsedRange(valuesOnly = false): FakeRange {
    if (valuesOnly) this.context.excel.requireApi("1.2", "Worksheet.getUsedRange(valuesOnly)");
    return new FakeRange(this.context, () => {
      const m = this.model();
      return usedRect(m, valuesOnly) ?? { sheet: m, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

/** The used rectangle of a sheet (values, or values and formats), or null when there is none. */
function usedRect(m: SheetModel, valuesOnly: boolean): RangeTarget | null {
  let rect: Rect | null = null;
  for (const [k, c] of m.cells) {
    const hasValue = c.value !== null || c.formula !== undefined;
    const hasFormat = c.fillPattern !== "None" || c.bold || c.numberFormat !== "General";
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [r, col] = k.split(",").map(Number) as [number, number];
    rect = rect
      ? {
          top: Math.min(rect.top, r),
          left: Math.min(rect.left, col),
          bottom: Math.max(rect.bottom, r),
          right: Math.max(rect.right, col),
        }
      : { top: r, left: col, bottom: r, right: col };
  }
  return rect ? { sheet: m, rect } : null;
}

type RangeTarget = { sheet: SheetModel; rect: Rect };

class FakeRange extends ClientObject {
  private cached: RangeTarget | null | undefined;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => RangeTarget | null,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, () => this.target());
  }

  /** @internal Resolves once, at the first command that needs it (so at sync time, in order). */
  target(): RangeTarget {
    if (this.cached === undefined) this.cached = this.locate();
    if (this.cached === null)
      throw new FakeOfficeError("InvalidOperation", "The operation is not valid on a null object.");
    return this.cached;
  }

  /** @internal */
  resolveLater(): void {
    this.context.enqueue(() => {
      if (this.cached === undefined) this.cached = this.locate();
      this.nullState = this.cached === null;
    });
  }

  private cells<T>(read: (cell: FakeCell, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this.target();
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++)
        row.push(read(sheet.cells.get(key(r, c)) ?? emptyCell(), r, c));
      out.push(row);
    }
    return out;
  }

  private write(input: unknown, apply: (cell: FakeCell, v: unknown) => void): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      guardProtected(sheet);
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const grid = Array.isArray(input) ? (input as unknown[][]) : undefined;
      if (grid && (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const k = key(rect.top + r, rect.left + c);
          const cell = sheet.cells.get(k) ?? emptyCell();
          apply(cell, grid ? grid[r]![c] : input);
          sheet.cells.set(k, cell);
        }
      }
    });
  }

  protected snapshot(props: string[]): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (this.cached === null) {
      for (const p of props) out.set(p, null);
      return out;
    }
    for (const p of props) {
      switch (p) {
        case "address": {
          const { sheet, rect } = this.target();
          out.set(p, `${quoteSheet(sheet.name)}!${rectAddress(rect)}`);
          break;
        }
        case "values":
          out.set(
            p,
            this.cells((c) => c.value ?? ""),
          );
          break;
        case "text":
          out.set(
            p,
            this.cells((c) => c.text ?? displayText(c)),
          );
          break;
        case "numberFormat":
          out.set(
            p,
            this.cells((c) => c.numberFormat),
          );
          break;
        case "formulas":
          out.set(
            p,
            this.cells((c) => (c.formula !== undefined ? `=${c.formula}` : (c.value ?? ""))),
          );
          break;
        case "rowCount": {
          const { rect } = this.target();
          out.set(p, rect.bottom - rect.top + 1);
          break;
        }
        case "columnCount": {
          const { rect } = this.target();
          out.set(p, rect.right - rect.left + 1);
          break;
        }
        default:
          throw new FakeOfficeError("InvalidArgument", `range has no property ${p} in the fake`);
      }
    }
    return out;
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.write(v, enter);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write(v, enter);
  }
  get text(): string[][] {
    return this.get("text");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.write(v, (cell, f) => {
      cell.numberFormat = String(f);
      delete cell.text;
    });
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      this.context.excel.activeSheet = sheet.name;
      this.context.excel.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  merge(): void {
    this.context.excel.requireApi("1.2", "Range.merge");
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      sheet.merges.push({ ...rect });
    });
  }

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      for (const [k, cell] of [...sheet.cells]) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
        if (applyTo === "All") sheet.cells.delete(k);
        else if (applyTo === "Contents") enter(cell, null);
        else Object.assign(cell, { ...emptyCell(), value: cell.value, formula: cell.formula });
      }
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.excel.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    const areas = new FakeRangeAreas(this.context, () => {
      const { sheet, rect } = this.target();
      const inside = sheet.merges.filter(
        (m) => m.top >= rect.top && m.bottom <= rect.bottom && m.left >= rect.left && m.right <= rect.right,
      );
      return inside.length === 0
        ? null
        : inside.map((m) => `${quoteSheet(sheet.name)}!${rectAddress(m)}`).join(",");
    });
    areas.resolveLater();
    return areas;
  }
}

class FakeRangeAreas extends ClientObject {
  private cached: string | null | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly locate: () => string | null,
  ) {
    super(context);
  }
  resolveLater(): void {
    this.context.enqueue(() => {
      this.cached ??= this.locate();
      this.nullState = this.cached === null;
    });
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    this.cached ??= this.locate();
    return new Map(props.map((p) => [p, p === "address" ? this.cached : undefined]));
  }
  get address(): string {
    return this.get("address");
  }
}

class FakeRangeFormat extends ClientObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    context: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(context);
    this.fill = new FakeRangeFill(context, target);
    this.font = new FakeRangeFont(context, target);
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    const { sheet, rect } = this.target();
    const first = sheet.cells.get(key(rect.top, rect.left)) ?? emptyCell();
    return new Map(
      props.map((p) => [p, p === "horizontalAlignment" ? first.horizontalAlignment : undefined]),
    );
  }
  set horizontalAlignment(v: string) {
    this.context.enqueue(() => eachCell(this.target(), (c) => (c.horizontalAlignment = v)));
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set columnWidth(points: number) {
    this.context.excel.requireApi("1.2", "RangeFormat.columnWidth");
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

/** Writes to a protected sheet fail, as in Excel. */
function guardProtected(sheet: SheetModel): void {
  if (sheet.protected)
    throw new FakeOfficeError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`,
    );
}

function eachCell(target: RangeTarget, apply: (cell: FakeCell) => void): void {
  const { sheet, rect } = target;
  guardProtected(sheet);
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const k = key(r, c);
      const cell = sheet.cells.get(k) ?? emptyCell();
      apply(cell);
      sheet.cells.set(k, cell);
    }
  }
}

/** One value when every cell agrees, else null (as Office reports a mixed range). */
function uniform<T>(target: RangeTarget, read: (cell: FakeCell) => T): T | null {
  const { sheet, rect } = target;
  let out: T | undefined;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = read(sheet.cells.get(key(r, c)) ?? emptyCell());
      if (out === undefined) out = v;
      else if (out !== v) return null;
    }
  }
  return out ?? null;
}

class FakeRangeFill extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(context);
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    const t = this.target();
    return new Map(
      props.map((p) => {
        if (p === "color") return [p, uniform(t, (c) => c.fillColor)];
        if (p === "pattern") {
          this.context.excel.requireApi("1.9", "RangeFill.pattern");
          return [p, uniform(t, (c) => c.fillPattern)];
        }
        throw new FakeOfficeError("InvalidArgument", `fill has no property ${p} in the fake`);
      }),
    );
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.context.enqueue(() =>
      eachCell(this.target(), (c) => {
        c.fillColor = v.toUpperCase();
        if (c.fillPattern === "None") c.fillPattern = "Solid";
      }),
    );
  }
  get pattern(): string {
    return this.get("pattern");
  }
  set pattern(v: string) {
    this.context.excel.requireApi("1.9", "RangeFill.pattern");
    this.context.enqueue(() => eachCell(this.target(), (c) => (c.fillPattern = v)));
  }
  clear(): void {
    this.context.enqueue(() =>
      eachCell(this.target(), (c) => {
        c.fillColor = NO_FILL.color;
        c.fillPattern = NO_FILL.pattern;
      }),
    );
  }
}

class FakeRangeFont extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(context);
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    return new Map(props.map((p) => [p, p === "bold" ? uniform(this.target(), (c) => c.bold) : undefined]));
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.context.enqueue(() => eachCell(this.target(), (c) => (c.bold = v)));
  }
}

/** Cell comments (ExcelApi 1.10): list, add (failing on a cell that has one), find by id, delete. */
class FakeCommentCollection extends ClientObject {
  protected snapshot(props: string[]): Map<string, unknown> {
    this.context.excel.requireApi("1.10", "CommentCollection");
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const items = [...this.context.excel.comments.keys()].map((id) => {
      const c = new FakeComment(this.context, id);
      c.fillLoaded(itemProps);
      return c;
    });
    return new Map([...props.map((p) => [p, items] as const), ["items", items]]);
  }
  get items(): FakeComment[] {
    return this.get("items");
  }
  add(cell: FakeRange | string, content: string): FakeComment {
    this.context.excel.requireApi("1.10", "CommentCollection.add");
    const comment = new FakeComment(this.context, "");
    this.context.enqueue(() => {
      const excel = this.context.excel;
      const target =
        typeof cell === "string"
          ? (() => {
              const { sheet, local } = splitSheetAddress(cell);
              const rect = parseRect(local);
              if (!rect) throw new FakeOfficeError("InvalidArgument", `The argument is invalid: ${cell}`);
              return { sheet: excel.sheet(sheet), rect };
            })()
          : cell.target();
      guardProtected(target.sheet);
      for (const c of excel.comments.values()) {
        if (c.sheet === target.sheet && c.row === target.rect.top && c.col === target.rect.left) {
          throw new FakeOfficeError("InvalidArgument", "The cell already has a comment.");
        }
      }
      const id = excel.commentId();
      excel.comments.set(id, { sheet: target.sheet, row: target.rect.top, col: target.rect.left, content });
      comment.bind(id);
    });
    return comment;
  }
  getItem(id: string): FakeComment {
    return new FakeComment(this.context, id);
  }
}

function splitSheetAddress(address: string): { sheet: string; local: string } {
  const i = address.lastIndexOf("!");
  return {
    sheet: address
      .slice(0, i)
      .replace(/^'(.*)'$/, "$1")
      .replaceAll("''", "'"),
    local: address.slice(i + 1),
  };
}

class FakeComment extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private commentKey: string,
  ) {
    super(context);
  }
  /** @internal */
  bind(id: string): void {
    this.commentKey = id;
  }
  /** @internal Properties loaded through the collection ("items/id"). */
  fillLoaded(props: string[]): void {
    for (const [p, v] of this.snapshot(props)) this.loaded.set(p, v);
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    const c = this.context.excel.comments.get(this.commentKey);
    if (!c) throw new FakeOfficeError("ItemNotFound", "The comment doesn't exist.");
    return new Map(
      props.map((p) => [p, p === "id" ? this.commentKey : p === "content" ? c.content : undefined]),
    );
  }
  get id(): string {
    return this.get("id");
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const c = this.context.excel.comments.get(this.commentKey);
      if (!c) throw new FakeOfficeError("ItemNotFound", "The comment doesn't exist.");
      return { sheet: c.sheet, rect: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      if (!this.context.excel.comments.delete(this.commentKey))
        throw new FakeOfficeError("ItemNotFound", "The comment doesn't exist.");
    });
  }
}

/** Workbook names (ExcelApi 1.4): add, look up, resolve to their range, delete. */
class FakeNamedItemCollection extends ClientObject {
  protected snapshot(): Map<string, unknown> {
    return new Map();
  }
  add(name: string, reference: FakeRange): void {
    this.context.excel.requireApi("1.4", "NamedItemCollection.add");
    this.context.enqueue(() => {
      const names = this.context.excel.names;
      if (names.has(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
      const { sheet, rect } = reference.target();
      names.set(name, { sheet, rect: { ...rect } });
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.context.excel.requireApi("1.4", "NamedItemCollection.getItemOrNullObject");
    const item = new FakeNamedItem(this.context, name);
    this.context.enqueue(() => item.resolve());
    return item;
  }
}

class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly name: string,
  ) {
    super(context);
  }
  /** @internal */
  resolve(): void {
    this.nullState = !this.context.excel.names.has(this.name);
  }
  protected snapshot(): Map<string, unknown> {
    return new Map();
  }
  /** The range the name refers to now; a null object when it refers to deleted cells or does not exist. */
  getRangeOrNullObject(): FakeRange {
    const range = new FakeRange(this.context, () => this.context.excel.names.get(this.name) ?? null);
    range.resolveLater();
    return range;
  }
  delete(): void {
    this.context.enqueue(() => {
      this.context.excel.names.delete(this.name);
    });
  }
}

class FakeSettingCollection extends ClientObject {
  protected snapshot(): Map<string, unknown> {
    return new Map();
  }
  add(key: string, value: unknown): void {
    this.context.excel.requireApi("1.4", "SettingCollection.add");
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    this.context.enqueue(() => this.context.excel.settings.set(key, copy));
  }
  getItemOrNullObject(key: string): FakeSetting {
    this.context.excel.requireApi("1.4", "SettingCollection.getItemOrNullObject");
    const s = new FakeSetting(this.context, key);
    this.context.enqueue(() => s.resolve());
    return s;
  }
}

class FakeSetting extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly settingKey: string,
  ) {
    super(context);
  }
  /** @internal */
  resolve(): void {
    this.nullState = !this.context.excel.settings.has(this.settingKey);
  }
  protected snapshot(props: string[]): Map<string, unknown> {
    const v = this.context.excel.settings.get(this.settingKey);
    return new Map(
      props.map((p) => [
        p,
        p === "value" ? (v === undefined ? null : JSON.parse(JSON.stringify(v))) : this.settingKey,
      ]),
    );
  }
  get value(): unknown {
    return this.get("value");
  }
  delete(): void {
    this.context.enqueue(() => this.context.excel.settings.delete(this.settingKey));
  }
}

/**
 * A fake workbook from a Grid-like description (for example a Grid the engine read from the sample
 * text): every cell keeps its value, display text, number format and formula.
 * @example const excel = fakeExcelFromGrid({ sheets: [{ name: "文本", rows: [[{ value: "合计", text: "合计" }]] }] });
 */
export function fakeExcelFromGrid(grid: {
  source?: { name: string };
  apiVersion?: string;
  payloadLimit?: number;
  structureProtected?: boolean;
  sheets: ReadonlyArray<{
    name: string;
    hidden?: boolean;
    protected?: boolean;
    merges?: ReadonlyArray<Rect>;
    rows: ReadonlyArray<
      ReadonlyArray<
        | { value: string | number | boolean | null; text: string; numberFormat?: string; formula?: string }
        | undefined
      >
    >;
  }>;
}): FakeExcel {
  return new FakeExcel({
    ...(grid.source ? { name: grid.source.name } : {}),
    ...(grid.apiVersion ? { apiVersion: grid.apiVersion } : {}),
    ...(grid.payloadLimit ? { payloadLimit: grid.payloadLimit } : {}),
    ...(grid.structureProtected ? { structureProtected: true } : {}),
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      ...(s.hidden ? { hidden: true } : {}),
      ...(s.protected ? { protected: true } : {}),
      ...(s.merges ? { merges: s.merges } : {}),
      rows: s.rows.map((row) =>
        row.map((c) =>
          c === undefined || c === null || (c.value === null && c.formula === undefined)
            ? undefined
            : {
                value: c.value,
                text: c.text,
                ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
                ...(c.formula !== undefined ? { formula: c.formula } : {}),
              },
        ),
      ),
    })),
  });
}
