import * as React from "react";
import { Dropdown } from "azure-devops-ui/Dropdown";
import { Panel } from "azure-devops-ui/Panel";
import { Tab, TabBar, TabSize } from "azure-devops-ui/Tabs";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { ADDABLE_ROLES } from "../../functions/contracts/roles";
import { ApiError } from "../services/api-error";
import { getHostInfo } from "../services/sdk-context";
import {
  assignInBatches,
  type AssignedRole,
  type BatchProgress,
  type DirectoryUserView,
  type Role,
} from "../services/users-service";
import { GroupMembers } from "./group-members";
import { BatchProgressBar } from "./licensed-users";
import { roleName } from "./role-picker";
import { SeatImpactNote } from "./seat-impact-note";
import { StatusMessage, usersText, type Status } from "./status-message";
import { UnlicensedUsers } from "./unlicensed-users";
import { previewNow, useRolePreview } from "./use-role-preview";
import { UserByEmail } from "./user-by-email";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

/** What Azure DevOps Server cannot do here, and what it can (see README, Compatibility). */
export const SERVER_ADD_USERS_NOTE =
  "On Azure DevOps Server, Timetracker cannot list the collection's users or add a group's members: both need Azure DevOps Services (its Graph and User Entitlements APIs). Add users by their e-mail address.";

export interface AddUsersPanelProps {
  defaultRole: Role;
  /** Only Project Collection Administrators are sent to the Subscription page for seats. */
  isPca: boolean;
  onDismiss: () => void;
  onAdded: (status: Status) => void;
  /** The backend refused for lack of seats: the page reads the seats again. */
  onSeatsChanged: () => void;
}

/**
 * "+ Add Users": organization users without a seat, or the members of a group; select some
 * (or Select all Unlicensed Users), pick a role in Assign Role and click Add users. What
 * that does to seats is the server's preview, shown before Add users is clicked and asked
 * again right before applying: a change that does not fit is not started, so the batches
 * never leave it half-applied.
 */
export function AddUsersPanel(props: AddUsersPanelProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  // Azure DevOps Server has no Graph or User Entitlements: only adding by e-mail works there.
  const onServer = !getHostInfo().isHosted;
  const [tab, setTab] = React.useState<"users" | "group" | "email">(onServer ? "email" : "users");
  const [picked, setPicked] = React.useState<DirectoryUserView[]>([]);
  const [role, setRole] = React.useState<AssignedRole>("Default");
  const [progress, setProgress] = React.useState<BatchProgress | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const roleSelection = React.useMemo(() => {
    const selection = new DropdownSelection();
    selection.select(0);
    return selection;
  }, []);
  const toAdd = React.useMemo(() => picked.filter((u) => !u.licensed), [picked]);
  const request = React.useMemo(() => ({ role, userIds: toAdd.map((u) => u.id) }), [role, toAdd]);
  const preview = useRolePreview(toAdd.length > 0 ? request : null);
  const doesNotFit = preview.state.status === "ready" && !preview.state.value.fits;

  const add = async () => {
    setStatus(null);
    let result: Awaited<ReturnType<typeof assignInBatches>>;
    try {
      const decided = await previewNow(request);
      if (decided) preview.show(request, decided);
      if (decided && !decided.fits) return; // the note says what is missing; nothing is applied
      result = await assignInBatches(role, request.userIds, setProgress);
    } catch (error) {
      setProgress(null);
      setStatus({ kind: "error", error: error instanceof Error ? error : new Error(String(error)) });
      if (error instanceof ApiError && error.code === "seat_limit") {
        props.onSeatsChanged();
        preview.refresh();
      }
      return;
    }
    setProgress(null);
    if (result.failed.length > 0) {
      setStatus({
        kind: "error",
        error: new Error(
          `${usersText(result.succeeded)} added; ${usersText(result.failed.length)} could not be: ${result.failed[0].message}`,
        ),
      });
      return;
    }
    // Last: the page closes this panel on onAdded, after which it must not set its own state.
    props.onAdded({ kind: "success", text: "Role was successfully changed" });
  };

  return (
    <Panel
      onDismiss={props.onDismiss}
      titleProps={{ text: "Add users" }}
      description="Give Timetracker licenses to users of your organization. Licenses go to individual users, not to groups."
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        {
          text: toAdd.length > 0 ? `Add users (${toAdd.length})` : "Add users",
          primary: true,
          onClick: () => void add(),
          disabled: toAdd.length === 0 || progress !== null || doesNotFit,
        },
      ]}
    >
      <div className="flex-column rhythm-vertical-16 add-users-panel">
        {onServer ? (
          <MessageCard severity={MessageCardSeverity.Info} className="server-add-users-note">
            {SERVER_ADD_USERS_NOTE}
          </MessageCard>
        ) : (
          <TabBar
            selectedTabId={tab}
            onSelectedTabChanged={(id) => (setTab(id as "users" | "group" | "email"), setPicked([]))}
            tabSize={TabSize.Compact}
          >
            <Tab id="users" name="Users" />
            <Tab id="group" name="Group" />
            <Tab id="email" name="E-mail" />
          </TabBar>
        )}
        {tab === "users" ? <UnlicensedUsers onPick={setPicked} /> : null}
        {tab === "group" ? <GroupMembers onPick={setPicked} /> : null}
        {tab === "email" ? <UserByEmail onPick={setPicked} /> : null}
        <div className="flex-row flex-center rhythm-horizontal-8">
          <label id="assign-role-label" className="font-weight-semibold">
            Assign Role
          </label>
          <Dropdown
            ariaLabel={`Assign Role: ${roleName(role, props.defaultRole)}`}
            items={ADDABLE_ROLES.map((r) => ({ id: r, text: roleName(r, props.defaultRole) }))}
            selection={roleSelection}
            onSelect={(_, item) => setRole(item.id as AssignedRole)}
          />
        </div>
        <SeatImpactNote state={preview.state} isPca={props.isPca} />
        {progress ? <BatchProgressBar progress={progress} verb="Adding users" /> : null}
        <StatusMessage status={status} onDismiss={() => setStatus(null)} />
      </div>
    </Panel>
  );
}
