import type { StartTimerRequest, StopTimerResponse, TimerView } from "../../contracts/time";
import { assertSelectable } from "../../domain/activity-type";
import { ConflictError, ValidationError } from "../../domain/errors";
import { timerOutcome, type RunningTimer } from "../../domain/timer";
import { startFields, validateComment, type Worklog } from "../../domain/worklog";
import { formatZonedTime, parseOffset, parseZonedTime } from "../../domain/zoned-time";
import type { Versioned } from "../../ports/versioned";
import { recordActivity } from "../record-activity";
import { loadActivityTypes } from "./activity-types";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";
import { requireTrackableWorkItem } from "./work-item-check";
import { worklogView } from "./worklog-view";

export function timerView(timer: RunningTimer, now: Date): TimerView {
  const started = parseZonedTime(timer.startedAt)!.instantMs;
  return {
    workItemId: timer.workItemId,
    activityTypeId: timer.activityTypeId,
    comment: timer.comment,
    startedAt: timer.startedAt,
    elapsedSeconds: Math.max(0, Math.floor((now.getTime() - started) / 1000)),
  };
}

export async function currentTimer(deps: TimeDeps, actor: TimeActor): Promise<TimerView | null> {
  const timer = await deps.timers.get(actor.caller.orgId, actor.caller.userId);
  return timer ? timerView(timer.value, deps.now()) : null;
}

/** One running timer per user across the org: the store refuses a second one. */
export async function startTimer(deps: TimeDeps, actor: TimeActor, input: StartTimerRequest): Promise<TimerView> {
  const { caller } = actor;
  const comment = input.comment ?? "";
  validateComment(comment);
  const offsetMinutes = parseOffset(input.utcOffset ?? "Z");
  if (offsetMinutes === null)
    throw new ValidationError("utcOffset is not a real time zone offset (between -12:00 and +14:00).");
  const running = await deps.timers.get(caller.orgId, caller.userId);
  if (running) throw alreadyRunning(running.value);
  const activityTypeId = input.activityTypeId ?? null;
  if (activityTypeId !== null) assertSelectable((await loadActivityTypes(deps, caller.orgId)).value, activityTypeId);
  await requireTrackableWorkItem(deps.workItems, actor, input.workItemId);

  const now = deps.now();
  const timer: RunningTimer = {
    orgId: caller.orgId,
    userId: caller.userId,
    runId: deps.newId(),
    workItemId: input.workItemId,
    activityTypeId,
    comment,
    startedAt: formatZonedTime({ instantMs: now.getTime(), offsetMinutes }),
  };
  try {
    return timerView((await deps.timers.create(timer)).value, now);
  } catch (error) {
    // Another tab started one between our read and our write.
    if (error instanceof ConflictError) {
      const winner = await deps.timers.get(caller.orgId, caller.userId);
      if (winner) throw alreadyRunning(winner.value);
    }
    throw error;
  }
}

function alreadyRunning(timer: RunningTimer): ConflictError {
  return new ConflictError(
    `Your timer is already running on work item #${timer.workItemId} (since ${timer.startedAt}). Stop it before starting another.`,
  );
}

/**
 * Stops the caller's timer and saves its time: split at the user's midnights, capped at
 * 24 h, with a notice when either happened. Worklog ids derive from the run, so a stop that
 * is retried (or raced from two tabs) never saves the same time twice.
 */
export async function stopTimer(deps: TimeDeps, actor: TimeActor): Promise<StopTimerResponse> {
  const { caller } = actor;
  const running = await deps.timers.get(caller.orgId, caller.userId);
  if (!running) throw new ConflictError("No timer is running, so there is nothing to stop.");
  const timer = running.value;
  const now = deps.now();
  const outcome = timerOutcome(timer.startedAt, now.getTime());

  const saved: Versioned<Worklog>[] = [];
  for (const [index, segment] of outcome.segments.entries()) {
    saved.push(await saveSegment(deps, actor, timer, index, segment, now));
  }
  await deps.timers.delete(caller.orgId, caller.userId, running.etag);
  if (saved.length > 0) await recordActivity(deps, actor.member, "lastTrackedAt");
  return { worklogs: saved.map((w) => worklogView(w, actor)), notice: outcome.notice };
}

async function saveSegment(
  deps: TimeDeps,
  actor: TimeActor,
  timer: RunningTimer,
  index: number,
  segment: { start: string; durationSeconds: number },
  now: Date,
): Promise<Versioned<Worklog>> {
  const { caller } = actor;
  const id = `${timer.runId}-${index}`;
  const worklog: Worklog = {
    id,
    orgId: caller.orgId,
    userId: caller.userId,
    userName: caller.displayName,
    createdBy: caller.userId,
    createdByName: caller.displayName,
    createdAt: now.toISOString(),
    workItemId: timer.workItemId,
    ...startFields(parseZonedTime(segment.start)!),
    durationSeconds: segment.durationSeconds,
    activityTypeId: timer.activityTypeId,
    comment: timer.comment,
    ownerHasEdited: false,
    lastEditedBy: null,
    lastEditedByName: null,
    lastEditedAt: null,
    timerRunId: timer.runId,
  };
  try {
    return await deps.worklogs.create(worklog);
  } catch (error) {
    if (error instanceof ConflictError) {
      const existing = await deps.worklogs.get(caller.orgId, id);
      if (existing) return existing;
    }
    throw error;
  }
}
