/**
 * Merges too large for exceljs, which makes an object for every cell a merge covers (A1:XFD1048576 is 17
 * billion cells). The writer sets them aside in the sheet XML before exceljs loads the workbook and puts
 * them back into the XML exceljs saves, so such a workbook is written back without materialising them.
 */
import { unzipSync, zipSync, strFromU8, strToU8, type Unzipped } from "fflate";
import { parseRange } from "@yusuan/disclosure";

/** Sheet name → the `ref` of each merge set aside. */
export type SetAside = ReadonlyMap<string, readonly string[]>;

const UNESCAPE: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
};
const unescapeXml = (s: string): string => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (m) => UNESCAPE[m]!);

/** Each sheet's name and the path of its part ("xl/worksheets/sheet1.xml"), from workbook.xml and its rels. */
function sheetParts(files: Unzipped): Map<string, string> {
  const workbook = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\bid="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) out.set(unescapeXml(name), path);
  }
  return out;
}

/**
 * Takes the merges of more than `minCells` cells out of the workbook's sheet XML and says which they were;
 * the other bytes of the package stay as they are. Returns the original bytes when there are none.
 *
 * @example
 * ```ts
 * const { bytes, aside } = setAsideLargeMerges(original, 100_000); // aside: Sheet1 → ["A1:XFD1048576"]
 * ```
 */
export function setAsideLargeMerges(
  original: Uint8Array,
  minCells: number,
): { bytes: Uint8Array; aside: SetAside } {
  const files = unzipSync(original);
  const aside = new Map<string, string[]>();
  for (const [sheet, path] of sheetParts(files)) {
    const data = files[path];
    if (!data) continue;
    const xml = strFromU8(data);
    if (!xml.includes("<mergeCell")) continue;
    const refs: string[] = [];
    let out = xml.replace(/<mergeCell\b[^>]*\bref="([^"]*)"[^>]*\/>/g, (whole, ref: string) => {
      const r = parseRange(ref);
      if (!r || (r.bottom - r.top + 1) * (r.right - r.left + 1) <= minCells) return whole;
      refs.push(ref);
      return "";
    });
    if (refs.length === 0) continue;
    // A <mergeCells> left empty is not valid: drop it; otherwise its count follows what is left.
    out = out.replace(/<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/, (_m, inner: string) => {
      const left = (inner.match(/<mergeCell\b/g) ?? []).length;
      return left === 0 ? "" : `<mergeCells count="${left}">${inner}</mergeCells>`;
    });
    files[path] = strToU8(out);
    aside.set(sheet, refs);
  }
  return aside.size === 0 ? { bytes: original, aside } : { bytes: zipSync(files), aside };
}

/** Elements that may stand between </sheetData> and <mergeCells> (ECMA-376, CT_Worksheet's sequence). */
const BEFORE_MERGES = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
];

/**
 * Puts merges set aside by {@link setAsideLargeMerges} back into a workbook (as exceljs saved it).
 *
 * @example
 * ```ts
 * const out = withMerges(saved, new Map([["Sheet1", ["A1:XFD1048576"]]]));
 * ```
 */
export function withMerges(saved: Uint8Array, aside: SetAside): Uint8Array {
  const files = unzipSync(saved);
  const parts = sheetParts(files);
  for (const [sheet, refs] of aside) {
    const path = parts.get(sheet);
    const data = path ? files[path] : undefined;
    if (!path || !data || refs.length === 0) continue;
    let xml = strFromU8(data);
    const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
    const open = /<mergeCells\b[^>]*?(\/?)>/.exec(xml);
    if (open && open[1] === "") {
      const close = xml.indexOf("</mergeCells>", open.index);
      const count = (xml.slice(open.index, close).match(/<mergeCell\b/g) ?? []).length + refs.length;
      xml = `${xml.slice(0, open.index)}<mergeCells count="${count}">${xml.slice(open.index + open[0].length, close)}${cells}${xml.slice(close)}`;
    } else {
      let at = xml.indexOf("</sheetData>");
      if (at < 0) continue;
      at += "</sheetData>".length;
      // Step over the elements the schema puts before <mergeCells>.
      for (;;) {
        const rest = xml.slice(at);
        const next = BEFORE_MERGES.find((el) => rest.startsWith(`<${el}`));
        if (!next) break;
        const selfClose = new RegExp(`^<${next}\\b[^>]*/>`).exec(rest);
        const end = selfClose ? selfClose[0].length : rest.indexOf(`</${next}>`) + next.length + 3;
        if (end <= 0) break;
        at += end;
      }
      xml = `${xml.slice(0, at)}<mergeCells count="${refs.length}">${cells}</mergeCells>${xml.slice(at)}`;
    }
    files[path] = strToU8(xml);
  }
  return zipSync(files);
}
