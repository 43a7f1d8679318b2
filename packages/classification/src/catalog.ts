import { message } from "./messages";
import { nameDifference, normaliseName } from "./name";
import { parentOf, type Level, type Scheme } from "./scheme";

/**
 * One code of a catalog with its name. `formerNames` lists names the code had before, each with the
 * last year it was current when that is known.
 *
 * @example
 * ```ts
 * const e: CatalogEntry = {
 *   code: "210", name: "卫生健康支出", level: "类",
 *   formerNames: [{ name: "医疗卫生与计划生育支出", until: 2018 }],
 * };
 * ```
 */
export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  readonly formerNames?: ReadonlyArray<{ name: string; until?: number }>;
}

/**
 * The package's own, JSON-serialisable catalog format: one scheme, one year, where it came from,
 * and its entries.
 *
 * @example
 * ```ts
 * const data: CatalogData = {
 *   scheme: "functional", year: 2025, source: "财政部《2025年政府收支分类科目》",
 *   entries: [{ code: "201", name: "一般公共服务支出", level: "类" }],
 * };
 * ```
 */
export interface CatalogData {
  scheme: Scheme;
  year: number;
  source: string;
  entries: CatalogEntry[];
}

/**
 * The verdict of {@link Catalog.checkName} on a printed name.
 * - `match`: the printed name is the catalog's name.
 * - `equivalent`: it differs only in full-width/half-width characters or spaces.
 * - `obsolete`: it is a former name of the code (`until`: last year it was current, when known).
 * - `mismatch`: it is another name; `suggestion` says what it should be (zh-CN; `suggestionEn` in English).
 * - `unknown-code`: the code is not in this catalog, which says nothing about whether it is wrong.
 *
 * @example
 * ```ts
 * const c: NameCheck = getCatalog("functional").checkName("210", "医疗卫生与计划生育支出");
 * if (c.status === "obsolete") console.log(c.current); // 卫生健康支出
 * ```
 */
export type NameCheck =
  | { status: "match" }
  | { status: "equivalent"; note: string; noteEn: string }
  | { status: "obsolete"; current: string; former: string; until?: number }
  | {
      status: "mismatch";
      expected: string;
      suggestion: string;
      suggestionEn: string;
      /** Sibling codes (same parent) whose name is the printed one: the code was probably misprinted. */
      otherCodes: string[];
    }
  | { status: "unknown-code" };

/** Options of {@link Catalog.checkName}. */
export interface CheckNameOptions {
  /**
   * Budget year of the document the name was printed in; default the catalog's year. A former name
   * is a `match` in a year up to its `until`.
   */
  readonly year?: number;
}

/** Options of {@link Catalog.findByName}. */
export interface FindByNameOptions {
  /** Also find entries whose former names match; default false. */
  readonly includeFormer?: boolean;
}

/**
 * One year's catalog of one scheme.
 *
 * @example
 * ```ts
 * const c = getCatalog("economic-dept", 2025);
 * c.get("30102")?.name; // "津贴补贴"
 * c.children("301").length; // number of 款 under 301
 * ```
 */
export interface Catalog {
  readonly scheme: Scheme;
  readonly year: number;
  readonly source: string;
  /** The entry of a full code (exact string, as {@link parseCode} returns it). */
  get(code: string): CatalogEntry | undefined;
  has(code: string): boolean;
  /** Entries one level below a code, in catalog order. */
  children(code: string): CatalogEntry[];
  /** Entries whose name matches after {@link normaliseName} (full/half width, spaces). */
  findByName(name: string, options?: FindByNameOptions): CatalogEntry[];
  /** Compares a printed name with the code's name in this catalog. */
  checkName(code: string, printedName: string, options?: CheckNameOptions): NameCheck;
  entries(): Iterable<CatalogEntry>;
  readonly size: number;
}

