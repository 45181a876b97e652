import * as SDK from "azure-devops-extension-sdk";
import type { IHostPageLayoutService } from "azure-devops-extension-api";
import { ContributionIds, HostServiceIds } from "./contribution-ids";
import { getFrameConfiguration, getFullContributionId } from "./sdk-context";

/** What the user asked for when the add-time dialog opened. */
export type AddTimeIntent = "start-tracking" | "add-time";

export interface AddTimeDialogConfig {
  intent: AddTimeIntent;
  /** Undefined when opened outside a saved work item. */
  workItemId?: number;
}

const titles: Record<AddTimeIntent, string> = {
  "start-tracking": "Start Tracking",
  "add-time": "Add Time",
};

export function addTimeDialogTitle(intent: AddTimeIntent): string {
  return titles[intent];
}

/**
 * Opens our add-time dialog in the host page (outside the caller's small frame). `onClose`
 * runs when it closes, with what the dialog passed to closeHostDialog (e.g. that time was saved).
 */
export async function openAddTimeDialog(
  config: AddTimeDialogConfig,
  onClose?: (result: unknown) => void,
): Promise<void> {
  const layout = await SDK.getService<IHostPageLayoutService>(HostServiceIds.hostPageLayout);
  layout.openCustomDialog<unknown>(getFullContributionId(ContributionIds.addTimeDialog), {
    title: addTimeDialogTitle(config.intent),
    configuration: config,
    lightDismiss: false,
    ...(onClose ? { onClose } : {}),
  });
}

/** Inside the dialog: the configuration it was opened with (defaults for anything unexpected). */
export function readAddTimeDialogConfig(): AddTimeDialogConfig {
  return parseAddTimeDialogConfig(getFrameConfiguration());
}

export function parseAddTimeDialogConfig(raw: Readonly<Record<string, unknown>>): AddTimeDialogConfig {
  const intent: AddTimeIntent = raw.intent === "start-tracking" ? "start-tracking" : "add-time";
  const workItemId = typeof raw.workItemId === "number" && raw.workItemId > 0 ? raw.workItemId : undefined;
  return { intent, workItemId };
}

/** Inside the dialog: closes it through the handle the host put into the configuration. */
export function closeHostDialog(result?: unknown): void {
  const dialog = getFrameConfiguration().dialog;
  if (isClosable(dialog)) dialog.close(result);
}

function isClosable(value: unknown): value is { close: (result?: unknown) => void } {
  return typeof value === "object" && value !== null && "close" in value && typeof value.close === "function";
}
