import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckoutStarted, SubscriptionOverview } from "../../../functions/contracts/billing";
import { services } from "../../../functions/app/services";
import { completeCheckout } from "./support/hosted-checkout";
import {
  eventually,
  overview,
  postWebhook,
  requestId,
  startBillingStack,
  subscriptionEvent,
  type BillingStack,
} from "./support/billing-stack";

/**
 * Chargebee's webhooks reach /api/webhooks/chargebee with Basic auth. The org's snapshot
 * changes only from them and from confirmed API results: wrong credentials change nothing,
 * an event id is applied once, an older resource_version never overwrites a newer one,
 * unknown events are acknowledged.
 */
let t: BillingStack;
beforeAll(async () => {
  t = await startBillingStack();
  await t.license(5);
});
afterAll(async () => {
  await t?.stack.stop();
});

const orgDocument = async () => (await services().orgs.get(t.priya.org.id))!.value;
const theSubscription = () => [...t.chargebee.state.subscriptions.values()][0];

describe("Chargebee webhooks", () => {
  it("activates a purchase from the webhook alone, without the page asking", async () => {
    const started = await t.call<CheckoutStarted>(t.priya, "POST", "subscription/checkout", {
      plan: "start",
      period: "monthly",
      seats: 5,
      requestId: requestId(),
    });
    await completeCheckout(started.body.url);
    const active = await eventually(
      () => overview(t),
      (o) => o.state === "active",
    );
    expect(active).toMatchObject({ currentPlan: "Start", billingPeriod: "monthly", seats: 5 });
    const types = t.chargebee.webhookDeliveries.map((d) => [d.eventType, d.status]);
    expect(types).toContainEqual(["subscription_created", 200]);
  });

  it("answers 401 to wrong or missing credentials and changes nothing", async () => {
    const before = await orgDocument();
    const event = subscriptionEvent("subscription_changed", {
      ...theSubscription(),
      status: "cancelled",
      resource_version: before.subscription!.resourceVersion + 1,
    });
    expect((await postWebhook(t, event, { username: "chargebee-dev", password: "guess" })).status).toBe(401);
    expect((await postWebhook(t, event, { username: "", password: "" })).status).toBe(401);
    const anonymous = await fetch(`${t.stack.functions.url}/api/webhooks/chargebee`, {
      method: "POST",
      body: JSON.stringify(event),
    });
    expect(anonymous.status).toBe(401);
    expect(await orgDocument()).toEqual(before);
    // Not even recorded: the genuine delivery of this id later must still apply.
    const { webhookEvents } = await services().db.containers();
    expect((await webhookEvents.item(event.id, event.id).read()).statusCode).toBe(404);
  });

  it("applies an event id once: a redelivery or replay is acknowledged as a duplicate", async () => {
    const stored = (await orgDocument()).subscription!;
    const event = subscriptionEvent("subscription_changed", {
      ...theSubscription(),
      resource_version: stored.resourceVersion + 1,
    });
    expect(await postWebhook(t, event)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect((await orgDocument()).subscription?.resourceVersion).toBe(stored.resourceVersion + 1);
    expect(await postWebhook(t, event)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    const genuine = t.chargebee.state.events.find((e) => e.event_type === "subscription_created")!;
    expect(await postWebhook(t, genuine)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect(await t.chargebee.redeliver(genuine.id)).toBe(200);
  });

  it("never lets an older resource_version overwrite a newer snapshot", async () => {
    const newest = (await orgDocument()).subscription!;
    const older = subscriptionEvent("subscription_changed", {
      ...theSubscription(),
      subscription_items: [{ item_price_id: "team-USD-yearly", item_type: "plan", quantity: 9 }],
      resource_version: newest.resourceVersion - 1,
    });
    expect(await postWebhook(t, older)).toMatchObject({ status: 200, body: { outcome: "stale" } });
    expect((await orgDocument()).subscription).toEqual(newest);
  });

  it("ends on Chargebee's final state when the events of several changes arrive in reverse order", async () => {
    t.chargebee.holdWebhooks();
    for (const seats of [6, 7, 8]) {
      const changed = await t.call<SubscriptionOverview>(t.priya, "POST", "subscription/change", {
        plan: "start",
        period: "monthly",
        seats,
        requestId: requestId(),
      });
      expect(changed.status).toBe(200);
    }
    await t.chargebee.releaseWebhooks("reverse");
    expect(await overview(t)).toMatchObject({ seats: 8 });
    expect(theSubscription().subscription_items?.[0]?.quantity).toBe(8);
  });

  it("acknowledges events it does not act on, and subscriptions of customers that are no org", async () => {
    const unknown = {
      id: `ev_${requestId()}`,
      occurred_at: 1,
      event_type: "coupon_created",
      content: { coupon: { id: "X" } },
    };
    expect(await postWebhook(t, unknown)).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    const stranger = subscriptionEvent("subscription_created", {
      ...theSubscription(),
      id: "sub_other",
      customer_id: "someone-else",
    });
    expect(await postWebhook(t, stranger)).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    const otherProduct = subscriptionEvent("subscription_created", {
      ...theSubscription(),
      subscription_items: [{ item_price_id: "other-product-USD-monthly", item_type: "plan", quantity: 1 }],
    });
    expect(await postWebhook(t, otherProduct)).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(await overview(t)).toMatchObject({ currentPlan: "Start", seats: 8 });
  });

  it("ends the plan when Chargebee deletes the subscription; deleting another one changes nothing", async () => {
    const marcus = t.users.find((u) => u.user.id !== t.priya.user.id)!;
    expect(await t.call(marcus, "GET", "timer")).toMatchObject({ status: 200 });
    const stored = (await orgDocument()).subscription!;
    const elsewhere = subscriptionEvent("subscription_deleted", {
      ...theSubscription(),
      id: "sub_someone_elses",
      resource_version: stored.resourceVersion + 5,
    });
    expect(await postWebhook(t, elsewhere)).toMatchObject({ status: 200, body: { outcome: "stale" } });
    expect(await overview(t)).toMatchObject({ state: "active", currentPlan: "Start" });

    // The deletion names the subscription's last version: the one the org already has.
    const deleted = subscriptionEvent("subscription_deleted", {
      ...theSubscription(),
      resource_version: stored.resourceVersion,
    });
    expect(await postWebhook(t, deleted)).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await overview(t)).toMatchObject({ state: "cancelled", plan: "start", seats: 8 });
    expect(await t.call(marcus, "GET", "timer")).toMatchObject({ status: 403 });

    // A late word about the subscription from before the deletion cannot bring it back.
    const late = subscriptionEvent("subscription_changed", {
      ...theSubscription(),
      status: "active",
      resource_version: stored.resourceVersion,
    });
    expect(await postWebhook(t, late)).toMatchObject({ status: 200, body: { outcome: "stale" } });
    expect(await overview(t)).toMatchObject({ state: "cancelled" });
  });

  it("refuses a subscription whose deletion arrived before its creation", async () => {
    const stored = (await orgDocument()).subscription!;
    const ghost = {
      ...theSubscription(),
      id: "sub_deleted_early",
      status: "active",
      resource_version: stored.resourceVersion + 10,
    };
    // The org's plan had ended: the deleted subscription's last state is shown, as after its creation and deletion.
    expect(await postWebhook(t, subscriptionEvent("subscription_deleted", ghost))).toMatchObject({
      status: 200,
      body: { outcome: "applied" },
    });
    const created = subscriptionEvent("subscription_created", {
      ...ghost,
      resource_version: stored.resourceVersion + 5,
    });
    expect(await postWebhook(t, created)).toMatchObject({ status: 200, body: { outcome: "stale" } });
    expect(await overview(t)).toMatchObject({ state: "cancelled", plan: "start" });
  });

  it("shows the same seats when a deletion arrives before the older change as when it arrives last", async () => {
    const seatsAfter = async (id: string, order: "in order" | "deletion first"): Promise<unknown> => {
      const base = (await orgDocument()).subscription!.resourceVersion + 100;
      const version = (seats: number, step: number) => ({
        ...theSubscription(),
        id,
        status: "active",
        resource_version: base + step,
        subscription_items: [{ item_price_id: "start-USD-monthly", item_type: "plan", quantity: seats }],
      });
      const created = subscriptionEvent("subscription_created", version(12, 1));
      const changed = subscriptionEvent("subscription_changed", version(8, 2));
      const deleted = subscriptionEvent("subscription_deleted", version(8, 2));
      for (const event of order === "in order" ? [created, changed, deleted] : [created, deleted, changed]) {
        expect((await postWebhook(t, event)).status).toBe(200);
      }
      const { state, plan, seats } = await overview(t);
      return { state, plan, seats };
    };
    const inOrder = await seatsAfter("sub_deleted_in_order", "in order");
    expect(inOrder).toEqual({ state: "cancelled", plan: "start", seats: 8 });
    expect(await seatsAfter("sub_deleted_first", "deletion first")).toEqual(inOrder);
  });

  it("answers 400 to a body that is not a Chargebee event, and changes nothing", async () => {
    const before = await orgDocument();
    expect((await postWebhook(t, "{not json")).status).toBe(400);
    expect((await postWebhook(t, { event_type: "subscription_changed" })).status).toBe(400);
    expect(await orgDocument()).toEqual(before);
  });
});
