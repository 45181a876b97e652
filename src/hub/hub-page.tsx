import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { LockedDoor } from "../components/locked-door";
import { PageLayout } from "../components/page-layout";
import { UserSummary } from "../components/user-summary";
import { useMe } from "../common/use-me";
import { openPermissionsPage } from "../services/navigation";

export function HubPage(): JSX.Element {
  const me = useMe();
  return (
    <PageLayout title="Timetracker">
      <AsyncContent state={me}>
        {(me) =>
          me.licensed ? (
            <Card titleProps={{ text: "Signed in" }}>
              <UserSummary me={me} />
            </Card>
          ) : (
            <LockedDoor action={me.isPca ? { text: "Open Permissions", onClick: openPermissionsPage } : undefined} />
          )
        }
      </AsyncContent>
    </PageLayout>
  );
}
