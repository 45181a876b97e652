import type { StandinGroup, StandinGroupMember } from "../../shared/config-types";
import { addGroupMember, fetchGroups, fetchOrg, HostApiError, removeGroupMember } from "../api";
import { h } from "../dom";
import type { View, ViewContext } from "./view";

/**
 * Organization Settings › Local stand-in › Groups (stand-in): who is in which group of the
 * Azure DevOps stand-in, changed by hand while everything runs, so a group rule can be seen
 * following a group. A dev-only tool of this host (Azure DevOps has no such page); every list
 * it shows is what the stand-in answered, never its own guess.
 */
export function renderStandinGroupsView(ctx: ViewContext, parent: HTMLElement): View {
  const orgName = ctx.store.state.org.name;
  let groups: StandinGroup[] | undefined;
  let selected: string | undefined;
  let busy = false;
  let disposed = false;

  const listRoot = h("ul", { className: "group-list", "aria-label": "Groups" });
  const detailRoot = h("section", { className: "group-detail", "aria-labelledby": "group-title" });
  const status = h("p", { className: "group-status", role: "status" });
  const alert = h("p", { className: "group-alert", role: "alert" });
  const el = h(
    "section",
    { className: "standin-groups", "aria-labelledby": "standin-groups-title" },
    h("h1", { id: "standin-groups-title" }, "Groups (stand-in)"),
    h(
      "p",
      { className: "dev-only-note" },
      h("strong", {}, "Dev-only tool. "),
      `Changes who is in a group of the Azure DevOps stand-in's organization ${orgName} while it runs, as an administrator would in Azure DevOps or Entra ID. `,
      "Timetracker reads groups through Azure DevOps and sees each change on its next sync. Changes last until the stand-in restarts.",
    ),
    h("div", { className: "groups-layout" }, listRoot, detailRoot),
  );
  parent.append(el);
  detailRoot.append(h("p", { className: "muted" }, "Loading groups…"));
  void load();

  async function load(): Promise<void> {
    try {
      groups = await fetchGroups(orgName);
      selected ??= groups[0]?.descriptor;
      render();
    } catch (e) {
      if (disposed) return;
      detailRoot.replaceChildren(
        h("p", { className: "group-alert", role: "alert" }, `Could not read the stand-in's groups: ${reasonOf(e)}`),
        h("button", { className: "btn", type: "button", onclick: () => void load() }, "Try again"),
      );
    }
  }

  /** Renders both halves and puts the focus back where it was (elements are rebuilt). */
  function render(focusKey = focusedKey()): void {
    if (disposed || !groups) return;
    listRoot.replaceChildren(...groups.map(groupButton));
    const group = groups.find((g) => g.descriptor === selected);
    detailRoot.replaceChildren(...(group ? detail(group) : [h("p", {}, `${orgName} has no groups.`)]));
    if (focusKey) el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  function focusedKey(): string | undefined {
    const active = document.activeElement;
    return active instanceof HTMLElement && el.contains(active) ? active.dataset.focusKey : undefined;
  }

  function groupButton(group: StandinGroup): HTMLElement {
    const current = group.descriptor === selected;
    const count = group.members.length;
    return h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          className: `group-item${current ? " current" : ""}`,
          "aria-current": current ? "true" : undefined,
          "data-focus-key": `group:${group.descriptor}`,
          onclick: () => {
            selected = group.descriptor;
            say("");
            render();
          },
        },
        h("span", { className: "group-name" }, group.displayName),
        h(
          "span",
          { className: "group-meta" },
          `${scopeOf(group)} · ${originLabel(group.origin)} · ${count} direct member${count === 1 ? "" : "s"}`,
        ),
      ),
    );
  }

  function detail(group: StandinGroup): HTMLElement[] {
    return [
      h("h2", { id: "group-title" }, group.displayName),
      h("p", { className: "muted group-principal" }, `${group.principalName} · ${originLabel(group.origin)} group`),
      addForm(group),
      status,
      alert,
      group.members.length === 0
        ? h("p", { className: "muted" }, "No direct members.")
        : h(
            "table",
            { className: "grid members", "aria-label": `Direct members of ${group.displayName}` },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "Name"),
                h("th", { scope: "col" }, "Email or group"),
                h("th", { scope: "col" }, "Kind"),
                h("th", { scope: "col" }, h("span", { className: "visually-hidden" }, "Actions")),
              ),
            ),
            h(
              "tbody",
              {},
              ...group.members.map((m, i) => memberRow(group, m, group.members[i + 1] ?? group.members[i - 1])),
            ),
          ),
    ];
  }

  function memberRow(group: StandinGroup, member: StandinGroupMember, neighbour?: StandinGroupMember): HTMLElement {
    return h(
      "tr",
      {},
      h("td", {}, member.displayName),
      h("td", { className: "muted" }, member.principalName),
      h("td", {}, member.kind === "group" ? "Group" : "User"),
      h(
        "td",
        { className: "actions" },
        h(
          "button",
          {
            type: "button",
            className: "btn",
            "data-focus-key": `remove:${member.descriptor}`,
            "aria-label": `Remove ${member.displayName} from ${group.displayName}`,
            onclick: () =>
              void change(
                () => removeGroupMember(orgName, group.descriptor, member.descriptor),
                `Removed ${member.displayName} from ${group.principalName}.`,
                // The row goes away: the next row's button (or the picker) takes the focus.
                neighbour ? `remove:${neighbour.descriptor}` : "add-member",
              ),
          },
          "Remove",
        ),
      ),
    );
  }

  function addForm(group: StandinGroup): HTMLElement {
    const direct = new Set(group.members.map((m) => m.descriptor));
    const users = [...ctx.store.state.org.users]
      .filter((u) => !u.descriptor || !direct.has(u.descriptor))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    // Other groups too, for nesting; whether one may go in (no cycles) is the stand-in's call.
    const otherGroups = (groups ?? []).filter((g) => g.descriptor !== group.descriptor && !direct.has(g.descriptor));
    const select = h(
      "select",
      { id: "add-member", "data-focus-key": "add-member" },
      h("option", { value: "" }, "Choose a user or group…"),
      h(
        "optgroup",
        { label: "Users" },
        ...users.map((u) => h("option", { value: u.id }, `${u.displayName} (${u.email})`)),
      ),
      otherGroups.length > 0 &&
        h(
          "optgroup",
          { label: "Groups" },
          ...otherGroups.map((g) => h("option", { value: g.descriptor }, g.principalName)),
        ),
    );
    return h(
      "form",
      {
        className: "add-member",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const option = select.selectedOptions[0];
          if (!select.value || !option) {
            say("", "Choose a user or group to add first.");
            select.focus();
            return;
          }
          const name = option.textContent?.replace(/ \(.*\)$/, "") ?? select.value;
          void change(
            () => addGroupMember(orgName, group.descriptor, select.value),
            `Added ${name} to ${group.principalName}.`,
            "add-member",
          );
        },
      },
      h("label", { for: "add-member" }, `Add to ${group.displayName}`),
      select,
      h("button", { type: "submit", className: "btn primary", "data-focus-key": "add-submit" }, "Add"),
    );
  }

  /** One change at a time; the group is shown as the stand-in answers it, or its refusal. */
  async function change(call: () => Promise<StandinGroup>, done: string, focusAfter: string): Promise<void> {
    if (busy) return;
    busy = true;
    el.setAttribute("aria-busy", "true");
    try {
      const updated = await call();
      groups = groups?.map((g) => (g.descriptor === updated.descriptor ? updated : g));
      render(focusAfter);
      say(done);
    } catch (e) {
      say("", reasonOf(e));
      return;
    } finally {
      busy = false;
      el.removeAttribute("aria-busy");
    }
    await refreshOrg();
  }

  /** Who is a PCA may have changed: the top bar's badges follow the stand-in's fresh answer. */
  async function refreshOrg(): Promise<void> {
    try {
      const org = await fetchOrg(orgName);
      if (disposed) return;
      const user = org.users.find((u) => u.id === ctx.store.state.user.id) ?? ctx.store.state.user;
      ctx.store.update({ org, user });
    } catch (e) {
      say(status.textContent ?? "", `The change is made, but the top bar could not refresh: ${reasonOf(e)}`);
    }
  }

  function say(message: string, error = ""): void {
    status.textContent = message;
    alert.textContent = error;
  }

  return {
    dispose: () => {
      disposed = true;
      el.remove();
    },
  };
}

const originLabel = (origin: string): string => (origin === "aad" ? "Entra ID" : "Azure DevOps");

/** `[Fabrikam Web]` of `[Fabrikam Web]\Contributors`: two groups may share a display name. */
const scopeOf = (group: StandinGroup): string => group.principalName.split("\\")[0];

const reasonOf = (e: unknown): string =>
  e instanceof HostApiError ? e.reason : e instanceof Error ? e.message : String(e);
