import type { OrgRecord } from "./org";
import { trialDaysLeft, trialEndsAt } from "./trial";

/**
 * Whether the org may use the product now. After the trial, or once a subscription is
 * cancelled without a plan, the app is blocked for users; data is always kept.
 */
export type PlanState =
  | { kind: "trial"; endsAt: string; daysLeft: number }
  | { kind: "trial_expired"; endedAt: string }
  | { kind: "subscribed"; plan: string; seats: number }
  | { kind: "cancelled"; plan: string };

export function planState(org: OrgRecord, now: Date): PlanState {
  const sub = org.subscription;
  if (sub) {
    if (sub.status === "cancelled") return { kind: "cancelled", plan: sub.plan };
    return { kind: "subscribed", plan: sub.plan, seats: sub.seats };
  }
  const started = new Date(org.trialStartedAt);
  const endsAt = trialEndsAt(started);
  if (endsAt.getTime() <= now.getTime()) return { kind: "trial_expired", endedAt: endsAt.toISOString() };
  return { kind: "trial", endsAt: endsAt.toISOString(), daysLeft: trialDaysLeft(started, now) };
}

export function planAllowsUse(state: PlanState): boolean {
  return state.kind === "trial" || state.kind === "subscribed";
}

/** Seats the org may license now; null means unlimited (trial). Blocked states license nobody new. */
export function seatLimit(state: PlanState): number | null {
  switch (state.kind) {
    case "trial":
      return null;
    case "subscribed":
      return state.seats;
    default:
      return 0;
  }
}
