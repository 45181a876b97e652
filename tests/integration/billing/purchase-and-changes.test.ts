import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CheckoutStarted,
  CheckoutSync,
  OrderQuote,
  PlansResponse,
  SubscriptionOverview,
} from "../../../functions/contracts/billing";
import { completeCheckout } from "./support/hosted-checkout";
import { eventually, overview, requestId, startBillingStack, type BillingStack } from "./support/billing-stack";

/**
 * The Subscription page's story against the Chargebee stand-in, as the reference documents
 * it: a 14-user org buys Start annually through the hosted checkout, upgrades to Team with
 * the estimate shown, moves to monthly billing, adds users. Cancel and Free are in
 * cancel-and-free.test.ts. The steps depend on each other and run in order.
 */
let t: BillingStack;
beforeAll(async () => {
  t = await startBillingStack();
  await t.license(14);
});
afterAll(async () => {
  await t?.stack.stop();
});

const order = (plan: string, period: string, seats: number) => ({ plan, period, seats });
const chargebeeSubscriptions = () => [...t.chargebee.state.subscriptions.values()];

describe("buying Start for 14 users", () => {
  it("starts in the trial with 14 licensed users", async () => {
    expect(await overview(t)).toMatchObject({
      state: "trial",
      currentPlan: "Trial",
      licensed: 14,
      seats: null,
      canCancel: false,
      trial: { daysLeft: 28 },
    });
  });

  it("offers Start and Team; Free and Ultimate are greyed out with the reason", async () => {
    const { status, body } = await t.call<PlansResponse>(t.priya, "GET", "subscription/plans");
    expect(status).toBe(200);
    expect(body.seats).toBe(14);
    const fit = Object.fromEntries(body.offers.map((o) => [o.plan, o.fit]));
    expect(fit).toEqual({
      free: {
        fits: false,
        reason:
          "The Free plan is for at most 3 users, and 14 users are licensed now. Set 11 users to None on the Permissions page, then switch.",
      },
      start: { fits: true },
      team: { fits: true },
      ultimate: { fits: false, reason: "The Ultimate plan requires at least 20 users." },
    });
    const start = body.offers.find((o) => o.plan === "start")!;
    expect(start.prices.yearly).toMatchObject({ amount: 134_400, perUserPerMonth: 800 });
    expect(start.prices.monthly).toMatchObject({ amount: 12_600, perUserPerMonth: 900 });
  });

  it("prices a plan that needs more users at its minimum: Ultimate for 20 users, the order's price for 20", async () => {
    const { body } = await t.call<PlansResponse>(t.priya, "GET", "subscription/plans");
    const ultimate = body.offers.find((o) => o.plan === "ultimate")!;
    expect(ultimate.minUsers).toBe(20);
    expect(ultimate.prices.yearly).toMatchObject({ seats: 20 });
    expect(ultimate.prices.monthly).toMatchObject({ seats: 20 });
    const forTwenty = await t.call<OrderQuote>(t.priya, "POST", "subscription/quote", order("ultimate", "yearly", 20));
    expect(ultimate.prices.yearly!.amount).toBe(forTwenty.body.order.amount);
    expect(body.offers.find((o) => o.plan === "team")!.prices.yearly).toMatchObject({ seats: 14 });
  });

  it("prices the order from Chargebee's catalog, annually and monthly", async () => {
    const yearly = await t.call<OrderQuote>(t.priya, "POST", "subscription/quote", order("start", "yearly", 14));
    expect(yearly.body).toMatchObject({
      kind: "checkout",
      estimate: null,
      order: { amount: 134_400, period: "yearly", seats: 14 },
    });
    const monthly = await t.call<OrderQuote>(t.priya, "POST", "subscription/quote", order("start", "monthly", 14));
    expect(monthly.body.order.amount).toBe(12_600);
  });

  it("refuses a checkout whose price the client changed, and opens none", async () => {
    const pagesBefore = t.chargebee.state.hostedPages.size;
    const tampered = await t.call(t.priya, "POST", "subscription/checkout", {
      ...order("start", "yearly", 14),
      requestId: requestId(),
      expectedAmount: 100,
    });
    expect(tampered.status).toBe(409);
    expect(tampered.body).toMatchObject({
      error: { message: expect.stringContaining("The price of this order is $1,344.00, not $1.00") },
    });
    const withPrice = await t.call(t.priya, "POST", "subscription/checkout", {
      ...order("start", "yearly", 14),
      requestId: requestId(),
      price: 1,
    });
    expect(withPrice.status).toBe(400);
    expect(t.chargebee.state.hostedPages.size).toBe(pagesBefore);
  });

  it("buys through the hosted checkout and shows the activation once Chargebee confirms", async () => {
    const started = await t.call<CheckoutStarted>(t.priya, "POST", "subscription/checkout", {
      ...order("start", "yearly", 14),
      requestId: requestId(),
      expectedAmount: 134_400,
    });
    expect(started.status).toBe(201);
    expect(started.body.url).toContain(t.chargebee.url);
    const open = await t.call<CheckoutSync>(t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
    expect(open.body).toEqual({ state: "open" });

    await completeCheckout(started.body.url);

    // Whichever comes first, the webhook or this retrieve, stores the subscription.
    const synced = await t.call<CheckoutSync>(
      t.priya,
      "POST",
      `subscription/checkout/${started.body.hostedPageId}/sync`,
    );
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({
      state: "succeeded",
      subscription: {
        state: "active",
        currentPlan: "Start",
        billingPeriod: "yearly",
        seats: 14,
        licensed: 14,
        nextBillingAmount: 134_400,
        canCancel: true,
        trial: null,
      },
    });
    await t.chargebee.webhooksIdle();
    expect(await overview(t)).toMatchObject({ currentPlan: "Start", seats: 14, billingPeriod: "yearly" });
    expect(chargebeeSubscriptions()).toHaveLength(1);
    expect([...t.chargebee.state.invoices.values()].map((i) => i.total)).toEqual([134_400]);
  });

  it("sends an existing subscriber to Change instead of a second checkout", async () => {
    const again = await t.call(t.priya, "POST", "subscription/checkout", {
      ...order("team", "yearly", 14),
      requestId: requestId(),
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { message: expect.stringContaining("use Change") } });
  });
});

describe("changing the subscription", () => {
  it("shows Chargebee's estimate for the upgrade to Team: the difference is billed immediately", async () => {
    const plans = await t.call<PlansResponse>(t.priya, "GET", "subscription/plans");
    expect(plans.body.offers.map((o) => [o.plan, o.move])).toEqual([
      ["free", "downgrade"],
      ["start", "current"],
      ["team", "upgrade"],
      ["ultimate", "upgrade"],
    ]);
    const quote = await t.call<OrderQuote>(t.priya, "POST", "subscription/quote", order("team", "yearly", 14));
    expect(quote.body.kind).toBe("change");
    // Changed on the first day of the term: the whole Start year is credited against Team's.
    expect(quote.body.estimate).toMatchObject({
      billedImmediately: 218_400 - 134_400,
      credit: 0,
      nextBillingAmount: 218_400,
    });
  });

  it("upgrades to Team", async () => {
    const { status, body } = await t.call<SubscriptionOverview>(t.priya, "POST", "subscription/change", {
      ...order("team", "yearly", 14),
      requestId: requestId(),
      expectedAmount: 218_400,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ currentPlan: "Team", billingPeriod: "yearly", seats: 14, nextBillingAmount: 218_400 });
    expect(chargebeeSubscriptions()[0].subscription_items?.[0]).toMatchObject({
      item_price_id: "team-USD-yearly",
      quantity: 14,
    });
  });

  it("moves from annual to monthly billing; the unused year becomes credit", async () => {
    const quote = await t.call<OrderQuote>(t.priya, "POST", "subscription/quote", order("team", "monthly", 14));
    expect(quote.body.order.amount).toBe(22_400);
    expect(quote.body.estimate).toMatchObject({ billedImmediately: 0, credit: 218_400 - 22_400 });
    const { body } = await t.call<SubscriptionOverview>(t.priya, "POST", "subscription/change", {
      ...order("team", "monthly", 14),
      requestId: requestId(),
    });
    expect(body).toMatchObject({ currentPlan: "Team", billingPeriod: "monthly", nextBillingAmount: 22_400 });
  });

  it("never lowers seats below the licensed users, and says how many to unassign", async () => {
    const { status, body } = await t.call(t.priya, "POST", "subscription/change", {
      ...order("team", "monthly", 12),
      requestId: requestId(),
    });
    expect(status).toBe(409);
    expect(body).toMatchObject({
      error: {
        code: "seat_limit",
        message:
          "14 users are licensed now. Unassign 2 users on the Permissions page (role None) before lowering Users Assignable to 12.",
      },
    });
    expect(await overview(t)).toMatchObject({ seats: 14 });
  });

  it("raises the users to 16 with the price updated", async () => {
    const plans = await t.call<PlansResponse>(t.priya, "GET", "subscription/plans?seats=16");
    expect(plans.body.offers.find((o) => o.plan === "team")!.prices.monthly).toMatchObject({ amount: 25_600 });
    const { body } = await t.call<SubscriptionOverview>(t.priya, "POST", "subscription/change", {
      ...order("team", "monthly", 16),
      requestId: requestId(),
    });
    expect(body).toMatchObject({ seats: 16, licensed: 14, nextBillingAmount: 25_600 });
  });

  it("refuses an order that changes nothing, or does not fit its plan", async () => {
    const same = await t.call(t.priya, "POST", "subscription/change", {
      ...order("team", "monthly", 16),
      requestId: requestId(),
    });
    expect(same.status).toBe(400);
    const ultimate = await t.call(t.priya, "POST", "subscription/quote", order("ultimate", "monthly", 16));
    expect(ultimate).toMatchObject({
      status: 400,
      body: { error: { message: "The Ultimate plan requires at least 20 users." } },
    });
    const unknown = await t.call(t.priya, "POST", "subscription/quote", order("gold", "monthly", 16));
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("Unknown plan") } },
    });
    const weekly = await t.call(t.priya, "POST", "subscription/quote", order("team", "weekly", 16));
    expect(weekly).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("Unknown billing period") } },
    });
  });

  it("ends with Chargebee and our snapshot agreeing, after every webhook arrived", async () => {
    await t.chargebee.webhooksIdle();
    const sub = chargebeeSubscriptions()[0];
    expect(sub.subscription_items?.[0]).toMatchObject({ item_price_id: "team-USD-monthly", quantity: 16 });
    const seen = await eventually(
      () => overview(t),
      (o) => o.seats === 16,
    );
    expect(seen).toMatchObject({ currentPlan: "Team", billingPeriod: "monthly" });
  });
});
