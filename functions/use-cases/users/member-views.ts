import type { MemberView, RoleView, SeatSummary } from "../../contracts/users";
import { planState, seatLimit } from "../../domain/access";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { effectiveRole, roleLabel, type AssignedRole } from "../../domain/roles";
import { defaultIsCounted, licensedCount } from "../../domain/seats";
import { ensureLedger } from "./seat-ledger";
import type { UsersDeps } from "./users-deps";

export function roleView(assigned: AssignedRole, org: OrgRecord): RoleView {
  return { assigned, effective: effectiveRole(assigned, org.defaultRole), label: roleLabel(assigned, org.defaultRole) };
}

export function memberView(member: MemberRecord, org: OrgRecord): MemberView {
  return { id: member.userId, displayName: member.displayName, email: member.email, role: roleView(member.role, org) };
}

/** Licensed / available seats from the ledger (a point read). */
export async function seatSummary(deps: UsersDeps, org: OrgRecord): Promise<SeatSummary> {
  const ledger = (await ensureLedger(deps, org)).value;
  const licensed = licensedCount(ledger.counts, ledger.defaultCounted || defaultIsCounted(org.defaultRole));
  const limit = seatLimit(planState(org, deps.now()));
  return { licensed, limit, available: limit === null ? null : Math.max(0, limit - licensed) };
}
