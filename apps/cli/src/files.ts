/**
 * Turning the command line's files, folders and glob patterns into the ordered list of inputs.
 * Node 20 has no fs.globSync, so patterns are matched here: `*`, `?`, `**`, `[...]` and `{a,b}`.
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";

/** The file types `check` reads. */
export const CHECKED_EXTENSIONS: readonly string[] = [".xlsx", ".txt", ".json", ".pdf"];

/**
 * One input to check, a pattern/path that named nothing, or a file in a folder or pattern whose type
 * `check` does not read (listed in the report as skipped, not silently left out).
 */
export type InputEntry =
  | { kind: "file"; path: string }
  | { kind: "missing"; path: string; reason: "not-found" | "no-match" }
  | { kind: "skipped"; path: string; reason: "unsupported-type" };

/**
 * Whether a string is a glob pattern rather than a path.
 *
 * @example
 * ```ts
 * isGlob("reports/**\/*.xlsx"); // true
 * isGlob("reports/a.xlsx"); // false
 * ```
 */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/**
 * A glob pattern as a regular expression over "/"-separated relative paths. `**` matches any number of
 * folders, `*` and `?` never cross a "/", a leading dot is matched only when the pattern names it.
 *
 * @example
 * ```ts
 * globToRegExp("**\/*.xlsx").test("a/b/c.xlsx"); // true
 * globToRegExp("*.{txt,json}").test("a.json"); // true
 * ```
 */
export function globToRegExp(pattern: string): RegExp {
  let out = "";
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atStart && atEnd) {
          // "**/" matches zero or more whole folders.
          out += pattern[i + 2] === "/" ? "(?:[^/]+/)*" : ".*";
          i += pattern[i + 2] === "/" ? 2 : 1;
          continue;
        }
        i++;
      }
      out += "[^/]*";
    } else if (ch === "?") {
      out += "[^/]";
    } else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) {
        out += "\\[";
      } else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        out += `[${body}]`;
        i = end;
      }
    } else if (ch === "{") {
      braces++;
      out += "(?:";
    } else if (ch === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (ch === "," && braces > 0) {
      out += "|";
    } else {
      out += ch.replace(/[.+^$()|\\\]}]/g, "\\$&");
    }
  }
  return new RegExp(`^${out}$`);
}

/** The fixed folder a pattern starts from: the segments before the first one with a wildcard. */
function globBase(pattern: string): { base: string; rest: string } {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  while (parts.length > 1 && !isGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length === 0 ? "." : fixed.join("/") || "/";
  return { base, rest: parts.join("/") };
}

function* walk(dir: string, filter: (name: string) => boolean): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    // Hidden folders, installed packages and Excel's lock files are never budget documents; nor are
    // yusuan's own files (config, waivers beside a text or PDF), which are JSON but not models.
    if (name.startsWith(".") || name === "node_modules" || name.startsWith("~$") || isOwnFile(name)) continue;
    const full = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) yield* walk(full, filter);
    else if (filter(name)) yield full;
  }
}

/** yusuan's own files, left out of folders and patterns: the config file, waiver files, package.json. */
function isOwnFile(name: string): boolean {
  return name === "yusuan.config.json" || name === "package.json" || name.endsWith(".yusuan-waivers.json");
}

const checkable = (name: string): boolean => CHECKED_EXTENSIONS.includes(extname(name).toLowerCase());

/**
 * Expands files, folders and glob patterns into inputs, in the order given (folders and patterns in
 * sorted path order), each file once. A folder gives its .xlsx, .txt, .json and .pdf files at any
 * depth, and its other files as `skipped`; a pattern gives the files it matches (those of another type
 * as `skipped`); a path that does not exist, or a pattern that matches nothing, is returned as
 * `missing` so the caller can report it. A file named directly is always `file`: reading it says what
 * is wrong with it.
 *
 * @example
 * ```ts
 * expandInputs(["reports", "extra/*.txt", "a.xlsx"]);
 * ```
 */
export function expandInputs(args: readonly string[], cwd = process.cwd()): InputEntry[] {
  const seen = new Set<string>();
  const out: InputEntry[] = [];
  const add = (path: string, found = false): void => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(
      found && !checkable(path)
        ? { kind: "skipped", path, reason: "unsupported-type" }
        : { kind: "file", path },
    );
  };
  for (const arg of args) {
    const normal = arg.split(sep).join("/");
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(resolve(cwd, arg));
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const file of walk(resolve(cwd, arg), () => true))
        add(join(arg, relative(resolve(cwd, arg), file)), true);
    } else if (stat) {
      add(arg);
    } else if (isGlob(normal)) {
      const { base, rest } = globBase(normal);
      const re = globToRegExp(rest);
      const root = resolve(cwd, base);
      let matched = 0;
      for (const file of walk(root, () => true)) {
        const rel = relative(root, file).split(sep).join("/");
        if (!re.test(rel)) continue;
        matched++;
        add(base === "." ? rel : `${base}/${rel}`, true);
      }
      if (matched === 0) out.push({ kind: "missing", path: arg, reason: "no-match" });
    } else {
      out.push({ kind: "missing", path: arg, reason: "not-found" });
    }
  }
  return out;
}
