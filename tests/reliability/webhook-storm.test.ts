import Chargebee from "chargebee";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import type { ChargebeeStandin } from "../../dev/chargebee/index";
import { services } from "../../functions/app/services";
import type { SubscriptionOverview } from "../../functions/contracts/billing";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { subscribe } from "./support/subscribed";
import { deliver, stormOf } from "./support/webhook-delivery";

const ROUNDS = 5;
/** Statuses that make Chargebee deliver the event again later (anything but 2xx). */
const RETRIED_BY_CHARGEBEE = new Set([409, 412, 429, 503]);

let stack: BackendStack;
let chargebee: ChargebeeStandin;
let priya: SignedIn;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  chargebee = stack.chargebee!;
  priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  await api(stack, priya, "GET", "me");
  await subscribe(stack, priya, 5);
});
afterAll(async () => {
  await stack?.stop();
});

const theSubscription = () => [...chargebee.state.subscriptions.values()][0];
const snapshot = async () => (await services().orgs.get(priya.org.id))!.value.subscription;

/** Seat changes made in Chargebee itself (its UI or API): only webhooks tell us about them. */
async function changeSeatsInChargebee(quantities: number[]): Promise<void> {
  const cb = new Chargebee(chargebee.clientConfig);
  for (const quantity of quantities) {
    await cb.subscription.updateForItems(theSubscription().id, {
      subscription_items: [{ item_price_id: "start-USD-monthly", quantity }],
    });
  }
}

describe("webhook storms", () => {
  it("starts from an active subscription known from its webhook", async () => {
    expect((await api<SubscriptionOverview>(stack, priya, "GET", "subscription")).body).toMatchObject({
      state: "active",
      seats: 5,
    });
  });

  it("converges to Chargebee's latest state whatever the duplicates and the order", async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      chargebee.holdWebhooks();
      const firstEvent = chargebee.state.events.length;
      await changeSeatsInChargebee([6 + round, 9 + round, 7 + round, 12 + round]);
      const events = chargebee.state.events.slice(firstEvent);
      expect(events.length).toBeGreaterThanOrEqual(4);

      // Three copies of every event, shuffled, all at once; then Chargebee's own deliveries, newest first.
      const statuses = await Promise.all(
        stormOf(events, 3).map((event) => deliver(stack, event).then((status) => ({ event, status }))),
      );
      const unexpected = statuses
        .filter(({ status }) => status !== 200 && !RETRIED_BY_CHARGEBEE.has(status))
        .map(({ status }) => status);
      expect({ round, unexpected }).toEqual({ round, unexpected: [] });
      for (const { event, status } of statuses) if (status !== 200) expect(await deliver(stack, event)).toBe(200);
      await chargebee.releaseWebhooks("reverse");

      const latest = theSubscription();
      expect({ round, seats: (await snapshot())?.seats, version: (await snapshot())?.resourceVersion }).toEqual({
        round,
        seats: latest.subscription_items?.[0]?.quantity,
        version: latest.resource_version,
      });
    }
    expect((await api<SubscriptionOverview>(stack, priya, "GET", "subscription")).body).toMatchObject({
      state: "active",
      seats: 12 + ROUNDS,
    });
  });

  it("ends on the deleted subscription's last seats whether its deletion comes before or after the older changes", async () => {
    chargebee.holdWebhooks();
    const firstEvent = chargebee.state.events.length;
    await changeSeatsInChargebee([18, 9, 14]);
    const changes = chargebee.state.events.slice(firstEvent);
    const last = theSubscription();
    // Chargebee deletes the subscription (its console or API); the stand-in has no deletion, so the event is made here.
    const deletion = {
      ...changes.at(-1)!,
      id: `ev_deleted_${last.id}`,
      event_type: "subscription_deleted",
      content: { subscription: last, customer: chargebee.state.customer(last.customer_id) },
    };

    const statuses = await Promise.all(
      stormOf([...changes, deletion], 3).map((event) => deliver(stack, event).then((status) => ({ event, status }))),
    );
    expect(statuses.filter(({ status }) => status !== 200 && !RETRIED_BY_CHARGEBEE.has(status))).toEqual([]);
    for (const { event, status } of statuses) if (status !== 200) expect(await deliver(stack, event)).toBe(200);
    await chargebee.releaseWebhooks("reverse");

    expect(await snapshot()).toMatchObject({ status: "cancelled", seats: 14, resourceVersion: last.resource_version });
    expect((await api<SubscriptionOverview>(stack, priya, "GET", "subscription")).body).toMatchObject({
      state: "cancelled",
      seats: 14,
    });
  });
});
