/**
 * The convention "TSDoc on every export, with an example", checked: each published entry point is
 * loaded with the compiler, its re-exports are followed to the declarations, and every declaration
 * must carry a TSDoc comment. Functions, classes, consts and class methods also need an `@example`,
 * because they are what a reader calls; types and interfaces only need the comment.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The entry points listed in the packages' `exports`, i.e. what a user can import. */
const ENTRY_POINTS: Record<string, string[]> = {
  "@yusuan/money": ["packages/money/src/index.ts"],
  "@yusuan/classification": ["packages/classification/src/index.ts", "packages/classification/src/import.ts"],
  "@yusuan/disclosure": ["packages/disclosure/src/index.ts"],
  "@yusuan/xlsx": ["packages/xlsx/src/index.ts"],
  "@yusuan/pdf": ["packages/pdf/src/index.ts"],
};

/** One documentation problem, printed as `file:line name: what is missing`. */
interface Problem {
  file: string;
  line: number;
  name: string;
  missing: string;
}

function createProgram(): ts.Program {
  const configPath = resolve(root, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  // Only the entry points as roots: the compiler pulls in what they import, with the project's options.
  const rootNames = Object.values(ENTRY_POINTS)
    .flat()
    .map((file) => resolve(root, file));
  return ts.createProgram({ rootNames, options: parsed.options });
}

const program = createProgram();

function jsDocsOf(node: ts.Node): ts.JSDoc[] {
  return ts.getJSDocCommentsAndTags(node).filter((d): d is ts.JSDoc => ts.isJSDoc(d));
}

/** A comment counts when it says something: a summary, or at least one tag with text. */
function hasComment(node: ts.Node): boolean {
  return jsDocsOf(node).some(
    (doc) =>
      (ts.getTextOfJSDocComment(doc.comment) ?? "").trim() !== "" ||
      (doc.tags ?? []).some((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? "").trim() !== ""),
  );
}

/**
 * An `@example` counts only with a fenced code block (the project's style, and what TSDoc renderers
 * show as code): an empty tag or loose prose shows the reader nothing to copy.
 */
function hasExample(node: ts.Node): boolean {
  return jsDocsOf(node).some((doc) =>
    (doc.tags ?? []).some(
      (tag) =>
        tag.tagName.text === "example" &&
        /```[\s\S]*\S[\s\S]*```/.test(ts.getTextOfJSDocComment(tag.comment) ?? ""),
    ),
  );
}

function where(node: ts.Node): { file: string; line: number } {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return { file: relative(root, source.fileName), line: line + 1 };
}

/** Declarations a reader sees: for overloaded functions the signatures, not the hidden implementation. */
function visibleDeclarations(symbol: ts.Symbol): ts.Declaration[] {
  const declarations = symbol.getDeclarations() ?? [];
  const overloaded = declarations.some(
    (d) => (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) && d.body === undefined,
  );
  return declarations.filter(
    (d) =>
      !(overloaded && (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) && d.body !== undefined),
  );
}

type Kind = "callable" | "type";

function kindOf(declaration: ts.Declaration): Kind | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return "callable";
  if (ts.isVariableDeclaration(declaration)) return "callable";
  if (ts.isMethodDeclaration(declaration)) return "callable";
  if (
    ts.isInterfaceDeclaration(declaration) ||
    ts.isTypeAliasDeclaration(declaration) ||
    ts.isEnumDeclaration(declaration) ||
    ts.isGetAccessorDeclaration(declaration) ||
    ts.isSetAccessorDeclaration(declaration) ||
    ts.isModuleDeclaration(declaration)
  ) {
    return "type";
  }
  return undefined;
}

function checkDeclaration(declaration: ts.Declaration, name: string, problems: Problem[]): void {
  const kind = kindOf(declaration);
  if (kind === undefined) return;
  const at = where(declaration);
  if (!hasComment(declaration)) problems.push({ ...at, name, missing: "TSDoc comment" });
  else if (kind === "callable" && !hasExample(declaration)) {
    problems.push({ ...at, name, missing: "@example with a fenced code block" });
  }
}

