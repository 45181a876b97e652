import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { useEscapeWhenFocusLost } from "../../common/use-escape-when-focus-lost";

export interface ConfirmRevokeProps {
  tokenName: string;
  onConfirm: () => void;
  onDismiss: () => void;
}

/** Revoking cannot be undone and breaks the scripts that use the token: ask first. */
export function ConfirmRevokeDialog(props: ConfirmRevokeProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  return (
    <Dialog
      titleProps={{ text: `Revoke “${props.tokenName}”?` }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        { text: "Revoke token", danger: true, onClick: props.onConfirm },
      ]}
    >
      Scripts that use this token stop working at once. This cannot be undone; they will need a new token.
    </Dialog>
  );
}
