import { h } from "./dom.js";

/**
 * A headline figure: label, value, and an optional line under it.
 *
 * @example
 * stat("Live run", "r000004", "published 2 h ago");
 */
export function stat(label: string, value: string, hint?: string, tone?: "ok" | "warn" | "bad"): HTMLElement {
  return h(
    "div",
    { class: `stat${tone === undefined ? "" : ` ${tone}`}` },
    h("div", { class: "stat-label" }, label),
    h("div", { class: "stat-value" }, value),
    hint === undefined ? null : h("div", { class: "stat-hint" }, hint),
  );
}

/**
 * A table with a header row; cells are text or elements, numbers right-aligned (class `num` on their column).
 *
 * @example
 * table(["level", "WAPE"], [["geo", "12.3%"]], [false, true]);
 */
export function table(
  headers: (string | HTMLElement)[],
  rows: (string | Node)[][],
  numeric: boolean[] = [],
): HTMLTableElement {
  return h(
    "table",
    {},
    h("thead", {}, h("tr", {}, ...headers.map((x, i) => h("th", { class: numeric[i] ? "num" : null }, x)))),
    h(
      "tbody",
      {},
      ...rows.map((row) =>
        h("tr", {}, ...row.map((x, i) => h("td", { class: numeric[i] ? "num" : null }, x))),
      ),
    ),
  );
}

/**
 * A labelled select; `onchange` gets the chosen value.
 *
 * @example
 * choice("Granularity", "granularity", ["hour", "day"], "day", (g) => load(g));
 */
export function choice(
  label: string,
  id: string,
  options: readonly string[],
  selected: string,
  onchange: (value: string) => void,
): HTMLElement {
  const select = h(
    "select",
    { id, name: id },
    ...options.map((o) => h("option", { value: o, selected: o === selected }, o)),
  );
  select.addEventListener("change", () => onchange(select.value));
  return h("label", { class: "field" }, h("span", {}, label), select);
}

/**
 * A box saying what went wrong, for a request that failed.
 *
 * @example
 * panel.replaceChildren(errorBox(error));
 */
export function errorBox(error: unknown): HTMLElement {
  return h("p", { class: "error", role: "alert" }, (error as Error).message);
}
