/**
 * 填充: the preview of the amounts the engine can derive, with 应用 and 撤销, and the list of cells that
 * stopped the last 应用 or 撤销 because they changed since. The state lives in the FillSession.
 */
import { fillGrid, type CellPatch, type Grid } from "@yusuan/disclosure";
import type { ChangedCell } from "../adapter";
import { h, put } from "./dom";
import type { FillSession } from "./fill-session";
import type { Pane } from "./pane";
import { protectionBlocks } from "./protection";
import { changedLines, changedSummary, groupDigits, locationLabel, refOfLocation } from "./view-model";

/** The fill part of the pane. */
export interface FillControls {
  /** The preview card (hidden until the first preview). */
  readonly panel: HTMLElement;
  /** Previews the fill of a freshly read grid: the cells it would write, with 应用 and 撤销. */
  preview(grid: Grid): void;
}

/**
 * The fill part, over a FillSession.
 * @example const fill = createFillControls(pane, new FillSession(Excel.run)); fill.preview(grid);
 */
export function createFillControls(pane: Pane, fills: FillSession): FillControls {
  const { lang, L } = pane;
  const panel = h("section", { id: "fill", class: "card", hidden: "" });
  /** The cells that stopped the last 应用 or 撤销, listed under the fill preview. */
  const changedList = h("div", { id: "fill-changed", class: "changed", role: "alert", hidden: "" });

  /** 应用 is off once applied (until a new preview), 撤销 while there is nothing to undo. */
  function updateButtons(): void {
    const state = fills.buttons;
    const blocked = pane.isBlocked("fill");
    const apply = panel.querySelector<HTMLButtonElement>('[data-action="apply"]');
    if (apply) {
      apply.disabled = !state.apply || blocked;
      if (!state.apply && !blocked) apply.title = L("appliedAlready");
      else apply.removeAttribute("title");
    }
    const undo = panel.querySelector<HTMLButtonElement>('[data-action="undo"]');
    if (undo) undo.disabled = !state.undo || blocked;
  }
  pane.onSettled(updateButtons);

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
    if (await protectionBlocks(pane, "apply", fills.applySheets, false)) return;
    const result = await fills.apply();
    if (result.status === "refused") {
      showChanged(result.changed);
      pane.say(L("applyRefused", { n: result.changed.length, cells: changedSummary(result.changed, lang) }));
    } else if (result.status === "applied") {
      showChanged([]);
      pane.say(L("applied", { n: result.n }));
    }
  }

  async function revertFill(): Promise<void> {
    if (!fills.buttons.undo) return;
    if (await protectionBlocks(pane, "undo", fills.undoSheets, false)) return;
    const result = await fills.undo();
    if (result.status === "refused") {
      showChanged(result.changed);
      pane.say(L("undoRefused", { n: result.changed.length, cells: changedSummary(result.changed, lang) }));
    } else if (result.status === "undone") {
      showChanged([]);
      pane.say(result.left > 0 ? L("undoneMore", { n: result.left }) : L("undone"));
    }
  }

  function patchTable(patches: ReadonlyArray<CellPatch>): HTMLElement {
    return h(
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
  }

  return {
    panel,
    preview(grid) {
      const result = fillGrid(grid, { lang });
      const patches: CellPatch[] = result.patches.filter((p) => refOfLocation(p.location));
      fills.preview(patches, grid);
      const apply = pane.button("apply", L("apply"), true);
      const revert = pane.button("undo", L("undo"));
      apply.addEventListener("click", () => void pane.guarded(applyFill));
      revert.addEventListener("click", () => void pane.guarded(revertFill));
      put(
        panel,
        h("h2", {}, patches.length === 0 ? L("fillNone") : L("fillPreview", { n: patches.length })),
        result.conflicts.length > 0
          ? h("p", { class: "explain" }, L("conflicts", { n: result.conflicts.length }))
          : null,
        patches.length > 0 ? patchTable(patches) : null,
        h("div", { class: "actions" }, patches.length > 0 ? apply : null, revert),
        changedList,
      );
      showChanged([]);
      panel.hidden = false;
    },
  };
}
