import type { PlanState } from "./access";
import { isLicensed, type Role } from "./roles";

/**
 * Why a user may not track time, in words that say who can open the door; null when they
 * may. Only licensed users of an org whose trial runs or whose subscription is active may.
 */
export function timeAccessDenial(role: Role, plan: PlanState): string | null {
  if (!isLicensed(role)) {
    return (
      "You don't have access to Timetracker. A Project Collection Administrator or a Timetracker Administrator " +
      "can give you a role on the Timetracker Permissions page (Organization Settings › Extensions › Timetracker Permissions)."
    );
  }
  if (plan.kind === "trial_expired") {
    return (
      "The Timetracker trial of this organization has ended. A Project Collection Administrator can buy a plan " +
      "on the Timetracker Subscription page (Organization Settings › Extensions › Timetracker Subscription); all time is kept."
    );
  }
  if (plan.kind === "cancelled") {
    return (
      "The Timetracker subscription of this organization was cancelled. A Project Collection Administrator can choose a plan " +
      "on the Timetracker Subscription page (Organization Settings › Extensions › Timetracker Subscription); all time is kept."
    );
  }
  return null;
}

/** Work item states in which the "Prevent time entry on closed items" rule refuses time. */
const CLOSED_STATES = new Set(["closed", "done", "removed"]);

export function isClosedState(state: string): boolean {
  return CLOSED_STATES.has(state.trim().toLowerCase());
}
