import { assertSelectable } from "../../domain/activity-type";
import { ConflictError } from "../../domain/errors";
import { startFields, validateComment, validateDuration, validateStart, type Worklog } from "../../domain/worklog";
import type { CreateWorklogRequest } from "../../contracts/time";
import type { Versioned } from "../../ports/versioned";
import { recordActivity } from "../record-activity";
import { loadActivityTypes } from "./activity-types";
import { ownerForNewTime } from "./owner-for-new-time";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";
import { requireTrackableWorkItem } from "./work-item-check";

/** Saves new time; the owner's "last tracked" is stamped (their time, whoever added it). */
export async function createWorklog(
  deps: TimeDeps,
  actor: TimeActor,
  input: CreateWorklogRequest,
): Promise<Versioned<Worklog>> {
  const now = deps.now();
  // Cheap checks first: nothing reaches Azure DevOps or the store for bad input.
  const start = validateStart(input.start, now);
  validateDuration(input.durationSeconds);
  const comment = input.comment ?? "";
  validateComment(comment);
  const owner = await ownerForNewTime(deps, actor, input.userId);
  const activityTypeId = input.activityTypeId ?? null;
  if (activityTypeId !== null)
    assertSelectable((await loadActivityTypes(deps, actor.caller.orgId)).value, activityTypeId);
  await requireTrackableWorkItem(deps.workItems, actor, input.workItemId);

  const { caller } = actor;
  const worklog: Worklog = {
    id: input.requestId ?? deps.newId(),
    orgId: caller.orgId,
    userId: owner.userId,
    userName: owner.displayName,
    createdBy: caller.userId,
    createdByName: caller.displayName,
    createdAt: now.toISOString(),
    workItemId: input.workItemId,
    ...startFields(start),
    durationSeconds: input.durationSeconds,
    activityTypeId,
    comment,
    ownerHasEdited: false,
    lastEditedBy: null,
    lastEditedByName: null,
    lastEditedAt: null,
  };
  const saved = await save(deps, caller, worklog, input.requestId);
  await recordActivity(deps, owner.member, "lastTrackedAt");
  return saved;
}

async function save(
  deps: TimeDeps,
  caller: TimeActor["caller"],
  worklog: Worklog,
  requestId: string | undefined,
): Promise<Versioned<Worklog>> {
  try {
    return await deps.worklogs.create(worklog);
  } catch (error) {
    // A retry of a request whose write landed (the answer was lost): answer that worklog again.
    if (!(error instanceof ConflictError) || !requestId) throw error;
    const existing = await deps.worklogs.get(caller.orgId, worklog.id);
    if (!existing || existing.value.createdBy !== caller.userId) {
      throw new ConflictError("This requestId was already used for another worklog; make a new one for new time.");
    }
    return existing;
  }
}
