import type { HostContribution, StandinProject } from "../../shared/config-types";
import { h } from "../dom";
import { WorkItemSession } from "../work-item-session";
import { FormContributions } from "./form-contributions";
import { renderMissing } from "./hub-view";
import type { View, ViewContext } from "./view";
import { WorkItemFields } from "./work-item-fields";
import { displayValue } from "./work-items-view";

/** Height a group gets until its page calls SDK.resize(), unless the manifest sets `height`. */
const DEFAULT_GROUP_HEIGHT = 80;

/**
 * The work item form: header, toolbar (Save, "..." with our menu actions),
 * Details tab with our form groups in the right column, and a tab per form page.
 */
export function renderWorkItemFormView(ctx: ViewContext, parent: HTMLElement, workItemId: number): View {
  const item = ctx.store.state.org.workItems.find((w) => w.id === workItemId);
  if (!item) return renderMissing(parent, `Work item ${workItemId} does not exist in ${ctx.store.state.org.name}.`);

  const session = new WorkItemSession(item);
  const project = projectOf(ctx, session);
  const actionRoot = h("div", { className: "action-frames", "aria-hidden": "true" });
  const contributions = new FormContributions(ctx.frames, session, project, actionRoot);
  const fields = new WorkItemFields(session);
  const errorBar = h("div", { className: "form-error", role: "alert", hidden: true });
  const showError = (message: string | undefined) => {
    errorBar.hidden = !message;
    errorBar.textContent = message ?? "";
  };
  ctx.setActiveWorkItem(session, showError);

  const saveButton = h("button", { className: "btn primary", disabled: true, onclick: () => session.save() }, "Save");
  const stopDirty = session.listen({
    fieldChanged: () => (saveButton.disabled = !session.isDirty()),
    saved: () => (saveButton.disabled = true),
    refreshed: () => (saveButton.disabled = true),
  });

  const rightColumn = h("div", { className: "form-column right" }, fields.details());
  const detailsPanel = h(
    "div",
    { className: "tab-panel details", "data-tab": "details" },
    h("div", { className: "form-column left" }, fields.description()),
    rightColumn,
  );
  const tabs = new FormTabs(detailsPanel);
  const root = h(
    "section",
    { className: "wi-form", "data-work-item": String(session.id) },
    h(
      "div",
      { className: "wi-header" },
      h("span", { className: "wi-type" }, session.typeName),
      h("span", { className: "wi-id" }, String(session.id)),
      fields.titleInput(),
    ),
    h(
      "div",
      { className: "wi-toolbar" },
      fields.stateSelect(),
      h("span", { className: "wi-assigned" }, displayValue(session.getField("System.AssignedTo"))),
      h("span", { className: "spacer" }),
      saveButton,
      actionMenu(
        ctx.places.formActions,
        (action) =>
          void contributions
            .runAction(action)
            .catch((e: unknown) => showError(`${action.name ?? action.id}: ${(e as Error).message}`)),
      ),
    ),
    errorBar,
    tabs.bar,
    tabs.panels,
    actionRoot,
  );
  parent.append(root);

  // Groups load with the form; pages load when their tab is first opened, as in Azure DevOps.
  for (const group of ctx.places.formGroups) mountGroup(rightColumn, group, contributions);
  for (const page of ctx.places.formPages) {
    tabs.add(page.name ?? page.id, page.id, (panel) => contributions.mount(panel, page));
  }

  return {
    dispose: () => {
      ctx.setActiveWorkItem(undefined);
      stopDirty();
      fields.dispose();
      root.hidden = true;
      void contributions.dispose().then(() => root.remove());
    },
  };
}

function mountGroup(column: HTMLElement, group: HostContribution, contributions: FormContributions): void {
  const section = h(
    "section",
    { className: "form-section form-group", "data-contribution": group.id },
    h("h3", {}, group.name ?? group.id),
  );
  column.append(section);
  const frame = contributions.mount(section, group, ({ height }) => {
    if (typeof height !== "number") return;
    // A page that asks for 0 px has nothing to show: Azure DevOps then shows no group at all.
    section.classList.toggle("collapsed", height <= 0);
    frame.iframe.style.height = `${Math.max(0, height)}px`;
  });
  const declared = group.properties.height;
  frame.iframe.style.height = `${typeof declared === "number" ? declared : DEFAULT_GROUP_HEIGHT}px`;
}

function projectOf(ctx: ViewContext, session: WorkItemSession): StandinProject | undefined {
  const projects = ctx.store.state.org.projects;
  const name = session.getField("System.TeamProject");
  return projects.find((p) => p.name === name) ?? projects[0];
}

function actionMenu(actions: HostContribution[], run: (action: HostContribution) => void): HTMLElement {
  const list = h("div", { className: "menu", role: "menu", hidden: true });
  for (const action of actions) {
    const text = typeof action.properties.text === "string" ? action.properties.text : (action.name ?? action.id);
    list.append(
      h(
        "button",
        { className: "menu-item", role: "menuitem", onclick: () => ((list.hidden = true), run(action)) },
        text,
      ),
    );
  }
  if (actions.length === 0) list.append(h("div", { className: "menu-empty" }, "No actions from the extension"));
  const toggle = h(
    "button",
    {
      className: "icon-btn",
      "aria-label": "More actions",
      "aria-haspopup": "menu",
      onclick: () => (list.hidden = !list.hidden),
    },
    "⋯",
  );
  return h("div", { className: "menu-anchor" }, toggle, list);
}

/** Tab strip: "Details" plus one tab per form page, panels created on first open. */
class FormTabs {
  readonly bar = h("div", { className: "tabs", role: "tablist" });
  readonly panels = h("div", { className: "tab-panels" });
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly panelById = new Map<string, HTMLElement>();

  constructor(details: HTMLElement) {
    this.register("Details", "details", () => details);
  }

  add(label: string, id: string, fill: (panel: HTMLElement) => void): void {
    this.register(label, id, () => h("div", { className: "tab-panel page", "data-tab": id }), fill);
  }

  private register(label: string, id: string, create: () => HTMLElement, fill?: (panel: HTMLElement) => void): void {
    const button = h(
      "button",
      { role: "tab", "aria-selected": "false", onclick: () => this.select(id, create, fill) },
      label,
    );
    this.buttons.set(id, button);
    this.bar.append(button);
    if (id === "details") this.select(id, create);
  }

  private select(id: string, create: () => HTMLElement, fill?: (panel: HTMLElement) => void): void {
    if (!this.panelById.has(id)) {
      const panel = create();
      this.panelById.set(id, panel);
      this.panels.append(panel);
      fill?.(panel); // after appending: an iframe only gets its window once it is in the document
    }
    for (const [tabId, panel] of this.panelById) panel.hidden = tabId !== id;
    for (const [tabId, button] of this.buttons) button.setAttribute("aria-selected", String(tabId === id));
  }
}
