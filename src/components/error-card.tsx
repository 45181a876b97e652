import * as React from "react";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";

/** A failed load, in the words the backend (ApiError) or the browser gave. */
export function ErrorCard(props: { error: Error; className?: string }): JSX.Element {
  return (
    <MessageCard className={props.className} severity={MessageCardSeverity.Error} role="alert">
      {props.error.message}
    </MessageCard>
  );
}
