import * as React from "react";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { ApiError, seatRefusalUrl } from "../services/api-error";
import { openHostUrl, openSubscriptionPage } from "../services/navigation";

export type Status = { kind: "success"; text: string } | { kind: "error"; error: Error } | null;

/**
 * The page's one message line: "Role was successfully changed", or why a change was refused.
 * A refusal for lack of seats offers the way to the Subscription page, opened for the users
 * the change needs when the backend said how many.
 */
export function StatusMessage(props: { status: Status; onDismiss: () => void }): JSX.Element | null {
  const { status } = props;
  if (!status) return null;
  if (status.kind === "success") {
    return (
      <div role="status">
        <MessageCard severity={MessageCardSeverity.Info} onDismiss={props.onDismiss} className="users-status">
          {status.text}
        </MessageCard>
      </div>
    );
  }
  const seats = status.error instanceof ApiError && status.error.code === "seat_limit";
  const url = status.error instanceof ApiError ? seatRefusalUrl(status.error) : null;
  const open = () => void (url ? openHostUrl(url) : openSubscriptionPage());
  return (
    <MessageCard
      severity={MessageCardSeverity.Error}
      onDismiss={props.onDismiss}
      role="alert"
      className="users-status"
      buttonProps={seats ? [{ text: "Open the Subscription page", onClick: open }] : undefined}
    >
      {status.error.message}
    </MessageCard>
  );
}

/** How many users, in words. */
export function usersText(count: number): string {
  return count === 1 ? "1 user" : `${count.toLocaleString("en")} users`;
}
