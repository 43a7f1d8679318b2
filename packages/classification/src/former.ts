import type { Catalog } from "./catalog";
import { normaliseName } from "./name";

/**
 * A former name of a renamed code found in a text: which code, the old and the current name, and the
 * last year the old name was current.
 *
 * @example
 * ```ts
 * const hit: FormerNameHit = { code: "210", former: "医疗卫生与计划生育支出", current: "卫生健康支出", until: 2018 };
 * ```
 */
export interface FormerNameHit {
  readonly code: string;
  readonly former: string;
  readonly current: string;
  readonly until: number;
}

interface Index {
  /** Current names, longest first, to blank out before searching: an old name inside a current one is no hit. */
  readonly current: string[];
  readonly former: { key: string; hit: FormerNameHit }[];
}

const indexes = new WeakMap<Catalog, Index>();

function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (index === undefined) {
    const current = new Set<string>();
    const former: Index["former"] = [];
    for (const e of catalog.entries()) current.add(normaliseName(e.name));
    for (const e of catalog.entries()) {
      for (const f of e.formerNames ?? []) {
        const key = normaliseName(f.name);
        // Only dated renames: an undated second name (one document's older list) may be another
        // code's current name elsewhere, and a short name recurs in ordinary prose.
        if (f.until === undefined || current.has(key) || key.length < 4) continue;
        former.push({ key, hit: { code: e.code, former: f.name, current: e.name, until: f.until } });
      }
    }
    index = {
      current: [...current].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length),
      former,
    };
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * The former names of renamed codes that a text (a narrative line, a table label) uses although the
 * document's year is after the rename. Only renames the catalog dates (`until`) count; a current name
 * that happens to contain an old one is not a hit. Comparison ignores spaces and character width.
 *
 * @example
 * ```ts
 * formerNamesIn("“医疗卫生与计划生育支出”科目120.00万元", getCatalog("functional"), 2025);
 * // [{ code: "210", former: "医疗卫生与计划生育支出", current: "卫生健康支出", until: 2018 }]
 * formerNamesIn("“卫生健康支出”科目120.00万元", getCatalog("functional"), 2025); // []
 * formerNamesIn("医疗卫生与计划生育支出", getCatalog("functional"), 2018); // [] (still its name in 2018)
 * ```
 */
export function formerNamesIn(text: string, catalog: Catalog, year: number): FormerNameHit[] {
  const index = indexOf(catalog);
  if (index.former.length === 0) return [];
  let t = normaliseName(text);
  if (!index.former.some((f) => t.includes(f.key))) return [];
  for (const name of index.current) if (t.includes(name)) t = t.split(name).join("\u0000");
  return index.former.filter((f) => year > f.hit.until && t.includes(f.key)).map((f) => f.hit);
}
