/**
 * Reads CSV text into rows of cells (RFC 4180: quoted fields, doubled quotes inside quotes, line
 * breaks inside quotes), tolerating a byte-order mark, CRLF or CR line ends, and a missing final
 * line break. Blank lines are kept as rows with one empty cell so that row numbers match lines.
 *
 * @example
 * ```ts
 * parseCsv('code,name\r\n201,"一般公共服务支出"\r\n'); // [["code", "name"], ["201", "一般公共服务支出"]]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
