/**
 * 模板: inserts the nine blank budget tables for a department and year. A workbook that already holds
 * budget tables gets them only after the user confirms.
 */
import { analyze, templateWorkbook, type Analysis } from "@yusuan/disclosure";
import { insertWorkbook, readWorkbook } from "../adapter";
import { h, put } from "./dom";
import type { Pane } from "./pane";
import { protectionBlocks } from "./protection";

/** The template part of the pane. */
export interface TemplatePanel {
  /** The template card (hidden until opened). */
  readonly panel: HTMLElement;
  /** Opens the card, filled from the last analysis (department, the year after), or closes it. */
  toggle(analysis: Analysis | undefined): void;
}

/**
 * The template part.
 * @example const template = createTemplatePanel(pane); template.toggle(analysis);
 */
export function createTemplatePanel(pane: Pane): TemplatePanel {
  const { run, lang, L } = pane;
  const panel = h("section", { id: "template", class: "card", hidden: "" });

  async function countTables(): Promise<number> {
    return analyze(await readWorkbook(run, { supports: pane.supports }), { lang }).tables.filter(
      (t) => t.found,
    ).length;
  }

  function toggle(analysis: Analysis | undefined): void {
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
    const insert = pane.button("insert-template", L("insert"), true);
    const question = h("div", { class: "confirm", role: "alertdialog", hidden: "" });
    const doInsert = async () => {
      if (await protectionBlocks(pane, "template", [], true)) return;
      const spec = templateWorkbook({ department: department.value.trim(), year: Number(year.value) });
      const names = await insertWorkbook(run, spec);
      question.hidden = true;
      pane.say(L("templateDone", { n: names.length }));
    };
    insert.addEventListener(
      "click",
      () =>
        void pane.guarded(async () => {
          // A workbook that already holds budget tables gets nine more only when the user says so.
          const existing = await countTables();
          if (existing === 0) return doInsert();
          const yes = pane.button("insert-template-confirm", L("insertAnyway"), true);
          const no = pane.button("insert-template-cancel", L("cancel"));
          yes.addEventListener("click", () => void pane.guarded(doInsert));
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
    panel.replaceChildren(
      h("label", {}, L("department"), department),
      h("label", {}, L("year"), year),
      h("div", { class: "actions" }, insert),
      question,
    );
    panel.hidden = !panel.hidden;
  }

  return { panel, toggle };
}
