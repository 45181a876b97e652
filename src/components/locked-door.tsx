import * as React from "react";
import { ZeroData, ZeroDataActionType } from "azure-devops-ui/ZeroData";

export const LOCKED_DOOR_DEFAULT_REASON =
  "You don't have access to Timetracker. A Project Collection Administrator or a Timetracker " +
  "Administrator can give you a role on the Timetracker Permissions page " +
  "(Organization Settings › Extensions › Timetracker Permissions).";

export interface LockedDoorProps {
  /** Why this page is closed to the viewer and who can open it. */
  reason?: string;
  /** A way forward the viewer may take (e.g. a PCA opening the Permissions page). */
  action?: { text: string; onClick: () => void };
}

/** What a page shows to someone who may not use it (the product's "This door is locked"). */
export function LockedDoor(props: LockedDoorProps): JSX.Element {
  const { reason = LOCKED_DOOR_DEFAULT_REASON, action } = props;
  return (
    <ZeroData
      className="flex-grow"
      iconProps={{ iconName: "Lock" }}
      imageAltText=""
      primaryText="This door is locked"
      secondaryText={reason}
      actionText={action?.text}
      actionType={ZeroDataActionType.ctaButton}
      onActionClick={action ? () => action.onClick() : undefined}
    />
  );
}
