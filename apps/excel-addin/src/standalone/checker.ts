/**
 * The standalone checker: the task pane opened as a plain web page (no Office), for WPS users and anyone
 * without the add-in. Drop or choose .xlsx, .pdf or .txt files; each is read and checked in this page
 * with the same engine as the CLI, findings are listed by table, the page prints as a report, and a
 * workbook can be downloaded with the cells the rules determine filled in. Nothing is uploaded: the
 * page's Content-Security-Policy forbids every connection (connect-src 'none').
 */
import { analyze, fillGrid, RULES, type Analysis, type Finding, type Grid } from "@yusuan/disclosure";
import { readXlsx } from "@yusuan/xlsx";
import { readTextDocument } from "@yusuan/disclosure";
import { h } from "../taskpane/dom";
import { t, type Lang, type MessageKey } from "../taskpane/i18n";
import {
  CHAPTER_NAMES,
  countBySeverity,
  groupDigits,
  groupFindings,
  locationLabel,
  noTablesFound,
} from "../taskpane/view-model";
import { loadScript } from "../load-script";
import type { YusuanWriter } from "./writer";

/** Options of {@link startChecker}. */
export interface CheckerOptions {
  readonly lang: Lang;
}

/** What dist/pdf.js puts on `window` (the PDF reader, loaded on first use). */
interface YusuanPdf {
  readPdf(
    bytes: Uint8Array,
    name: string,
  ): Promise<{ ok: true; grid: Grid } | { ok: false; error: { message: string; messageEn?: string } }>;
}

/** The largest file read (the CLI's limits are of the same order). */
const MAX_BYTES = 100 * 1024 * 1024;

/** A file read into a grid, or why it could not be. */
type Read =
  | { ok: true; grid: Grid; bytes: Uint8Array; kind: "xlsx" | "pdf" | "text" }
  | { ok: false; message: string };

