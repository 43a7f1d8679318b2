/**
 * Which toolbar buttons this Excel can run: each action's ExcelApi set is asked of the host once, at
 * start. A button whose set is missing stays disabled, and a notice under the status line names the
 * Excel versions that have it.
 */
import { excelFor, unsupportedActions, type Action } from "../requirements";
import { h } from "./dom";
import { t, type Lang } from "./i18n";

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

/** What the host's requirement sets allow. */
export interface ButtonRequirements {
  /** data-action values of the buttons this Excel cannot run: they stay disabled. */
  readonly blocked: ReadonlySet<string>;
  /** The list of what needs a newer Excel; null when everything runs. */
  readonly notice: HTMLUListElement | null;
}

/**
 * The buttons to keep disabled, and the notice that says why.
 * @example const { blocked, notice } = buttonRequirements((v) => v <= "1.4", "zh-CN");
 */
export function buttonRequirements(supports: (version: string) => boolean, lang: Lang): ButtonRequirements {
  const missing = unsupportedActions(supports);
  const blocked = new Set(missing.map((m) => ACTION_BUTTON[m.action]));
  if (missing.length === 0) return { blocked, notice: null };
  const byVersion = new Map<string, Action[]>();
  for (const m of missing) byVersion.set(m.version, [...(byVersion.get(m.version) ?? []), m.action]);
  const lines = [...byVersion].map(([version, actions]) =>
    h(
      "li",
      {},
      t(lang, "needsNewer", {
        buttons: actions.map((a) => `“${t(lang, a)}”`).join(lang === "en" ? ", " : "、"),
        excel: excelFor(version),
        version,
      }),
    ),
  );
  return { blocked, notice: h("ul", { id: "requirements", class: "requirements" }, ...lines) };
}
