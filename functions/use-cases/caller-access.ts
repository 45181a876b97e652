import type { Caller } from "../auth/caller";
import { planAllowsUse, planState, type PlanState } from "../domain/access";
import { ConflictError } from "../domain/errors";
import type { MemberRecord } from "../domain/member";
import { newOrg, type OrgRecord } from "../domain/org";
import { effectiveRoleOf, NO_PARTS, type RoleParts } from "../domain/role-sources";
import { isLicensed, type Role } from "../domain/roles";
import type { Versioned } from "../ports/versioned";
import { admitMember } from "./users/admit-member";
import type { UsersDeps } from "./users/users-deps";

/**
 * What deciding access needs: the org store, and user management's seat-checked write path
 * (a first visit may create the org or admit the caller as a member).
 */
export type AccessDeps = UsersDeps;

export interface CallerAccess {
  org: Versioned<OrgRecord>;
  /** The caller's member record as read (a recent copy on read-only requests); null without one. */
  member: MemberRecord | null;
  /** Where the caller's role comes from (direct assignment and group rules). */
  parts: RoleParts;
  effective: Role;
  licensed: boolean;
  plan: PlanState;
  /** Licensed and the org's plan allows use now (trial running or subscription active). */
  hasAccess: boolean;
}

/**
 * Who the caller is in Timetracker. The first user to open the extension in a new org
 * creates it (trial starts now) and becomes Administrator; a later new user gets the
 * Default role while seats allow (docs/architecture.md, "Access"), otherwise stays unlicensed.
 *
 * A read-only request may be answered from this instance's copy of the org and the member
 * (RECENT_READ_MS): the warm path of a page's many GETs then costs no store request. What
 * changes data (assigning roles, seats, billing, time entries) always reads the store.
 */
export async function resolveCallerAccess(deps: AccessDeps, caller: Caller): Promise<CallerAccess> {
  const firstLook = await deps.orgs.getWithMember(caller.orgId, caller.userId, caller.readOnly ? "recent" : "fresh");
  const known = firstLook.org !== null && firstLook.member !== null;
  // A first visit writes (the org, or the new member under the seat limit): decide it on
  // what the store holds now, not on a copy another instance may have outdated.
  const stored =
    known || !caller.readOnly ? firstLook : await deps.orgs.getWithMember(caller.orgId, caller.userId, "fresh");
  const org = stored.org ?? (await createOrgAsFirstUser(deps, caller));
  const plan = planState(org.value, deps.now());
  const member = stored.member?.value ?? (await registerNewUser(deps, caller, org.value));
  const parts: RoleParts = member ? { direct: member.direct, grants: member.grants } : NO_PARTS;
  const effective = effectiveRoleOf(parts, org.value.defaultRole);
  const licensed = isLicensed(effective);
  return { org, member, parts, effective, licensed, plan, hasAccess: licensed && planAllowsUse(plan) };
}

async function createOrgAsFirstUser(deps: AccessDeps, caller: Caller): Promise<Versioned<OrgRecord>> {
  const now = deps.now();
  try {
    const org = await deps.orgs.create(newOrg(caller.orgId, caller.orgName, now));
    await admitMember(deps, caller, org.value, "Administrator");
    return org;
  } catch (error) {
    // Two first users at once: the other one won; use the org it created.
    if (error instanceof ConflictError) {
      const existing = await deps.orgs.get(caller.orgId);
      if (existing) return existing;
    }
    throw error;
  }
}

async function registerNewUser(deps: AccessDeps, caller: Caller, org: OrgRecord): Promise<MemberRecord | null> {
  // Through the seat ledger: in the trial every new user is admitted; outside it only while
  // a seat is free (user management's seat rules), otherwise the user stays unlicensed.
  return admitMember(deps, caller, org, "Default");
}
