import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { stopTimer, type TimerView } from "../../services/time-service";
import { formatClock, formatDuration } from "../../time/duration";
import { timeString } from "../../time/local-dates";
import { useElapsed } from "../../time/use-elapsed";
import { errorText } from "../../time/use-time-data";

/** The running timer with Stop Tracking; tells what was saved. */
export function RunningTimer(props: { timer: TimerView; onStopped: (message: string) => void }): JSX.Element {
  const { timer } = props;
  const elapsed = useElapsed(timer);
  const [busy, setBusy] = React.useState(false);
  const [problem, setProblem] = React.useState<string>();
  const stop = async () => {
    setBusy(true);
    try {
      const result = await stopTimer();
      const total = result.worklogs.reduce((sum, w) => sum + w.durationSeconds, 0);
      props.onStopped(result.notice ?? `Saved ${formatDuration(total)} on #${timer.workItemId}.`);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <div className="tt-editor flex-row flex-center rhythm-horizontal-16" role="region" aria-label="Running timer">
      <span className="flex-grow">
        Tracking #{timer.workItemId} since {timeString(new Date(timer.startedAt))}
        {timer.comment ? ` · ${timer.comment}` : ""}
      </span>
      <span className="tt-total title-s" role="timer">
        {formatClock(elapsed)}
      </span>
      <Button
        primary
        text="Stop Tracking"
        iconProps={{ iconName: "Stop" }}
        onClick={() => void stop()}
        disabled={busy}
      />
      {problem && <span className="error-text">{problem}</span>}
    </div>
  );
}
