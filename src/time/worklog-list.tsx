import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ApiError } from "../services/api-error";
import { deleteWorklog, updateWorklog, type ActivityTypeView, type WorklogView } from "../services/time-service";
import { wallClockTime } from "./local-dates";
import { errorText } from "./use-time-data";
import { WorklogForm, type WorklogInput } from "./worklog-form";
import { WorklogLine } from "./worklog-line";

export interface WorklogListProps {
  worklogs: WorklogView[];
  activityTypes: ActivityTypeView[];
  me: { id: string; displayName: string };
  showOwner?: boolean;
  showDate?: boolean;
  label: string;
  /** After a change or a conflict (412): load again. */
  onChanged: (message?: string) => void;
}

const STALE = "This worklog was changed by someone else in the meantime; the list now shows the latest version.";

/** Worklogs with inline Edit and Delete (offered only where the edit rule allows; the backend decides). */
export function WorklogList(props: WorklogListProps): JSX.Element {
  const [editing, setEditing] = React.useState<string>();
  const [deleting, setDeleting] = React.useState<string>();
  const [problem, setProblem] = React.useState<string>();

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      setEditing(undefined);
      setDeleting(undefined);
      props.onChanged(STALE);
      return;
    }
    throw error;
  };

  const save = (w: WorklogView) => async (input: WorklogInput) => {
    try {
      await updateWorklog(w.id, {
        etag: w.etag,
        workItemId: input.workItemId,
        start: input.start,
        durationSeconds: input.durationSeconds,
        activityTypeId: input.activityTypeId,
        comment: input.comment,
      });
      setEditing(undefined);
      props.onChanged();
    } catch (error) {
      failed(error);
    }
  };

  const remove = async (w: WorklogView) => {
    setProblem(undefined);
    try {
      await deleteWorklog(w);
      setDeleting(undefined);
      props.onChanged();
    } catch (error) {
      try {
        failed(error);
      } catch (other) {
        setProblem(errorText(other));
      }
    }
  };

  return (
    <div role="list" aria-label={props.label} className="flex-column">
      {props.worklogs.map((w) =>
        editing === w.id ? (
          <div key={w.id} className="tt-editor" role="listitem" aria-label={`Editing worklog on #${w.workItemId}`}>
            <WorklogForm
              initial={{
                workItemId: w.workItemId,
                day: w.day,
                startTime: wallClockTime(w.start),
                durationSeconds: w.durationSeconds,
                activityTypeId: w.activityTypeId,
                comment: w.comment,
              }}
              activityTypes={props.activityTypes}
              me={props.me}
              askWorkItem
              submitText="Save"
              onSubmit={save(w)}
              onCancel={() => setEditing(undefined)}
            />
          </div>
        ) : (
          <React.Fragment key={w.id}>
            <WorklogLine
              worklog={w}
              activityTypes={props.activityTypes}
              showOwner={props.showOwner}
              showDate={props.showDate}
              onEdit={(x) => (setDeleting(undefined), setEditing(x.id))}
              onDelete={(x) => (setEditing(undefined), setDeleting(x.id))}
            />
            {deleting === w.id && (
              <div
                className="flex-row flex-center rhythm-horizontal-8 padding-vertical-4"
                role="alertdialog"
                aria-label="Delete this worklog?"
              >
                <span>Delete this worklog?</span>
                <Button danger autoFocus text="Delete" onClick={() => void remove(w)} />
                <Button text="Cancel" onClick={() => setDeleting(undefined)} />
                {problem && <span className="error-text">{problem}</span>}
              </div>
            )}
          </React.Fragment>
        ),
      )}
    </div>
  );
}
