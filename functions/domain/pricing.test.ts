import { describe, expect, it } from "vitest";
import { amountFor, formatMoney, monthlyAmountOfTopSeats, quote, rateCard, type PlanPrice } from "./pricing";

/** The list prices of docs/architecture.md ("Roles and plans at a glance") as Chargebee states them: cents per unit per billing period. */
const start = (period: "yearly" | "monthly"): PlanPrice => ({
  itemPriceId: `start-USD-${period}`,
  plan: "start",
  period,
  currency: "USD",
  model: { kind: "per_unit", unitAmount: period === "yearly" ? 8 * 12 * 100 : 900 },
});

const ultimateYearly: PlanPrice = {
  itemPriceId: "ultimate-USD-yearly",
  plan: "ultimate",
  period: "yearly",
  currency: "USD",
  model: {
    kind: "tiered",
    tiers: [
      { from: 1, to: 100, unitAmount: 17 * 1200 },
      { from: 101, to: 250, unitAmount: 10 * 1200 },
      { from: 251, to: null, unitAmount: 7 * 1200 },
    ],
  },
};

describe("price display", () => {
  it("prices Start for 14 users annually at $8 per user per month, billed $1,344 a year", () => {
    const q = quote(start("yearly"), 14);
    expect(q).toMatchObject({
      amount: 134_400,
      perMonth: 11_200,
      perUserPerMonth: 800,
      listPerUserPerMonth: 800,
      tiers: [],
    });
    expect(formatMoney(q.amount, q.currency)).toBe("$1,344.00");
  });

  it("prices the same users monthly at $9 per user per month: $126 a month", () => {
    const q = quote(start("monthly"), 14);
    expect(q).toMatchObject({ amount: 12_600, perMonth: 12_600, perUserPerMonth: 900 });
  });

  it("prices Ultimate by graduated tiers: 17 for users 1–100, 10 for 101–250, 7 above", () => {
    expect(amountFor(ultimateYearly.model, 20)).toBe(20 * 17 * 1200);
    expect(amountFor(ultimateYearly.model, 100)).toBe(100 * 17 * 1200);
    const q = quote(ultimateYearly, 300);
    expect(q.amount).toBe((100 * 17 + 150 * 10 + 50 * 7) * 1200);
    expect(q.tiers).toEqual([
      { from: 1, to: 100, users: 100, perUserPerMonth: 1700, amount: 100 * 17 * 1200 },
      { from: 101, to: 250, users: 150, perUserPerMonth: 1000, amount: 150 * 10 * 1200 },
      { from: 251, to: null, users: 50, perUserPerMonth: 700, amount: 50 * 7 * 1200 },
    ]);
    // The blended rate is what 300 users pay on average per month.
    expect(q.perUserPerMonth).toBe(Math.round(((100 * 17 + 150 * 10 + 50 * 7) * 100) / 300));
    expect(rateCard(ultimateYearly)).toEqual([
      { from: 1, to: 100, perUserPerMonth: 1700 },
      { from: 101, to: 250, perUserPerMonth: 1000 },
      { from: 251, to: null, perUserPerMonth: 700 },
    ]);
  });

  it("charges all units at the tier the quantity falls in for volume prices", () => {
    const volume = {
      kind: "volume" as const,
      tiers: [
        { from: 1, to: 10, unitAmount: 500 },
        { from: 11, to: null, unitAmount: 300 },
      ],
    };
    expect(amountFor(volume, 10)).toBe(5000);
    expect(amountFor(volume, 11)).toBe(3300);
  });
});

describe("what lowering the seats saves", () => {
  it("is the list price per user per month of the plan and period, times the seats", () => {
    expect(monthlyAmountOfTopSeats(start("monthly"), 10, 3)).toBe(2_700);
    expect(monthlyAmountOfTopSeats(start("yearly"), 10, 3)).toBe(2_400); // $8 a month, billed yearly
    expect(monthlyAmountOfTopSeats(start("monthly"), 2, 5)).toBe(1_800); // never below no seats
  });

  it("takes tiered seats from the top tier", () => {
    expect(monthlyAmountOfTopSeats(ultimateYearly, 110, 10)).toBe(10 * 1_000);
    expect(monthlyAmountOfTopSeats(ultimateYearly, 105, 10)).toBe(5 * 1_000 + 5 * 1_700);
  });
});
