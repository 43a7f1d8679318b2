/**
 * The task pane: plain DOM, no framework. Every workbook access goes through the adapter; every
 * judgement comes from @yusuan/disclosure.
 */
import {
  analyze,
  fillGrid,
  generateNarrative,
  readWaivers,
  RULES,
  templateWorkbook,
  waiverSheetRows,
  WAIVER_SHEET,
  type Analysis,
  type CellPatch,
  type Finding,
  type Grid,
  type Waiver,
} from "@yusuan/disclosure";
import {
  addTextSheet,
  clearMarks,
  insertWorkbook,
  loadGeneratedSheets,
  loadMarks,
  markCells,
  annotateCells,
  removeComments,
  readProtection,
  readWorkbook,
  saveGeneratedSheets,
  saveMarks,
  selectCell,
  writeTableSheet,
  type ChangedCell,
  type ExcelRun,
  type PriorFill,
} from "../adapter";
import { createCatalog, registerCatalog, type CatalogData, type Scheme } from "@yusuan/classification";
import { loadScript } from "../load-script";
import type { YusuanCatalog } from "../standalone/catalog";
import { describeOfficeError } from "../office-errors";
import { excelFor, unsupportedActions, type Action } from "../requirements";
import { t, type Lang, type MessageKey } from "./i18n";
import { FillSession } from "./fill-session";
import {
  CHAPTER_NAMES,
  changedLines,
  changedSummary,
  notesFor,
  countBySeverity,
  groupDigits,
  groupFindings,
  isoDate,
  locationLabel,
  marksFor,
  noTablesFound,
  refOfLocation,
} from "./view-model";

/** What the task pane needs from its host. */
export interface AppHost {
  readonly run: ExcelRun;
  readonly lang: Lang;
  /** Whether merged areas can be read (ExcelApi 1.13). */
  readonly merges: boolean;
  /** Whether the host has an ExcelApi set; omitted: every set. */
  readonly supports?: (version: string) => boolean;
}

/** The hidden sheet that keeps an imported classification catalog in the workbook. */
export const CATALOG_SHEET = "yusuan_catalog";

/** The toolbar's data-action of each action that calls Excel. */
const ACTION_BUTTON: Readonly<Record<Action, string>> = {
  check: "check",
  mark: "mark",
  clearMarks: "clear-marks",
  fill: "fill",
  waive: "waive",
  template: "template",
  narrative: "narrative",
};

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

