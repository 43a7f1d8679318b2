/** Message languages. zh-CN is the default everywhere. */
export type Lang = "zh-CN" | "en";

/** A message template per language, with `{name}` placeholders. */
export type Template = { readonly "zh-CN": string; readonly en: string };

/**
 * Fills a template's `{name}` placeholders from params; unknown placeholders stay visible so a
 * missing parameter is noticed in tests rather than silently dropped.
 *
 * @example
 * ```ts
 * format({ "zh-CN": "差额 {d} 元", en: "difference {d}" }, "zh-CN", { d: "0.01" }); // "差额 0.01 元"
 * ```
 */
export function format(
  template: Template,
  lang: Lang,
  params: Readonly<Record<string, string | number>>,
): string {
  return template[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/**
 * Longest text of one message parameter (a quoted cell, note or excerpt), in characters.
 *
 * @example
 * ```ts
 * capText("很长的说明……".repeat(1000), PARAM_CAP).length <= PARAM_CAP; // true
 * ```
 */
export const PARAM_CAP = 300;

/**
 * Longest text of one finding's message, in characters.
 *
 * @example
 * ```ts
 * capText(message, MESSAGE_CAP);
 * ```
 */
export const MESSAGE_CAP = 1000;

/**
 * A text cut to at most `max` characters, ending in "…" when cut (never inside a surrogate pair).
 *
 * @example
 * ```ts
 * capText("一二三四五", 3); // "一二…"
 * capText("短", 3); // "短"
 * ```
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
