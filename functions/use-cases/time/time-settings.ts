import type { TimeSettingsView } from "../../contracts/time";
import { ForbiddenError } from "../../domain/errors";
import type { OrgSettings } from "../../domain/org";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import { ROLES, type Role } from "../../domain/roles";
import { SETTINGS_RACE } from "./retry-on-stale";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";

export function settingsView(settings: OrgSettings): TimeSettingsView {
  return {
    editingTimeRoles: [...settings.editingTimeRoles],
    preventTimeOnClosedItems: settings.preventTimeOnClosedItems,
  };
}

/** Settings › Rules: only Administrators change them; the change applies to the next request. */
export async function updateTimeSettings(
  deps: TimeDeps,
  actor: TimeActor,
  change: { editingTimeRoles?: Role[]; preventTimeOnClosedItems?: boolean },
): Promise<TimeSettingsView> {
  if (!actor.can("manageSettings")) throw new ForbiddenError("Only Timetracker Administrators can change the rules.");
  const orgId = actor.caller.orgId;
  return retryOnConflict(SETTINGS_RACE, async () => {
    const org = await deps.orgs.get(orgId);
    if (!org) throw new ForbiddenError("This organization has not started using Timetracker.");
    const settings: OrgSettings = {
      ...org.value.settings,
      // Keep the list in role order and free of duplicates, whatever order the client sent.
      ...(change.editingTimeRoles
        ? { editingTimeRoles: ROLES.filter((r) => change.editingTimeRoles!.includes(r)) }
        : {}),
      ...(change.preventTimeOnClosedItems !== undefined
        ? { preventTimeOnClosedItems: change.preventTimeOnClosedItems }
        : {}),
    };
    const saved = await deps.orgs.replace({ ...org.value, settings }, org.etag);
    return settingsView(saved.value.settings);
  });
}
