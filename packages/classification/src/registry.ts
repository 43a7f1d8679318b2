import { createCatalog, type Catalog, type CatalogEntry } from "./catalog";
import { ECONOMIC_DEPT_OBSERVED, ECONOMIC_DEPT_OBSERVED_YEARS } from "./data/economic-dept";
import { FUNCTIONAL_OBSERVED, FUNCTIONAL_OBSERVED_YEARS } from "./data/functional";
import type { Scheme } from "./scheme";

interface BuiltIn {
  readonly entries: readonly CatalogEntry[];
  readonly years: readonly number[];
  readonly source: string;
}

const OBSERVED_SOURCE =
  "observed: codes printed in published Shanghai budget documents 2023–2026, not the complete official catalog（上海市2023–2026年公开的部门预算、决算文件中印出的科目，非财政部完整目录）";
const NO_DATA_SOURCE = "no built-in data: import the official catalog（未内置数据，请导入官方目录）";

const BUILT_IN: Readonly<Record<Scheme, BuiltIn | undefined>> = {
  functional: { entries: FUNCTIONAL_OBSERVED, years: FUNCTIONAL_OBSERVED_YEARS, source: OBSERVED_SOURCE },
  "economic-dept": {
    entries: ECONOMIC_DEPT_OBSERVED,
    years: ECONOMIC_DEPT_OBSERVED_YEARS,
    source: OBSERVED_SOURCE,
  },
  "economic-gov": undefined,
  revenue: undefined,
};

/** The year given to a built-in catalog that has no data: before any budget year a user asks for. */
const NO_DATA_YEAR = 0;

const builtIns = new Map<Scheme, Catalog>();
/** Registered catalogs per scheme, sorted by year ascending, at most one per year. */
const registered = new Map<Scheme, Catalog[]>();

/**
 * The catalog shipped with the package for a scheme, built on first use. For `functional` and
 * `economic-dept` it holds the codes observed in published documents (its year is the first budget
 * year they were observed in); for `economic-gov` and `revenue` it is empty, so every code is
 * `unknown-code` until an official catalog is registered.
 *
 * @example
 * ```ts
 * builtInCatalog("functional").source; // "observed: …"
 * builtInCatalog("revenue").size; // 0
 * ```
 */
export function builtInCatalog(scheme: Scheme): Catalog {
  let c = builtIns.get(scheme);
  if (c === undefined) {
    const b = BUILT_IN[scheme];
    c =
      b === undefined
        ? createCatalog({ scheme, year: NO_DATA_YEAR, source: NO_DATA_SOURCE, entries: [] })
        : createCatalog({
            scheme,
            year: b.years[0] ?? NO_DATA_YEAR,
            source: b.source,
            entries: [...b.entries],
          });
    builtIns.set(scheme, c);
  }
  return c;
}

/**
 * The catalog to use for a scheme and budget year: the registered catalog with the newest year not
 * after `year` (without `year`, the newest registered one); when there is none, the built-in one.
 * Never throws.
 *
 * @example
 * ```ts
 * const c = getCatalog("functional", 2025);
 * c.checkName("2010301", "行政运行"); // { status: "match" }
 * ```
 */
export function getCatalog(scheme: Scheme, year?: number): Catalog {
  const list = registered.get(scheme);
  if (list !== undefined) {
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i];
      if (c !== undefined && (year === undefined || c.year <= year)) return c;
    }
  }
  return builtInCatalog(scheme);
}

/**
 * Makes a catalog (for example one imported from the official file) available through
 * {@link getCatalog} at once. A catalog registered for a scheme and year replaces one registered
 * earlier for the same scheme and year.
 *
 * @example
 * ```ts
 * const result = importCatalogCsv(text, { scheme: "functional", year: 2026 });
 * if (result.ok) registerCatalog(createCatalog(result.data));
 * getCatalog("functional", 2026).year; // 2026
 * ```
 */
export function registerCatalog(catalog: Catalog): void {
  const list = (registered.get(catalog.scheme) ?? []).filter((c) => c.year !== catalog.year);
  list.push(catalog);
  list.sort((a, b) => a.year - b.year);
  registered.set(catalog.scheme, list);
}

/**
 * Removes the catalog registered for a scheme and year; returns whether there was one. The built-in
 * catalogs cannot be removed.
 *
 * @example
 * ```ts
 * unregisterCatalog("functional", 2026); // true if one was registered
 * ```
 */
export function unregisterCatalog(scheme: Scheme, year: number): boolean {
  const list = registered.get(scheme);
  if (list === undefined) return false;
  const kept = list.filter((c) => c.year !== year);
  registered.set(scheme, kept);
  return kept.length !== list.length;
}

/**
 * The catalogs registered for a scheme, oldest first (the built-in one is not included).
 *
 * @example
 * ```ts
 * registeredCatalogs("functional").map((c) => c.year); // e.g. [2025, 2026]
 * ```
 */
export function registeredCatalogs(scheme: Scheme): Catalog[] {
  return [...(registered.get(scheme) ?? [])];
}
