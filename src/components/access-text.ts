import type { MeResponse } from "../services/contracts";

export function describeLicense(licensed: boolean): string {
  return licensed ? "Licensed" : "Not licensed";
}

/** Why a licensed user cannot use Timetracker right now (trial over, subscription cancelled). */
export function inactivePlanMessage(plan: MeResponse["plan"]): string {
  const reason =
    plan.kind === "trial_expired"
      ? "The Timetracker trial of this organization has ended."
      : plan.kind === "cancelled"
        ? "The Timetracker subscription of this organization was cancelled."
        : "Timetracker is not active for this organization.";
  return `${reason} A Project Collection Administrator can buy a plan on the Timetracker Subscription page.`;
}
