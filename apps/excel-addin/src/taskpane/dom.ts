/** The task pane's two DOM helpers: build an element, replace an element's children. */

/** What an element can hold; `null`, `undefined` and `false` are left out, so that conditions read inline. */
export type Child = Node | string | null | undefined | false;

/**
 * An element with attributes and children.
 * @example h("button", { type: "button", class: "btn" }, "检查")
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

/**
 * Replaces the children of `el`.
 * @example put(panel, h("h2", {}, "填充预览"), table)
 */
export function put(el: HTMLElement, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}
