import { hubSlug, type ContributionPlaces } from "../contributions";
import { clear, h } from "../dom";
import { avatarDataUrl } from "../sdk-context";
import type { HostState, HostStore } from "../store";
import { formatRoute, type Route } from "../url-state";

/**
 * The Azure DevOps chrome around the frames: top bar (org, Cloud/Server,
 * Light/Dark, user switcher) and the left navigation.
 */
export class Shell {
  readonly bannerRoot = h("div", { className: "banners" });
  readonly contentRoot = h("main", { className: "content", id: "content" });
  readonly toastRoot = h("div", { className: "toasts", "aria-live": "polite" });
  readonly layerRoot = h("div", { className: "layers" });
  private readonly topBar = h("header", { className: "top-bar" });
  private readonly nav = h("nav", { className: "left-nav", "aria-label": "Project navigation" });

  constructor(
    root: HTMLElement,
    private readonly store: HostStore,
    private readonly places: ContributionPlaces,
  ) {
    clear(root);
    root.append(
      this.topBar,
      h(
        "div",
        { className: "body-row" },
        this.nav,
        h("div", { className: "main-column" }, this.bannerRoot, this.contentRoot),
      ),
      this.toastRoot,
      this.layerRoot,
    );
    this.render(store.state);
    store.subscribe((state) => this.render(state));
  }

  setFullScreen(on: boolean): void {
    document.body.classList.toggle("full-screen", on);
  }

  isFullScreen(): boolean {
    return document.body.classList.contains("full-screen");
  }

  private render(state: HostState): void {
    this.renderTopBar(state);
    this.renderNav(state);
  }

  private renderTopBar(state: HostState): void {
    const { org, user, hostKind, theme } = state;
    const userSelect = h(
      "select",
      {
        id: "user-switcher",
        "aria-label": "Signed-in user",
        onchange: (e: Event) => this.switchUser((e.target as HTMLSelectElement).value),
      },
      ...org.users.map((u) =>
        h("option", { value: u.id, selected: u.id === user.id }, `${u.displayName}${u.isPca ? " (PCA)" : ""}`),
      ),
    );
    this.topBar.replaceChildren(
      h(
        "a",
        { className: "logo", href: `#${formatRoute({ kind: "hub" })}`, "aria-label": "Azure DevOps" },
        h("span", { className: "logo-mark" }),
        "Azure DevOps",
      ),
      h("span", { className: "org-name", "data-testid": "org-name" }, org.name),
      h("span", { className: "crumb" }, "/"),
      h("span", { className: "crumb" }, state.org.projects[0]?.name ?? ""),
      h("span", { className: "spacer" }),
      this.toggle(
        "Host type",
        [
          ["cloud", "Cloud"],
          ["server", "Server"],
        ],
        hostKind,
        (v) => this.store.update({ hostKind: v as HostState["hostKind"] }),
      ),
      this.toggle(
        "Theme",
        [
          ["light", "Light"],
          ["dark", "Dark"],
        ],
        theme,
        (v) => this.store.update({ theme: v as HostState["theme"] }),
      ),
      h("label", { className: "user-label", for: "user-switcher" }, "User"),
      userSelect,
      user.isPca ? h("span", { className: "badge pca", title: "Project Collection Administrator" }, "PCA") : "",
      h("img", { className: "avatar", src: avatarDataUrl(user.displayName), alt: "" }),
    );
  }

  private toggle(
    label: string,
    options: [string, string][],
    current: string,
    onPick: (value: string) => void,
  ): HTMLElement {
    return h(
      "div",
      { className: "segmented", role: "group", "aria-label": label },
      ...options.map(([value, text]) =>
        h(
          "button",
          {
            className: value === current ? "selected" : "",
            "aria-pressed": value === current ? "true" : "false",
            onclick: () => onPick(value),
          },
          text,
        ),
      ),
    );
  }

  private renderNav(state: HostState): void {
    const all = state.config.contributions;
    const link = (text: string, route: Route, active: boolean) =>
      h("a", { className: `nav-item ${active ? "active" : ""}`, href: `#${formatRoute(route)}` }, text);
    const r = state.route;
    const projectHubLinks = this.places.projectHubs.map((hub, i) => {
      const route: Route = i === 0 ? { kind: "hub" } : { kind: "hub", slug: hubSlug(hub, all) };
      const active = r.kind === "hub" && (i === 0 ? !r.slug : r.slug === route.slug);
      return link(hub.name ?? hub.id, route, active);
    });
    const adminLinks = this.places.adminHubs.map((hub) => {
      const slug = hubSlug(hub, all);
      return link(hub.name ?? hub.id, { kind: "settings", slug }, r.kind === "settings" && r.slug === slug);
    });
    this.nav.replaceChildren(
      h("div", { className: "nav-project" }, state.org.projects[0]?.name ?? state.org.name),
      h("div", { className: "nav-group" }, "Boards"),
      link("Work items", { kind: "workitems" }, r.kind === "workitems" || r.kind === "workitem"),
      ...projectHubLinks,
      // Azure DevOps lists the hubs extensions contribute to ms.vss-web.collection-admin-hub-group
      // in the Extensions section of Organization Settings (the reference's "Organization
      // Settings › Extensions › … Permissions"); the built-in sections are not played here.
      h(
        "div",
        { role: "group", "aria-labelledby": "nav-org-settings" },
        h("div", { className: "nav-group settings", id: "nav-org-settings" }, "Organization Settings"),
        h(
          "div",
          { role: "group", "aria-labelledby": "nav-extensions" },
          h("div", { className: "nav-section", id: "nav-extensions" }, "Extensions"),
          ...adminLinks,
        ),
        // Not an Azure DevOps page: the dev host's own tool over the stand-in, kept apart and named so.
        h(
          "div",
          { role: "group", "aria-labelledby": "nav-standin" },
          h("div", { className: "nav-section", id: "nav-standin" }, "Local stand-in (dev only)"),
          link("Groups (stand-in)", { kind: "standin-groups" }, r.kind === "standin-groups"),
        ),
      ),
    );
  }

  private switchUser(userId: string): void {
    const user = this.store.state.org.users.find((u) => u.id === userId);
    if (user) this.store.update({ user });
  }
}
