/**
 * Escaping for the markup formats. Every piece of user data (department names, messages, paths)
 * goes through these before it reaches HTML or XML.
 */

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml("<script>alert(1)</script>"); // "&lt;script&gt;alert(1)&lt;/script&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}

/**
 * Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold.
 *
 * @example
 * ```ts
 * escapeXml('a < b & "c"\u0001'); // "a &lt; b &amp; &quot;c&quot;"
 * ```
 */
export function escapeXml(text: string): string {
  return (
    text
      // XML 1.0 forbids these characters even escaped; a report must stay well-formed whatever a cell held.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(
        /[&<>"']/g,
        (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!,
      )
  );
}

/**
 * Makes a value safe for a CSV cell opened in a spreadsheet: a leading = + - @ (or tab/CR) would
 * start a formula, so it gets a leading apostrophe; then the cell is quoted when needed.
 *
 * @example
 * ```ts
 * csvCell("=HYPERLINK(\"x\")"); // "\"'=HYPERLINK(\"\"x\"\")\""
 * csvCell("-0.09"); // "'-0.09"
 * ```
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
