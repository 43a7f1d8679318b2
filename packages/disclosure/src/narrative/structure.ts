/**
 * 机构设置: "…本部以及下属N家预算单位…本部门中，行政单位x家，参公单位y家，事业单位z家，具体包括：1. … 2. …".
 * The list may start on the same line as "具体包括：".
 */
import type { Chapter, NarrativeLine, Position, Structure } from "./model";

const SUBORDINATES = /下属\s*(\d+)\s*家/;
const UNIT_COUNTS =
  /(行政单位|参照公务员法管理的?事业单位|参公(?:管理)?单位|事业单位|其他单位)\s*(\d+)\s*家/g;
/** Numbered entries, several on one line when so printed ("具体包括：1. 本部；2. 平安办"). */
const ENTRIES =
  /(?:^|[；;。\s])\s*(\d{1,2})\s*[.、．](?!\d)\s*(.+?)(?=[；;。]?\s*\d{1,2}\s*[.、．](?!\d)|[；;。]?\s*$)/g;
const LISTING = /(?:具体包括|包括)[^：:]{0,16}[:：]\s*/;

function pos(l: NarrativeLine, offset: number): Position {
  return { line: l.index, offset, ...(l.location ? { location: l.location } : {}) };
}

/** Adds the numbered entries of a line from `from` on; whether there were any. */
function entriesOf(l: NarrativeLine, from: number, s: Structure): boolean {
  const rest = l.text.slice(from);
  if (!/^\s*\d{1,2}\s*[.、．](?!\d)/.test(rest)) return false;
  for (const m of rest.matchAll(ENTRIES))
    s.entries.push({ name: (m[2] ?? "").trim(), position: pos(l, from + m.index) });
  return true;
}

/**
 * Reads the 机构设置 counts and the listed entries.
 *
 * @example
 * ```ts
 * const s = structureOf(chaptersOf(disclosure.text));
 * [s?.subordinates, s?.entries.length]; // [4, 5]
 * ```
 */
export function structureOf(chapters: ReadonlyArray<Chapter>): Structure | undefined {
  const ch = chapters.find((c) => c.kind === "机构设置");
  if (!ch) return undefined;
  const s: Structure = { counts: {}, entries: [] };
  let listing = false;
  for (const l of ch.lines) {
    const sub = SUBORDINATES.exec(l.text);
    if (sub && s.subordinates === undefined) {
      s.subordinates = Number(sub[1]);
      s.subordinatesPosition = pos(l, sub.index);
    }
    let counted = false;
    for (const m of l.text.matchAll(UNIT_COUNTS)) {
      const raw = m[1] ?? "";
      const key = /参照|参公/.test(raw) ? "参公单位" : raw;
      s.counts[key] = (s.counts[key] ?? 0) + Number(m[2]);
      if (!s.countsPosition) s.countsPosition = pos(l, m.index);
      counted = true;
    }
    if (listing && !counted && entriesOf(l, 0, s)) continue;
    const lead = LISTING.exec(l.text);
    if (counted || lead) {
      listing = true;
      if (lead) entriesOf(l, lead.index + lead[0].length, s);
    }
  }
  return s;
}
