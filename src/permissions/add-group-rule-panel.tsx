import * as React from "react";
import { Dropdown } from "azure-devops-ui/Dropdown";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Panel } from "azure-devops-ui/Panel";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";
import { useAction } from "../common/use-action";
import { ErrorCard } from "../components/error-card";
import { groupRulesService, RULE_ROLES, type RuleRole } from "../services/group-rules-service";
import type { GroupView, Role } from "../services/users-service";
import { GroupRulePreview } from "./group-rule-preview";
import { ChosenGroup, GROUP_SEARCH_INPUT, GroupSearch } from "./group-search";
import { roleName } from "./role-picker";
import { StatusMessage, type Status } from "./status-message";
import { useAsync } from "../common/use-async";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

export interface AddGroupRulePanelProps {
  defaultRole: Role;
  /** Only PCAs can add seats: others are told whom to ask. */
  isPca: boolean;
  onDismiss: () => void;
  /** The rule is saved and had its first sync: the server's message. */
  onSaved: (status: Status) => void;
}

const FIRST_ROLE: RuleRole = "Team";

/**
 * Group rules › Add rule: pick a group and a role, read the server's preview (who it licenses,
 * the seats it needs against the seats free), then save. Save waits for a preview that fits
 * and that the server says can be saved (the rule's syncs need a service account):
 * the server checks again when saving and its refusal is shown here.
 */
export function AddGroupRulePanel(props: AddGroupRulePanelProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  const [group, setGroup] = React.useState<GroupView | null>(null);
  const [role, setRole] = React.useState<RuleRole>(FIRST_ROLE);
  const [status, setStatus] = React.useState<Status>(null);
  const roleSelection = React.useMemo(() => {
    const selection = new DropdownSelection();
    selection.select(RULE_ROLES.indexOf(FIRST_ROLE));
    return selection;
  }, []);
  const request = group ? { groupDescriptor: group.descriptor, role } : null;
  const preview = useAsync(
    request ? () => groupRulesService.preview(request) : null,
    request ? `${request.groupDescriptor}|${request.role}` : "",
  );
  const save = useAction(
    () => groupRulesService.create({ groupDescriptor: group!.descriptor, role }),
    (answer) => props.onSaved({ kind: "success", text: answer.message }),
    (error) => setStatus({ kind: "error", error }),
  );
  const roleLabel = roleName(role, props.defaultRole);
  // The server says whether the rule can be saved now (seats, a service account for its syncs).
  const saveBlocked = preview.status === "ready" ? preview.value.saveBlocked : null;
  const savable = preview.status === "ready" && preview.value.impact.fits && saveBlocked === null;

  return (
    <Panel
      onDismiss={props.onDismiss}
      defaultActiveElement={GROUP_SEARCH_INPUT}
      titleProps={{ text: "Add a group rule" }}
      description="Everyone in the group gets a Timetracker license with this role, and keeps it while they are in the group. Timetracker follows the group's membership from then on."
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        {
          text: save.busy ? "Saving..." : "Save rule",
          primary: true,
          onClick: () => save.run(),
          disabled: !savable || save.busy,
        },
      ]}
    >
      <div className="flex-column rhythm-vertical-16 add-group-rule-panel">
        {group ? (
          <ChosenGroup
            group={group}
            onClear={() => {
              setGroup(null);
              setStatus(null);
            }}
          />
        ) : (
          <GroupSearch onPick={(g) => (setGroup(g), setStatus(null))} />
        )}
        <div className="flex-row flex-center rhythm-horizontal-8">
          <label className="font-weight-semibold">Role</label>
          <Dropdown
            ariaLabel={`Role: ${roleLabel}`}
            items={RULE_ROLES.map((r) => ({ id: r, text: roleName(r, props.defaultRole) }))}
            selection={roleSelection}
            onSelect={(_, item) => (setRole(item.id as RuleRole), setStatus(null))}
          />
        </div>
        {preview.status === "idle" ? (
          <div className="secondary-text">Pick a group to see who the rule would license.</div>
        ) : null}
        {preview.status === "loading" ? (
          <Spinner size={SpinnerSize.medium} label="Reading the group and the seats..." />
        ) : null}
        {preview.status === "failed" ? <ErrorCard error={preview.error} /> : null}
        {preview.status === "ready" ? <GroupRulePreview preview={preview.value} isPca={props.isPca} /> : null}
        {saveBlocked ? <MessageCard severity={MessageCardSeverity.Warning}>{saveBlocked}</MessageCard> : null}
        {save.busy ? <Spinner size={SpinnerSize.medium} label="Saving the rule and licensing its members..." /> : null}
        <StatusMessage status={status} onDismiss={() => setStatus(null)} />
      </div>
    </Panel>
  );
}
