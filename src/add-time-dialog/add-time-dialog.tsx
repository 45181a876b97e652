import "../time/time.css";
import * as React from "react";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../components/error-card";
import { LockedDoor } from "../components/locked-door";
import { useFrameHeight } from "../common/use-frame-height";
import { closeHostDialog, readAddTimeDialogConfig } from "../services/host-dialogs";
import { getCurrentUser } from "../services/sdk-context";
import { newRequestId } from "../services/request-id";
import { createWorklog, getActivityTypes, getPeople, getTimeContext } from "../services/time-service";
import { showToast } from "../services/toasts";
import { formatDuration } from "../time/duration";
import { dayString, timeString } from "../time/local-dates";
import { useTimeData } from "../time/use-time-data";
import { WorklogForm, type WorklogInput } from "../time/worklog-form";
import { StartTrackingForm } from "./start-tracking-form";

async function loadDialog() {
  const [context, activityTypes] = await Promise.all([getTimeContext(), getActivityTypes()]);
  const people = context.capabilities.addTimeForOthers ? await getPeople() : undefined;
  return { context, activityTypes, people };
}

/** An hour ago, on a five-minute mark: where most people's last piece of work started. */
function defaultStart(): { day: string; startTime: string } {
  const start = new Date(Date.now() - 3_600_000);
  start.setMinutes(start.getMinutes() - (start.getMinutes() % 5), 0, 0);
  return { day: dayString(start), startTime: timeString(start) };
}

/** Content of the host dialog opened by Start Tracking / Add Time (the host shows the title). */
export function AddTimeDialog(): JSX.Element {
  const measured = useFrameHeight<HTMLDivElement>();
  const [config] = React.useState(readAddTimeDialogConfig);
  const [data] = useTimeData(loadDialog);
  const user = getCurrentUser();
  const me = { id: user.id, displayName: user.displayName };

  // One worklog per dialog: a retried Save after an error must not add the time twice.
  const [requestId] = React.useState(newRequestId);
  const save = async (input: WorklogInput) => {
    const saved = await createWorklog({ ...input, workItemId: config.workItemId ?? input.workItemId, requestId });
    void showToast(
      `Added ${formatDuration(saved.durationSeconds)} on #${saved.workItemId}${saved.userId !== me.id ? ` for ${saved.userName}` : ""}.`,
    ).catch(() => undefined);
    closeHostDialog("saved");
  };

  return (
    <div ref={measured} className="flex-column padding-16 rhythm-vertical-16">
      {config.workItemId !== undefined && <div className="title-s">Work item #{config.workItemId}</div>}
      {data.status === "loading" && <Spinner size={SpinnerSize.large} label="Loading..." />}
      {data.status === "failed" && <ErrorCard error={data.error} />}
      {data.status === "denied" && <LockedDoor reason={data.message} />}
      {data.status === "ready" &&
        (config.intent === "start-tracking" ? (
          <StartTrackingForm
            workItemId={config.workItemId}
            timer={data.value.context.timer}
            activityTypes={data.value.activityTypes}
            onDone={() => closeHostDialog("saved")}
            onCancel={() => closeHostDialog()}
          />
        ) : (
          <WorklogForm
            initial={{ workItemId: config.workItemId, ...defaultStart() }}
            activityTypes={data.value.activityTypes}
            people={data.value.people}
            me={me}
            askWorkItem={config.workItemId === undefined}
            submitText="Add Time"
            onSubmit={save}
            onCancel={() => closeHostDialog()}
          />
        ))}
    </div>
  );
}
