import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { useAction } from "../common/use-action";
import { ErrorCard } from "../components/error-card";
import { groupRulesService, type GroupRuleView } from "../services/group-rules-service";
import { personName } from "./group-rule-text";
import { usersText } from "./users-text";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

const SHOWN = 10;

export interface ConfirmRemovalsProps {
  rule: GroupRuleView;
  held: NonNullable<GroupRuleView["sync"]["heldRemovals"]>;
  onConfirmed: (message: string) => void;
  onDismiss: () => void;
}

/**
 * Held removals leave only when an administrator says so, for exactly the count they saw
 * (the server refuses if it changed meanwhile).
 */
export function ConfirmRemovalsDialog(props: ConfirmRemovalsProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  const { rule, held } = props;
  const confirm = useAction(
    () => groupRulesService.confirmRemovals(rule.id, held.count),
    (answer) => props.onConfirmed(answer.message),
  );
  const more = held.count - Math.min(SHOWN, held.people.length);
  return (
    <Dialog
      titleProps={{ text: `Remove ${usersText(held.count)} from the rule for ${rule.group.displayName}?` }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        {
          text: confirm.busy ? "Removing..." : `Remove ${usersText(held.count)}`,
          danger: true,
          disabled: confirm.busy,
          onClick: () => confirm.run(),
        },
      ]}
    >
      <div className="flex-column rhythm-vertical-8">
        <div>
          {`They are no longer in ${rule.group.displayName}. Confirming removes them from this rule; those without a direct role or another rule lose their license.`}
        </div>
        <ul className="rule-people" aria-label="Users to remove">
          {held.people.slice(0, SHOWN).map((p) => (
            <li key={p.id}>{personName(p)}</li>
          ))}
          {more > 0 ? <li className="secondary-text">{`and ${more.toLocaleString("en")} more`}</li> : null}
        </ul>
        {confirm.error ? <ErrorCard error={confirm.error} /> : null}
      </div>
    </Dialog>
  );
}
