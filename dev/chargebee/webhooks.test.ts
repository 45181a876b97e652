import Chargebee, { basicAuthValidator } from "chargebee";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startChargebeeStandin, type ChargebeeStandin } from "./index";
import { completeCheckout, startWebhookReceiver, TestClock } from "./test-drivers";

describe("webhooks", () => {
  let standin: ChargebeeStandin;
  let chargebee: Chargebee;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const clock = new TestClock("2026-07-10T09:00:00Z");

  beforeEach(async () => {
    clock.set("2026-07-10T09:00:00Z");
    receiver = await startWebhookReceiver();
    standin = await startChargebeeStandin({
      port: 0,
      clock: clock.now,
      scheduledJobsIntervalMs: 0,
      webhook: { url: receiver.url, username: "chargebee", password: "hook-secret" },
      webhookRetryDelaysMs: [20, 40],
    });
    chargebee = new Chargebee(standin.clientConfig);
  });
  afterEach(async () => {
    await standin.stop();
    await receiver.stop();
  });

  async function subscribeAndUpgrade(): Promise<string> {
    const { hosted_page } = await chargebee.hostedPage.checkoutNewForItems({
      subscription_items: [{ item_price_id: "start-USD-monthly", quantity: 5 }],
      customer: { id: "org-1" },
    });
    await completeCheckout(hosted_page.url ?? "");
    const id = (await chargebee.hostedPage.retrieve(hosted_page.id ?? "")).hosted_page.content.subscription.id;
    clock.advanceDays(3);
    await chargebee.subscription.updateForItems(id, {
      subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 5 }],
    });
    return id;
  }

  it("posts every event with Basic auth in a body the real chargebee handler accepts", async () => {
    await subscribeAndUpgrade();
    await standin.webhooksIdle();

    const handled: string[] = [];
    const handler = chargebee.webhooks.createHandler({
      requestValidator: basicAuthValidator((user, password) => user === "chargebee" && password === "hook-secret"),
    });
    handler.on("unhandled_event", ({ event }) => {
      handled.push(event.event_type ?? "");
    });
    handler.on("error", (error) => {
      handled.push(`error: ${error.message}`);
    });
    for (const delivery of receiver.received) await handler.handle({ body: delivery.body, headers: delivery.headers });

    expect(handled).toEqual([
      "customer_created",
      "payment_source_added",
      "subscription_created",
      "invoice_generated",
      "payment_succeeded",
      "subscription_changed",
      "credit_note_created",
      "invoice_generated",
      "payment_succeeded",
    ]);
    expect(receiver.received[0]?.json).toMatchObject({ object: "event", api_version: "v2", source: "hosted_page" });
    expect(receiver.received[5]?.json).toMatchObject({ source: "api" });
  });

  it("gives each resource a growing resource_version and keeps each event's content as it was", async () => {
    await subscribeAndUpgrade();
    await standin.webhooksIdle();
    const subscriptionEvents = receiver.received.filter((delivery) => delivery.json.content.subscription);
    const versions = subscriptionEvents.map((delivery) => delivery.json.content.subscription?.resource_version ?? 0);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    versions.slice(1).forEach((version, index) => expect(version).toBeGreaterThanOrEqual(versions[index] ?? 0));
    const created = receiver.received.find((delivery) => delivery.json.event_type === "subscription_created")?.json
      .content.subscription;
    const changed = receiver.received.find((delivery) => delivery.json.event_type === "subscription_changed")?.json
      .content.subscription;
    expect(changed?.resource_version).toBeGreaterThan(created?.resource_version ?? Infinity);
    expect(created).toMatchObject({ subscription_items: [{ item_price_id: "start-USD-monthly" }] });
    expect(changed).toMatchObject({ subscription_items: [{ item_price_id: "team-USD-monthly" }] });
  });

  it("retries a failed delivery until the receiver accepts it", async () => {
    receiver.status.next = [500, 503];
    await chargebee.customer.create({ id: "org-9" });
    await standin.webhooksIdle();
    const [event] = standin.state.events;
    expect(receiver.received.map((delivery) => delivery.json.id)).toEqual([event?.id, event?.id, event?.id]);
    expect(standin.webhookDeliveries.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
    expect(event?.webhook_status).toBe("succeeded");
  });

  it("lets tests hold, reorder, duplicate and replay deliveries", async () => {
    standin.holdWebhooks();
    await chargebee.customer.create({ id: "org-9" });
    await chargebee.customer.update("org-9", { company: "Northwind" });
    expect(receiver.received).toHaveLength(0);
    await standin.releaseWebhooks("reverse");
    expect(receiver.received.map((delivery) => delivery.json.event_type)).toEqual([
      "customer_changed",
      "customer_created",
    ]);

    const [created, changed] = standin.state.events;
    expect(await standin.redeliver(created?.id ?? "")).toBe(200);
    await standin.deliverOutOfOrder([created?.id ?? "", changed?.id ?? ""]);
    expect(receiver.received.slice(2).map((delivery) => delivery.json.id)).toEqual([
      created?.id,
      changed?.id,
      created?.id,
    ]);
  });
});
