import { h } from "../dom";
import type { View, ViewContext } from "./view";
import { textOf } from "../text";

/** Boards › Work items: the stand-in org's work items; a click opens the form. */
export function renderWorkItemsView(ctx: ViewContext, parent: HTMLElement): View {
  const items = ctx.store.state.org.workItems;
  const field = (fields: Record<string, unknown>, name: string) => displayValue(fields[name]);
  const rows = items.map((item) =>
    h(
      "tr",
      { className: "clickable", onclick: () => ctx.urlSync.goTo({ kind: "workitem", id: item.id }) },
      h("td", {}, String(item.id)),
      h("td", {}, field(item.fields, "System.WorkItemType")),
      h(
        "td",
        {},
        h("a", { href: `#/workitem/${item.id}` }, field(item.fields, "System.Title") || `Work item ${item.id}`),
      ),
      h("td", {}, field(item.fields, "System.State")),
      h("td", {}, field(item.fields, "System.AssignedTo")),
    ),
  );
  const el = h(
    "section",
    { className: "work-items" },
    h("h1", {}, "Work items"),
    items.length === 0
      ? h("p", {}, `The stand-in org ${ctx.store.state.org.name} has no work items.`)
      : h(
          "table",
          { className: "grid" },
          h("thead", {}, h("tr", {}, ...["ID", "Type", "Title", "State", "Assigned To"].map((t) => h("th", {}, t)))),
          h("tbody", {}, ...rows),
        ),
  );
  parent.append(el);
  return { dispose: () => el.remove() };
}

/** Identity fields may be objects ({ displayName }) or strings. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const named = value as { displayName?: unknown; name?: unknown };
    if (typeof named.displayName === "string") return named.displayName;
    if (typeof named.name === "string") return named.name;
    return JSON.stringify(value);
  }
  return textOf(value);
}
