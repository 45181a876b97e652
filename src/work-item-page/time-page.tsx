import "../time/time.css";
import * as React from "react";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../components/error-card";
import { LockedDoor } from "../components/locked-door";
import { useActiveWorkItem } from "../common/use-active-work-item";
import { getCurrentUser, getHostInfo } from "../services/sdk-context";
import { getActivityTypes, getWorkItemTime } from "../services/time-service";
import { useTimeData } from "../time/use-time-data";
import { WorkItemTime } from "./work-item-time";

/**
 * The "Time" page of the work item form. Without access it shows nothing on Azure DevOps
 * Services (where such users should not see Timetracker at all) and the locked door on Server.
 */
export function TimePage(): JSX.Element {
  const workItem = useActiveWorkItem();
  return (
    <div className="flex-column flex-grow padding-16 rhythm-vertical-16">
      {workItem.status === "loading" && <Spinner size={SpinnerSize.large} label="Loading..." />}
      {workItem.status === "failed" && <ErrorCard error={workItem.error} />}
      {workItem.status === "ready" &&
        (workItem.value.isNew ? (
          <div className="secondary-text">Save the work item to see the time logged on it.</div>
        ) : (
          <LoadedTime key={workItem.value.id} workItemId={workItem.value.id} />
        ))}
    </div>
  );
}

function LoadedTime(props: { workItemId: number }): JSX.Element | null {
  const [data, reload] = useTimeData(
    () =>
      Promise.all([getWorkItemTime(props.workItemId), getActivityTypes()]).then(([time, activityTypes]) => ({
        time,
        activityTypes,
      })),
    props.workItemId,
  );
  const [message, setMessage] = React.useState<string>();
  const user = getCurrentUser();
  if (data.status === "loading") return <Spinner size={SpinnerSize.large} label="Loading time..." />;
  if (data.status === "failed") return <ErrorCard error={data.error} />;
  if (data.status === "denied") return getHostInfo().isHosted ? null : <LockedDoor reason={data.message} />;
  return (
    <WorkItemTime
      time={data.value.time}
      activityTypes={data.value.activityTypes}
      me={{ id: user.id, displayName: user.displayName }}
      message={message}
      onChanged={(text) => {
        setMessage(text);
        reload();
      }}
    />
  );
}
