import type { TimePerson } from "../../contracts/time";
import { ForbiddenError } from "../../domain/errors";
import type { MemberRecord } from "../../domain/member";
import { effectiveRoleOf } from "../../domain/role-sources";
import { isLicensed } from "../../domain/roles";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";

/** Licensed members of the caller's org: whom time can be added for. */
export async function licensedMembers(deps: TimeDeps, orgId: string): Promise<MemberRecord[]> {
  const [org, members] = await Promise.all([deps.orgs.get(orgId), deps.roster.listAll(orgId)]);
  const defaultRole = org?.value.defaultRole ?? "Team";
  return members.filter((m) => isLicensed(effectiveRoleOf(m, defaultRole)));
}

/** Licensed members of the caller's org, by name. */
async function licensedPeople(deps: TimeDeps, orgId: string): Promise<TimePerson[]> {
  return (await licensedMembers(deps, orgId))
    .map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The people picker ("on behalf of", Times Explorer person filter): Product and above. */
export async function peopleForPicker(deps: TimeDeps, actor: TimeActor): Promise<TimePerson[]> {
  if (!actor.can("addTimeForOthers") && !actor.can("viewAllWorklogs")) {
    throw new ForbiddenError("Your role shows only your own time, so it has no list of people.");
  }
  return licensedPeople(deps, actor.caller.orgId);
}
