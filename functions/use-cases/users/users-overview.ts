import type { UsersOverviewResponse } from "../../contracts/users";
import { seatSummary, roleView } from "./member-views";
import { subscriptionPageUrl } from "./subscription-link";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

/** The head of the Permissions page: default role, seats, plan, and who is looking. */
export async function usersOverview(deps: UsersDeps, manager: UserManager): Promise<UsersOverviewResponse> {
  const org = manager.access.org.value;
  const plan = manager.access.plan;
  return {
    defaultRole: org.defaultRole,
    seats: await seatSummary(deps, org),
    plan: {
      kind: plan.kind,
      name:
        plan.kind === "subscribed" || plan.kind === "cancelled" ? plan.plan : plan.kind === "trial" ? "trial" : "none",
    },
    subscriptionUrl: subscriptionPageUrl(deps.settings, org.name),
    you: { id: manager.caller.userId, isPca: manager.isPca, role: roleView(manager.access.parts, org) },
  };
}
