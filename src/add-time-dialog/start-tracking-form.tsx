import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ButtonGroup } from "azure-devops-ui/ButtonGroup";
import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { TextField } from "azure-devops-ui/TextField";
import { startTimer, stopTimer, type ActivityTypeView, type TimerView } from "../services/time-service";
import { showToast } from "../services/toasts";
import { formatClock, formatDuration } from "../time/duration";
import { ChoiceDropdown } from "../time/inputs";
import { timeString } from "../time/local-dates";
import { useElapsed } from "../time/use-elapsed";
import { errorText } from "../time/use-time-data";

export interface StartTrackingFormProps {
  workItemId: number | undefined;
  timer: TimerView | null;
  activityTypes: ActivityTypeView[];
  onDone: () => void;
  onCancel: () => void;
}

/** The toolbar's Start Tracking: activity and comment for a new timer, or the running one with Stop Tracking. */
export function StartTrackingForm(props: StartTrackingFormProps): JSX.Element {
  const { timer } = props;
  const elapsed = useElapsed(timer);
  const [workItemText, setWorkItemText] = React.useState(props.workItemId ? String(props.workItemId) : "");
  const [activityTypeId, setActivityTypeId] = React.useState("");
  const [comment, setComment] = React.useState("");
  const [problem, setProblem] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      props.onDone();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  if (timer) {
    const stop = () =>
      act(async () => {
        const result = await stopTimer();
        const total = result.worklogs.reduce((sum, w) => sum + w.durationSeconds, 0);
        void showToast(result.notice ?? `Saved ${formatDuration(total)} on #${timer.workItemId}.`).catch(
          () => undefined,
        );
      });
    return (
      <div className="flex-column rhythm-vertical-16">
        <div role="status">
          Your timer runs on #{timer.workItemId} since {timeString(new Date(timer.startedAt))} ({formatClock(elapsed)}).
          Stop it before starting another.
        </div>
        {problem && <MessageCard severity={MessageCardSeverity.Error}>{problem}</MessageCard>}
        <ButtonGroup className="justify-end">
          <Button text="Cancel" onClick={props.onCancel} disabled={busy} />
          <Button
            primary
            text="Stop Tracking"
            iconProps={{ iconName: "Stop" }}
            onClick={() => void stop()}
            disabled={busy}
          />
        </ButtonGroup>
      </div>
    );
  }

  const start = () => {
    const workItemId = Number(workItemText);
    if (!(Number.isInteger(workItemId) && workItemId > 0)) return setProblem("Enter the number of a work item.");
    return act(async () => {
      await startTimer(workItemId, { activityTypeId: activityTypeId || null, comment });
    });
  };
  const choices = [
    { id: "", text: "Not set" },
    ...props.activityTypes.filter((a) => !a.archived).map((a) => ({ id: a.id, text: a.name })),
  ];
  return (
    <form
      className="flex-column rhythm-vertical-16"
      onSubmit={(e) => (e.preventDefault(), void start())}
      aria-label="Start Tracking"
    >
      {props.workItemId === undefined && (
        <FormItem label="Work item">
          <TextField
            ariaLabel="Work item"
            inputType="number"
            value={workItemText}
            onChange={(_, v) => setWorkItemText(v)}
          />
        </FormItem>
      )}
      <FormItem label="Activity type">
        <ChoiceDropdown label="Activity type" choices={choices} value={activityTypeId} onChange={setActivityTypeId} />
      </FormItem>
      <FormItem label="Comment">
        <TextField ariaLabel="Comment" value={comment} onChange={(_, v) => setComment(v)} maxLength={1000} />
      </FormItem>
      {problem && <MessageCard severity={MessageCardSeverity.Error}>{problem}</MessageCard>}
      <ButtonGroup className="justify-end">
        <Button text="Cancel" onClick={props.onCancel} disabled={busy} />
        <Button primary type="submit" text="Start Tracking" iconProps={{ iconName: "Play" }} disabled={busy} />
      </ButtonGroup>
    </form>
  );
}
