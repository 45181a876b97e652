import { describe, expect, it } from "vitest";
import type { OrderQuote, PlanOffer } from "../services/billing-service";
import { confirmLabel, estimateSummary, initialPeriod, planButtonLabel, purposeForUsers, requestedUsers } from "./flow";

const offer = (over: Partial<PlanOffer>): PlanOffer => ({
  plan: "team",
  name: "Team",
  minUsers: 1,
  maxUsers: 299,
  fit: { fits: true },
  move: "new",
  prices: { yearly: null, monthly: null },
  ...over,
});

describe("subscription flow wording", () => {
  it("labels plan cards Buy, Upgrade, Downgrade, Continue and Switch", () => {
    expect(planButtonLabel("buy", offer({}), false)).toBe("Buy");
    expect(planButtonLabel("change-plan", offer({ move: "upgrade" }), false)).toBe("Upgrade");
    expect(planButtonLabel("change-plan", offer({ plan: "start", move: "downgrade" }), false)).toBe("Downgrade");
    expect(planButtonLabel("change-plan", offer({ move: "current" }), false)).toBeNull();
    expect(planButtonLabel("change-plan", offer({ move: "current" }), true)).toBe("Continue");
    expect(planButtonLabel("change-users", offer({ move: "current" }), true)).toBe("Continue");
    expect(planButtonLabel("buy", offer({ plan: "free", move: "new" }), false)).toBe("Switch");
  });

  it("opens Your Order on Annual Billing for a purchase and on the opposite period for a billing change", () => {
    expect(initialPeriod("buy", null)).toBe("yearly");
    expect(initialPeriod("change-billing", "yearly")).toBe("monthly");
    expect(initialPeriod("change-billing", "monthly")).toBe("yearly");
    expect(initialPeriod("change-users", "monthly")).toBe("monthly");
    expect(confirmLabel({ purpose: "change-billing", plan: "start", seats: 14 })).toBe("Change");
    expect(confirmLabel({ purpose: "change-plan", plan: "team", seats: 14 })).toBe("Buy Now: Team for 14 users");
    expect(confirmLabel({ purpose: "buy", plan: "start", seats: 1 })).toBe("Buy Now: Start for 1 user");
  });

  it("shows an upgrade as billed immediately and a downgrade as credit", () => {
    const quote = (billedImmediately: number, credit: number): OrderQuote => ({
      kind: "change",
      order: {} as OrderQuote["order"],
      estimate: { currency: "USD", billedImmediately, credit, lines: [], nextBillingAt: null, nextBillingAmount: null },
    });
    expect(estimateSummary(quote(3000, 0))).toEqual({ label: "Billed immediately", amount: 3000 });
    expect(estimateSummary(quote(0, 5000))).toEqual({ label: "Credit for your next invoices", amount: 5000 });
  });
});

describe("opened for a number of users (?users=N)", () => {
  it("reads a number of users and ignores anything else", () => {
    expect(requestedUsers({ users: "8" })).toBe(8);
    expect(requestedUsers({ users: "0" })).toBeNull();
    expect(requestedUsers({ users: "-3" })).toBeNull();
    expect(requestedUsers({ users: "8.5" })).toBeNull();
    expect(requestedUsers({ users: "lots" })).toBeNull();
    expect(requestedUsers({})).toBeNull();
  });

  it("changes the users of a live paid subscription, and buys otherwise", () => {
    expect(purposeForUsers({ state: "active", plan: "start" })).toBe("change-users");
    expect(purposeForUsers({ state: "non_renewing", plan: "team" })).toBe("change-users");
    expect(purposeForUsers({ state: "active", plan: "free" })).toBe("buy");
    expect(purposeForUsers({ state: "trial", plan: null })).toBe("buy");
    expect(purposeForUsers({ state: "cancelled", plan: "start" })).toBe("buy");
  });
});
