/**
 * The task pane: plain DOM, no framework. Every workbook access goes through the adapter; every
 * judgement comes from @yusuan/disclosure. This module puts the parts together (status line, button
 * requirements, findings, fill, template, catalog), lays them out and wires the toolbar to the actions.
 */
import {
  analyze,
  generateNarrative,
  readWaivers,
  waiverSheetRows,
  WAIVER_SHEET,
  type Analysis,
  type Finding,
  type Grid,
  type Waiver,
} from "@yusuan/disclosure";
import {
  addTextSheet,
  annotateCells,
  clearMarks,
  loadGeneratedSheets,
  loadMarks,
  markCells,
  readWorkbook,
  removeComments,
  saveGeneratedSheets,
  saveMarks,
  writeTableSheet,
  type ExcelRun,
  type PriorFill,
} from "../adapter";
import { CATALOG_SHEET, createCatalogControls, useStoredCatalog } from "./catalog-view";
import { h } from "./dom";
import { FillSession } from "./fill-session";
import { createFillControls, type FillControls } from "./fill-view";
import { createFindingsView, type FindingsView } from "./findings-view";
import type { Lang } from "./i18n";
import { createPane, type Pane } from "./pane";
import { protectionBlocks } from "./protection";
import { buttonRequirements } from "./requirements-view";
import { createStatus, type StatusLine } from "./status";
import { createTemplatePanel } from "./template-view";
import { countBySeverity, isoDate, marksFor, noTablesFound, notesFor } from "./view-model";

export { CATALOG_SHEET } from "./catalog-view";

/** What the task pane needs from its host. */
export interface AppHost {
  readonly run: ExcelRun;
  readonly lang: Lang;
  /** Whether merged areas can be read (ExcelApi 1.13). */
  readonly merges: boolean;
  /** Whether the host has an ExcelApi set; omitted: every set. */
  readonly supports?: (version: string) => boolean;
}

/** What the pane knows of the workbook between clicks. */
interface Reading {
  /** The workbook as last checked, without the add-in's own sheets. */
  grid?: Grid;
  analysis?: Analysis;
  /** The cells marked, with what they looked like before (loaded from the workbook when empty). */
  marks: PriorFill[];
}

/** The parts the actions show their results in. */
interface Parts {
  readonly status: StatusLine;
  readonly findings: FindingsView;
  readonly fill: FillControls;
}

/** What the toolbar's buttons do, by data-action. */
type ToolbarActions = Readonly<Record<string, () => Promise<void> | void>>;

/**
 * Builds the task pane into `root` and wires its buttons.
 * @example startApp(document.getElementById("app")!, { run: Excel.run, lang: "zh-CN", merges: true });
 */
export function startApp(root: HTMLElement, host: AppHost): void {
  const supports = host.supports ?? (() => true);
  const { blocked, notice } = buttonRequirements(supports, host.lang);
  const status = createStatus(host.lang);
  const pane = createPane(root, { run: host.run, lang: host.lang, supports, blocked, status });
  const reading: Reading = { marks: [] };
  // The card's 忽略 button calls an action, which is defined below; it is only ever clicked later.
  const findings = createFindingsView(pane, (f, reason) => actions.waive(f, reason));
  const fill = createFillControls(pane, new FillSession(host.run));
  const template = createTemplatePanel(pane);
  const actions = workbookActions(pane, host.merges, reading, { status, findings, fill });
  const catalog = supports("1.7") ? createCatalogControls(pane, { imported: actions.check }) : null;

  root.replaceChildren(
    h("header", { class: "header" }, h("h1", {}, pane.L("title")), h("span", { class: "brand" }, "yusuan")),
    toolbar(pane),
    status.element,
    ...(notice ? [notice] : []),
    findings.summary,
    template.panel,
    ...(catalog ? [catalog] : []),
    fill.panel,
    findings.detail,
    findings.list,
  );
  wireToolbar(root, pane, {
    check: actions.check,
    mark: actions.mark,
    "clear-marks": actions.unmark,
    fill: actions.previewFill,
    template: () => template.toggle(reading.analysis),
    narrative: actions.narrative,
  });
}

function toolbar(pane: Pane): HTMLElement {
  const { L } = pane;
  return h(
    "nav",
    { class: "toolbar" },
    pane.button("check", L("check"), true),
    pane.button("mark", L("mark")),
    pane.button("clear-marks", L("clearMarks")),
    pane.button("fill", L("fill")),
    pane.button("template", L("template")),
    pane.button("narrative", L("narrative")),
  );
}