function freezeEntry(e: CatalogEntry): CatalogEntry {
  if (e.formerNames === undefined || e.formerNames.length === 0) {
    return Object.freeze({ code: e.code, name: e.name, level: e.level });
  }
  const formerNames = Object.freeze(
    e.formerNames.map((f) =>
      Object.freeze(f.until === undefined ? { name: f.name } : { name: f.name, until: f.until }),
    ),
  );
  return Object.freeze({ code: e.code, name: e.name, level: e.level, formerNames });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

class MapCatalog implements Catalog {
  readonly scheme: Scheme;
  readonly year: number;
  readonly source: string;
  readonly #byCode = new Map<string, CatalogEntry>();
  #children: Map<string, CatalogEntry[]> | undefined;
  #byName: Map<string, CatalogEntry[]> | undefined;
  #byFormerName: Map<string, CatalogEntry[]> | undefined;

  constructor(data: CatalogData) {
    this.scheme = data.scheme;
    this.year = data.year;
    this.source = data.source;
    for (const e of data.entries) {
      // The first of duplicate codes wins; validateCatalogData reports duplicates before this point.
      if (!this.#byCode.has(e.code)) this.#byCode.set(e.code, freezeEntry(e));
    }
  }

  get size(): number {
    return this.#byCode.size;
  }

  get(code: string): CatalogEntry | undefined {
    return this.#byCode.get(code);
  }

  has(code: string): boolean {
    return this.#byCode.has(code);
  }

  entries(): Iterable<CatalogEntry> {
    return this.#byCode.values();
  }

  children(code: string): CatalogEntry[] {
    if (this.#children === undefined) {
      const index = new Map<string, CatalogEntry[]>();
      for (const e of this.#byCode.values()) {
        const parent = parentOf(e.code, this.scheme);
        if (parent !== undefined) pushTo(index, parent, e);
      }
      this.#children = index;
    }
    return [...(this.#children.get(code) ?? [])];
  }

  #nameIndexes(): { current: Map<string, CatalogEntry[]>; former: Map<string, CatalogEntry[]> } {
    if (this.#byName === undefined || this.#byFormerName === undefined) {
      const current = new Map<string, CatalogEntry[]>();
      const former = new Map<string, CatalogEntry[]>();
      for (const e of this.#byCode.values()) {
        pushTo(current, normaliseName(e.name), e);
        for (const f of e.formerNames ?? []) pushTo(former, normaliseName(f.name), e);
      }
      this.#byName = current;
      this.#byFormerName = former;
    }
    return { current: this.#byName, former: this.#byFormerName };
  }

  findByName(name: string, options: FindByNameOptions = {}): CatalogEntry[] {
    const key = normaliseName(name);
    const { current, former } = this.#nameIndexes();
    const found = [...(current.get(key) ?? [])];
    if (options.includeFormer === true) {
      for (const e of former.get(key) ?? []) if (!found.includes(e)) found.push(e);
    }
    return found;
  }

  checkName(code: string, printedName: string, options: CheckNameOptions = {}): NameCheck {
    const entry = this.#byCode.get(code);
    if (entry === undefined) return { status: "unknown-code" };
    if (printedName === entry.name) return { status: "match" };
    const printedKey = normaliseName(printedName);
    if (printedKey === normaliseName(entry.name)) {
      const difference = nameDifference(printedName, entry.name);
      const m = message(
        difference === "spaces"
          ? "name.equivalent-spaces"
          : difference === "width"
            ? "name.equivalent-width"
            : "name.equivalent-both",
      );
      return { status: "equivalent", note: m.message, noteEn: m.messageEn };
    }
    const year = options.year ?? this.year;
    for (const f of entry.formerNames ?? []) {
      if (normaliseName(f.name) !== printedKey) continue;
      if (f.until !== undefined && year <= f.until) return { status: "match" };
      return f.until === undefined
        ? { status: "obsolete", current: entry.name, former: f.name }
        : { status: "obsolete", current: entry.name, former: f.name, until: f.until };
    }
    // Only siblings: a generic name such as 一般行政管理事务 recurs under many 款, and the likely slip
    // is a wrong last part of the code, not a wrong 类.
    const parent = parentOf(code, this.scheme);
    const otherCodes = this.findByName(printedName)
      .map((e) => e.code)
      .filter((c) => c !== code && c.length === code.length && parentOf(c, this.scheme) === parent);
    const m =
      otherCodes.length > 0
        ? message("name.mismatch-other", {
            code,
            expected: entry.name,
            printed: printedName,
            other: otherCodes.join("、"),
          })
        : message("name.mismatch", { code, expected: entry.name, printed: printedName });
    return {
      status: "mismatch",
      expected: entry.name,
      suggestion: m.message,
      suggestionEn: m.messageEn,
      otherCodes,
    };
  }
}

/**
 * Builds a catalog from data in the package's format. It does not check the data: run
 * `validateCatalogData` (from "@yusuan/classification/import") on data from outside first; of
 * duplicate codes, the first is kept.
 *
 * @example
 * ```ts
 * const c = createCatalog({ scheme: "functional", year: 2025, source: "example",
 *   entries: [{ code: "201", name: "一般公共服务支出", level: "类" }] });
 * c.get("201")?.name; // "一般公共服务支出"
 * ```
 */
export function createCatalog(data: CatalogData): Catalog {
  return new MapCatalog(data);
}

/**
 * The data of a catalog in the package's format, ready for `serializeCatalog` or `createCatalog`.
 *
 * @example
 * ```ts
 * const data = toCatalogData(getCatalog("functional"));
 * createCatalog(data).size === getCatalog("functional").size; // true
 * ```
 */
export function toCatalogData(catalog: Catalog): CatalogData {
  const entries: CatalogEntry[] = [];
  for (const e of catalog.entries()) {
    entries.push(
      e.formerNames === undefined
        ? { code: e.code, name: e.name, level: e.level }
        : {
            code: e.code,
            name: e.name,
            level: e.level,
            formerNames: e.formerNames.map((f) => (f.until === undefined ? { name: f.name } : { ...f })),
          },
    );
  }
  return { scheme: catalog.scheme, year: catalog.year, source: catalog.source, entries };
}
