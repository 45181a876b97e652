import "./permissions.css";
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { Tab, TabBar, TabSize } from "azure-devops-ui/Tabs";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import { LockedDoor } from "../components/locked-door";
import { PageLayout } from "../components/page-layout";
import { useMe } from "../common/use-me";
import { usersService, type Role, type UsersOverviewResponse } from "../services/users-service";
import { AddUsersPanel } from "./add-users-panel";
import { AuditTrail } from "./audit-trail";
import { DefaultRoleDropdown } from "./default-role-dropdown";
import { LicensedUsers } from "./licensed-users";
import { SeatSummaryText } from "./seat-summary";
import { ServiceAccountSection } from "./service-account-section";
import { StatusMessage, type Status } from "./status-message";
import { useAction } from "../common/use-action";

export const MANAGE_USERS_REASON =
  "Only Project Collection Administrators and Timetracker Administrators can manage Timetracker users and roles. Ask one of them to change your role.";

/** Organization Settings › Timetracker Permissions. */
export function PermissionsPage(): JSX.Element {
  const me = useMe();
  return (
    <PageLayout title="Timetracker Permissions">
      <AsyncContent state={me}>
        {(me) =>
          me.mayManageUsers ? <UserManagement isPca={me.isPca} /> : <LockedDoor reason={MANAGE_USERS_REASON} />
        }
      </AsyncContent>
    </PageLayout>
  );
}

type TabId = "licensed" | "audit" | "service-account";

function UserManagement(props: { isPca: boolean }): JSX.Element {
  const [overview, setOverview] = React.useState<UsersOverviewResponse | null>(null);
  const [loadError, setLoadError] = React.useState<Error | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [tab, setTab] = React.useState<TabId>("licensed");
  const [adding, setAdding] = React.useState(false);
  const [refreshKey, setRefreshKey] = React.useState(0);

  const readOverview = React.useCallback(
    () =>
      usersService
        .overview()
        .then(setOverview, (e: unknown) => setLoadError(e instanceof Error ? e : new Error(String(e)))),
    [],
  );
  React.useEffect(() => void readOverview(), [readOverview]);
  /** After any change: the new state of seats and list, and the outcome in words. */
  const changed = (next: Status) => {
    setStatus(next);
    setRefreshKey((k) => k + 1);
    void readOverview();
  };
  const defaultRole = useAction(
    (role: Role) => usersService.setDefaultRole(role),
    (answer) => changed({ kind: "success", text: answer.message }),
    (error) => setStatus({ kind: "error", error }),
  );

  if (loadError) return <ErrorCard error={loadError} />;
  if (!overview) return <Spinner size={SpinnerSize.large} label="Loading users..." />;
  return (
    <div className="flex-column rhythm-vertical-16">
      <div className="flex-row flex-center users-toolbar">
        <Button text="Add Users" iconProps={{ iconName: "Add" }} primary={true} onClick={() => setAdding(true)} />
        <DefaultRoleDropdown
          value={overview.defaultRole}
          disabled={defaultRole.busy}
          onChange={(role) => defaultRole.run(role)}
        />
        <SeatSummaryText seats={overview.seats} isPca={props.isPca} />
      </div>
      <StatusMessage status={status} onDismiss={() => setStatus(null)} />
      <TabBar selectedTabId={tab} onSelectedTabChanged={(id) => setTab(id as TabId)} tabSize={TabSize.Compact}>
        <Tab id="licensed" name="Licensed users" />
        <Tab id="audit" name="Audit trail" />
        <Tab id="service-account" name="Service account" />
      </TabBar>
      {tab === "licensed" ? (
        <LicensedUsers
          defaultRole={overview.defaultRole}
          isPca={props.isPca}
          refreshKey={refreshKey}
          onChanged={changed}
        />
      ) : null}
      {tab === "audit" ? <AuditTrail refreshKey={refreshKey} /> : null}
      {tab === "service-account" ? <ServiceAccountSection isPca={props.isPca} /> : null}
      {adding ? (
        <AddUsersPanel
          defaultRole={overview.defaultRole}
          isPca={props.isPca}
          onDismiss={() => setAdding(false)}
          onSeatsChanged={() => void readOverview()}
          onAdded={(next) => {
            setAdding(false);
            changed(next);
          }}
        />
      ) : null}
    </div>
  );
}
