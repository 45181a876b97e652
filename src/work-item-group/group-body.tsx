import * as React from "react";
import { formatDuration } from "../time/duration";
import { timeString } from "../time/local-dates";
import { useElapsed } from "../time/use-elapsed";
import { errorText } from "../time/use-time-data";
import { openAddTimeDialog } from "../services/host-dialogs";
import { startTimer, stopTimer, type StopTimerResponse, type TimeContextResponse } from "../services/time-service";
import { TrackingButtons } from "./tracking-buttons";

export interface GroupBodyProps {
  /** Undefined for a work item that has not been saved yet. */
  workItemId: number | undefined;
  context: TimeContextResponse;
  reload: () => void;
}

function stoppedMessage(result: StopTimerResponse): string {
  if (result.notice) return result.notice;
  const total = result.worklogs.reduce((sum, w) => sum + w.durationSeconds, 0);
  return `Saved ${formatDuration(total)} on #${result.worklogs[0]?.workItemId ?? ""}.`;
}

/** The buttons and the lines under them, for a user who may track time. */
export function GroupBody(props: GroupBodyProps): JSX.Element {
  const { workItemId, context, reload } = props;
  const { timer } = context;
  const elapsed = useElapsed(timer);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ text: string; error: boolean }>();

  const run = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const text = await action();
      if (text) setMessage({ text, error: false });
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    } finally {
      setBusy(false);
      reload();
    }
  };

  const onStart = () => void run(async () => (await startTimer(workItemId!), undefined));
  const onStop = () => void run(async () => stoppedMessage(await stopTimer()));
  const onAdd = () =>
    void openAddTimeDialog({ intent: "add-time", workItemId }, (result) => {
      if (result === "saved") reload();
    }).catch((error: unknown) => setMessage({ text: errorText(error), error: true }));

  const elsewhere = timer && timer.workItemId !== workItemId;
  return (
    <div className="flex-column rhythm-vertical-8">
      <TrackingButtons
        runningSeconds={timer ? elapsed : null}
        disabled={busy || workItemId === undefined}
        onStartTracking={onStart}
        onStopTracking={onStop}
        onAddTime={onAdd}
      />
      {workItemId === undefined && (
        <div className="tt-group-line secondary-text">Save the work item to track time on it.</div>
      )}
      {elsewhere && (
        <div className="tt-group-line secondary-text">
          Your timer runs on #{timer.workItemId} since {timeString(new Date(timer.startedAt))}.
        </div>
      )}
      {context.workItem && (
        <div className="tt-group-line tt-total secondary-text" aria-label="Time on this work item">
          Total {formatDuration(context.workItem.totalSeconds)} · Mine {formatDuration(context.workItem.mySeconds)}
        </div>
      )}
      {message && (
        <div className={`tt-group-line ${message.error ? "error-text" : ""}`} role={message.error ? "alert" : "status"}>
          {message.text}
        </div>
      )}
    </div>
  );
}
