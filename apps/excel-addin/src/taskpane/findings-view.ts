/**
 * The findings: the counts by severity, the list grouped by table, and the detail card of the finding
 * chosen (placed right under it), with its related cells and the way to waive it.
 */
import { RULES, type Analysis, type Finding } from "@yusuan/disclosure";
import { selectCell } from "../adapter";
import { h, put } from "./dom";
import type { Pane } from "./pane";
import { CHAPTER_NAMES, groupDigits, groupFindings, locationLabel, refOfLocation } from "./view-model";

type Severity = "error" | "warning" | "info";

/** The findings' part of the pane. */
export interface FindingsView {
  /** The counts by severity. */
  readonly summary: HTMLElement;
  /** The findings, grouped by table. */
  readonly list: HTMLElement;
  /** The chosen finding's card. */
  readonly detail: HTMLElement;
  /**
   * Shows the findings of a new analysis. A finding chosen before stays chosen when it is still there
   * (same fingerprint); else its card closes.
   */
  show(analysis: Analysis, counts: Record<Severity, number>): void;
  /** Shows nothing: no tables were found. */
  clear(): void;
}

/**
 * The findings' part, with `waive` called by the card's 忽略 button (with the reason typed).
 * @example const findings = createFindingsView(pane, (f, reason) => waiveFinding(f, reason));
 */
export function createFindingsView(
  pane: Pane,
  waive: (finding: Finding, reason: string) => Promise<void>,
): FindingsView {
  const { run, lang, L } = pane;
  const summary = h("div", { id: "summary", class: "summary" });
  const list = h("div", { id: "findings" });
  const detail = h("section", { id: "detail", class: "card", hidden: "" });
  let selected: Finding | undefined;

  function badge(severity: Severity, n: number): HTMLElement {
    return h("span", { class: `badge ${severity}`, title: L(severity) }, `${L(severity)} ${n}`);
  }

  function renderSummary(counts: Record<Severity, number>): void {
    summary.replaceChildren(
      badge("error", counts.error),
      badge("warning", counts.warning),
      badge("info", counts.info),
    );
  }

  function findingButton(f: Finding): HTMLElement {
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
    item.addEventListener("click", () => void pane.guarded(() => choose(f)));
    return h("li", {}, item);
  }

  function renderFindings(analysis: Analysis): void {
    const groups = groupFindings(analysis.findings, analysis.tables, CHAPTER_NAMES[lang]);
    list.replaceChildren(
      ...groups.map((g) => {
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
          h("ul", { class: "finding-list" }, ...g.findings.map(findingButton)),
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

  /** The cells a finding compares with, each a link that selects it. */
  function relatedLinks(f: Finding): HTMLElement[] {
    return (f.related ?? []).flatMap((r) => {
      const ref = refOfLocation(r.location);
      if (!ref) return [];
      const label = `${r.table}${r.row ? ` ${r.row}` : ""}${r.column ? ` ${r.column}` : ""} · ${ref.sheet}!${ref.cell}`;
      const b = h(
        "button",
        { type: "button", class: "link", "data-related": `${ref.sheet}!${ref.cell}` },
        label,
      );
      b.addEventListener("click", () => void pane.guarded(() => selectCell(run, ref)));
      return [h("li", {}, b)];
    });
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
    const related = relatedLinks(f);
    const reason = h("input", {
      type: "text",
      id: "waive-reason",
      placeholder: L("reason"),
      "aria-label": L("reason"),
    });
    const waiveButton = pane.button("waive", L("waive"));
    waiveButton.addEventListener("click", () => void pane.guarded(() => waive(f, reason.value)));
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
        : h("div", { class: "waive" }, reason, waiveButton),
    );
    detail.hidden = false;
  }

  return {
    summary,
    list,
    detail,
    show(analysis, counts) {
      renderSummary(counts);
      renderFindings(analysis);
      if (!selected) return;
      const again = analysis.findings.find((f) => f.fingerprint === selected?.fingerprint);
      if (again) {
        selected = again;
        renderDetail(again);
        placeDetail();
      } else detail.hidden = true;
    },
    clear() {
      summary.replaceChildren();
      list.replaceChildren();
      detail.hidden = true;
    },
  };
}
