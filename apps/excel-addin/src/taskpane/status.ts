/** The status line: one polite live region that says what the pane did last, or what went wrong. */
import { describeOfficeError } from "../office-errors";
import { h } from "./dom";
import { t, type Lang } from "./i18n";

/** The status line and the ways to change it. */
export interface StatusLine {
  readonly element: HTMLParagraphElement;
  /** Replaces the message. */
  say(text: string): void;
  /** Says what an error thrown by Office (or anything else) means, and what to do. */
  sayError(error: unknown): void;
  /** Records how long the last check took (data-check-ms), for the browser test. */
  timed(ms: number): void;
}

/**
 * The status line, saying "ready" until the first action.
 * @example const status = createStatus("zh-CN"); status.say("正在读取工作簿…");
 */
export function createStatus(lang: Lang): StatusLine {
  const element = h("p", { id: "status", role: "status", "aria-live": "polite" }, t(lang, "ready"));
  const say = (text: string): void => {
    element.textContent = text;
  };
  return {
    element,
    say,
    sayError: (error) => say(describeOfficeError(error, lang)),
    timed: (ms) => {
      element.dataset.checkMs = ms.toFixed(1);
    },
  };
}
