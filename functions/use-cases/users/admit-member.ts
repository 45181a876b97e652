import type { Caller } from "../../auth/caller";
import { SeatLimitError } from "../../domain/errors";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import type { AssignedRole } from "../../domain/roles";
import { applyRoleChanges } from "./apply-role-changes";
import type { UsersDeps } from "./users-deps";

/**
 * Gives a user opening Timetracker for the first time their record: Administrator for the
 * org's first user, Default for everyone after. Through the seat ledger like every role
 * change, so outside the trial a new user is licensed only while a seat is free; without
 * one they stay unlicensed (no record) and are admitted on a later visit once a seat frees.
 */
export async function admitMember(
  deps: UsersDeps,
  caller: Caller,
  org: OrgRecord,
  role: AssignedRole,
): Promise<MemberRecord | null> {
  const profile = { id: caller.userId, displayName: caller.displayName, email: caller.email, uniqueName: caller.email };
  try {
    const [outcome] = await applyRoleChanges(
      deps,
      {
        org,
        actor: { id: caller.userId, displayName: caller.displayName },
        surface: role === "Administrator" ? "first-user" : "auto-default",
        createOnly: true,
      },
      [{ userId: caller.userId, role, profile }],
    );
    if (!outcome?.ok) return null;
    // Someone else created the record first (it may carry rules' parts): theirs is the one.
    if (!outcome.changed) return (await deps.roster.get(org.id, caller.userId))?.value ?? null;
    const now = deps.now().toISOString();
    return {
      orgId: org.id,
      userId: caller.userId,
      role: outcome.to,
      direct: outcome.to,
      grants: [],
      displayName: outcome.displayName,
      email: outcome.email,
      uniqueName: profile.uniqueName,
      updatedAt: now,
      updatedBy: caller.userId,
    };
  } catch (error) {
    if (error instanceof SeatLimitError) return null;
    throw error;
  }
}
