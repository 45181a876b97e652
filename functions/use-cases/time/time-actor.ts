import type { Caller } from "../../auth/caller";
import { ForbiddenError } from "../../domain/errors";
import type { MemberRecord } from "../../domain/member";
import type { OrgSettings } from "../../domain/org";
import { can, type Capability, type Role } from "../../domain/roles";
import { timeAccessDenial } from "../../domain/time-access";
import { resolveCallerAccess, type AccessDeps } from "../caller-access";

/** A caller who may track time, with what the rules need to know about them. */
export interface TimeActor {
  caller: Caller;
  role: Role;
  /** The caller's member record (read fresh for writes): what activity stamps start from. */
  member: MemberRecord | null;
  settings: OrgSettings;
  can(capability: Capability): boolean;
  /** The edit rule's view of the caller. */
  editor: { userId: string; role: Role };
}

/**
 * Every time endpoint starts here: licensed, and the org's plan allows use (trial running
 * or subscription active). Otherwise 403 with who can grant access.
 */
export async function requireTimeAccess(access: AccessDeps, caller: Caller): Promise<TimeActor> {
  const found = await resolveCallerAccess(access, caller);
  if (!found.hasAccess) {
    throw new ForbiddenError(timeAccessDenial(found.effective, found.plan) ?? "You don't have access to Timetracker.");
  }
  const role = found.effective;
  return {
    caller,
    role,
    member: found.member,
    settings: found.org.value.settings,
    can: (capability) => can(role, capability),
    editor: { userId: caller.userId, role },
  };
}
