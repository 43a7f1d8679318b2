/**
 * Rule documentation, generated from the registry: one page per rule (`docs/rules/<id>.md`) with what
 * it checks and why, its message, and its examples — edits of the bundled sample document, run through
 * the checker so that the page shows the finding the firing example really produces.
 */
import type { Lang } from "../i18n";
import { analyze } from "../analyze";
import { readTextDocument } from "../text";
import type { RuleSpec, SampleEdit } from "./engine";
import { RULES } from "./registry";

/**
 * The repository the rule pages live in (package.json `repository.url`, without `git+` and `.git`).
 *
 * @example
 * ```ts
 * `${REPOSITORY_URL}/blob/main/docs/rules/A3.row-identity.md`;
 * ```
 */
export const REPOSITORY_URL = "https://github.com/yusuan-budget/yusuan";

/**
 * The web address of a rule's page.
 *
 * @example
 * ```ts
 * ruleDocUrl("A3.row-identity"); // "https://github.com/yusuan-budget/yusuan/blob/main/docs/rules/A3.row-identity.md"
 * ```
 */
export function ruleDocUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}

/**
 * The sample document with a rule example's edits applied (each edit replaces the first occurrence of
 * its `find`), or the edit that could not be applied.
 *
 * @example
 * ```ts
 * const r = applySampleEdits(sampleText, [{ find: "5812.12万元", replace: "5912.12万元" }]);
 * if (r.ok) analyze(readTextDocument(r.text).grid);
 * ```
 */
export function applySampleEdits(
  sample: string,
  edits: ReadonlyArray<SampleEdit>,
): { ok: true; text: string } | { ok: false; missing: SampleEdit } {
  let text = sample;
  for (const edit of edits) {
    const at = text.indexOf(edit.find);
    if (at < 0) return { ok: false, missing: edit };
    text = text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
  }
  return { ok: true, text };
}

/**
 * The findings of a rule in the sample edited by `edits` (empty when an edit does not apply).
 *
 * @example
 * ```ts
 * runExample(sampleText, spec.id, spec.examples!.firing).length > 0; // the firing example fires
 * ```
 */
export function runExample(
  sample: string,
  rule: string,
  edits: ReadonlyArray<SampleEdit>,
  lang: Lang = "zh-CN",
): { readonly message: string }[] {
  const edited = applySampleEdits(sample, edits);
  if (!edited.ok) return [];
  const doc = readTextDocument(new TextEncoder().encode(edited.text), "sample.txt");
  if (!doc.ok) return [];
  return analyze(doc.grid, { lang }).findings.filter((f) => f.rule === rule);
}

const WORDS = {
  "zh-CN": {
    severity: { error: "错误", warning: "警告", info: "提示" },
    source: { check: "检查", fill: "填充", build: "生成", input: "读取文件" },
    defaultSeverity: "默认级别",
    reportedBy: "报告者",
    what: "检查什么、为什么",
    message: "消息",
    firing: "触发的例子",
    quiet: "不触发的例子",
    editIntro: "在示例文档（examples/sample.txt）中把",
    editTo: "改为",
    produces: "报告：",
    asPublished: "示例文档原样（examples/sample.txt）：本规则不报告。",
    firesAsPublished: "示例文档原样（examples/sample.txt）即有此问题。",
    quietEdited: "示例文档（examples/sample.txt）作如下修改后，本规则不报告：",
    noExamples: "本规则不由“检查”报告，没有示例文档的例子；见其测试。",
    other: "English",
  },
  en: {
    severity: { error: "error", warning: "warning", info: "info" },
    source: { check: "check", fill: "fill", build: "build", input: "reading files" },
    defaultSeverity: "Default severity",
    reportedBy: "Reported by",
    what: "What it checks and why",
    message: "Message",
    firing: "Example that fires",
    quiet: "Example that stays quiet",
    editIntro: "In the sample document (examples/sample.txt), change",
    editTo: "to",
    produces: "Reported:",
    asPublished: "The sample document as published (examples/sample.txt): the rule reports nothing.",
    firesAsPublished: "The sample document as published (examples/sample.txt) has it.",
    quietEdited: "With these changes to the sample document (examples/sample.txt), the rule reports nothing:",
    noExamples:
      "This rule is not reported by `check`, so it has no example in the sample document; see its tests.",
    other: "中文",
  },
} as const;

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}

