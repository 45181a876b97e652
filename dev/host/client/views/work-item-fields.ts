import { h } from "../dom";
import { isReadOnlyField, type WorkItemSession } from "../work-item-session";
import { displayValue } from "./work-items-view";

/** Shown in the header or toolbar, or not at all; everything else is listed in the Details group. */
const NOT_IN_DETAILS = new Set([
  "System.Id",
  "System.Title",
  "System.State",
  "System.Description",
  "System.WorkItemType",
  "System.Rev",
  "System.TeamProject",
]);

const STATES = ["New", "Active", "Resolved", "Closed"];

/**
 * The form's own fields, editable like on a real form so that pages receive
 * onFieldChanged. Keeps its inputs in step with writes from pages (setFieldValue).
 */
export class WorkItemFields {
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  private readonly stop: () => void;

  constructor(private readonly session: WorkItemSession) {
    this.stop = session.listen({
      fieldChanged: (changed) => this.refresh(Object.keys(changed)),
      saved: () => undefined,
      refreshed: () => this.refresh([...this.inputs.keys()]),
    });
  }

  titleInput(): HTMLElement {
    return this.bind("System.Title", h("input", { className: "wi-title", "aria-label": "Title" }));
  }

  stateSelect(): HTMLElement {
    const current = displayValue(this.session.getField("System.State"));
    const states = STATES.includes(current) || !current ? STATES : [current, ...STATES];
    const select = h("select", { "aria-label": "State" }, ...states.map((s) => h("option", { value: s }, s)));
    return h("label", { className: "wi-state" }, "State ", this.bind("System.State", select));
  }

  description(): HTMLElement {
    return h(
      "div",
      { className: "form-section" },
      h("h3", {}, "Description"),
      this.bind("System.Description", h("textarea", { rows: 6, "aria-label": "Description" })),
    );
  }

  details(): HTMLElement {
    const rows = this.session
      .fieldNames()
      .filter((name) => !NOT_IN_DETAILS.has(name))
      .map((name) => {
        const value = this.session.getField(name);
        const label = name.split(".").pop() ?? name;
        const control =
          (value !== null && typeof value === "object") || isReadOnlyField(name)
            ? h("span", { className: "readonly-value", "data-field": name }, displayValue(value))
            : this.bind(name, h("input", { type: typeof value === "number" ? "number" : "text", "aria-label": label }));
        return h("div", { className: "field-row" }, h("label", { title: name }, label), control);
      });
    return h("section", { className: "form-section" }, h("h3", {}, "Details"), ...rows);
  }

  dispose(): void {
    this.stop();
  }

  private bind<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name: string, el: T): T {
    el.dataset.field = name;
    el.value = displayValue(this.session.getField(name));
    el.addEventListener("change", () => {
      const numeric = el instanceof HTMLInputElement && el.type === "number";
      this.session.setFields({ [name]: numeric ? Number(el.value) : el.value });
    });
    this.inputs.set(name, el);
    return el;
  }

  private refresh(names: string[]): void {
    for (const name of names) {
      const el = this.inputs.get(name);
      if (el && document.activeElement !== el) el.value = displayValue(this.session.getField(name));
    }
  }
}