function put(el: HTMLElement, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

/**
 * Builds the task pane into `root` and wires its buttons.
 * @example startApp(document.getElementById("app")!, { run: Excel.run, lang: "zh-CN", merges: true });
 */
export function startApp(root: HTMLElement, host: AppHost): void {
  const { run, lang } = host;
  const L = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);

  let grid: Grid | undefined;
  let analysis: Analysis | undefined;
  let marks: PriorFill[] = [];
  const fills = new FillSession(run);
  let selected: Finding | undefined;

  const button = (action: string, label: string, primary = false) => {
    const b = h(
      "button",
      { type: "button", "data-action": action, class: primary ? "btn primary" : "btn" },
      label,
    );
    if (blocked.has(action)) {
      b.disabled = true;
      b.title = L("needsNewerShort");
    }
    return b;
  };

  const supports = host.supports ?? (() => true);
  const missing = unsupportedActions(supports);
  /** data-action values of the buttons this Excel cannot run: they stay disabled. */
  const blocked = new Set(missing.map((m) => ACTION_BUTTON[m.action]));
  const status = h("p", { id: "status", role: "status", "aria-live": "polite" }, L("ready"));
  const requirements =
    missing.length === 0
      ? null
      : h("ul", { id: "requirements", class: "requirements" }, ...requirementLines());

  function requirementLines(): HTMLElement[] {
    const byVersion = new Map<string, Action[]>();
    for (const m of missing) byVersion.set(m.version, [...(byVersion.get(m.version) ?? []), m.action]);
    return [...byVersion].map(([version, actions]) =>
      h(
        "li",
        {},
        L("needsNewer", {
          buttons: actions.map((a) => `“${L(a)}”`).join(lang === "en" ? ", " : "、"),
          excel: excelFor(version),
          version,
        }),
      ),
    );
  }
  const summary = h("div", { id: "summary", class: "summary" });
  const list = h("div", { id: "findings" });
  const detail = h("section", { id: "detail", class: "card", hidden: "" });
  const fillPanel = h("section", { id: "fill", class: "card", hidden: "" });
  /** The cells that stopped the last 应用 or 撤销, listed under the fill preview. */
  const changedList = h("div", { id: "fill-changed", class: "changed", role: "alert", hidden: "" });
  const templatePanel = h("section", { id: "template", class: "card", hidden: "" });
  const catalogPanel = supports("1.7") ? catalogControls() : null;

  /** 分类目录: import an official catalog (CSV, or the JSON of `yusuan catalog import`), kept in the workbook. */
  function catalogControls(): HTMLElement {
    const file = h("input", {
      type: "file",
      id: "catalog-file",
      accept: ".csv,.json",
      "aria-label": L("catalogFile"),
    });
    const year = h("input", {
      type: "number",
      id: "catalog-year",
      value: String(new Date().getFullYear()),
      "aria-label": L("year"),
    });
    const scheme = h(
      "select",
      { id: "catalog-scheme", "aria-label": L("catalogScheme") },
      h("option", { value: "functional" }, L("schemeFunctional")),
      h("option", { value: "economic-dept" }, L("schemeEconomic")),
    );
    const go = button("import-catalog", L("importCatalog"));
    go.addEventListener(
      "click",
      () => void guarded(() => importCatalog(file.files?.[0], Number(year.value), scheme.value as Scheme)),
    );
    return h(
      "details",
      { class: "catalog", id: "catalog" },
      h("summary", {}, L("catalogTitle")),
      h("p", { class: "explain" }, L("catalogExplain")),
      h("label", {}, L("catalogFile"), file),
      h("label", {}, L("year"), year),
      h("label", {}, L("catalogScheme"), scheme),
      h("div", { class: "actions" }, go),
    );
  }

  root.replaceChildren(
    h("header", { class: "header" }, h("h1", {}, L("title")), h("span", { class: "brand" }, "yusuan")),
    h(
      "nav",
      { class: "toolbar" },
      button("check", L("check"), true),
      button("mark", L("mark")),
      button("clear-marks", L("clearMarks")),
      button("fill", L("fill")),
      button("template", L("template")),
      button("narrative", L("narrative")),
    ),
    status,
    ...(requirements ? [requirements] : []),
    summary,
    templatePanel,
    ...(catalogPanel ? [catalogPanel] : []),
    fillPanel,
    detail,
    list,
  );

  function say(text: string): void {
    status.textContent = text;
  }

  async function guarded(work: () => Promise<void>): Promise<void> {
    root.classList.add("busy");
    for (const b of root.querySelectorAll("button")) b.disabled = true;
    try {
      await work();
    } catch (e) {
      say(describeOfficeError(e, lang));
    } finally {
      root.classList.remove("busy");
      for (const b of root.querySelectorAll("button")) b.disabled = blocked.has(b.dataset.action ?? "");
      updateFillButtons();
    }
  }

  /** 应用 is off once applied (until a new preview), 撤销 while there is nothing to undo. */
  function updateFillButtons(): void {
    const state = fills.buttons;
    const apply = fillPanel.querySelector<HTMLButtonElement>('[data-action="apply"]');
    if (apply) {
      apply.disabled = !state.apply || blocked.has("fill");
      if (!state.apply && !blocked.has("fill")) apply.title = L("appliedAlready");
      else apply.removeAttribute("title");
    }
    const undo = fillPanel.querySelector<HTMLButtonElement>('[data-action="undo"]');
    if (undo) undo.disabled = !state.undo || blocked.has("fill");
  }

  async function check(): Promise<void> {
    say(L("reading"));
    const read = await readWorkbook(run, { merges: host.merges, supports });
    // Sheets the add-in wrote itself (the generated 说明) are not the user's content to check.
    const generated = new Set(supports("1.4") ? await loadGeneratedSheets(run) : []);
    // A catalog imported earlier is kept in the workbook: use it, and do not check it as content.
    const stored = read.sheets.find((s) => s.name === CATALOG_SHEET);
    if (stored) await useStoredCatalog(stored);
    grid = { ...read, sheets: read.sheets.filter((s) => !generated.has(s.name) && s.name !== CATALOG_SHEET) };
    const started = performance.now();
    analysis = analyze(grid, { lang });
    const elapsed = performance.now() - started;
    status.dataset.checkMs = elapsed.toFixed(1);
    if (noTablesFound(analysis.tables)) {
      say(L("noTables"));
      summary.replaceChildren();
      list.replaceChildren();
      detail.hidden = true;
      return;
    }
    const counts = countBySeverity(analysis.findings);
    say(
      analysis.findings.length === 0
        ? L("noFindings")
        : L("checked", { errors: counts.error, warnings: counts.warning, infos: counts.info }),
    );
    renderSummary(counts);
    renderFindings();
    if (selected) {
      const again = analysis.findings.find((f) => f.fingerprint === selected?.fingerprint);
      if (again) {
        selected = again;
        renderDetail(again);
        placeDetail();
      } else detail.hidden = true;
    }
  }

  function badge(severity: "error" | "warning" | "info", n: number): HTMLElement {
    return h("span", { class: `badge ${severity}`, title: L(severity) }, `${L(severity)} ${n}`);
  }

  function renderSummary(counts: Record<"error" | "warning" | "info", number>): void {
    summary.replaceChildren(
      badge("error", counts.error),
      badge("warning", counts.warning),
      badge("info", counts.info),
    );
  }

  function renderFindings(): void {
    if (!analysis) return;
    const groups = groupFindings(analysis.findings, analysis.tables, CHAPTER_NAMES[lang]);
    list.replaceChildren(
      ...groups.map((g) => {
        const items = g.findings.map((f) => {
          const item = h(
            "button",
            {
              type: "button",
              class: `finding ${f.severity}${f.waived ? " waived" : ""}`,
              "data-fingerprint": f.fingerprint,
              "data-rule": f.rule,
            },
            // The severity as a word (read by screen readers, and visible without colour).
            h("span", { class: `sev ${f.severity}` }, L(f.severity)),
            h("span", { class: "message" }, f.message),
            h("span", { class: "where" }, f.waived ? L("waived") : locationLabel(f.location, lang)),
          );
          item.addEventListener("click", () => void guarded(() => choose(f)));
          return h("li", {}, item);
        });
        const counts = [
          g.counts.error ? badge("error", g.counts.error) : null,
          g.counts.warning ? badge("warning", g.counts.warning) : null,
          g.counts.info ? badge("info", g.counts.info) : null,
        ];
        return h(
          "details",
          { class: "group", open: "", "data-table": g.table },
          h(
            "summary",
            {},
            h("span", { class: "table-id" }, g.table),
            h("span", { class: "table-title" }, g.title),
            ...counts,
          ),
          h("ul", { class: "finding-list" }, ...items),
        );
      }),
    );
  }

  async function choose(f: Finding): Promise<void> {
    selected = f;
    renderDetail(f);
    placeDetail();
    const ref = refOfLocation(f.location);
    if (ref) await selectCell(run, ref);
  }

  /** Puts the detail card right under the selected finding, which is highlighted, and keeps both in view. */
  function placeDetail(): void {
    for (const el of list.querySelectorAll(".finding.selected")) {
      el.classList.remove("selected");
      el.removeAttribute("aria-current");
    }
    const item = selected
      ? list.querySelector<HTMLElement>(`.finding[data-fingerprint="${CSS.escape(selected.fingerprint)}"]`)
      : null;
    if (!item) return;
    item.classList.add("selected");
    item.setAttribute("aria-current", "true");
    item.closest("li")?.after(detail);
    detail.scrollIntoView?.({ block: "nearest" });
  }

  function renderDetail(f: Finding): void {
    const rule = RULES.find((r) => r.id === f.rule);
    const unit = f.unit ?? "元";
    const rows: [string, string | undefined][] = [
      [L("expected"), f.expected],
      [L("actual"), f.actual],
      [L("difference"), f.difference],
      [L("suggestion"), f.suggestion],
    ];
    const related = (f.related ?? []).flatMap((r) => {
      const ref = refOfLocation(r.location);
      if (!ref) return [];
      const label = `${r.table}${r.row ? ` ${r.row}` : ""}${r.column ? ` ${r.column}` : ""} · ${ref.sheet}!${ref.cell}`;
      const b = h(
        "button",
        { type: "button", class: "link", "data-related": `${ref.sheet}!${ref.cell}` },
        label,
      );
      b.addEventListener("click", () => void guarded(() => selectCell(run, ref)));
      return [h("li", {}, b)];
    });
    const reason = h("input", {
      type: "text",
      id: "waive-reason",
      placeholder: L("reason"),
      "aria-label": L("reason"),
    });
    const waive = button("waive", L("waive"));
    waive.addEventListener("click", () => void guarded(() => waiveFinding(f, reason.value)));
    put(
      detail,
      h("h2", {}, h("span", { class: `sev ${f.severity}` }, L(f.severity)), f.message),
      h(
        "dl",
        { class: "facts" },
        ...rows.flatMap(([k, v]) =>
          v === undefined ? [] : [h("dt", {}, k), h("dd", { class: "num" }, `${groupDigits(v)} ${unit}`)],
        ),
        h("dt", {}, L("rule")),
        h("dd", {}, `${f.rule}${rule ? ` · ${rule.title[lang]}` : ""}`),
      ),
      rule ? h("p", { class: "explain" }, rule.description[lang]) : null,
      related.length > 0
        ? h("div", {}, h("h3", {}, L("related")), h("ul", { class: "related" }, ...related))
        : null,
      f.waived
        ? h("p", { class: "waived-note" }, `${L("waived")}：${f.waived.reason}`)
        : h("div", { class: "waive" }, reason, waive),
    );
    detail.hidden = false;
  }

  /**
   * Says, before trying, when sheet or workbook protection blocks an action: the sheets it would write
   * to, and whether it adds a sheet. True when blocked.
   */
  async function protectionBlocks(
    action: MessageKey,
    sheets: Iterable<string>,
    addsSheet: boolean,
  ): Promise<boolean> {
    if (!supports("1.2")) return false;
    const protection = await readProtection(run, supports);
    const locked = [...new Set(sheets)].filter((s) => protection.sheets.includes(s));
    if (locked.length > 0) {
      say(
        L("sheetProtected", {
          action: L(action),
          sheets: locked.map((s) => `“${s}”`).join(lang === "en" ? ", " : "、"),
        }),
      );
      return true;
    }
    if (addsSheet && protection.structure) {
      say(L("structureProtected", { action: L(action) }));
      return true;
    }
    return false;
  }

  /** The catalog importer (dist/catalog.js), loaded on first use. */
  async function catalogTools(): Promise<YusuanCatalog> {
    await loadScript("catalog.js");
    const tools = (window as unknown as { yusuanCatalog?: YusuanCatalog }).yusuanCatalog;
    if (!tools) throw new Error("catalog.js");
    return tools;
  }

  async function useStoredCatalog(sheet: Grid["sheets"][number]): Promise<void> {
    const { validateCatalogData } = await catalogTools();
    const text = sheet.rows
      .slice(1)
      .map((row) => String(row[0]?.value ?? ""))
      .join("");
    try {
      const data = JSON.parse(text) as CatalogData;
      if (validateCatalogData(data, { partial: true }).ok) registerCatalog(createCatalog(data));
    } catch {
      // A damaged stored catalog is ignored: the built-in one stays.
    }
  }

  async function importCatalog(file: File | undefined, year: number, scheme: Scheme): Promise<void> {
    if (!file) {
      say(L("catalogChoose"));
      return;
    }
    const text = (await file.text()).replace(/^\uFEFF/, "");
    const { importCatalogCsv, validateCatalogData } = await catalogTools();
    let data: CatalogData;
    const problems = (errors: ReadonlyArray<{ row?: number; message: string; messageEn: string }>) =>
      errors
        .slice(0, 3)
        .map(
          (e) =>
            `${e.row !== undefined ? (lang === "en" ? `row ${e.row}: ` : `第 ${e.row} 行：`) : ""}${lang === "en" ? e.messageEn : e.message}`,
        )
        .join(lang === "en" ? "; " : "；");
    if (/\.json$/i.test(file.name)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        say(L("catalogInvalid", { name: file.name, problems: "JSON" }));
        return;
      }
      const checked = validateCatalogData(parsed, { partial: true });
      if (!checked.ok) {
        say(L("catalogInvalid", { name: file.name, problems: problems(checked.errors) }));
        return;
      }
      data = parsed as CatalogData;
    } else if (/\.csv$/i.test(file.name)) {
      if (!Number.isInteger(year) || year < 1990 || year > 2100) {
        say(L("catalogYear"));
        return;
      }
      const result = importCatalogCsv(text, { scheme, year, partial: true });
      if (!result.ok) {
        say(L("catalogInvalid", { name: file.name, problems: problems(result.errors) }));
        return;
      }
      data = result.data;
    } else {
      say(L("catalogKinds", { name: file.name }));
      return;
    }
    if (
      await protectionBlocks(
        "importCatalogAction",
        [CATALOG_SHEET],
        !(grid?.sheets.some((s) => s.name === CATALOG_SHEET) ?? false),
      )
    )
      return;
    registerCatalog(createCatalog(data));
    // Kept in a hidden sheet, in pieces under Excel's 32,767 characters per cell.
    const json = JSON.stringify(data);
    const pieces: string[][] = [["yusuan catalog"]];
    for (let i = 0; i < json.length; i += 30_000) pieces.push([json.slice(i, i + 30_000)]);
    await writeTableSheet(run, CATALOG_SHEET, pieces, { hidden: true });
    await check();
    say(L("catalogImported", { n: data.entries.length, year: data.year, sheet: CATALOG_SHEET }));
  }

  async function waiveFinding(f: Finding, reasonText: string): Promise<void> {
    const reason = reasonText.trim();
    if (!reason) {
      say(L("reasonRequired"));
      return;
    }
    if (!grid) return;
    const waiver: Waiver = { fingerprint: f.fingerprint, rule: f.rule, reason, date: isoDate(new Date()) };
    const all = [...readWaivers(grid).filter((w) => w.fingerprint !== f.fingerprint), waiver];
    if (await protectionBlocks("waive", [WAIVER_SHEET], !grid.sheets.some((s) => s.name === WAIVER_SHEET)))
      return;
    await writeTableSheet(run, WAIVER_SHEET, waiverSheetRows(all), { hidden: true });
    await check();
    say(L("waivedDone", { sheet: WAIVER_SHEET }));
  }

  async function mark(): Promise<void> {
    if (!analysis) {
      say(L("checkFirst"));
      return;
    }
    if (marks.length === 0) marks = await loadMarks(run);
    const todo = marksFor(analysis.findings, marks);
    if (todo.length === 0) {
      say(L("nothingToMark"));
      return;
    }
    if (
      await protectionBlocks(
        "mark",
        todo.map((m) => m.sheet),
        false,
      )
    )
      return;
    let added = await markCells(run, todo);
    let noted = false;
    if (supports("1.10")) {
      // A comment on each marked cell says why, for colleagues without the add-in.
      const texts = notesFor(analysis.findings, added);
      try {
        const ids = await annotateCells(
          run,
          added.map((m, i) => ({
            sheet: m.sheet,
            cell: m.cell,
            text: L("noteText", { messages: texts[i]! }),
          })),
        );
        added = added.map((m, i) => (ids[i] ? { ...m, comment: ids[i] } : m));
        noted = ids.some(Boolean);
      } catch {
        // The marks stand without their comments.
      }
    }
    marks = [...marks, ...added];
    await saveMarks(run, marks);
    say(L(noted ? "markedWithNotes" : "marked", { n: todo.length }));
  }

  async function unmark(): Promise<void> {
    if (marks.length === 0) marks = await loadMarks(run);
    if (
      await protectionBlocks(
        "clearMarks",
        marks.map((m) => m.sheet),
        false,
      )
    )
      return;
    const comments = marks.flatMap((m) => (m.comment ? [m.comment] : []));
    if (comments.length > 0 && supports("1.10")) await removeComments(run, comments);
    await clearMarks(run, marks);
    marks = [];
    say(L("cleared"));
  }

  async function previewFill(): Promise<void> {
    // Always from a fresh reading: a value typed since the last check must not be overwritten.
    await check();
    if (!grid) return;
    const result = fillGrid(grid, { lang });
    const patches: CellPatch[] = result.patches.filter((p) => refOfLocation(p.location));
    fills.preview(patches, grid);
    const apply = button("apply", L("apply"), true);
    const revert = button("undo", L("undo"));
    apply.addEventListener("click", () => void guarded(applyFill));
    revert.addEventListener("click", () => void guarded(revertFill));
    const table = h(
      "table",
      { class: "patches" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, L("cell")),
          h("th", {}, L("oldValue")),
          h("th", {}, L("newValue")),
          h("th", {}, L("why")),
        ),
      ),
      h(
        "tbody",
        {},
        ...patches.map((p) =>
          h(
            "tr",
            {},
            h("td", {}, locationLabel(p.location, lang)),
            h("td", { class: "num" }, groupDigits(p.oldValue)),
            h("td", { class: "num" }, groupDigits(p.newValue)),
            h("td", {}, p.reason),
          ),
        ),
      ),
    );
    put(
      fillPanel,
      h("h2", {}, patches.length === 0 ? L("fillNone") : L("fillPreview", { n: patches.length })),
      result.conflicts.length > 0
        ? h("p", { class: "explain" }, L("conflicts", { n: result.conflicts.length }))
        : null,
      patches.length > 0 ? table : null,
      h("div", { class: "actions" }, patches.length > 0 ? apply : null, revert),
      changedList,
    );
    showChanged([]);
    fillPanel.hidden = false;
  }

  function showChanged(changed: ReadonlyArray<ChangedCell>): void {
    put(
      changedList,
      changed.length > 0 ? h("h3", {}, L("changedTitle")) : null,
      changed.length > 0
        ? h("ul", {}, ...changedLines(changed, lang).map((line) => h("li", {}, line)))
        : null,
    );
    changedList.hidden = changed.length === 0;
  }

  async function applyFill(): Promise<void> {
    if (!fills.buttons.apply) return;
    if (await protectionBlocks("apply", fills.applySheets, false)) return;
    const result = await fills.apply();
    if (result.status === "refused") {
      showChanged(result.changed);
      say(L("applyRefused", { n: result.changed.length, cells: changedSummary(result.changed, lang) }));
    } else if (result.status === "applied") {
      showChanged([]);
      say(L("applied", { n: result.n }));
    }
  }

  async function revertFill(): Promise<void> {
    if (!fills.buttons.undo) return;
    if (await protectionBlocks("undo", fills.undoSheets, false)) return;
    const result = await fills.undo();
    if (result.status === "refused") {
      showChanged(result.changed);
      say(L("undoRefused", { n: result.changed.length, cells: changedSummary(result.changed, lang) }));
    } else if (result.status === "undone") {
      showChanged([]);
      say(result.left > 0 ? L("undoneMore", { n: result.left }) : L("undone"));
    }
  }

  async function countTables(): Promise<number> {
    return analyze(await readWorkbook(run, { supports }), { lang }).tables.filter((t) => t.found).length;
  }

  function showTemplate(): void {
    const department = h("input", {
      type: "text",
      id: "tpl-department",
      value: analysis?.document?.department ?? "",
      "aria-label": L("department"),
    });
    const year = h("input", {
      type: "number",
      id: "tpl-year",
      value: String(analysis?.document?.year ?? new Date().getFullYear() + 1),
      "aria-label": L("year"),
    });
    const insert = button("insert-template", L("insert"), true);
    const question = h("div", { class: "confirm", role: "alertdialog", hidden: "" });
    const doInsert = async () => {
      if (await protectionBlocks("template", [], true)) return;
      const spec = templateWorkbook({ department: department.value.trim(), year: Number(year.value) });
      const names = await insertWorkbook(run, spec);
      question.hidden = true;
      say(L("templateDone", { n: names.length }));
    };
    insert.addEventListener(
      "click",
      () =>
        void guarded(async () => {
          // A workbook that already holds budget tables gets nine more only when the user says so.
          const existing = await countTables();
          if (existing === 0) return doInsert();
          const yes = button("insert-template-confirm", L("insertAnyway"), true);
          const no = button("insert-template-cancel", L("cancel"));
          yes.addEventListener("click", () => void guarded(doInsert));
          no.addEventListener("click", () => {
            question.hidden = true;
          });
          put(
            question,
            h("p", {}, L("templateExists", { n: existing })),
            h("div", { class: "actions" }, yes, no),
          );
          question.hidden = false;
        }),
    );
    templatePanel.replaceChildren(
      h("label", {}, L("department"), department),
      h("label", {}, L("year"), year),
      h("div", { class: "actions" }, insert),
      question,
    );
    templatePanel.hidden = !templatePanel.hidden;
  }

  async function narrative(): Promise<void> {
    if (!grid) await check();
    if (!grid) return;
    if (await protectionBlocks("narrative", [], true)) return;
    const text = generateNarrative(grid, { lang });
    const sheet = await addTextSheet(run, L("narrativeSheet"), [...text.paragraphs, ...text.notes]);
    await saveGeneratedSheets(run, [...(await loadGeneratedSheets(run)), sheet]);
    say(L("narrativeDone", { sheet }));
  }

  const actions: Record<string, () => Promise<void> | void> = {
    check,
    mark,
    "clear-marks": unmark,
    fill: previewFill,
    template: showTemplate,
    narrative,
  };
  for (const [action, handler] of Object.entries(actions)) {
    root
      .querySelector(`nav [data-action="${action}"]`)
      ?.addEventListener("click", () => void guarded(async () => handler()));
  }
}
