import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { usersText } from "./status-message";

export interface ConfirmNoneProps {
  userCount: number;
  /** Seats the change frees (users on Default free one only while the default role is licensed). */
  seatsFreed: number;
  onConfirm: () => void;
  onDismiss: () => void;
}

/** None takes Timetracker away: ask first, and say how many seats it frees. */
export function ConfirmNoneDialog(props: ConfirmNoneProps): JSX.Element {
  const seats = props.seatsFreed === 1 ? "1 seat" : `${props.seatsFreed.toLocaleString("en")} seats`;
  return (
    <Dialog
      titleProps={{ text: "Assign the None role?" }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        { text: "Assign None", danger: true, onClick: props.onConfirm },
      ]}
    >
      <div className="flex-column rhythm-vertical-8">
        <div>{usersText(props.userCount)} will no longer have access to Timetracker. Their time stays recorded.</div>
        <div className="font-weight-semibold">This frees {seats}.</div>
      </div>
    </Dialog>
  );
}
