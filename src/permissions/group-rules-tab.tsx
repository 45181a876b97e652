import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerOrientation, SpinnerSize } from "azure-devops-ui/Spinner";
import { useAction } from "../common/use-action";
import { ErrorCard } from "../components/error-card";
import { groupRulesService, type GroupRuleView } from "../services/group-rules-service";
import type { Role } from "../services/users-service";
import { AddGroupRulePanel } from "./add-group-rule-panel";
import { ConfirmRemovalsDialog } from "./confirm-removals-dialog";
import { DeleteRuleDialog } from "./delete-rule-dialog";
import { GroupRuleCard } from "./group-rule-card";
import type { Status } from "./status-message";
import type { GroupRulesState } from "./use-group-rules";

export interface GroupRulesTabProps {
  rules: GroupRulesState;
  defaultRole: Role;
  isPca: boolean;
  /** After any change (or refusal): the page shows the outcome and reads seats, lists and rules again. */
  onChanged: (status: Status) => void;
}

type Asking = { kind: "delete"; rule: GroupRuleView } | { kind: "confirm"; rule: GroupRuleView } | null;

/**
 * Permissions › Group rules: licenses that follow an Azure DevOps or Entra group. Every
 * number here is the server's; syncing runs on the server and the list shows its outcome.
 */
export function GroupRulesTab(props: GroupRulesTabProps): JSX.Element {
  const { rules, onChanged } = props;
  const [adding, setAdding] = React.useState(false);
  const [asking, setAsking] = React.useState<Asking>(null);
  const [syncingId, setSyncingId] = React.useState<string | null>(null);
  const failed = (error: Error) => onChanged({ kind: "error", error });
  const syncAll = useAction(
    () => groupRulesService.syncAll(),
    (answer) => {
      rules.replace(answer);
      onChanged({ kind: "success", text: answer.message });
    },
    failed,
  );
  const syncOne = useAction(
    (id: string) => groupRulesService.sync(id),
    (answer) => (setSyncingId(null), onChanged({ kind: "success", text: answer.message })),
    (error) => (setSyncingId(null), failed(error)),
  );
  const busy = syncAll.busy || syncOne.busy;
  const sync = (id: string) => {
    if (busy) return;
    setSyncingId(id);
    syncOne.run(id);
  };
  const done = (message: string) => {
    setAsking(null);
    onChanged({ kind: "success", text: message });
  };

  const list = rules.value?.rules ?? [];
  // The server says when no rule can be added here (Azure DevOps Server has no Graph).
  const unavailable = rules.value?.unavailable ?? null;
  return (
    <div className="flex-column rhythm-vertical-16 group-rules-tab">
      {unavailable ? (
        <MessageCard severity={MessageCardSeverity.Info} className="group-rules-unavailable">
          {unavailable}
        </MessageCard>
      ) : null}
      <div className="flex-row flex-center rhythm-horizontal-8">
        <Button
          text="Add rule"
          iconProps={{ iconName: "Add" }}
          primary={true}
          disabled={unavailable !== null}
          onClick={() => setAdding(true)}
        />
        <Button
          text="Sync now"
          iconProps={{ iconName: "Refresh" }}
          ariaLabel="Sync now: every rule"
          disabled={busy || list.length === 0}
          onClick={() => syncAll.run()}
        />
        {syncAll.busy ? (
          <Spinner size={SpinnerSize.small} orientation={SpinnerOrientation.row} label="Syncing every rule..." />
        ) : null}
        {rules.value ? (
          <span className="secondary-text">{`${list.length} of ${rules.value.maxRules} rules`}</span>
        ) : null}
      </div>
      <div className="secondary-text">
        Everyone in a rule&apos;s group gets a license with the rule&apos;s role, nested groups included. A member keeps
        the highest role any rule or a direct assignment gives them.
      </div>
      {rules.error ? <ErrorCard error={rules.error} /> : null}
      {rules.value === null && rules.loading ? (
        <Spinner size={SpinnerSize.large} label="Loading group rules..." />
      ) : null}
      {rules.value !== null && list.length === 0 && !unavailable ? (
        <div className="secondary-text">No group rules yet. Add one to license everyone in a group.</div>
      ) : null}
      {list.length > 0 ? (
        <ul className="group-rules" aria-label="Group rules">
          {list.map((rule) => (
            <li key={rule.id}>
              <GroupRuleCard
                rule={rule}
                isPca={props.isPca}
                syncing={syncingId === rule.id}
                busy={busy}
                onSync={() => sync(rule.id)}
                onDelete={() => setAsking({ kind: "delete", rule })}
                onConfirmRemovals={() => setAsking({ kind: "confirm", rule })}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {asking?.kind === "delete" ? (
        <DeleteRuleDialog rule={asking.rule} isPca={props.isPca} onDeleted={done} onDismiss={() => setAsking(null)} />
      ) : null}
      {asking?.kind === "confirm" && asking.rule.sync.heldRemovals ? (
        <ConfirmRemovalsDialog
          rule={asking.rule}
          held={asking.rule.sync.heldRemovals}
          onConfirmed={done}
          onDismiss={() => setAsking(null)}
        />
      ) : null}
      {adding ? (
        <AddGroupRulePanel
          defaultRole={props.defaultRole}
          isPca={props.isPca}
          onDismiss={() => setAdding(false)}
          onSaved={(status) => {
            setAdding(false);
            onChanged(status);
          }}
        />
      ) : null}
    </div>
  );
}
