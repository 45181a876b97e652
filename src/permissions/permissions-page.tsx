import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { LockedDoor } from "../components/locked-door";
import { PageLayout } from "../components/page-layout";
import { UserSummary } from "../components/user-summary";
import { useMe } from "../common/use-me";
import type { MeResponse } from "../services/contracts";
import { can } from "../../functions/domain/roles";

/** PCAs manage users whatever their role; otherwise only Timetracker Administrators may. */
export function canManageUsers(me: MeResponse): boolean {
  return me.isPca || can(me.role.effective, "manageUsers");
}

function whyYouMayManageUsers(me: MeResponse): string {
  return me.isPca
    ? "You are a Project Collection Administrator: you can manage Timetracker users and roles whatever your own Timetracker role, and without a license."
    : "You are a Timetracker Administrator: you can manage Timetracker users and roles.";
}

export function PermissionsPage(): JSX.Element {
  const me = useMe();
  return (
    <PageLayout title="Timetracker Permissions">
      <AsyncContent state={me}>
        {(me) =>
          canManageUsers(me) ? (
            <Card titleProps={{ text: "Signed in" }}>
              <div className="flex-column rhythm-vertical-16">
                <UserSummary me={me} />
                <div>{whyYouMayManageUsers(me)}</div>
              </div>
            </Card>
          ) : (
            <LockedDoor reason="Only Project Collection Administrators and Timetracker Administrators can manage Timetracker users." />
          )
        }
      </AsyncContent>
    </PageLayout>
  );
}
