import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import type { AssignRolesPreviewResponse } from "../services/users-service";
import { usersText } from "./status-message";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

export interface ConfirmNoneProps {
  userCount: number;
  /** The server's preview of setting them to None: the seats it frees and what that saves. */
  preview: AssignRolesPreviewResponse;
  onConfirm: () => void;
  onDismiss: () => void;
}

/** None takes Timetracker away: ask first, and say how many seats and how much per month it frees. */
export function ConfirmNoneDialog(props: ConfirmNoneProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  const { preview } = props;
  const { problems } = preview;
  return (
    <Dialog
      titleProps={{ text: "Assign the None role?" }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        { text: "Assign None", danger: true, onClick: props.onConfirm, disabled: preview.changing === 0 },
      ]}
    >
      <div className="flex-column rhythm-vertical-8">
        <div>{usersText(props.userCount)} will no longer have access to Timetracker. Their time stays recorded.</div>
        <div className="font-weight-semibold">{preview.summary}.</div>
        {preview.savingText ? <div>{preview.savingText}</div> : null}
        {problems.length > 0 ? (
          <div className="secondary-text">
            {problems.length === 1
              ? problems[0].message
              : `${usersText(problems.length)} keep their role: ${problems[0].message}`}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
