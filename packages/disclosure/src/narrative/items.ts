/**
 * Classification items of 预算编制说明 ("财政拨款支出主要内容如下：1. “…”科目5812.12万元…") and their
 * place in Table 5. An item is named by its 项 name ("“住房公积金”科目"), or as a path of names under
 * the 类/款/项 codes — "城乡社区支出（类）城乡社区管理事务（款）行政运行（项）", "一般公共服务支出-政府
 * 办公厅（室）及相关机构事务-行政运行", with codes "城乡社区支出（212类）…（01款）…（01项）" — and is
 * matched to Table 5 by walking that path: the 类 by name or code, then its 款 children, then their 项.
 */
import { agree, Amount, Interval } from "@yusuan/money";
import type { ClassifiedRow, Disclosure } from "../model";
import type { ItemPathPart, NarrativeFigure } from "./model";

/** An item name in quotes, optionally followed by 科目, then its amount. */
export const ITEM =
  /[“"]([^”"\n]{1,120})[”"]\s*(?:科目)?\s*(?:(?:预算)?(?:为|是|安排))?\s*(?=\d)|[“"]([^”"\n]{1,120})[”"]\s*科目/g;
const LEVEL_MARK = /[（(]\s*(\d{0,7})\s*(类|款|项)\s*[)）]/g;
const DASH = /\s*[-－—–]\s*/;
const LEVELS = ["类", "款", "项"] as const;

/**
 * The key two names are compared by: NFKC, no spaces, 其它 = 其他, one kind of bracket.
 *
 * @example
 * ```ts
 * nameKey("其它行政事业单位养老支出") === nameKey("其他行政事业单位养老支出"); // true
 * ```
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/其它/g, "其他")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

/**
 * Reads an item's name as a path of 类/款/项 parts; a plain name is one part without a level.
 *
 * @example
 * ```ts
 * parsePath("城乡社区支出（212类）城乡社区管理事务（01款）行政运行（01项）");
 * // [{ name: "城乡社区支出", level: "类", code: "212" }, { name: "城乡社区管理事务", level: "款", code: "01" }, { name: "行政运行", level: "项", code: "01" }]
 * parsePath("一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行").map((p) => p.level); // ["类", "款", "项"]
 * ```
 */
export function parsePath(name: string): ItemPathPart[] {
  const parts: ItemPathPart[] = [];
  let from = 0;
  for (const m of name.matchAll(LEVEL_MARK)) {
    const part = name.slice(from, m.index).trim();
    from = m.index + m[0].length;
    if (part === "") continue;
    parts.push({
      name: part,
      level: m[2] as ItemPathPart["level"] & string,
      ...(m[1] ? { code: m[1] } : {}),
    });
  }
  if (parts.length > 0) {
    const rest = name.slice(from).trim();
    if (rest !== "") parts.push({ name: rest });
    return parts;
  }
  const pieces = name.split(DASH).map((s) => s.trim());
  if (pieces.length >= 2 && pieces.length <= 3 && pieces.every((s) => s.length >= 2)) {
    return pieces.map((s, i) => ({ name: s, level: LEVELS[i]! }));
  }
  return [{ name: name.trim() }];
}

/** Table 5 indexed by code, by parent and by name key, built once per check. */
export interface T5Index {
  readonly byCode: ReadonlyMap<string, ClassifiedRow>;
  readonly children: ReadonlyMap<string, ClassifiedRow[]>;
  readonly byName: ReadonlyMap<string, ClassifiedRow[]>;
  readonly top: ReadonlyArray<ClassifiedRow>;
}

/**
 * Indexes Table 5's rows.
 *
 * @example
 * ```ts
 * const index = t5Index(disclosure);
 * index?.byCode.get("2120101")?.name; // "行政运行"
 * ```
 */
export function t5Index(d: Disclosure): T5Index | undefined {
  const rows = d.tables.T5?.items;
  if (!rows) return undefined;
  const byCode = new Map<string, ClassifiedRow>();
  const children = new Map<string, ClassifiedRow[]>();
  const byName = new Map<string, ClassifiedRow[]>();
  const top: ClassifiedRow[] = [];
  for (const r of rows) {
    if (!byCode.has(r.code)) byCode.set(r.code, r);
    const parent = r.level === "项" ? r.code.slice(0, 5) : r.level === "款" ? r.code.slice(0, 3) : "";
    if (parent === "") top.push(r);
    else push(children, parent, r);
    const k = nameKey(r.name);
    push(byName, k, r);
  }
  return { byCode, children, byName, top };
}

/** How an item's path was found in Table 5. */
export type Resolution =
  | { readonly ok: true; readonly row: ClassifiedRow }
  /** The path breaks: `parent` (undefined: the top of Table 5) holds no `part`; `row` is where the amount points, if anywhere. */
  | {
      readonly ok: false;
      readonly parent?: ClassifiedRow;
      readonly part: ItemPathPart;
      readonly row?: ClassifiedRow;
    };

function shown(f: NarrativeFigure): Interval {
  const v = Amount.of(f.value, "万元");
  return v.isZero() ? Interval.exact(v) : Interval.ofDisplayed(v, f.decimals);
}

function rowAgrees(r: ClassifiedRow, f: NarrativeFigure): boolean {
  const t = r.amounts.合计;
  const v = t && !t.blank ? Amount.of(t.value) : Amount.zero();
  return f.unit === "万元" && agree(shown(f), Interval.exact(v));
}

function pick(
  rows: ReadonlyArray<ClassifiedRow>,
  amount: NarrativeFigure | undefined,
): ClassifiedRow | undefined {
  if (rows.length <= 1 || !amount) return rows[0];
  const matching = rows.filter((r) => rowAgrees(r, amount));
  const pool = matching.length > 0 ? matching : rows;
  const rank = { 项: 0, 款: 1, 类: 2 } as const;
  return [...pool].sort((a, b) => rank[a.level] - rank[b.level])[0];
}

/**
 * Finds an item in Table 5 by its path (or, for a plain name, by name, preferring the row whose
 * amount agrees). A broken path says where it breaks, and which row has the item's name and amount.
 *
 * @example
 * ```ts
 * const r = resolveItem(index, parsePath("卫生健康支出（类）卫生健康支出（款）计划生育事务（项）"), amount);
 * r.ok; // false: 210 卫生健康支出 has no 款 卫生健康支出
 * ```
 */
export function resolveItem(
  index: T5Index,
  path: ReadonlyArray<ItemPathPart>,
  amount?: NarrativeFigure,
): Resolution {
  const leaf = path[path.length - 1];
  if (!leaf) return { ok: false, part: { name: "" } };
  const byLeafName = () => pick(index.byName.get(nameKey(leaf.name)) ?? [], amount);
  if (path.length === 1 && leaf.level === undefined) {
    const row = byLeafName();
    return row ? { ok: true, row } : { ok: false, part: leaf };
  }
  let parent: ClassifiedRow | undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const pool = parent
      ? (index.children.get(parent.code) ?? [])
      : i === 0 && (part.level === "类" || part.level === undefined)
        ? index.top
        : [...index.byCode.values()];
    let found: ClassifiedRow[];
    if (part.code) {
      const full = parent && part.code.length <= 2 ? parent.code + part.code.padStart(2, "0") : part.code;
      found = pool.filter((r) => r.code === full);
    } else {
      const k = nameKey(part.name);
      found = pool.filter(
        (r) => nameKey(r.name) === k && (part.level === undefined || r.level === part.level),
      );
    }
    const row = pick(found, i === path.length - 1 ? amount : undefined);
    if (!row) {
      const fallback = byLeafName();
      return { ok: false, ...(parent ? { parent } : {}), part, ...(fallback ? { row: fallback } : {}) };
    }
    parent = row;
  }
  return parent ? { ok: true, row: parent } : { ok: false, part: leaf };
}

/** Appends to the list under a key (a list per key, grown in place). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
