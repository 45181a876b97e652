import type { Estimate, ItemPrice } from "chargebee";
import { describe, expect, it } from "vitest";
import { toPlanPrices } from "./catalog-mapper";
import { toChangeEstimate } from "./estimate-mapper";
import { toSubscriptionFacts } from "./subscription-mapper";

const itemPrice = (over: Partial<ItemPrice>): ItemPrice =>
  ({
    id: "start-USD-yearly",
    item_id: "start",
    item_type: "plan",
    status: "active",
    currency_code: "USD",
    period: 1,
    period_unit: "year",
    pricing_model: "per_unit",
    price: 9600,
    ...over,
  }) as ItemPrice;

describe("Chargebee catalog", () => {
  it("reads per-user and tiered plan prices and skips what we do not sell", () => {
    const prices = toPlanPrices([
      itemPrice({}),
      itemPrice({
        id: "ultimate-USD-monthly",
        item_id: "ultimate",
        period_unit: "month",
        pricing_model: "tiered",
        price: undefined,
        tiers: [
          { starting_unit: 1, ending_unit: 100, price: 2000 },
          { starting_unit: 101, price: 800 },
        ],
      }),
      itemPrice({ id: "addon-USD-yearly", item_id: "addon", item_type: "addon" }),
      itemPrice({ id: "start-USD-archived", status: "archived" }),
      itemPrice({ id: "start-USD-quarterly", period: 3, period_unit: "month" }),
      itemPrice({ id: "team-USD-flat", item_id: "team", pricing_model: "flat_fee" }),
    ]);
    expect(prices).toEqual([
      {
        itemPriceId: "start-USD-yearly",
        plan: "start",
        period: "yearly",
        currency: "USD",
        model: { kind: "per_unit", unitAmount: 9600 },
      },
      {
        itemPriceId: "ultimate-USD-monthly",
        plan: "ultimate",
        period: "monthly",
        currency: "USD",
        model: {
          kind: "tiered",
          tiers: [
            { from: 1, to: 100, unitAmount: 2000 },
            { from: 101, to: null, unitAmount: 800 },
          ],
        },
      },
    ]);
  });
});

describe("Chargebee subscription", () => {
  const wire = {
    id: "sub_1",
    customer_id: "org-1",
    status: "active",
    resource_version: 1_700_000_000_123,
    current_term_end: 1_800_000_000,
    next_billing_at: 1_800_000_000,
    subscription_items: [{ item_price_id: "team-USD-monthly", item_type: "plan", quantity: 14 }],
  };

  it("becomes the snapshot's facts", () => {
    expect(toSubscriptionFacts(wire)).toEqual({
      plan: "team",
      billingPeriod: "monthly",
      status: "active",
      seats: 14,
      chargebeeSubscriptionId: "sub_1",
      chargebeeCustomerId: "org-1",
      currentTermEnd: "2027-01-15T08:00:00.000Z",
      nextBillingAt: "2027-01-15T08:00:00.000Z",
      resourceVersion: 1_700_000_000_123,
    });
  });

  it("is ignored when it is not one of our plans, malformed, or in a status we do not know", () => {
    expect(
      toSubscriptionFacts({
        ...wire,
        subscription_items: [{ item_price_id: "other-USD-monthly", item_type: "plan", quantity: 1 }],
      }),
    ).toBeNull();
    expect(toSubscriptionFacts({ id: "sub_1" })).toBeNull();
    expect(toSubscriptionFacts({ ...wire, status: "hibernating" })).toBeNull();
    expect(toSubscriptionFacts({ ...wire, status: "transferred" })?.status).toBe("cancelled");
  });
});

describe("Chargebee estimate", () => {
  it("bills an upgrade's difference immediately", () => {
    const estimate = {
      created_at: 0,
      invoice_estimate: {
        currency_code: "USD",
        total: 9000,
        amount_due: 3000,
        credits_applied: 6000,
        line_items: [{ description: "Team", amount: 9000 }],
      },
      credit_note_estimates: [
        { currency_code: "USD", total: 6000, line_items: [{ description: "Start - unused", amount: 6000 }] },
      ],
      subscription_estimate: { currency_code: "USD", next_billing_at: 1_800_000_000 },
    } as unknown as Estimate;
    expect(toChangeEstimate(estimate)).toEqual({
      currency: "USD",
      billedImmediately: 3000,
      credit: 0,
      lines: [
        { description: "Team", amount: 9000 },
        { description: "Start - unused", amount: -6000 },
      ],
      nextBillingAt: "2027-01-15T08:00:00.000Z",
      nextBillingAmount: null,
    });
  });

  it("leaves a downgrade's surplus as credit and bills nothing", () => {
    const estimate = {
      created_at: 0,
      invoice_estimate: { currency_code: "USD", total: 4000, amount_due: 0, credits_applied: 4000, line_items: [] },
      credit_note_estimates: [{ currency_code: "USD", total: 9000, line_items: [] }],
    } as unknown as Estimate;
    expect(toChangeEstimate(estimate)).toMatchObject({ billedImmediately: 0, credit: 5000 });
  });
});
