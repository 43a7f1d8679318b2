/**
 * What every part of the task pane shares: the host's Excel, the language, the status line, and the
 * one way to run work from a button (every button off meanwhile, errors said in the status line).
 */
import type { ExcelRun } from "../adapter";
import { h } from "./dom";
import { t, type Lang, type MessageKey } from "./i18n";
import type { StatusLine } from "./status";

/** A message of the pane's catalog in its language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The shared context the pane's parts are built with. */
export interface Pane {
  readonly run: ExcelRun;
  readonly lang: Lang;
  readonly L: Translate;
  /** Whether the host has an ExcelApi set. */
  readonly supports: (version: string) => boolean;
  /** Whether the button of this data-action stays disabled because this Excel cannot run it. */
  isBlocked(action: string): boolean;
  /** A button for a data-action; disabled, with a tooltip, when this Excel cannot run it. */
  button(action: string, label: string, primary?: boolean): HTMLButtonElement;
  /**
   * Runs the work of a click: the pane is busy and its buttons off until it ends; an error is said in
   * the status line. Then the buttons come back (those this Excel can run) and the `onSettled` hooks run.
   */
  guarded(work: () => Promise<void>): Promise<void>;
  /** Adds a hook that runs after every guarded work, e.g. to set a part's own buttons. */
  onSettled(hook: () => void): void;
  /** Replaces the status line's message. */
  say(text: string): void;
}

/** What the pane is built from. */
export interface PaneOptions {
  readonly run: ExcelRun;
  readonly lang: Lang;
  readonly supports: (version: string) => boolean;
  readonly blocked: ReadonlySet<string>;
  readonly status: StatusLine;
}

/**
 * The shared context of the pane built into `root`.
 * @example const pane = createPane(root, { run: Excel.run, lang: "zh-CN", supports, blocked, status });
 */
export function createPane(root: HTMLElement, options: PaneOptions): Pane {
  const { run, lang, supports, blocked, status } = options;
  const L: Translate = (k, p) => t(lang, k, p);
  const settled: (() => void)[] = [];
  return {
    run,
    lang,
    L,
    supports,
    isBlocked: (action) => blocked.has(action),
    button(action, label, primary = false) {
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
    },
    async guarded(work) {
      root.classList.add("busy");
      for (const b of root.querySelectorAll("button")) b.disabled = true;
      try {
        await work();
      } catch (e) {
        status.sayError(e);
      } finally {
        root.classList.remove("busy");
        for (const b of root.querySelectorAll("button")) b.disabled = blocked.has(b.dataset.action ?? "");
        for (const hook of settled) hook();
      }
    },
    onSettled(hook) {
      settled.push(hook);
    },
    say: status.say,
  };
}
