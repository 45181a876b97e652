import type { HostContribution, StandinProject } from "../../shared/config-types";
import { h } from "../dom";
import type { View, ViewContext } from "./view";

/** A hub: the contribution's page fills the content area, as in Azure DevOps. */
export function renderHubView(
  ctx: ViewContext,
  parent: HTMLElement,
  hub: HostContribution,
  project?: StandinProject,
): View {
  const frame = ctx.frames.mount(parent, {
    contribution: hub,
    project,
    className: "hub-frame",
    // Hubs are sized by the host, not by SDK.resize().
    onResize: () => undefined,
  });
  return { dispose: () => ctx.frames.unmount(frame) };
}

export function renderMissing(parent: HTMLElement, message: string): View {
  const el = h("div", { className: "empty-state" }, message);
  parent.append(el);
  return { dispose: () => el.remove() };
}
