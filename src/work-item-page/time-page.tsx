import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { FeatureAccess } from "../components/feature-access";
import { UserSummary } from "../components/user-summary";
import type { AsyncState } from "../common/use-async";
import { useActiveWorkItem } from "../common/use-active-work-item";
import { useMe } from "../common/use-me";
import type { CurrentWorkItem } from "../services/work-item-form";

/** The "Time" page of the work item form. */
export function TimePage(): JSX.Element {
  const me = useMe();
  const workItem = useActiveWorkItem();
  return (
    <div className="flex-column flex-grow padding-16 rhythm-vertical-16">
      <AsyncContent state={me}>
        {(me) => (
          <FeatureAccess me={me}>
            <Card titleProps={{ text: "Time" }}>
              <div className="flex-column rhythm-vertical-16">
                <WorkItemHeading workItem={workItem} />
                <UserSummary me={me} />
              </div>
            </Card>
          </FeatureAccess>
        )}
      </AsyncContent>
    </div>
  );
}

function WorkItemHeading(props: { workItem: AsyncState<CurrentWorkItem> }): JSX.Element | null {
  const item = props.workItem;
  if (item.status !== "ready") return null;
  const { id, isNew, title } = item.value;
  return <div className="title-s">{isNew ? "New work item" : `#${id} ${title}`}</div>;
}
