import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckoutStarted, CheckoutSync, SubscriptionOverview } from "../../../functions/contracts/billing";
import { completeCheckout, DECLINED_CARD } from "./support/hosted-checkout";
import { overview, requestId, startBillingStack, type BillingStack } from "./support/billing-stack";

/**
 * Chargebee failing (declined card, 4xx, 5xx, timeout) reaches the buyer as a clear
 * message, and our state changes only after Chargebee confirmed. A retried confirmation
 * (same request id) is never charged twice.
 */
const TIMEOUT_MS = 1_500;
let t: BillingStack;
beforeAll(async () => {
  t = await startBillingStack({ CHARGEBEE_TIMEOUT_MS: String(TIMEOUT_MS) });
  await t.license(4);
});
afterAll(async () => {
  await t?.stack.stop();
});

const invoices = () => [...t.chargebee.state.invoices.values()];
const change = (seats: number, id = requestId()) =>
  t.call<SubscriptionOverview>(t.priya, "POST", "subscription/change", {
    plan: "start",
    period: "monthly",
    seats,
    requestId: id,
  });

describe("when Chargebee says no", () => {
  it("leaves the trial as it was when the card is declined on the hosted checkout", async () => {
    const started = await t.call<CheckoutStarted>(t.priya, "POST", "subscription/checkout", {
      plan: "start",
      period: "monthly",
      seats: 4,
      requestId: requestId(),
    });
    const steps = await completeCheckout(started.body.url, { card: DECLINED_CARD, allowRefusal: true });
    expect(steps.at(-1)).toMatchObject({ step: "payment", status: 402 });
    const sync = await t.call<CheckoutSync>(t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
    expect(sync.body).toEqual({ state: "open" });
    expect(await overview(t)).toMatchObject({ state: "trial", currentPlan: "Trial" });
    expect(t.chargebee.state.subscriptions.size).toBe(0);

    // The buyer corrects the card on the same page and completes it.
    await completeCheckout(started.body.url);
    const done = await t.call<CheckoutSync>(t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
    expect(done.body).toMatchObject({ state: "succeeded", subscription: { currentPlan: "Start", seats: 4 } });
    await t.chargebee.webhooksIdle();
  });

  it("reports a declined payment for a change, and keeps the subscription as it was", async () => {
    await t.call(t.priya, "POST", "subscription/quote", { plan: "start", period: "monthly", seats: 5 }); // prices cached
    t.chargebee.failNext({
      status: 400, // Chargebee answers a failed payment with 400 and type "payment"
      body: {
        message: "Your card was declined.",
        type: "payment",
        api_error_code: "payment_processing_failed",
        error_code: "card_declined",
        error_msg: "Your card was declined.",
        http_status_code: 400,
      },
    });
    const { status, body } = await change(5);
    expect(status).toBe(409);
    expect(body).toMatchObject({
      error: {
        message: expect.stringMatching(
          /^The payment was declined while changing the subscription: Your card was declined\. Nothing was changed\./,
        ),
      },
    });
    expect(await overview(t)).toMatchObject({ seats: 4 });
    expect([...t.chargebee.state.subscriptions.values()][0].subscription_items?.[0]?.quantity).toBe(4);
  });

  it("reports Chargebee's 5xx as 502 with a retry hint, and changes nothing", async () => {
    t.chargebee.failNext({ status: 500 });
    const { status, body } = await change(5);
    expect(status).toBe(502);
    expect(body).toMatchObject({
      error: {
        code: "upstream",
        message: expect.stringContaining("Nothing was changed; please try again in a minute."),
      },
    });
    expect(await overview(t)).toMatchObject({ seats: 4 });
  });

  it("reports Chargebee's refusal (4xx) in its own words", async () => {
    t.chargebee.failNext({
      status: 400,
      body: {
        message: "subscription_items[quantity][0] : invalid",
        type: "invalid_request",
        api_error_code: "param_wrong_value",
        error_code: "x",
        http_status_code: 400,
      },
    });
    const { status, body } = await change(5);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: { message: "Chargebee refused changing the subscription: subscription_items[quantity][0] : invalid" },
    });
  });

  it("answers a timeout with 502, and a retry of the same confirmation is not charged twice", async () => {
    const id = requestId();
    const invoicesBefore = invoices().length;
    t.chargebee.failNext({ delayMs: TIMEOUT_MS + 1_000 });
    const first = await change(6, id);
    expect(first.status).toBe(502);
    expect(first.body).toMatchObject({ error: { message: expect.stringContaining("did not answer in time") } });

    const retry = await change(6, id);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ seats: 6 });
    await t.chargebee.webhooksIdle();
    // Chargebee ran the change once: one prorated invoice for two more seats.
    expect(invoices().length).toBe(invoicesBefore + 1);
  });

  it("refuses a confirmation id reused for another change (Chargebee's 422), and changes nothing", async () => {
    const id = requestId();
    expect((await change(7, id)).status).toBe(200);
    await t.chargebee.webhooksIdle();
    const invoicesBefore = invoices().length;
    const reused = await change(8, id);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      error: {
        message: expect.stringContaining(
          "this confirmation was already used for a different request. Nothing was changed",
        ),
      },
    });
    expect(await overview(t)).toMatchObject({ seats: 7 });
    expect([...t.chargebee.state.subscriptions.values()][0].subscription_items?.[0]?.quantity).toBe(7);
    expect(invoices().length).toBe(invoicesBefore);
  });
});
