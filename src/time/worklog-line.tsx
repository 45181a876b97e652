import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import type { ActivityTypeView, WorklogView } from "../services/time-service";
import { formatDuration } from "./duration";
import { endTime, wallClockTime } from "./local-dates";

export function activityName(types: ActivityTypeView[], id: string | null): string {
  if (id === null) return "Not set";
  return types.find((t) => t.id === id)?.name ?? "Unknown activity";
}

/** Who else touched it: "Added by …" (on someone's behalf) and "Edited by …" (someone other than the owner). */
export function provenance(w: WorklogView): string[] {
  const notes: string[] = [];
  if (w.createdBy !== w.userId) notes.push(`Added by ${w.createdByName}`);
  if (w.editedByOther && w.lastEditedByName) notes.push(`Edited by ${w.lastEditedByName}`);
  return notes;
}

export interface WorklogLineProps {
  worklog: WorklogView;
  activityTypes: ActivityTypeView[];
  /** Show whose time it is (lists with several people). */
  showOwner?: boolean;
  showDate?: boolean;
  onEdit?: (w: WorklogView) => void;
  onDelete?: (w: WorklogView) => void;
}

/** One worklog as a row of text, with Edit / Delete when the edit rule allows them. */
export function WorklogLine(props: WorklogLineProps): JSX.Element {
  const { worklog: w } = props;
  const from = wallClockTime(w.start);
  const label = `${formatDuration(w.durationSeconds)} on #${w.workItemId}${props.showOwner ? ` by ${w.userName}` : ""}`;
  return (
    <div className="tt-worklog flex-row flex-center rhythm-horizontal-8" role="listitem" aria-label={label}>
      <span className="tt-worklog-time secondary-text">
        {props.showDate ? `${w.day} ` : ""}
        {from}–{endTime(from, w.durationSeconds)}
      </span>
      {props.showOwner && <span className="tt-worklog-owner">{w.userName}</span>}
      <span className="tt-worklog-item">#{w.workItemId}</span>
      <span className="tt-worklog-activity secondary-text">{activityName(props.activityTypes, w.activityTypeId)}</span>
      <span className="tt-worklog-comment flex-grow text-ellipsis" title={w.comment}>
        {w.comment}
      </span>
      {provenance(w).map((note) => (
        <span key={note} className="tt-worklog-note secondary-text font-size-s">
          {note}
        </span>
      ))}
      <span className="tt-worklog-duration font-weight-semibold">{formatDuration(w.durationSeconds)}</span>
      {w.canEdit && props.onEdit && (
        <Button subtle iconProps={{ iconName: "Edit" }} ariaLabel={`Edit ${label}`} onClick={() => props.onEdit!(w)} />
      )}
      {w.canEdit && props.onDelete && (
        <Button
          subtle
          iconProps={{ iconName: "Delete" }}
          ariaLabel={`Delete ${label}`}
          onClick={() => props.onDelete!(w)}
        />
      )}
      {!w.canEdit && (props.onEdit || props.onDelete) && (
        <span className="tt-worklog-locked secondary-text font-size-s" title="You may not change this worklog">
          Read-only
        </span>
      )}
    </div>
  );
}
