/**
 * The `yusuan` command line. Only commander is loaded up front; each command imports what it needs
 * when it runs, so that `yusuan --help` starts fast.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { langFromArgv, parseLang, type Lang } from "./args";
import { loadConfig, type LoadedConfig } from "./config";
import { describeError, exitCodeForError, ExitCode } from "./errors";
import { chineseHelp, langFromEnv, translateParserError } from "./locale";
import { toolVersion } from "./version";
import type { Io } from "./commands/check";

const TEXT = {
  "zh-CN": {
    about: "预算（yusuan）：检查和填写部门预算公开文件",
    check: "检查 .xlsx 工作簿、.txt 文本文档、.pdf 公开文件或 .json 模型（可给文件、文件夹或通配符）",
    fill: "填写由各表关系可以确定的单元格，写出填好的副本",
    build: "由预算明细（CSV 或 XLSX）生成九张预算表",
    template: "生成九张预算表的空白模板",
    convert:
      "文本文档或 PDF 转为工作簿（每表一个工作表，说明另成一表），或转为 JSON 模型；PDF 也可转为制表符分隔的文本",
    to: "输出格式：xlsx、json 或 text（默认按 -o 的扩展名；text 不给 -o 时写到标准输出）",
    codes: "查询政府收支分类科目：编码或名称",
    rulesCmd: "列出全部检查规则（编号、级别、标题）",
    rulesFormat: "输出格式：text 或 json（默认 text）",
    explain: "说明一条规则：检查什么、为什么，以及触发和不触发的例子",
    catalog: "分类目录文件",
    catalogImport: "导入官方分类目录（CSV/XLSX），写出供 --catalog 使用的 JSON",
    format: "输出格式（默认 text）",
    output: "输出文件（缺少的文件夹会自动建立）",
    lang: "语言：zh 或 en（默认按 LC_ALL、LANG，未指明语言时为 zh）",
    quiet: "只报告错误，不列警告和提示",
    maxWarnings: "警告多于 N 个时退出码为 1",
    stdinFilename: "从标准输入（-）检查时所用的文件名，决定类型：.xlsx、.pdf、.txt 或 .json",
    config: '配置文件（默认：从当前文件夹向上找 yusuan.config.json 或 package.json 的 "yusuan" 键）',
    waive: "豁免一个问题：工作簿写入隐藏表 yusuan_waivers，文本和 PDF 写入旁边的 <文件>.yusuan-waivers.json",
    reason: "豁免理由（必需）",
    by: "确认人",
    rules: "只检查这些规则（逗号分隔的编号或前缀）",
    disable: "不检查这些规则（逗号分隔的编号或前缀）",
    year: "预算年度（分类目录年度）",
    catalogOpt: "导入的分类目录（JSON、CSV 或 XLSX）",
    catalogScheme: "CSV/XLSX 目录的分类：functional、economic-dept、economic-gov、revenue",
    jobs: "并行线程数（默认：CPU 核数），一半读取文件、一半检查",
    failOn: "退出码为 1 的最低级别：error 或 warning（默认 error）",
    showWaived: "也列出已豁免的问题（标注为已豁免）",
    inPlace: "直接改写输入文件（加锁、原子写入，并保留第一次的 .bak 备份）",
    dryRun: "只列出要填写的单元格，不写任何文件",
    force: "覆盖已存在的输出文件",
    department: "部门名称",
    kind: "部门 或 单位",
    scheme: "分类：functional、economic-dept、economic-gov、revenue",
    version: "显示版本号",
    help: "显示帮助",
  },
  en: {
    about: "yusuan (预算): check and fill Chinese department budget disclosures",
    check:
      "check .xlsx workbooks, .txt text documents, .pdf published documents or .json models (files, folders or globs)",
    fill: "fill the cells the tables determine and write a filled copy",
    build: "build the nine tables from budget lines (CSV or XLSX)",
    template: "write an empty template of the nine tables",
    convert:
      "convert a text document or a PDF to a workbook (one sheet per table, the narrative on its own) or to the JSON model; a PDF also to TAB-separated text",
    to: "output format: xlsx, json or text (default: from -o's extension; text without -o goes to standard output)",
    codes: "look up a government classification code or name",
    rulesCmd: "list every rule (id, severity, title)",
    rulesFormat: "output format: text or json (default text)",
    explain: "explain a rule: what it checks and why, with an example that fires and one that does not",
    catalog: "classification catalog files",
    catalogImport: "import an official catalog (CSV/XLSX) as the JSON --catalog takes",
    format: "output format (default text)",
    output: "output file (missing folders are created)",
    lang: "language: zh or en (default: from LC_ALL, LANG; zh when they name no language)",
    quiet: "report errors only, not warnings and infos",
    maxWarnings: "exit code 1 when there are more than N warnings",
    stdinFilename: "the file name of standard input (-), which gives its type: .xlsx, .pdf, .txt or .json",
    config:
      'config file (default: yusuan.config.json or package.json\'s "yusuan" key, looked for from the working folder up)',
    waive:
      "waive a finding: in a workbook's hidden sheet yusuan_waivers, for a text or PDF in <file>.yusuan-waivers.json beside it",
    reason: "why it is waived (required)",
    by: "who accepted it",
    rules: "only these rules (comma-separated ids or prefixes)",
    disable: "skip these rules (comma-separated ids or prefixes)",
    year: "budget year (catalog year)",
    catalogOpt: "an imported catalog (JSON, CSV or XLSX)",
    catalogScheme: "scheme of a CSV/XLSX catalog: functional, economic-dept, economic-gov, revenue",
    jobs: "threads (default: number of cores), half reading files, half checking them",
    failOn: "lowest severity that makes the exit code 1: error or warning (default error)",
    showWaived: "also list waived findings (marked as waived)",
    inPlace: "replace the input (locked, atomically, keeping the first .bak copy)",
    dryRun: "list the cells that would be filled; write nothing",
    force: "overwrite an existing output file",
    department: "department name",
    kind: "部门 (department) or 单位 (unit)",
    scheme: "scheme: functional, economic-dept, economic-gov, revenue",
    version: "print the version",
    help: "print help",
  },
} as const;

/**
 * Runs the CLI on arguments (without "node" and the script) and returns the exit code. Never
 * throws: user errors print their message, bugs a short note (the stack with YUSUAN_DEBUG=1).
 *
 * @example
 * ```ts
 * const code = await main(["check", "examples/sample.txt", "--format", "json"]);
 * ```
 */
