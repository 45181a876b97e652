import * as SDK from "azure-devops-extension-sdk";
import type { IWorkItemFormService, IWorkItemLoadedArgs } from "azure-devops-extension-api/WorkItemTracking";
import { HostServiceIds } from "./contribution-ids";
import { getContributionId, registerHostObject } from "./sdk-lifecycle";

export interface CurrentWorkItem {
  /** 0 for a new work item that has not been saved yet. */
  id: number;
  title: string;
  isNew: boolean;
}

/** Form events the host sends to a form group or page (the subset we use). */
export interface WorkItemFormEvents {
  onLoaded?: (args: IWorkItemLoadedArgs) => void;
  onSaved?: (args: { id: number }) => void;
  onUnloaded?: (args: { id: number }) => void;
}

function getFormService(): Promise<IWorkItemFormService> {
  return SDK.getService<IWorkItemFormService>(HostServiceIds.workItemForm);
}

/** The work item open in the form this frame sits in. */
export async function getCurrentWorkItem(): Promise<CurrentWorkItem> {
  const form = await getFormService();
  const [id, isNew, title] = await Promise.all([
    form.getId(),
    form.isNew(),
    form.getFieldValue("System.Title", { returnOriginalValue: false }),
  ]);
  return { id, isNew, title: typeof title === "string" ? title : "" };
}

/**
 * Registers this frame's form event handlers under its contribution id, which is where the
 * host looks for them. Register before the frame reports it has loaded, or the first
 * onLoaded may be missed (getCurrentWorkItem() covers that case too).
 */
export function registerWorkItemFormEvents(events: WorkItemFormEvents): () => void {
  const handlers: WorkItemFormEvents = { ...events };
  registerHostObject(getContributionId(), handlers);
  // The SDK keeps one object per id: clearing the handlers stops delivery to unmounted views.
  return () => {
    delete handlers.onLoaded;
    delete handlers.onSaved;
    delete handlers.onUnloaded;
  };
}
