import { ForbiddenError, ValidationError } from "../../domain/errors";
import type { MemberRecord } from "../../domain/member";
import { licensedMembers } from "./licensed-people";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";

export interface Owner {
  userId: string;
  displayName: string;
  /** The owner's member record, for the activity stamp of their time. */
  member: MemberRecord | null;
}

/**
 * Whose time a new worklog is: the caller's own, or (with the "add time for others" right,
 * Product and above) another licensed member of the same org.
 */
export async function ownerForNewTime(
  deps: TimeDeps,
  actor: TimeActor,
  requestedUserId: string | undefined,
): Promise<Owner> {
  const { caller } = actor;
  if (requestedUserId === undefined || requestedUserId.toLowerCase() === caller.userId.toLowerCase()) {
    return { userId: caller.userId, displayName: caller.displayName, member: actor.member };
  }
  if (!actor.can("addTimeForOthers")) {
    throw new ForbiddenError(
      `Your role (${actor.role}) cannot add time for other users; Product, Budget and Administrator can.`,
    );
  }
  const members = await licensedMembers(deps, caller.orgId);
  const owner = members.find((m) => m.userId.toLowerCase() === requestedUserId.toLowerCase());
  if (!owner) {
    throw new ValidationError(
      `The user '${requestedUserId}' is not a licensed Timetracker user of this organization, so no time can be added for them.`,
    );
  }
  return { userId: owner.userId, displayName: owner.displayName, member: owner };
}
