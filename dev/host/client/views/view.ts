import type { ContributionPlaces } from "../contributions";
import type { FrameHost } from "../frame-host";
import type { HostStore } from "../store";
import type { UrlSync } from "../url-sync";
import type { WorkItemSession } from "../work-item-session";

/** What every content view gets. */
export interface ViewContext {
  store: HostStore;
  frames: FrameHost;
  urlSync: UrlSync;
  places: ContributionPlaces;
  /** The form view announces its work item here (IWorkItemFormService reads it). */
  setActiveWorkItem(session: WorkItemSession | undefined, showError?: (message: string | undefined) => void): void;
}

/** A rendered route; disposing removes its frames and listeners. */
export interface View {
  dispose(): void;
}
