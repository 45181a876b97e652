import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { inactivePlanMessage } from "../components/access-text";
import { LockedDoor } from "../components/locked-door";
import { PageLayout } from "../components/page-layout";
import { UserSummary } from "../components/user-summary";
import { useMe } from "../common/use-me";
import type { MeResponse } from "../services/contracts";
import { openPermissionsPage, openSubscriptionPage } from "../services/navigation";

export function HubPage(): JSX.Element {
  const me = useMe();
  return (
    <PageLayout title="Timetracker">
      <AsyncContent state={me}>
        {(me) =>
          me.hasAccess ? (
            <Card titleProps={{ text: "Signed in" }}>
              <UserSummary me={me} />
            </Card>
          ) : (
            <HubLockedDoor me={me} />
          )
        }
      </AsyncContent>
    </PageLayout>
  );
}

/** No seat, or a seat in an organization whose trial or subscription has ended. */
function HubLockedDoor(props: { me: MeResponse }): JSX.Element {
  const { me } = props;
  if (!me.licensed) {
    return <LockedDoor action={me.isPca ? { text: "Open Permissions", onClick: openPermissionsPage } : undefined} />;
  }
  return (
    <LockedDoor
      reason={inactivePlanMessage(me.plan)}
      action={me.isPca ? { text: "Open Subscription", onClick: openSubscriptionPage } : undefined}
    />
  );
}
