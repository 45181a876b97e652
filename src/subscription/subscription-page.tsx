import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { LockedDoor } from "../components/locked-door";
import { PageLayout } from "../components/page-layout";
import { UserSummary } from "../components/user-summary";
import { useMe } from "../common/use-me";

export function SubscriptionPage(): JSX.Element {
  const me = useMe();
  return (
    <PageLayout title="Timetracker Subscription">
      <AsyncContent state={me}>
        {(me) =>
          // Only PCAs buy and manage the subscription; a Timetracker role does not grant it.
          me.isPca ? (
            <Card titleProps={{ text: "Signed in" }}>
              <div className="flex-column rhythm-vertical-16">
                <UserSummary me={me} />
                <div>You are a Project Collection Administrator: you can manage the Timetracker subscription.</div>
              </div>
            </Card>
          ) : (
            <LockedDoor reason="Only Project Collection Administrators have access to the Subscription page." />
          )
        }
      </AsyncContent>
    </PageLayout>
  );
}