function editText(w: (typeof WORDS)[Lang], edits: ReadonlyArray<SampleEdit>): string {
  return edits
    .map((e) => `${w.editIntro}\n\n${fence(e.find)}\n\n${w.editTo}\n\n${fence(e.replace)}`)
    .join("\n\n");
}

/**
 * One rule's documentation in one language, as Markdown. With `sample` (the text of
 * examples/sample.txt) the firing example is run and its finding's message shown.
 *
 * @example
 * ```ts
 * console.log(renderRuleDoc(ruleSpec("A3.row-identity")!, "en"));
 * ```
 */
export function renderRuleDoc(spec: RuleSpec, lang: Lang, sample?: string): string {
  const w = WORDS[lang];
  const out: string[] = [];
  out.push(`## ${spec.id} — ${spec.title[lang]}`, "");
  out.push(`- ${w.defaultSeverity}: ${w.severity[spec.severity]} (\`${spec.severity}\`)`);
  out.push(`- ${w.reportedBy}: ${w.source[spec.source ?? "check"]}`, "");
  out.push(`### ${w.what}`, "", spec.description[lang], "");
  out.push(`### ${w.message}`, "", fence(spec.message[lang]), "");
  if (!spec.examples) {
    out.push(w.noExamples, "");
    return out.join("\n");
  }
  out.push(
    `### ${w.firing}`,
    "",
    spec.examples.firing.length === 0 ? w.firesAsPublished : editText(w, spec.examples.firing),
    "",
  );
  if (sample !== undefined) {
    const fired = runExample(sample, spec.id, spec.examples.firing, lang);
    if (fired[0]) out.push(w.produces, "", fence(fired[0].message), "");
  }
  out.push(`### ${w.quiet}`, "");
  out.push(
    spec.examples.quiet.length === 0
      ? w.asPublished
      : `${w.quietEdited}\n\n${editText(w, spec.examples.quiet)}`,
    "",
  );
  return out.join("\n");
}

/**
 * The file `docs/rules/<id>.md`: the rule's page in Chinese, then in English.
 *
 * @example
 * ```ts
 * writeFileSync(`docs/rules/${spec.id}.md`, ruleDocPage(spec, readFileSync("examples/sample.txt", "utf8")));
 * ```
 */
export function ruleDocPage(spec: RuleSpec, sample: string): string {
  const head = `<!-- Generated from the rule registry by \`npm run docs:rules\`; do not edit. -->\n\n# ${spec.id}\n\n[中文](#中文) · [English](#english)\n`;
  return `${head}\n<a id="中文"></a>\n\n${renderRuleDoc(spec, "zh-CN", sample)}\n<a id="english"></a>\n\n${renderRuleDoc(spec, "en", sample)}`;
}

/**
 * The file `docs/rules/README.md`: every rule with its severity and title, linked to its page.
 *
 * @example
 * ```ts
 * writeFileSync("docs/rules/README.md", ruleDocsIndex());
 * ```
 */
export function ruleDocsIndex(rules: ReadonlyArray<RuleSpec> = RULES): string {
  const rows = rules.map(
    (r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.title["zh-CN"]} | ${r.title.en} |`,
  );
  return [
    "<!-- Generated from the rule registry by `npm run docs:rules`; do not edit. -->",
    "",
    "# 规则 Rules",
    "",
    "每条规则一页：检查什么、为什么、消息，以及在示例文档上触发和不触发的例子（由测试运行）。`yusuan rules` 列出规则，`yusuan explain <id>` 显示一条。",
    "",
    "One page per rule: what it checks and why, its message, and an example that fires and one that stays quiet on the sample document (run by the tests). `yusuan rules` lists the rules; `yusuan explain <id>` prints one.",
    "",
    "| id | severity | 标题 | title |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
