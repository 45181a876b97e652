// Handlers for the work item toolbar menu entries. This page has no UI: the host loads it
// in a hidden frame and calls `execute` on the object registered under the action's
// registeredObjectId (equal to its contribution id).
import { ContributionIds } from "../services/contribution-ids";
import { openAddTimeDialog, type AddTimeIntent } from "../services/host-dialogs";
import { registerMenuAction, workItemIdFromActionContext } from "../services/menu-actions";
import { initSdk, reportLoadFailed, reportLoadSucceeded } from "../services/sdk-lifecycle";

function openDialogFor(intent: AddTimeIntent) {
  return (context: unknown) => openAddTimeDialog({ intent, workItemId: workItemIdFromActionContext(context) });
}

registerMenuAction(ContributionIds.startTrackingAction, openDialogFor("start-tracking"));
registerMenuAction(ContributionIds.addTimeAction, openDialogFor("add-time"));

// Registered above, before the handshake, so the handlers exist when the host asks for them.
initSdk({ showsUi: false }).then(reportLoadSucceeded, reportLoadFailed);