function isPublicMember(member: ts.ClassElement): boolean {
  if (member.name === undefined || ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

/** Public methods (instance and static) need an example; getters, setters and symbol-keyed hooks a comment. */
function checkClassMembers(
  checker: ts.TypeChecker,
  declaration: ts.ClassDeclaration,
  className: string,
  problems: Problem[],
): void {
  const seen = new Set<ts.Symbol>();
  for (const member of declaration.members) {
    if (
      !(
        ts.isMethodDeclaration(member) ||
        ts.isGetAccessorDeclaration(member) ||
        ts.isSetAccessorDeclaration(member)
      )
    ) {
      continue;
    }
    if (!isPublicMember(member)) continue;
    const symbol = checker.getSymbolAtLocation(member.name);
    if (symbol === undefined || seen.has(symbol)) continue;
    seen.add(symbol);
    const isStatic = (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
    const name = `${className}${isStatic ? "." : "#"}${member.name.getText()}`;
    const declarations = visibleDeclarations(symbol).filter((d) => d.parent === declaration);
    // Symbol-keyed hooks (e.g. the inspect hook) are called by the runtime, not by the reader:
    // they need to say why they exist, but there is nothing to show in an example.
    if (ts.isComputedPropertyName(member.name)) {
      if (!hasComment(member)) problems.push({ ...where(member), name, missing: "TSDoc comment" });
      continue;
    }
    // A getter/setter pair is one property to the reader: one comment on either is enough.
    if (declarations.every((d) => ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d))) {
      if (!declarations.some(hasComment)) {
        const first = declarations[0];
        if (first) problems.push({ ...where(first), name, missing: "TSDoc comment" });
      }
      continue;
    }
    for (const d of declarations) checkDeclaration(d, name, problems);
  }
}

function problemsOf(program: ts.Program, file: string): { exported: string[]; problems: Problem[] } {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`${file} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
  const problems: Problem[] = [];
  const exported: string[] = [];
  for (const exportSymbol of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exportSymbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exportSymbol) : exportSymbol;
    const name = exportSymbol.getName();
    exported.push(name);
    if ((symbol.getDeclarations() ?? []).length === 0) {
      // An export the compiler cannot resolve would otherwise be skipped, and pass unchecked.
      problems.push({ ...where(source), name, missing: "declaration (the export does not resolve)" });
    }
    for (const declaration of visibleDeclarations(symbol)) {
      checkDeclaration(declaration, name, problems);
      if (ts.isClassDeclaration(declaration)) checkClassMembers(checker, declaration, name, problems);
    }
  }
  return { exported, problems };
}

function report(problems: Problem[]): string[] {
  return [
    ...new Map(problems.map((p) => [`${p.file}:${p.line} ${p.name}: missing ${p.missing}`, p])).keys(),
  ].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

describe.each(Object.entries(ENTRY_POINTS))("%s", (_pkg, entries) => {
  test.each(entries)("every export of %s has TSDoc, and every callable an @example", (entry) => {
    const { exported, problems } = problemsOf(program, resolve(root, entry));
    // Guards against a silent pass: an entry point that resolved to nothing checks nothing.
    expect(exported.length).toBeGreaterThan(0);
    expect(report(problems), `exports of ${entry} that need documentation`).toEqual([]);
  });
});

test("the checked entry points are exactly what the library packages publish", () => {
  // A new entry point (or package) must be added above, or it would escape the check.
  const published: Record<string, string[]> = {};
  for (const dir of readdirSync(join(root, "packages"))) {
    const pkg = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as {
      name: string;
      private?: boolean;
      exports?: Record<string, unknown>;
    };
    // Private packages (the shared test fixtures of @yusuan/testing) are not published.
    if (pkg.private === true) continue;
    const entries = Object.entries(pkg.exports ?? {})
      .filter(([subpath]) => subpath !== "./package.json")
      .map(([, target]) => JSON.stringify(target).match(/\.\/dist\/([\w/-]+)\.js/)?.[1])
      .map((file) => `packages/${dir}/src/${file ?? "?"}.ts`);
    published[pkg.name] = entries;
  }
  expect(published).toEqual(ENTRY_POINTS);
});

test("the checker notices a missing comment and a missing example", () => {
  const text = [
    "/** Documented, with an example.",
    " * @example",
    " * ```ts",
    " * good();",
    " * ```",
    " */",
    "export function good(): void {}",
    "/** Documented, but nothing to copy. */",
    "export const noExample = 1;",
    "/** Documented, example not fenced.\n * @example\n * loose();\n */",
    "export function loose(): void {}",
    "export interface Bare { x: number }",
    "/** A class. @example\n * ```ts\n * new K().run();\n * ```\n */",
    "export class K {",
    "  /** Runs. */",
    "  run(): void {}",
    "  private hidden(): void {}",
    "}",
  ].join("\n");
  const file = ts.createSourceFile("probe.ts", text, ts.ScriptTarget.ES2022, true);
  const [good, noExample, loose, bare, klass] = file.statements;
  expect(good && hasComment(good) && hasExample(good)).toBe(true);
  const variable =
    noExample && ts.isVariableStatement(noExample) ? noExample.declarationList.declarations[0] : undefined;
  expect(variable && hasComment(variable)).toBe(true);
  expect(variable && hasExample(variable)).toBe(false);
  expect(loose && hasComment(loose) && !hasExample(loose)).toBe(true);
  expect(bare && hasComment(bare)).toBe(false);
  const members = klass && ts.isClassDeclaration(klass) ? klass.members : undefined;
  expect(members?.map((m) => [isPublicMember(m), hasComment(m), hasExample(m)])).toEqual([
    [true, true, false],
    [false, false, false],
  ]);
});