async function readFile(file: File, lang: Lang): Promise<Read> {
  const en = lang === "en";
  const name = file.name;
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";
  if (![".xlsx", ".pdf", ".txt"].includes(ext))
    return { ok: false, message: t(lang, "unsupportedFile", { name }) };
  if (file.size > MAX_BYTES)
    return { ok: false, message: t(lang, "fileTooLarge", { name, mb: Math.round(file.size / 1024 / 1024) }) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (ext === ".xlsx") {
    const r = await readXlsx(bytes, name);
    return r.ok
      ? { ok: true, grid: r.grid, bytes, kind: "xlsx" }
      : { ok: false, message: en ? r.messageEn : r.message };
  }
  if (ext === ".txt") {
    const r = readTextDocument(bytes, name);
    return r.ok
      ? { ok: true, grid: r.grid, bytes, kind: "text" }
      : { ok: false, message: en ? r.messageEn : r.message };
  }
  try {
    await loadScript("pdf.js");
  } catch {
    return { ok: false, message: t(lang, "pdfUnavailable", { name }) };
  }
  const pdf = (window as unknown as { yusuanPdf?: YusuanPdf }).yusuanPdf;
  if (!pdf) return { ok: false, message: t(lang, "pdfUnavailable", { name }) };
  const r = await pdf.readPdf(bytes, name);
  return r.ok
    ? { ok: true, grid: r.grid, bytes, kind: "pdf" }
    : { ok: false, message: en ? (r.error.messageEn ?? r.error.message) : r.error.message };
}

/**
 * Builds the standalone checker into `root`.
 * @example startChecker(document.getElementById("app")!, { lang: "zh-CN" });
 */
export function startChecker(root: HTMLElement, options: CheckerOptions): void {
  const { lang } = options;
  const L = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
  document.body.classList.add("standalone");
  document.title = L("checkerTitle");

  const input = h("input", {
    type: "file",
    id: "files",
    multiple: "",
    accept: ".xlsx,.pdf,.txt",
    class: "visually-hidden",
  });
  const drop = h(
    "label",
    { class: "drop", id: "drop", for: "files" },
    h("strong", {}, L("dropHere")),
    h("span", {}, L("dropKinds")),
    input,
  );
  const status = h("p", { id: "status", role: "status", "aria-live": "polite" }, L("checkerReady"));
  const results = h("div", { id: "results" });
  const print = h("button", { type: "button", class: "btn", "data-action": "print", hidden: "" }, L("print"));
  print.addEventListener("click", () => window.print());

  root.replaceChildren(
    h("header", { class: "header" }, h("h1", {}, L("checkerTitle")), h("span", { class: "brand" }, "yusuan")),
    h("p", { class: "privacy", id: "privacy" }, L("privacy")),
    drop,
    h("nav", { class: "toolbar no-print" }, print),
    status,
    results,
  );

  async function checkFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    root.classList.add("busy");
    status.textContent = L("readingFiles", { n: files.length });
    results.replaceChildren();
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const file of files) {
      const section = h("section", { class: "file card", "data-file": file.name }, h("h2", {}, file.name));
      results.append(section);
      let read: Read;
      try {
        read = await readFile(file, lang);
      } catch (e) {
        read = { ok: false, message: L("failed", { message: e instanceof Error ? e.message : String(e) }) };
      }
      if (!read.ok) {
        section.classList.add("unreadable");
        section.append(h("p", { class: "file-error", role: "alert" }, read.message));
        errors++;
        continue;
      }
      const analysis = analyze(read.grid, { lang });
      const counts = countBySeverity(analysis.findings);
      errors += counts.error;
      warnings += counts.warning;
      infos += counts.info;
      renderFile(section, file.name, read, analysis);
    }
    status.textContent = L("checkedFiles", { files: files.length, errors, warnings, infos });
    status.dataset.done = "true";
    print.hidden = false;
    root.classList.remove("busy");
  }

  function severityWord(f: Finding): HTMLElement {
    return h("span", { class: `sev ${f.severity}` }, L(f.severity));
  }

  function renderFile(
    section: HTMLElement,
    name: string,
    read: Extract<Read, { ok: true }>,
    analysis: Analysis,
  ): void {
    const doc = analysis.document;
    if (doc?.department || doc?.year)
      section.append(
        h("p", { class: "doc" }, [doc.department, doc.year ? `${doc.year}` : ""].filter(Boolean).join(" · ")),
      );
    if (noTablesFound(analysis.tables)) {
      section.append(h("p", { class: "no-tables", role: "note" }, L("noTables")));
      return;
    }
    const counts = countBySeverity(analysis.findings);
    section.append(
      h(
        "p",
        { class: "summary-line" },
        analysis.findings.length === 0
          ? L("noFindings")
          : L("checked", { errors: counts.error, warnings: counts.warning, infos: counts.info }),
      ),
    );
    if (read.kind === "xlsx") section.append(fillButton(name, read));
    const groups = groupFindings(analysis.findings, analysis.tables, CHAPTER_NAMES[lang]);
    for (const g of groups) {
      section.append(
        h(
          "div",
          { class: "group", "data-table": g.table },
          h("h3", {}, h("span", { class: "table-id" }, g.table), " ", g.title),
          h(
            "ul",
            { class: "finding-list" },
            ...g.findings.map((f) => {
              const rule = RULES.find((r) => r.id === f.rule);
              const unit = f.unit ?? "元";
              const facts: [MessageKey, string | undefined][] = [
                ["expected", f.expected],
                ["actual", f.actual],
                ["difference", f.difference],
              ];
              return h(
                "li",
                {
                  class: `finding ${f.severity}${f.waived ? " waived" : ""}`,
                  "data-fingerprint": f.fingerprint,
                  "data-rule": f.rule,
                },
                severityWord(f),
                h("span", { class: "message" }, f.message),
                h("span", { class: "where" }, f.waived ? L("waived") : locationLabel(f.location, lang)),
                h(
                  "span",
                  { class: "facts-inline num" },
                  facts
                    .filter(([, v]) => v !== undefined)
                    .map(([k, v]) => `${L(k)} ${groupDigits(v!)} ${unit}`)
                    .join(" · "),
                ),
                rule
                  ? h("span", { class: "rule" }, `${f.rule} · ${rule.title[lang]}`)
                  : h("span", { class: "rule" }, f.rule),
              );
            }),
          ),
        ),
      );
    }
  }

  function fillButton(name: string, read: Extract<Read, { ok: true }>): HTMLElement {
    const b = h(
      "button",
      { type: "button", class: "btn primary no-print", "data-action": "download-filled" },
      L("downloadFilled"),
    );
    const note = h("span", { class: "fill-note", role: "status" });
    b.addEventListener("click", () => {
      void (async () => {
        b.disabled = true;
        try {
          const { patches } = fillGrid(read.grid, { lang });
          if (patches.length === 0) {
            note.textContent = L("fillNone");
            return;
          }
          await loadScript("writer.js");
          const writer = (window as unknown as { yusuanWriter?: YusuanWriter }).yusuanWriter;
          if (!writer) throw new Error("writer.js");
          const out = await writer.writePatches(read.bytes, patches);
          const url = URL.createObjectURL(
            new Blob([out as Uint8Array<ArrayBuffer>], {
              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }),
          );
          const a = h("a", { href: url, download: `${name.replace(/\.xlsx$/i, "")}.filled.xlsx` });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
          note.textContent = L("filledDownload", { n: patches.length });
          note.dataset.cells = String(patches.length);
        } catch (e) {
          note.textContent = L("failed", { message: e instanceof Error ? e.message : String(e) });
        } finally {
          b.disabled = false;
        }
      })();
    });
    return h("div", { class: "actions" }, b, note);
  }

  input.addEventListener("change", () => {
    void checkFiles([...(input.files ?? [])]);
    input.value = "";
  });
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    void checkFiles([...(e.dataTransfer?.files ?? [])]);
  });
  // A file dropped anywhere else must not make the browser navigate away to it.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
}
