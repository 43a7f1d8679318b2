/**
 * The smallest fix: when several identities fail together, the one cell whose change makes them all
 * hold. A typo in a 项 row's 基本支出 breaks its row (合计 = 基本 + 项目) and its column (款 = Σ 项);
 * each failure on its own would blame its own total, but the typed cell is the one place in both. The
 * findings of those failures then name that cell as the likely cause, with its corrected value, and
 * stop suggesting that a correct total be changed to match the typo.
 *
 * Only exact figures take part (tables in 元): a rounded 万元 figure may legitimately miss a sum.
 */
import { Amount } from "@yusuan/money";
import { identitySystem, type CellRef, type Identity } from "./fill/identities";
import type { Disclosure } from "./model";
import type { Finding, LikelyCause, Location } from "./report";

/**
 * The cell that explains a group of failed identities, and the value that makes them all hold. When the
 * same figure is printed in several tables that agree with each other (Table 3 and Table 5 rows), the
 * fix applies to all of them: `cells` lists every copy, `cell` is the first.
 */
export interface Culprit {
  readonly cell: CellRef;
  readonly cells: readonly CellRef[];
  /** The corrected value, a decimal string with the cell's printed decimals. */
  readonly value: string;
  /** The failed identities it explains (two or more). */
  readonly identities: readonly Identity[];
  /** Every cell of those identities, by key. */
  readonly involved: ReadonlyMap<string, CellRef>;
}

type Value = (key: string) => Amount | undefined;

/**
 * Finds, for each group of failed identities that share cells, the one cell whose change makes every
 * identity of the group hold without breaking any identity that holds now; groups with no such cell, or
 * with more than one, are left alone (the identities do not determine the culprit). Copies of one
 * figure in tables that agree (a = b holds between them) count as one cell.
 *
 * @example
 * ```ts
 * const { disclosure } = recognize(grid);
 * for (const c of findCulprits(disclosure)) console.log(c.cell.table, c.cell.row, c.cell.column, c.value);
 * ```
 */
export function findCulprits(d: Disclosure): Culprit[] {
  const { cells, identities } = identitySystem(d);
  const value: Value = (key) => {
    const f = cells.get(key)?.figure;
    return f ? Amount.of(f.value) : undefined;
  };
  const exact = (id: Identity): boolean =>
    [id.lhs, ...id.parts].every((k) => cells.get(k)?.unit === "元" && value(k) !== undefined);
  const applicable = identities.filter((id) => exact(id) && (id.when?.(value) ?? true));
  const copies = new UnionFind();
  for (const id of applicable)
    if (id.parts.length === 1 && holds(id, value)) copies.union(id.lhs, id.parts[0]!);
  const failed = dedupe(applicable.filter((id) => !holds(id, value)));
  const touching = new Map<string, Identity[]>();
  for (const id of applicable)
    for (const k of new Set([id.lhs, ...id.parts].map((x) => copies.find(x))))
      touching.set(k, [...(touching.get(k) ?? []), id]);

  const out: Culprit[] = [];
  for (const group of components(failed, (k) => copies.find(k))) {
    if (group.length < 2) continue;
    const classes = (id: Identity): Set<string> => new Set([id.lhs, ...id.parts].map((k) => copies.find(k)));
    const shared = [...classes(group[0]!)].filter((c) => group.every((id) => classes(id).has(c)));
    const solutions: Culprit[] = [];
    for (const cls of shared) {
      const inClass = (k: string): boolean => copies.find(k) === cls;
      const solved = group.map((id) => solveFor(id, inClass, value));
      const first = solved[0];
      if (first === undefined || solved.some((v) => v === undefined || !v.equals(first))) continue;
      const changed: Value = (k) => (inClass(k) ? first : value(k));
      if (!(touching.get(cls) ?? []).every((id) => holds(id, changed))) continue;
      const members = [...cells.values()].filter((c) => inClass(c.key) && c.figure !== undefined);
      const cell = members[0]!;
      const involved = new Map(
        [...new Set(group.flatMap((id) => [id.lhs, ...id.parts]))].map((k) => [k, cells.get(k)!] as const),
      );
      const decimals = cell.figure?.blank ? 2 : (cell.figure?.decimals ?? 2);
      solutions.push({ cell, cells: members, value: first.toFixed(decimals), identities: group, involved });
    }
    if (solutions.length === 1) out.push(solutions[0]!);
  }
  return out;
}