test("re-exports are followed to the declarations, and each gap is reported with its place", () => {
  const files: Record<string, string> = {
    "/probe/index.ts": [
      'export * from "./a";',
      'export { undocumented as renamed, type Shape } from "./b";',
      'export { Counter } from "./c";',
      'export { ghost } from "./nowhere";',
    ].join("\n"),
    "/probe/a.ts":
      "/**\n * Adds.\n * @example\n * ```ts\n * add(1, 2); // 3\n * ```\n */\nexport function add(a: number, b: number): number { return a + b; }\n",
    "/probe/b.ts": "export const undocumented = 1;\nexport interface Shape { x: number }\n",
    "/probe/c.ts": [
      "/**",
      " * Counts.",
      " * @example",
      " * ```ts",
      " * new Counter().next();",
      " * ```",
      " */",
      "export class Counter {",
      "  next(): number { return 1; }",
      "  static zero(): Counter { return new Counter(); }",
      "  get value(): number { return 0; }",
      "  private secret(): void {}",
      "}",
    ].join("\n"),
  };
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  host.fileExists = (name) => name in files;
  host.readFile = (name) => files[name];
  host.directoryExists = (name) => name === "/" || name === "/probe";
  host.getSourceFile = (name, target) => {
    const text = files[name];
    return text === undefined ? undefined : ts.createSourceFile(name, text, target, true);
  };
  const probe = ts.createProgram({ rootNames: ["/probe/index.ts"], options, host });
  const { exported, problems } = problemsOf(probe, "/probe/index.ts");
  expect(exported.sort()).toEqual(["Counter", "Shape", "add", "ghost", "renamed"]);
  const listed = problems.map(
    (p) => `${p.file.replace(/^.*\/probe\//, "")}:${p.line} ${p.name}: ${p.missing}`,
  );
  expect(listed.sort()).toEqual([
    "b.ts:1 renamed: TSDoc comment",
    "b.ts:2 Shape: TSDoc comment",
    "c.ts:10 Counter.zero: TSDoc comment",
    "c.ts:11 Counter#value: TSDoc comment",
    "c.ts:9 Counter#next: TSDoc comment",
    "index.ts:1 ghost: declaration (the export does not resolve)",
  ]);
});
