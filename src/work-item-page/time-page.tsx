import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { FeatureAccess } from "../components/feature-access";
import { UserSummary } from "../components/user-summary";
import { useAsync } from "../common/use-async";
import { useMe } from "../common/use-me";
import { getCurrentWorkItem, registerWorkItemFormEvents, type CurrentWorkItem } from "../services/work-item-form";

/** The "Time" page of the work item form. */
export function TimePage(): JSX.Element {
  const me = useMe();
  return (
    <div className="flex-column flex-grow padding-16 rhythm-vertical-16">
      <AsyncContent state={me}>
        {(me) => (
          <FeatureAccess me={me}>
            <Card titleProps={{ text: "Time" }}>
              <div className="flex-column rhythm-vertical-16">
                <WorkItemHeading />
                <UserSummary me={me} />
              </div>
            </Card>
          </FeatureAccess>
        )}
      </AsyncContent>
    </div>
  );
}

function WorkItemHeading(): JSX.Element | null {
  const [reloads, setReloads] = React.useState(0);
  // The form reuses this frame when the user moves to another work item: follow it.
  React.useEffect(() => registerWorkItemFormEvents({ onLoaded: () => setReloads((n) => n + 1) }), []);
  const item = useAsync<CurrentWorkItem>(getCurrentWorkItem, [reloads]);
  if (item.status !== "ready") return null;
  const { id, isNew, title } = item.value;
  return <div className="title-s">{isNew ? "New work item" : `#${id} ${title}`}</div>;
}
