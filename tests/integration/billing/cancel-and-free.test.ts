import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckoutStarted, SubscriptionOverview } from "../../../functions/contracts/billing";
import type { MeResponse } from "../../../functions/contracts/me";
import { completeCheckout } from "./support/hosted-checkout";
import {
  overview,
  postWebhook,
  requestId,
  setRole,
  startBillingStack,
  subscriptionEvent,
  type BillingStack,
} from "./support/billing-stack";

/**
 * "How to apply the Free plan": a 13-user org on Start cancels immediately (Current Plan
 * shows Cancelled, data kept), cannot switch to Free while more than 3 users are licensed,
 * sets users to None, then switches. Steps run in order.
 */
let t: BillingStack;
beforeAll(async () => {
  t = await startBillingStack();
  await t.license(13);
  const started = await t.call<CheckoutStarted>(t.priya, "POST", "subscription/checkout", {
    plan: "start",
    period: "yearly",
    seats: 13,
    requestId: requestId(),
  });
  await completeCheckout(started.body.url);
  await t.call(t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
  await t.chargebee.webhooksIdle();
});
afterAll(async () => {
  await t?.stack.stop();
});

const subscriptions = () => [...t.chargebee.state.subscriptions.values()];

describe("cancel, then switch to Free", () => {
  it("cancels immediately: Current Plan shows Cancelled and users lose access, data kept", async () => {
    expect(await overview(t)).toMatchObject({ currentPlan: "Start", licensed: 13 });
    const { status, body } = await t.call<SubscriptionOverview>(t.priya, "POST", "subscription/cancel", {
      when: "immediately",
      requestId: requestId(),
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      state: "cancelled",
      currentPlan: "Cancelled",
      plan: "start",
      canCancel: false,
      nextBillingAt: null,
      licensed: 13,
    });
    expect(subscriptions()[0].status).toBe("cancelled");
    // Cancel Immediately credits the unused part of the year.
    expect([...t.chargebee.state.creditNotes.values()]).toHaveLength(1);
    const me = await t.call<MeResponse>(t.users[5], "GET", "me");
    expect(me.body).toMatchObject({ licensed: true, hasAccess: false, plan: { kind: "cancelled" } });
  });

  it("refuses a second cancellation", async () => {
    const again = await t.call(t.priya, "POST", "subscription/cancel", { requestId: requestId() });
    expect(again.status).toBe(409);
  });

  it("does not switch to Free while 13 users are licensed, and says how many to set to None", async () => {
    const o = await overview(t);
    const reason =
      "The Free plan is for at most 3 users, and 13 users are licensed now. Set 10 users to None on the Permissions page, then switch.";
    expect(o.freeSwitch).toEqual({ fits: false, reason });
    const { status, body } = await t.call(t.priya, "POST", "subscription/free", { requestId: requestId() });
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: { code: "seat_limit", message: reason } });
    expect(subscriptions()).toHaveLength(1);
  });

  it("switches to Free once only 3 users are licensed; the Free plan is applied and active", async () => {
    for (const who of t.users.slice(3)) await setRole(t, who, "None");
    expect((await overview(t)).freeSwitch).toEqual({ fits: true });
    const { status, body } = await t.call<SubscriptionOverview>(t.priya, "POST", "subscription/free", {
      requestId: requestId(),
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      state: "active",
      currentPlan: "Free",
      plan: "free",
      seats: 3,
      licensed: 3,
      canCancel: true,
    });
    const free = subscriptions().find((s) => s.status === "active")!;
    expect(free.subscription_items?.[0]).toMatchObject({ item_price_id: "free-USD-monthly", quantity: 3 });
    expect(free.customer_id).toBe(t.priya.org.id);
  });

  it("keeps Free when late news about the cancelled subscription arrives", async () => {
    await t.chargebee.webhooksIdle();
    const cancelled = subscriptions().find((s) => s.status === "cancelled")!;
    // A newer change stamp than anything stored, but about the subscription that ended.
    const late = subscriptionEvent("subscription_changed", { ...cancelled, resource_version: Date.now() + 60_000 });
    expect(await postWebhook(t, late)).toMatchObject({ status: 200, body: { outcome: "stale" } });
    expect(await overview(t)).toMatchObject({ currentPlan: "Free", seats: 3 });
    const me = await t.call<MeResponse>(t.priya, "GET", "me");
    expect(me.body).toMatchObject({ hasAccess: true });
  });

  it("refuses Free when it is already active", async () => {
    const again = await t.call(t.priya, "POST", "subscription/free", { requestId: requestId() });
    expect(again).toMatchObject({ status: 409, body: { error: { message: "The Free plan is already active." } } });
  });

  it("buys a paid plan while on Free: the paid plan takes over and the Free subscription is cancelled, not renewed beside it", async () => {
    const started = await t.call<CheckoutStarted>(t.priya, "POST", "subscription/checkout", {
      plan: "team",
      period: "monthly",
      seats: 5,
      requestId: requestId(),
    });
    expect(started.status).toBe(201);
    await completeCheckout(started.body.url);
    const synced = await t.call(t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
    expect(synced.status).toBe(200);
    await t.chargebee.webhooksIdle();

    expect(await overview(t)).toMatchObject({
      state: "active",
      currentPlan: "Team",
      plan: "team",
      billingPeriod: "monthly",
      seats: 5,
    });
    const byPlan = (prefix: string) =>
      subscriptions().filter((s) => s.subscription_items?.[0]?.item_price_id.startsWith(prefix));
    expect(byPlan("free-").map((s) => s.status)).toEqual(["cancelled"]);
    expect(byPlan("team-").map((s) => s.status)).toEqual(["active"]);
    // Two more users fit in the 5 seats now.
    for (const who of t.users.slice(3, 5)) await setRole(t, who, "Team");
    const me = await t.call<MeResponse>(t.users[4], "GET", "me");
    expect(me.body).toMatchObject({ licensed: true, hasAccess: true, plan: { kind: "subscribed", name: "team" } });
  });
});