export async function main(
  argv: readonly string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  // The config file is read before parsing: its "lang" decides the language of the parser's own text.
  let config: LoadedConfig | undefined;
  let configError: unknown;
  try {
    config = loadConfig(io.cwd ?? process.cwd(), optionFromArgv(argv, "--config"));
  } catch (error) {
    configError = error;
  }
  const lang = chooseLang(argv, config, io.env);
  const t = TEXT[lang];
  let code: number = ExitCode.ok;
  const output = {
    writeOut: (s: string) => void io.stdout.write(s),
    writeErr: (s: string) => void io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) =>
      write(lang === "zh-CN" ? translateParserError(s) : s),
  };
  const program = new Command("yusuan")
    .description(t.about)
    .version(toolVersion(), "-V, --version", t.version)
    .helpOption("-h, --help", t.help)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput(output);
  if (lang === "zh-CN") program.configureHelp(chineseHelp());
  program.addHelpCommand(false);
  // Every command gets the language chosen above when it is not given as --lang.
  program.hook("preAction", (_program, command) => {
    if (command.getOptionValue("lang") === undefined && command.options.some((o) => o.long === "--lang"))
      command.setOptionValue("lang", lang === "en" ? "en" : "zh");
  });
  const withConfig = (): { config?: LoadedConfig } => {
    if (configError !== undefined) throw configError;
    return config ? { config } : {};
  };

  const langOption = (): Option => new Option("--lang <lang>", t.lang);

  program
    .command("check")
    .description(t.check)
    .argument("<inputs...>")
    .addOption(
      new Option("--format <format>", t.format).choices(["text", "json", "sarif", "junit", "html", "csv"]),
    )
    .option("-o, --output <file>", t.output)
    .addOption(langOption())
    .option("--rules <ids>", t.rules)
    .option("--disable <ids>", t.disable)
    .option("--year <yyyy>", t.year)
    .option("--catalog <file>", t.catalogOpt)
    .option("--catalog-scheme <scheme>", t.catalogScheme)
    .option("-j, --jobs <n>", t.jobs)
    .addOption(new Option("--fail-on <severity>", t.failOn).choices(["error", "warning"]))
    .option("--max-warnings <n>", t.maxWarnings)
    .option("-q, --quiet", t.quiet)
    .option("--show-waived", t.showWaived)
    .option("--stdin-filename <name>", t.stdinFilename)
    .option("--config <file>", t.config)
    .action(async (inputs: string[], opts) => {
      const { runCheck } = await import("./commands/check");
      code = await runCheck(inputs, opts, io, withConfig());
    });

  program
    .command("waive")
    .description(t.waive)
    .argument("<file>")
    .argument("<fingerprint>")
    .requiredOption("--reason <text>", t.reason)
    .option("--by <name>", t.by)
    .addOption(langOption())
    .action(async (file: string, fingerprint: string, opts) => {
      const { runWaive } = await import("./commands/waive");
      code = await runWaive(file, fingerprint, opts, io);
    });

  program
    .command("fill")
    .description(t.fill)
    .argument("<input>")
    .option("-o, --output <file>", t.output)
    .option("--in-place", t.inPlace)
    .option("--dry-run", t.dryRun)
    .option("--force", t.force)
    .addOption(langOption())
    .action(async (input: string, opts) => {
      const { runFill } = await import("./commands/fill");
      code = await runFill(input, opts, io);
    });

  program
    .command("build")
    .description(t.build)
    .argument("<lines>")
    .requiredOption("--department <name>", t.department)
    .requiredOption("--year <yyyy>", t.year)
    .requiredOption("-o, --output <file>", t.output)
    .option("--kind <kind>", t.kind)
    .addOption(langOption())
    .action(async (input: string, opts) => {
      const { runBuild } = await import("./commands/build");
      code = await runBuild(input, opts, io);
    });

  program
    .command("template")
    .description(t.template)
    .requiredOption("--department <name>", t.department)
    .requiredOption("--year <yyyy>", t.year)
    .requiredOption("-o, --output <file>", t.output)
    .option("--kind <kind>", t.kind)
    .addOption(langOption())
    .action(async (opts) => {
      const { runTemplate } = await import("./commands/build");
      code = await runTemplate(opts, io);
    });

  program
    .command("convert")
    .description(t.convert)
    .argument("<input>")
    .option("-o, --output <file>", t.output)
    .option("--to <format>", t.to)
    .addOption(langOption())
    .action(async (input: string, opts) => {
      const { runConvert } = await import("./commands/convert");
      code = await runConvert(input, opts, io);
    });

  program
    .command("codes")
    .description(t.codes)
    .argument("<query>")
    .option("--year <yyyy>", t.year)
    .option("--catalog <file>", t.catalogOpt)
    .addOption(langOption())
    .action(async (query: string, opts) => {
      const { runCodes } = await import("./commands/codes");
      code = await runCodes(query, opts, io);
    });

  program
    .command("rules")
    .description(t.rulesCmd)
    .option("--format <format>", t.rulesFormat)
    .addOption(langOption())
    .action(async (opts) => {
      const { runRules } = await import("./commands/rules");
      code = await runRules(opts, io);
    });

  program
    .command("explain")
    .description(t.explain)
    .argument("<id>")
    .addOption(langOption())
    .action(async (id: string, opts) => {
      const { runExplain } = await import("./commands/rules");
      code = await runExplain(id, opts, io);
    });

  const catalog = program.command("catalog").description(t.catalog);
  catalog
    .command("import")
    .description(t.catalogImport)
    .argument("<file>")
    .requiredOption("--year <yyyy>", t.year)
    .option("--scheme <scheme>", t.scheme, "functional")
    .option("-o, --output <file>", t.output)
    .addOption(langOption())
    .action(async (file: string, opts) => {
      const { runCatalogImport } = await import("./commands/codes");
      code = await runCatalogImport(file, opts, io);
    });

  for (const sub of [...program.commands, ...catalog.commands]) {
    sub.exitOverride().configureOutput(output);
  }

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.usage;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end in a CommanderError too; commander has already printed its message.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    io.stderr.write(`${describeError(error, lang, io.env.YUSUAN_DEBUG === "1")}\n`);
    return exitCodeForError(error);
  }
}

/**
 * The language of a run: `--lang`, then the config file's `lang`, then the locale (LC_ALL,
 * LC_MESSAGES, LANG), then zh-CN.
 *
 * @example
 * ```ts
 * chooseLang(["check", "a.txt"], undefined, { LANG: "en_US.UTF-8" }); // "en"
 * ```
 */
export function chooseLang(
  argv: readonly string[],
  config: LoadedConfig | undefined,
  env: NodeJS.ProcessEnv,
): Lang {
  if (optionFromArgv(argv, "--lang") !== undefined) return langFromArgv(argv);
  const fromConfig = config?.config.lang;
  if (fromConfig !== undefined) return parseLang(fromConfig);
  return langFromEnv(env) ?? "zh-CN";
}

/** The value of an option anywhere on the command line (`--name value` or `--name=value`), read before parsing. */
function optionFromArgv(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") return undefined;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    // npm's bin links are symlinks: compare real paths.
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // `yusuan check … | head` closes the pipe early: not an error of ours.
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
