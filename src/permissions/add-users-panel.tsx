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
  type SeatSummary,
} from "../services/users-service";
import { GroupMembers } from "./group-members";
import { BatchProgressBar } from "./licensed-users";
import { roleName } from "./role-picker";
import { StatusMessage, usersText, type Status } from "./status-message";
import { UnlicensedUsers } from "./unlicensed-users";
import { UserByEmail } from "./user-by-email";

/** What Azure DevOps Server cannot do here, and what it can (see README, Compatibility). */
export const SERVER_ADD_USERS_NOTE =
  "On Azure DevOps Server, Timetracker cannot list the collection's users or add a group's members: both need Azure DevOps Services (its Graph and User Entitlements APIs). Add users by their e-mail address.";

export interface AddUsersPanelProps {
  defaultRole: Role;
  seats: SeatSummary;
  onDismiss: () => void;
  onAdded: (status: Status) => void;
  /** The backend refused for lack of seats: the page reads the seats again. */
  onSeatsChanged: () => void;
}

/** Seats a role takes for users who hold none now. */
function takesSeat(role: AssignedRole, defaultRole: Role): boolean {
  return role !== "None" && !(role === "Default" && defaultRole === "None");
}

/**
 * "+ Add Users": organization users without a seat, or the members of a group; select some
 * (or Select all Unlicensed Users), pick a role in Assign Role and click Add users.
 */
export function AddUsersPanel(props: AddUsersPanelProps): JSX.Element {
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
  const toAdd = picked.filter((u) => !u.licensed);

  const add = async () => {
    const { available } = props.seats;
    if (takesSeat(role, props.defaultRole) && available !== null && toAdd.length > available) {
      const free = available === 1 ? "1 seat is free" : `${available} seats are free`;
      setStatus({
        kind: "error",
        error: new ApiError(
          409,
          "seat_limit",
          `Not enough seats: adding ${usersText(toAdd.length)} needs ${toAdd.length} seats, but only ${free} on your current plan. Add seats on the Subscription page.`,
        ),
      });
      return;
    }
    setStatus(null);
    let result: Awaited<ReturnType<typeof assignInBatches>>;
    try {
      result = await assignInBatches(
        role,
        toAdd.map((u) => u.id),
        setProgress,
      );
    } catch (error) {
      setProgress(null);
      setStatus({ kind: "error", error: error instanceof Error ? error : new Error(String(error)) });
      if (error instanceof ApiError && error.code === "seat_limit") props.onSeatsChanged();
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
          disabled: toAdd.length === 0 || progress !== null,
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
        {progress ? <BatchProgressBar progress={progress} verb="Adding users" /> : null}
        <StatusMessage status={status} onDismiss={() => setStatus(null)} />
      </div>
    </Panel>
  );
}
