import { describe, expect, it } from "vitest";
import { UnauthorizedError, ValidationError } from "../../domain/errors";
import { chargebeeWebhooks } from "./chargebee-webhooks";

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
});

describe("Chargebee webhooks", () => {
  const webhooks = chargebeeWebhooks({ username: "hook", password: "s3cret" });

  it("accepts only the configured Basic credentials", async () => {
    await expect(webhooks.authenticate(basic("hook", "s3cret"))).resolves.toBeUndefined();
    await expect(webhooks.authenticate(basic("hook", "wrong"))).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(webhooks.authenticate({})).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(webhooks.authenticate({ authorization: "Bearer x" })).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("is closed while no credentials are configured", async () => {
    await expect(chargebeeWebhooks({ username: "", password: "" }).authenticate(basic("", ""))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
  });

  it("parses events and keeps only subscriptions of our plans", () => {
    const event = webhooks.parseEvent({
      id: "ev_1",
      event_type: "subscription_changed",
      occurred_at: 1_700_000_000,
      content: {
        subscription: {
          id: "s",
          customer_id: "o",
          status: "active",
          resource_version: 5,
          subscription_items: [{ item_price_id: "start-USD-yearly", item_type: "plan", quantity: 4 }],
        },
      },
    });
    expect(event).toMatchObject({
      id: "ev_1",
      type: "subscription_changed",
      occurredAt: "2023-11-14T22:13:20.000Z",
      subscription: { plan: "start", seats: 4 },
    });
    expect(
      webhooks.parseEvent({ id: "ev_2", event_type: "invoice_generated", occurred_at: 1, content: { invoice: {} } })
        .subscription,
    ).toBeNull();
    expect(() => webhooks.parseEvent({ event_type: "x" })).toThrow(ValidationError);
  });
});
