import { describe, expect, it } from "vitest";
import { planAllowsUse, planState, seatLimit } from "./access";
import { newOrg } from "./org";

const start = new Date("2026-11-01T00:00:00Z");

describe("plan state", () => {
  it("runs a 28-day trial with unlimited seats and counts days left rounding up", () => {
    const org = newOrg("o", "fabrikam", start);
    const state = planState(org, new Date("2026-11-27T12:00:00Z"));
    expect(state).toMatchObject({ kind: "trial", daysLeft: 2, endsAt: "2026-11-29T00:00:00.000Z" });
    expect(seatLimit(state)).toBeNull();
    expect(planAllowsUse(state)).toBe(true);
  });

  it("blocks use once the trial has ended without a plan", () => {
    const state = planState(newOrg("o", "fabrikam", start), new Date("2026-11-29T00:00:00Z"));
    expect(state.kind).toBe("trial_expired");
    expect(planAllowsUse(state)).toBe(false);
    expect(seatLimit(state)).toBe(0);
  });

  it("uses the subscription's seats, and blocks a cancelled subscription", () => {
    const org = newOrg("o", "fabrikam", start);
    const sub = {
      plan: "start" as const,
      status: "active" as const,
      seats: 14,
      billingPeriod: "yearly" as const,
      chargebeeSubscriptionId: "s",
      chargebeeCustomerId: "c",
      currentTermEnd: null,
      nextBillingAt: null,
      resourceVersion: 1,
      updatedAt: "",
    };
    expect(seatLimit(planState({ ...org, subscription: sub }, start))).toBe(14);
    const cancelled = planState({ ...org, subscription: { ...sub, status: "cancelled" } }, start);
    expect(cancelled.kind).toBe("cancelled");
    expect(planAllowsUse(cancelled)).toBe(false);
  });
});
