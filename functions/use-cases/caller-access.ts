import type { Caller } from "../auth/caller";
import type { Services } from "../app/services";
import { planAllowsUse, planState, seatLimit, type PlanState } from "../domain/access";
import { ConflictError } from "../domain/errors";
import type { MemberRecord } from "../domain/member";
import { newOrg, type OrgRecord } from "../domain/org";
import { effectiveRole, isLicensed, type AssignedRole, type Role } from "../domain/roles";
import type { Versioned } from "../ports/versioned";

export interface CallerAccess {
  org: Versioned<OrgRecord>;
  assigned: AssignedRole;
  effective: Role;
  licensed: boolean;
  plan: PlanState;
  /** Licensed and the org's plan allows use now (trial running or subscription active). */
  hasAccess: boolean;
}

/**
 * Who the caller is in Timetracker. The first user to open the extension in a new org
 * creates it (trial starts now) and becomes Administrator; a later new user gets the
 * Default role while seats allow (DESIGN.md §4), otherwise stays unlicensed.
 */
export async function resolveCallerAccess(s: Services, caller: Caller): Promise<CallerAccess> {
  const stored = await s.orgs.getWithMember(caller.orgId, caller.userId);
  const org = stored.org ?? (await createOrgAsFirstUser(s, caller));
  const plan = planState(org.value, s.now());
  const member = stored.member?.value ?? (await registerNewUser(s, caller, plan));
  const assigned: AssignedRole = member?.role ?? "None";
  const effective = effectiveRole(assigned, org.value.defaultRole);
  const licensed = isLicensed(effective);
  return { org, assigned, effective, licensed, plan, hasAccess: licensed && planAllowsUse(plan) };
}

async function createOrgAsFirstUser(s: Services, caller: Caller): Promise<Versioned<OrgRecord>> {
  const now = s.now();
  try {
    const org = await s.orgs.create(newOrg(caller.orgId, caller.orgName, now));
    await createMember(s, caller, "Administrator");
    return org;
  } catch (error) {
    // Two first users at once: the other one won; use the org it created.
    if (error instanceof ConflictError) {
      const existing = await s.orgs.get(caller.orgId);
      if (existing) return existing;
    }
    throw error;
  }
}

async function registerNewUser(s: Services, caller: Caller, plan: PlanState): Promise<MemberRecord | null> {
  // Outside the trial a new user needs a free seat; seat accounting lives with user
  // management, so here only the unlimited trial licenses automatically.
  if (seatLimit(plan) !== null) return null;
  return createMember(s, caller, "Default");
}

async function createMember(s: Services, caller: Caller, role: AssignedRole): Promise<MemberRecord> {
  const member: MemberRecord = {
    orgId: caller.orgId,
    userId: caller.userId,
    role,
    displayName: caller.displayName,
    email: caller.email,
    uniqueName: caller.email,
    updatedAt: s.now().toISOString(),
    updatedBy: caller.userId,
  };
  try {
    return (await s.members.create(member)).value;
  } catch (error) {
    if (error instanceof ConflictError) {
      const existing = await s.members.get(caller.orgId, caller.userId);
      if (existing) return existing.value;
    }
    throw error;
  }
}
