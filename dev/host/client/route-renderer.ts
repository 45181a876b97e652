import { findHub } from "./contributions";
import type { HostState } from "./store";
import { renderHubView, renderMissing } from "./views/hub-view";
import type { View, ViewContext } from "./views/view";
import { renderWorkItemFormView } from "./views/work-item-form-view";
import { renderStandinGroupsView } from "./views/standin-groups-view";
import { renderWorkItemsView } from "./views/work-items-view";

/**
 * Renders the current route into the content area. Changing the route, the
 * user, the org or Cloud/Server rebuilds the view, so every frame does a new
 * handshake with the new context; a theme change is pushed to live frames.
 */
export class RouteRenderer {
  private view?: View;

  constructor(
    private readonly ctx: ViewContext,
    private readonly content: HTMLElement,
  ) {
    this.render(ctx.store.state);
    ctx.store.subscribe((state, previous) => {
      if (needsRebuild(state, previous)) this.render(state);
      if (state.theme !== previous.theme) ctx.frames.broadcastTheme(state.theme);
    });
  }

  private render(state: HostState): void {
    this.view?.dispose();
    const { route, config, org } = state;
    const all = config.contributions;
    const project = org.projects[0];
    switch (route.kind) {
      case "workitems":
        this.view = renderWorkItemsView(this.ctx, this.content);
        break;
      case "workitem":
        this.view = renderWorkItemFormView(this.ctx, this.content, route.id);
        break;
      case "settings": {
        const hub = findHub(this.ctx.places.adminHubs, all, route.slug);
        this.view = hub
          ? renderHubView(this.ctx, this.content, hub)
          : renderMissing(this.content, `No Organization Settings hub "${route.slug}" in the extension manifest.`);
        break;
      }
      case "standin-groups":
        this.view = renderStandinGroupsView(this.ctx, this.content);
        break;
      case "hub": {
        const hub = findHub(this.ctx.places.projectHubs, all, route.slug);
        this.view = hub
          ? renderHubView(this.ctx, this.content, hub, project)
          : renderMissing(this.content, "The extension manifest has no project hub (ms.vss-web.hub).");
        break;
      }
    }
    document.title = `${titleOf(state)} - ${org.name} - Azure DevOps (dev host)`;
  }
}

/**
 * A new page in Azure DevOps terms: every frame starts over. A fresh copy of the same org
 * (the Groups page refreshes it so PCA badges follow a membership change) is not one.
 */
export function needsRebuild(state: HostState, previous: HostState): boolean {
  return (
    state.route !== previous.route ||
    state.user.id !== previous.user.id ||
    state.hostKind !== previous.hostKind ||
    state.org.name !== previous.org.name
  );
}

function titleOf(state: HostState): string {
  const r = state.route;
  if (r.kind === "workitem") return `Work item ${r.id}`;
  if (r.kind === "workitems") return "Work items";
  if (r.kind === "settings") return "Organization Settings";
  if (r.kind === "standin-groups") return "Groups (stand-in)";
  return "Boards";
}
