import type { TimeContextResponse } from "../../contracts/time";
import { readAll } from "./sum-worklogs";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";
import { currentTimer } from "./timer";

/**
 * What a time surface (form group, dialog, hub) needs to draw itself, in one call:
 * the caller's rights, their running timer, and the totals on one work item.
 */
export async function timeContext(
  deps: TimeDeps,
  actor: TimeActor,
  workItemId: number | undefined,
): Promise<TimeContextResponse> {
  const { caller } = actor;
  const [timer, onItem] = await Promise.all([
    currentTimer(deps, actor),
    workItemId === undefined ? Promise.resolve(undefined) : readAll(deps, caller.orgId, { workItemIds: [workItemId] }),
  ]);
  const workItem =
    workItemId === undefined || !onItem
      ? null
      : {
          id: workItemId,
          totalSeconds: onItem.items.reduce((sum, w) => sum + w.value.durationSeconds, 0),
          mySeconds: onItem.items
            .filter((w) => w.value.userId === caller.userId)
            .reduce((sum, w) => sum + w.value.durationSeconds, 0),
        };
  return {
    role: actor.role,
    capabilities: {
      addTimeForOthers: actor.can("addTimeForOthers"),
      viewAllWorklogs: actor.can("viewAllWorklogs"),
      manageSettings: actor.can("manageSettings"),
    },
    timer,
    workItem,
  };
}
