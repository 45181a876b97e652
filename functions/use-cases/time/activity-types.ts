import {
  addActivityType,
  changeActivityType,
  defaultActivityTypes,
  type ActivityType,
} from "../../domain/activity-type";
import { ConflictError, ForbiddenError } from "../../domain/errors";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import type { Versioned } from "../../ports/versioned";
import { SETTINGS_RACE } from "./retry-on-stale";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";

/** The org's activity types; the defaults are written on first use. */
export async function loadActivityTypes(deps: TimeDeps, orgId: string): Promise<Versioned<ActivityType[]>> {
  const existing = await deps.activityTypes.get(orgId);
  if (existing) return existing;
  try {
    return await deps.activityTypes.create(orgId, defaultActivityTypes(deps.newId));
  } catch (error) {
    // Two first users at once: the other seeded them.
    if (error instanceof ConflictError) {
      const seeded = await deps.activityTypes.get(orgId);
      if (seeded) return seeded;
    }
    throw error;
  }
}

function requireSettingsRight(actor: TimeActor): void {
  if (!actor.can("manageSettings"))
    throw new ForbiddenError("Only Timetracker Administrators can change activity types.");
}

export async function createActivityType(deps: TimeDeps, actor: TimeActor, name: string): Promise<ActivityType[]> {
  requireSettingsRight(actor);
  const orgId = actor.caller.orgId;
  const id = deps.newId();
  return retryOnConflict(SETTINGS_RACE, async () => {
    const current = await loadActivityTypes(deps, orgId);
    return (await deps.activityTypes.replace(orgId, addActivityType(current.value, name, id), current.etag)).value;
  });
}

export async function updateActivityType(
  deps: TimeDeps,
  actor: TimeActor,
  id: string,
  change: { name?: string; archived?: boolean },
): Promise<ActivityType[]> {
  requireSettingsRight(actor);
  const orgId = actor.caller.orgId;
  return retryOnConflict(SETTINGS_RACE, async () => {
    const current = await loadActivityTypes(deps, orgId);
    return (await deps.activityTypes.replace(orgId, changeActivityType(current.value, id, change), current.etag)).value;
  });
}
