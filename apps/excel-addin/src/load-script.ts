/**
 * Loads a script of the add-in's own folder once (script-src 'self' allows it; nothing else is fetched).
 * The large, rarely needed parts — the workbook writer, the PDF reader, the catalog importer — are
 * separate files loaded this way, so that the pane itself stays small.
 */
const loading = new Map<string, Promise<void>>();

/**
 * @example await loadScript("writer.js");
 */
export function loadScript(src: string): Promise<void> {
  let p = loading.get(src);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => {
        loading.delete(src);
        reject(new Error(src));
      };
      document.head.append(s);
    });
    loading.set(src, p);
  }
  return p;
}
