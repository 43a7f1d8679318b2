/** Text normalisation shared by recognition and the narrative checks. */

/** NFKC (full-width → half-width), unified quotes, no white space: for comparing labels. */
export function norm(text: string): string {
  let n = cache.get(text);
  if (n === undefined) {
    if (cache.size > 50_000) cache.clear();
    n = normalise(text);
    cache.set(text, n);
  }
  return n;
}

// Labels repeat across rows, tables and documents: normalise each distinct text once.
const cache = new Map<string, string>();

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[“”„‟〝〞「」『』]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, "");
}

/** Removes a leading list marker: "一、", "1.", "（二）", "2、". */
export function stripListMarker(text: string): string {
  return text
    .replace(
      /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+\s*[.、．])\s*/,
      "",
    )
    .trim();
}
