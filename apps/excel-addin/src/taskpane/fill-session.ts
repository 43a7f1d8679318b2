/**
 * The 填充 / 应用 / 撤销 of the task pane, without the DOM: one preview at a time, applied at most once,
 * and a stack of undos. Every write goes through the adapter, which refuses (writing nothing) when a
 * target cell is no longer what the preview saw, or when an undo would overwrite a cell the user
 * changed after 应用.
 */
import type { CellPatch, Grid } from "@yusuan/disclosure";
import {
  restoreCells,
  writeCells,
  type CellWrite,
  type ChangedCell,
  type ExcelRun,
  type FillUndo,
} from "../adapter";
import { fillButtons, writesFor } from "./view-model";

/** What 应用 did: wrote `n` cells; refused (nothing written) because of `changed`; or had nothing to do. */
export type ApplyResult =
  | { readonly status: "applied"; readonly n: number }
  | { readonly status: "refused"; readonly changed: ReadonlyArray<ChangedCell> }
  | { readonly status: "nothing" };

/** What 撤销 did: restored `n` cells, `left` earlier fills still undoable; refused (nothing changed); or had nothing to undo. */
export type UndoResult =
  | { readonly status: "undone"; readonly n: number; readonly left: number }
  | { readonly status: "refused"; readonly changed: ReadonlyArray<ChangedCell> }
  | { readonly status: "nothing" };

/**
 * The fill of one task pane: {@link FillSession.preview} sets the cells to write (with what each held
 * in the grid the patches came from), {@link FillSession.apply} writes them once, {@link FillSession.undo}
 * takes back the latest applied fill, then the one before, and so on.
 * @example
 * const session = new FillSession(Excel.run);
 * session.preview(fillGrid(grid).patches, grid);
 * const result = await session.apply(); // { status: "applied", n: 3 } or { status: "refused", changed }
 */
export class FillSession {
  private writes: CellWrite[] = [];
  private applied = false;
  private readonly stack: FillUndo[] = [];

  /** @example new FillSession(Excel.run) */
  constructor(private readonly run: ExcelRun) {}

  /**
   * Sets a new preview (enabling 应用 again) and returns its writes.
   * @example session.preview(patches, grid).length // 3
   */
  preview(patches: ReadonlyArray<CellPatch>, grid: Grid): ReadonlyArray<CellWrite> {
    this.writes = writesFor(patches, grid);
    this.applied = false;
    return this.writes;
  }

  /**
   * Which buttons are enabled now.
   * @example session.buttons // { apply: true, undo: false }
   */
  get buttons(): { apply: boolean; undo: boolean } {
    return fillButtons({
      previewed: this.writes.length,
      applied: this.applied,
      undoDepth: this.stack.length,
    });
  }

  /**
   * The sheets 应用 would write to (for the protection check).
   * @example session.applySheets // ["T3"]
   */
  get applySheets(): string[] {
    return [...new Set(this.writes.map((w) => w.sheet))];
  }

  /**
   * The sheets 撤销 would write to.
   * @example session.undoSheets // ["T3"]
   */
  get undoSheets(): string[] {
    const top = this.stack[this.stack.length - 1];
    return top ? [...new Set(top.prior.map((p) => p.sheet))] : [];
  }

  /**
   * Writes the preview, all cells or none. After a write, 应用 stays off until the next preview.
   * @example await session.apply() // { status: "applied", n: 3 }
   */
  async apply(): Promise<ApplyResult> {
    if (!this.buttons.apply) return { status: "nothing" };
    const outcome = await writeCells(this.run, this.writes);
    if (!outcome.ok) return { status: "refused", changed: outcome.changed };
    this.applied = true;
    this.stack.push(outcome.undo);
    return { status: "applied", n: this.writes.length };
  }

  /**
   * Puts back the cells of the latest applied fill exactly (values, formulas and number formats as
   * they were), unless the user has changed one of them since: then nothing changes and that fill
   * stays undoable.
   * @example await session.undo() // { status: "undone", n: 3, left: 0 }
   */
  async undo(): Promise<UndoResult> {
    const top = this.stack[this.stack.length - 1];
    if (!top) return { status: "nothing" };
    const outcome = await restoreCells(this.run, top);
    if (!outcome.ok) return { status: "refused", changed: outcome.changed };
    this.stack.pop();
    return { status: "undone", n: top.prior.length, left: this.stack.length };
  }
}
