import type { AssignRolesPreviewResponse, RoleChangeRequest } from "../../contracts/users";
import { roleAssignment } from "./assign-roles";
import { planRoleChanges, seatsNeededBy } from "./plan-role-changes";
import { seatImpact } from "./seat-impact";
import { ensureLedger } from "./seat-ledger";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

/**
 * What POST /api/users/roles with the same body would do, writing nothing: the seats it takes
 * or frees (planned exactly as the write plans it, counted on the ledger the write checks),
 * what missing seats cost, and the users it already knows it cannot change. The page shows
 * this before the user confirms, so a change that does not fit is never half-applied.
 */
export async function previewRoleChanges(
  deps: UsersDeps,
  manager: UserManager,
  request: RoleChangeRequest,
): Promise<AssignRolesPreviewResponse> {
  const { ctx, inputs } = roleAssignment(deps, manager, request);
  const [plan, ledger] = await Promise.all([planRoleChanges(deps, ctx, inputs), ensureLedger(deps, ctx.org)]);
  const impact = await seatImpact(deps, ctx.org, seatsNeededBy(plan.planned, ledger.value.defaultCounted));
  return {
    ...impact,
    changing: plan.planned.length,
    problems: plan.decided.flatMap((o) => (o.ok ? [] : [{ userId: o.userId, message: o.message }])),
  };
}