/**
 * Marks the findings that a culprit explains: each gets `cause` (the cell and its corrected value) and
 * the cell among its related places; only the finding at the culprit itself keeps a suggested value.
 *
 * @example
 * ```ts
 * const findings = explainCulprits(disclosure, check(disclosure));
 * findings.filter((f) => f.cause).map((f) => f.cause!.value);
 * ```
 */
export function explainCulprits(d: Disclosure, findings: Finding[]): Finding[] {
  const culprits = findCulprits(d);
  if (culprits.length === 0) return findings;
  return findings.map((f) => {
    const c = culprits.find((x) => explains(x, f));
    if (!c) return f;
    const cell = c.cells.find((m) => m.table === f.table) ?? c.cell;
    const cause: LikelyCause = {
      table: cell.table,
      ...(cell.row !== undefined ? { row: cell.row } : {}),
      column: cell.column,
      ...(cell.location ? { location: cell.location } : {}),
      value: c.value,
    };
    const atCulprit = c.cells.some((m) => sameCell(f, m));
    const { suggestion: _dropped, ...rest } = f;
    const related = f.related ?? [];
    const already =
      atCulprit ||
      related.some((r) => r.table === cause.table && r.row === cause.row && r.column === cause.column);
    return {
      ...(atCulprit ? { ...rest, suggestion: c.value } : rest),
      cause,
      ...(already
        ? f.related
          ? { related: f.related }
          : {}
        : {
            related: [
              ...related,
              {
                table: cause.table,
                ...(cause.row !== undefined ? { row: cause.row } : {}),
                column: cause.column,
                ...(cause.location ? { location: cause.location } : {}),
              },
            ],
          }),
    };
  });
}

function explains(c: Culprit, f: Finding): boolean {
  if (!c.identities.some((id) => id.rule.split(".")[0] === f.rule.split(".")[0])) return false;
  const refs = [f, ...(f.related ?? [])];
  return c.identities.some((id) =>
    [id.lhs, ...id.parts].some((key) => refs.some((r) => refersTo(r, c.involved.get(key)))),
  );
}

/** A finding or related place names a cell by table, row and column, or (without a row) by its location. */
function refersTo(
  r: { table: string; row?: string; column?: string; location?: Location },
  cell: CellRef | undefined,
): boolean {
  if (!cell || r.table !== cell.table) return false;
  if (r.column !== undefined && r.column !== cell.column) return false;
  if (r.row !== undefined && cell.row !== undefined) return r.row === cell.row;
  return r.location !== undefined && cell.location !== undefined && sameLocation(r.location, cell.location);
}

function sameCell(f: Finding, cell: CellRef): boolean {
  return f.column === cell.column && refersTo(f, cell);
}

function sameLocation(a: Location, b: Location): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function holds(id: Identity, value: Value): boolean {
  const lhs = value(id.lhs);
  if (lhs === undefined) return true;
  let sum = Amount.zero();
  for (const p of id.parts) {
    const v = value(p);
    if (v === undefined) return true;
    sum = sum.plus(v);
  }
  return lhs.equals(sum);
}

/** The value of the cells in a class that makes `id` hold, the other cells as they are. */
function solveFor(id: Identity, inClass: (key: string) => boolean, value: Value): Amount | undefined {
  const times = id.parts.filter(inClass).length;
  const rest = Amount.sum(id.parts.filter((p) => !inClass(p)).map((p) => value(p) ?? Amount.zero()));
  if (inClass(id.lhs)) return times === 0 ? rest : undefined;
  if (times !== 1) return undefined;
  return (value(id.lhs) ?? Amount.zero()).minus(rest);
}

/** The same equation written twice (a = b and b = a) counts once. */
function dedupe(ids: Identity[]): Identity[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const k =
      id.parts.length === 1
        ? [id.lhs, id.parts[0]!].sort().join("=")
        : `${id.lhs}=${[...id.parts].sort().join("+")}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Failed identities grouped by shared cells (connected components), copies of a figure counting as one. */
function components(ids: Identity[], classOf: (key: string) => string): Identity[][] {
  const links = new UnionFind();
  ids.forEach((id, i) => {
    for (const k of [id.lhs, ...id.parts]) links.union(`#${i}`, `=${classOf(k)}`);
  });
  const groups = new Map<string, Identity[]>();
  ids.forEach((id, i) => {
    const root = links.find(`#${i}`);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  });
  return [...groups.values()];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let at = x;
    while (at !== root) {
      const next = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}
