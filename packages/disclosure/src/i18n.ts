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
export function format(template: Template, lang: Lang, params: Readonly<Record<string, string | number>>): string {
  return template[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
