import { assertSelectable } from "../../domain/activity-type";
import { startFields, validateComment, validateDuration, validateStart, type Worklog } from "../../domain/worklog";
import type { UpdateWorklogRequest } from "../../contracts/time";
import type { Versioned } from "../../ports/versioned";
import { loadActivityTypes } from "./activity-types";
import { editableWorklog } from "./editable-worklog";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";
import { requireTrackableWorkItem } from "./work-item-check";

export async function updateWorklog(
  deps: TimeDeps,
  actor: TimeActor,
  id: string,
  change: UpdateWorklogRequest & { etag: string },
): Promise<Versioned<Worklog>> {
  const now = deps.now();
  const start = change.start !== undefined ? validateStart(change.start, now) : undefined;
  if (change.durationSeconds !== undefined) validateDuration(change.durationSeconds);
  if (change.comment !== undefined) validateComment(change.comment);

  const current = await editableWorklog(deps, actor, id, change.etag);
  const before = current.value;
  const activityChanged = change.activityTypeId !== undefined && change.activityTypeId !== before.activityTypeId;
  if (activityChanged && change.activityTypeId !== null) {
    assertSelectable((await loadActivityTypes(deps, actor.caller.orgId)).value, change.activityTypeId!);
  }
  const workItemId = change.workItemId ?? before.workItemId;
  // Moving time checks the new item exists; with the closed-items rule on, any change of
  // time on a closed item is refused (deleting stays possible).
  if (workItemId !== before.workItemId || actor.settings.preventTimeOnClosedItems) {
    await requireTrackableWorkItem(deps.workItems, actor, workItemId);
  }

  const { caller } = actor;
  const updated: Worklog = {
    ...before,
    workItemId,
    ...(start ? startFields(start) : {}),
    ...(change.durationSeconds !== undefined ? { durationSeconds: change.durationSeconds } : {}),
    ...(change.activityTypeId !== undefined ? { activityTypeId: change.activityTypeId } : {}),
    ...(change.comment !== undefined ? { comment: change.comment } : {}),
    // The owner's first change locks out the creator (the edit rule).
    ownerHasEdited: before.ownerHasEdited || caller.userId === before.userId,
    lastEditedBy: caller.userId,
    lastEditedByName: caller.displayName,
    lastEditedAt: now.toISOString(),
  };
  return deps.worklogs.replace(updated, current.etag);
}
