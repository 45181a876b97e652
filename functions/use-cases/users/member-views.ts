import type { MemberView, RoleView, SeatSummary } from "../../contracts/users";
import { planState, seatLimit } from "../../domain/access";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { effectiveRoleOf, roleLabelOf, roleSourceLabels, type RoleParts } from "../../domain/role-sources";
import { heldByOthers } from "../../domain/seat-holds";
import { defaultIsCounted, licensedCount } from "../../domain/seats";
import { ensureLedger } from "./seat-ledger";
import type { UsersDeps } from "./users-deps";

export function roleView(parts: RoleParts, org: OrgRecord): RoleView {
  return {
    assigned: parts.direct,
    effective: effectiveRoleOf(parts, org.defaultRole),
    label: roleLabelOf(parts, org.defaultRole),
    rules: parts.grants.map((g) => ({ id: g.ruleId, name: g.ruleName, role: g.role })),
  };
}

export function memberView(member: MemberRecord, org: OrgRecord): MemberView {
  return {
    id: member.userId,
    displayName: member.displayName,
    email: member.email,
    role: roleView(member, org),
    sources: roleSourceLabels(member),
    lastTrackedAt: member.lastTrackedAt ?? null,
    lastOpenedAt: member.lastOpenedAt ?? null,
  };
}

/** Licensed / available seats from the ledger (a point read); seats a change in flight holds are not available. */
export async function seatSummary(deps: UsersDeps, org: OrgRecord): Promise<SeatSummary> {
  const ledger = (await ensureLedger(deps, org)).value;
  const licensed = licensedCount(ledger.counts, ledger.defaultCounted || defaultIsCounted(org.defaultRole));
  const limit = seatLimit(planState(org, deps.now()));
  const held = heldByOthers(ledger.holds, deps.now());
  return { licensed, limit, available: limit === null ? null : Math.max(0, limit - licensed - held) };
}
