import * as React from "react";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";

/**
 * For PCAs: group rules that cannot be synced (the service account is missing or expired, a
 * group was deleted...), in the server's words, with the way to the Group rules tab.
 */
export function GroupRulesWarning(props: { warnings: string[]; onOpen?: () => void }): JSX.Element | null {
  if (props.warnings.length === 0) return null;
  return (
    <MessageCard
      severity={MessageCardSeverity.Warning}
      className="group-rules-warning"
      buttonProps={props.onOpen ? [{ text: "Open Group rules", onClick: props.onOpen }] : undefined}
    >
      <div className="flex-column rhythm-vertical-4">
        <span className="font-weight-semibold">Group rules need attention:</span>
        <ul className="rule-warnings">
          {props.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      </div>
    </MessageCard>
  );
}
