import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ButtonGroup } from "azure-devops-ui/ButtonGroup";
import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { TextField } from "azure-devops-ui/TextField";
import type { ActivityTypeView, TimePerson } from "../services/time-service";
import { durationProblem, formatDuration, parseDuration } from "./duration";
import { ChoiceDropdown, NativeInput, type Choice } from "./inputs";
import { dayString, endTime, secondsBetween, zonedStart } from "./local-dates";
import { errorText } from "./use-time-data";

/** What the form produces: ready for POST /worklogs or PATCH /worklogs/{id}. */
export interface WorklogInput {
  workItemId: number;
  start: string;
  durationSeconds: number;
  activityTypeId: string | null;
  comment: string;
  /** Only when someone else is the owner (on behalf of). */
  userId?: string;
}

export interface WorklogFormInitial {
  workItemId?: number;
  day?: string;
  startTime?: string;
  durationSeconds?: number;
  activityTypeId?: string | null;
  comment?: string;
  userId?: string;
}

export interface WorklogFormProps {
  initial: WorklogFormInitial;
  activityTypes: ActivityTypeView[];
  /** Whom time can be added for ("on behalf of"); omitted for users who may not. */
  people?: TimePerson[];
  me: { id: string; displayName: string };
  /** Show a work item field (no work item in context, or moving time). */
  askWorkItem?: boolean;
  submitText: string;
  onSubmit: (input: WorklogInput) => Promise<void>;
  onCancel?: () => void;
}

const NOT_SET = "";

/**
 * Date, start, length (or end), activity, comment and, for Product and above, "on behalf
 * of". Length and end follow each other; the backend checks everything again.
 */
export function WorklogForm(props: WorklogFormProps): JSX.Element {
  const { initial } = props;
  const [workItemText, setWorkItemText] = React.useState(initial.workItemId ? String(initial.workItemId) : "");
  const [day, setDay] = React.useState(initial.day ?? dayString(new Date()));
  const [startTime, setStartTime] = React.useState(initial.startTime ?? "09:00");
  const [lengthText, setLengthText] = React.useState(formatDuration(initial.durationSeconds ?? 3600));
  const [activityTypeId, setActivityTypeId] = React.useState(initial.activityTypeId ?? NOT_SET);
  const [comment, setComment] = React.useState(initial.comment ?? "");
  const [owner, setOwner] = React.useState(initial.userId ?? props.me.id);
  const [problem, setProblem] = React.useState<string>();
  const [saving, setSaving] = React.useState(false);

  const seconds = parseDuration(lengthText);
  const end = seconds !== null && /^\d{2}:\d{2}$/.test(startTime) ? endTime(startTime, seconds) : "";
  const onEndChange = (value: string) => {
    const between = /^\d{2}:\d{2}$/.test(value) ? secondsBetween(startTime, value) : null;
    if (between !== null) setLengthText(formatDuration(between));
  };

  const activityChoices: Choice[] = [
    { id: NOT_SET, text: "Not set" },
    // Archived types stay visible on the worklog that uses them, but cannot be picked anew.
    ...props.activityTypes
      .filter((a) => !a.archived || a.id === initial.activityTypeId)
      .map((a) => ({ id: a.id, text: a.archived ? `${a.name} (archived)` : a.name })),
  ];
  const peopleChoices: Choice[] | undefined = props.people?.length
    ? [
        { id: props.me.id, text: `${props.me.displayName} (me)` },
        ...props.people.filter((p) => p.userId !== props.me.id).map((p) => ({ id: p.userId, text: p.displayName })),
      ]
    : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const workItemId = Number(workItemText);
    const invalid =
      (props.askWorkItem && !(Number.isInteger(workItemId) && workItemId > 0) && "Enter the number of a work item.") ||
      (!/^\d{4}-\d{2}-\d{2}$/.test(day) && "Pick a date.") ||
      (!/^\d{2}:\d{2}/.test(startTime) && "Enter a start time.") ||
      durationProblem(lengthText);
    if (invalid) return setProblem(invalid);
    setProblem(undefined);
    setSaving(true);
    try {
      await props.onSubmit({
        workItemId,
        start: zonedStart(day, startTime),
        durationSeconds: seconds!,
        activityTypeId: activityTypeId === NOT_SET ? null : activityTypeId,
        comment,
        ...(owner !== props.me.id ? { userId: owner } : {}),
      });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="flex-column rhythm-vertical-16" onSubmit={(e) => void submit(e)} aria-label={props.submitText}>
      {props.askWorkItem && (
        <FormItem label="Work item">
          <TextField
            ariaLabel="Work item"
            inputType="number"
            value={workItemText}
            onChange={(_, v) => setWorkItemText(v)}
            placeholder="e.g. 42"
          />
        </FormItem>
      )}
      {peopleChoices && (
        <FormItem label="On behalf of">
          <ChoiceDropdown label="On behalf of" choices={peopleChoices} value={owner} onChange={setOwner} />
        </FormItem>
      )}
      <div className="tt-time-fields">
        <FormItem label="Date">
          <NativeInput type="date" label="Date" value={day} onChange={setDay} required />
        </FormItem>
        <FormItem label="Start time">
          <NativeInput type="time" label="Start time" value={startTime} onChange={setStartTime} required />
        </FormItem>
        <FormItem label="Length">
          <TextField ariaLabel="Length" value={lengthText} onChange={(_, v) => setLengthText(v)} placeholder="1h 30m" />
        </FormItem>
        <FormItem label="End time">
          <NativeInput type="time" label="End time" value={end} onChange={onEndChange} />
        </FormItem>
      </div>
      <FormItem label="Activity type">
        <ChoiceDropdown
          label="Activity type"
          choices={activityChoices}
          value={activityTypeId}
          onChange={setActivityTypeId}
        />
      </FormItem>
      <FormItem label="Comment">
        <TextField
          ariaLabel="Comment"
          multiline
          rows={2}
          value={comment}
          onChange={(_, v) => setComment(v)}
          maxLength={1000}
        />
      </FormItem>
      {problem && (
        <MessageCard severity={MessageCardSeverity.Error} role="alert">
          {problem}
        </MessageCard>
      )}
      <ButtonGroup className="justify-end">
        {props.onCancel && <Button text="Cancel" onClick={props.onCancel} disabled={saving} />}
        <Button primary type="submit" text={props.submitText} disabled={saving} />
      </ButtonGroup>
    </form>
  );
}
