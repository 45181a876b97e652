import type { WorklogView } from "../../contracts/time";
import { decideEdit } from "../../domain/edit-rule";
import { editedByOther, type Worklog } from "../../domain/worklog";
import type { Versioned } from "../../ports/versioned";
import type { TimeActor } from "./time-actor";

/** A worklog as the caller sees it, with whether the edit rule lets them change it. */
export function worklogView(entry: Versioned<Worklog>, actor: TimeActor): WorklogView {
  const w = entry.value;
  return {
    id: w.id,
    userId: w.userId,
    userName: w.userName,
    createdBy: w.createdBy,
    createdByName: w.createdByName,
    workItemId: w.workItemId,
    start: w.start,
    day: w.day,
    durationSeconds: w.durationSeconds,
    activityTypeId: w.activityTypeId,
    comment: w.comment,
    ownerHasEdited: w.ownerHasEdited,
    lastEditedBy: w.lastEditedBy,
    lastEditedByName: w.lastEditedByName,
    lastEditedAt: w.lastEditedAt,
    editedByOther: editedByOther(w),
    canEdit: decideEdit(w, actor.editor, actor.settings.editingTimeRoles).allowed,
    etag: entry.etag,
  };
}