/** Each toolbar button runs its action as guarded work. */
function wireToolbar(root: HTMLElement, pane: Pane, actions: ToolbarActions): void {
  for (const [action, handler] of Object.entries(actions)) {
    root
      .querySelector(`nav [data-action="${action}"]`)
      ?.addEventListener("click", () => void pane.guarded(async () => handler()));
  }
}

/** The actions that read or write the workbook, keeping `reading` up to date. */
function workbookActions(pane: Pane, merges: boolean, reading: Reading, parts: Parts) {
  const { run, lang, L, supports, say } = pane;
  const { status, findings, fill } = parts;

  async function check(): Promise<void> {
    say(L("reading"));
    const read = await readWorkbook(run, { merges, supports });
    // Sheets the add-in wrote itself (the generated 说明) are not the user's content to check.
    const generated = new Set(supports("1.4") ? await loadGeneratedSheets(run) : []);
    // A catalog imported earlier is kept in the workbook: use it, and do not check it as content.
    const stored = read.sheets.find((s) => s.name === CATALOG_SHEET);
    if (stored) await useStoredCatalog(stored);
    const grid = {
      ...read,
      sheets: read.sheets.filter((s) => !generated.has(s.name) && s.name !== CATALOG_SHEET),
    };
    reading.grid = grid;
    const started = performance.now();
    const analysis = analyze(grid, { lang });
    reading.analysis = analysis;
    status.timed(performance.now() - started);
    if (noTablesFound(analysis.tables)) {
      say(L("noTables"));
      findings.clear();
      return;
    }
    const counts = countBySeverity(analysis.findings);
    say(
      analysis.findings.length === 0
        ? L("noFindings")
        : L("checked", { errors: counts.error, warnings: counts.warning, infos: counts.info }),
    );
    findings.show(analysis, counts);
  }

  async function waive(f: Finding, reasonText: string): Promise<void> {
    const reason = reasonText.trim();
    if (!reason) {
      say(L("reasonRequired"));
      return;
    }
    const { grid } = reading;
    if (!grid) return;
    const waiver: Waiver = { fingerprint: f.fingerprint, rule: f.rule, reason, date: isoDate(new Date()) };
    const all = [...readWaivers(grid).filter((w) => w.fingerprint !== f.fingerprint), waiver];
    if (await protectionBlocks(pane, "waive", [WAIVER_SHEET], WAIVER_SHEET)) return;
    await writeTableSheet(run, WAIVER_SHEET, waiverSheetRows(all), { hidden: true });
    await check();
    say(L("waivedDone", { sheet: WAIVER_SHEET }));
  }

  async function mark(): Promise<void> {
    const { analysis } = reading;
    if (!analysis) {
      say(L("checkFirst"));
      return;
    }
    if (reading.marks.length === 0) reading.marks = await loadMarks(run);
    const todo = marksFor(analysis.findings, reading.marks);
    if (todo.length === 0) {
      say(L("nothingToMark"));
      return;
    }
    const sheets = todo.map((m) => m.sheet);
    if (await protectionBlocks(pane, "mark", sheets, false)) return;
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
    reading.marks = [...reading.marks, ...added];
    await saveMarks(run, reading.marks);
    say(L(noted ? "markedWithNotes" : "marked", { n: todo.length }));
  }

  async function unmark(): Promise<void> {
    if (reading.marks.length === 0) reading.marks = await loadMarks(run);
    const { marks } = reading;
    const sheets = marks.map((m) => m.sheet);
    if (await protectionBlocks(pane, "clearMarks", sheets, false)) return;
    const comments = marks.flatMap((m) => (m.comment ? [m.comment] : []));
    if (comments.length > 0 && supports("1.10")) await removeComments(run, comments);
    await clearMarks(run, marks);
    reading.marks = [];
    say(L("cleared"));
  }

  async function previewFill(): Promise<void> {
    // Always from a fresh reading: a value typed since the last check must not be overwritten.
    await check();
    if (reading.grid) fill.preview(reading.grid);
  }

  async function narrative(): Promise<void> {
    if (!reading.grid) await check();
    const { grid } = reading;
    if (!grid) return;
    if (await protectionBlocks(pane, "narrative", [], true)) return;
    const text = generateNarrative(grid, { lang });
    const sheet = await addTextSheet(run, L("narrativeSheet"), [...text.paragraphs, ...text.notes]);
    await saveGeneratedSheets(run, [...(await loadGeneratedSheets(run)), sheet]);
    say(L("narrativeDone", { sheet }));
  }

  return { check, waive, mark, unmark, previewFill, narrative };
}
