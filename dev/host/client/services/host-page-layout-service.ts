import type { HostContribution, StandinProject } from "../../shared/config-types";
import type { CustomDialogOptions, DialogLayer, MessageDialogOptions } from "../views/dialog-layer";
import { textOf } from "../text";

// ms.vss-features.host-page-layout-service (IHostPageLayoutService).

export interface LayoutDeps {
  dialogs: DialogLayer;
  /** Accepts a full ("publisher.extension.id") or short contribution id. */
  findContribution(id: string): HostContribution | undefined;
  project?: StandinProject;
  setFullScreen(on: boolean): void;
  isFullScreen(): boolean;
}

function asOptions<T>(value: unknown): T {
  return (value && typeof value === "object" ? value : {}) as T;
}

export function createHostPageLayoutService(deps: LayoutDeps): object {
  const contribution = (id: unknown, method: string): HostContribution => {
    const found = deps.findContribution(String(id));
    if (!found) throw new Error(`${method}: no contribution ${String(id)} in the extension manifest.`);
    if (!found.uri) throw new Error(`${method}: contribution ${String(id)} has no properties.uri to show.`);
    return found;
  };
  return {
    openCustomDialog: (contributionId: unknown, options?: unknown) => {
      const target = contribution(contributionId, "openCustomDialog");
      deps.dialogs.openCustom("dialog", target, asOptions<CustomDialogOptions>(options), deps.project);
    },
    openPanel: (contributionId: unknown, options?: unknown) => {
      const target = contribution(contributionId, "openPanel");
      deps.dialogs.openCustom("panel", target, asOptions<CustomDialogOptions>(options), deps.project);
    },
    openMessageDialog: (message: unknown, options?: unknown) => {
      deps.dialogs.openMessage(textOf(message), asOptions<MessageDialogOptions>(options));
    },
    getFullScreenMode: () => deps.isFullScreen(),
    setFullScreenMode: (on: unknown) => deps.setFullScreen(Boolean(on)),
  };
}
