import Chargebee from "chargebee";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startChargebeeStandin, type ChargebeeStandin } from "./index";
import { completeCheckout, TestClock } from "./test-drivers";

const DAY = 86_400;
const START = "2026-07-10T09:00:00Z";

/** Chargebee's day-based proration, written out independently of the stand-in's code. */
function prorated(amount: number, term: { start: number; end: number }, now: number): number {
  const termDays = (term.end - term.start) / DAY;
  const remainingDays = Math.ceil((term.end - now) / DAY);
  return Math.round((amount * remainingDays) / termDays);
}

describe("subscription changes", () => {
  let standin: ChargebeeStandin;
  let chargebee: Chargebee;
  const clock = new TestClock(START);
  const now = (): number => Math.floor(clock.now().getTime() / 1000);

  beforeEach(async () => {
    clock.set(START);
    standin = await startChargebeeStandin({ port: 0, clock: clock.now, scheduledJobsIntervalMs: 0 });
    chargebee = new Chargebee(standin.clientConfig);
  });
  afterEach(() => standin.stop());

  async function subscribe(
    itemPriceId: string,
    quantity: number,
  ): Promise<{ id: string; term: { start: number; end: number } }> {
    const { hosted_page } = await chargebee.hostedPage.checkoutNewForItems({
      subscription_items: [{ item_price_id: itemPriceId, quantity }],
      customer: { id: "org-1" },
    });
    await completeCheckout(hosted_page.url ?? "");
    const { subscription } = (await chargebee.hostedPage.retrieve(hosted_page.id ?? "")).hosted_page.content;
    return {
      id: subscription.id,
      term: { start: subscription.current_term_start ?? 0, end: subscription.current_term_end ?? 0 },
    };
  }

  it("upgrading Start to Team mid-term bills the prorated difference now, as the estimate said", async () => {
    const { id, term } = await subscribe("start-USD-yearly", 5);
    clock.advanceDays(40.2);
    const credit = prorated(5 * 9600, term, now());
    const charge = prorated(5 * 15600, term, now());
    const change = {
      subscription_items: [{ item_price_id: "team-USD-yearly", quantity: 5 }],
      replace_items_list: true,
      prorate: true,
      invoice_immediately: true,
    };

    const { estimate } = await chargebee.estimate.updateSubscriptionForItems({ subscription: { id }, ...change });
    expect(estimate.invoice_estimate).toMatchObject({
      total: charge,
      credits_applied: credit,
      amount_due: charge - credit,
    });
    expect(estimate.credit_note_estimates?.[0]).toMatchObject({ total: credit, amount_available: 0 });
    expect(estimate.next_invoice_estimate).toBeUndefined();

    const result = await chargebee.subscription.updateForItems(id, change, {
      "chargebee-idempotency-key": "upgrade-1",
    });
    expect(result.subscription.subscription_items?.[0]).toMatchObject({
      item_price_id: "team-USD-yearly",
      quantity: 5,
    });
    expect(result.subscription.current_term_end).toBe(term.end);
    expect(result.invoice).toMatchObject({
      status: "paid",
      total: charge,
      credits_applied: credit,
      amount_paid: charge - credit,
    });
    expect(result.credit_notes?.[0]).toMatchObject({
      type: "refundable",
      reason_code: "subscription_change",
      total: credit,
      amount_available: 0,
    });
    expect(result.customer.refundable_credits).toBe(0);
  });

  it("downgrading leaves a credit note whose balance pays the next invoice", async () => {
    const { id, term } = await subscribe("team-USD-monthly", 10);
    clock.advanceDays(10);
    const credit = prorated(10 * 1600, term, now());
    const charge = prorated(10 * 900, term, now());
    const change = {
      subscription_items: [{ item_price_id: "start-USD-monthly", quantity: 10 }],
      replace_items_list: true,
    };

    const { estimate } = await chargebee.estimate.updateSubscriptionForItems({ subscription: { id }, ...change });
    expect(estimate.invoice_estimate).toMatchObject({ total: charge, amount_due: 0 });
    expect(estimate.credit_note_estimates?.[0]).toMatchObject({ total: credit, amount_available: credit - charge });
    expect(estimate.next_invoice_estimate).toMatchObject({
      total: 9000,
      credits_applied: credit - charge,
      amount_due: 9000 - (credit - charge),
    });

    const result = await chargebee.subscription.updateForItems(id, change);
    expect(result.credit_notes?.[0]).toMatchObject({
      total: credit,
      amount_available: credit - charge,
      status: "refund_due",
    });
    expect(result.invoice).toMatchObject({ total: charge, amount_paid: 0 });
    expect(result.customer.refundable_credits).toBe(credit - charge);
    const { list } = await chargebee.creditNote.list({ subscription_id: { is: id } });
    expect(list.map((entry) => entry.credit_note.id)).toEqual([result.credit_notes?.[0]?.id]);

    // The renewal a month after the start uses up the credit.
    clock.set("2026-08-10T09:00:00Z");
    const { subscription, customer } = await chargebee.subscription.retrieve(id);
    expect(subscription.current_term_start).toBe(term.end);
    expect(customer.refundable_credits).toBe(0);
    const invoices = await chargebee.invoice.list({ subscription_id: { is: id }, "sort_by[desc]": "date", limit: 1 });
    expect(invoices.list[0]?.invoice).toMatchObject({
      total: 9000,
      credits_applied: credit - charge,
      amount_paid: 9000 - (credit - charge),
    });
    expect(standin.state.events.map((event) => event.event_type)).toContain("subscription_renewed");
  });

  it("switching yearly to monthly starts a new monthly term now and credits the unused year", async () => {
    const { id, term } = await subscribe("start-USD-yearly", 5);
    clock.advanceDays(100);
    const credit = prorated(5 * 9600, term, now());
    const result = await chargebee.subscription.updateForItems(id, {
      subscription_items: [{ item_price_id: "start-USD-monthly", quantity: 5 }],
      replace_items_list: true,
    });
    expect(result.subscription).toMatchObject({
      billing_period_unit: "month",
      current_term_start: now(),
      current_term_end: Date.parse("2026-11-18T09:00:00Z") / 1000,
    });
    expect(result.invoice).toMatchObject({ total: 4500, credits_applied: 4500, amount_paid: 0 });
    expect(result.customer.refundable_credits).toBe(credit - 4500);
  });

  it("cancelling immediately with prorated credits ends the subscription and credits the unused days", async () => {
    const { id, term } = await subscribe("team-USD-monthly", 10);
    clock.advanceDays(15);
    const credit = prorated(16000, term, now());
    const { estimate } = await chargebee.estimate.cancelSubscriptionForItems(id, {
      end_of_term: false,
      credit_option_for_current_term_charges: "prorate",
    });
    expect(estimate.subscription_estimate).toMatchObject({ status: "cancelled" });
    expect(estimate.credit_note_estimates?.[0]?.total).toBe(credit);

    const result = await chargebee.subscription.cancelForItems(id, {
      end_of_term: false,
      credit_option_for_current_term_charges: "prorate",
    });
    expect(result.subscription).toMatchObject({ status: "cancelled", cancelled_at: now() });
    expect(result.credit_notes?.[0]).toMatchObject({ reason_code: "subscription_cancellation", total: credit });
    expect(result.customer.refundable_credits).toBe(credit);

    const again = await chargebee.subscription
      .updateForItems(id, { subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 11 }] })
      .catch((error: unknown) => error);
    expect(again).toMatchObject({ http_status_code: 409, api_error_code: "invalid_state_for_request" });
  });

  it("cancelling without a credit option issues no credit note", async () => {
    const { id } = await subscribe("team-USD-monthly", 10);
    clock.advanceDays(15);
    const result = await chargebee.subscription.cancelForItems(id, { end_of_term: false });
    expect(result.subscription.status).toBe("cancelled");
    expect(result.credit_notes).toBeUndefined();
    expect(standin.state.creditNotes.size).toBe(0);
  });

  it("cancelling at the end of term keeps the subscription until the term is over", async () => {
    const { id, term } = await subscribe("start-USD-monthly", 3);
    const scheduled = await chargebee.subscription.cancelForItems(id, { end_of_term: true });
    expect(scheduled.subscription).toMatchObject({ status: "non_renewing", cancelled_at: term.end });
    clock.set("2026-08-10T09:00:01Z");
    const { subscription } = await chargebee.subscription.retrieve(id);
    expect(subscription).toMatchObject({ status: "cancelled", cancelled_at: term.end });
    expect(standin.state.invoices.size).toBe(1);
  });

  it("rejects 25 users on Start and changes nothing", async () => {
    const { id } = await subscribe("start-USD-yearly", 5);
    const error = await chargebee.subscription
      .updateForItems(id, { subscription_items: [{ item_price_id: "start-USD-yearly", quantity: 25 }] })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      http_status_code: 400,
      api_error_code: "param_wrong_value",
      param: "subscription_items[quantity][0]",
    });
    expect((await chargebee.subscription.retrieve(id)).subscription.subscription_items?.[0]?.quantity).toBe(5);
    expect(standin.state.invoices.size).toBe(1);
  });

  it("bills Ultimate per tier: 100 users at $20 and 20 at $13 a month", async () => {
    const { id } = await subscribe("ultimate-USD-monthly", 120);
    const { list } = await chargebee.invoice.list({ subscription_id: { is: id } });
    const invoice = list[0]?.invoice;
    expect(invoice?.total).toBe(100 * 2000 + 20 * 1300);
    expect(invoice?.line_item_tiers?.map((tier) => [tier.starting_unit, tier.quantity_used, tier.unit_amount])).toEqual(
      [
        [1, 100, 2000],
        [101, 20, 1300],
      ],
    );
    const tooFew = await chargebee.estimate
      .createSubItemEstimate({ subscription_items: [{ item_price_id: "ultimate-USD-yearly", quantity: 19 }] })
      .catch((thrown: unknown) => thrown);
    expect(tooFew).toMatchObject({ api_error_code: "param_wrong_value" });
  });

  it("defers charges with invoice_immediately: false to the renewal invoice", async () => {
    const { id, term } = await subscribe("team-USD-monthly", 5);
    clock.advanceDays(20);
    const credit = prorated(5 * 1600, term, now());
    const charge = prorated(8 * 1600, term, now());
    const result = await chargebee.subscription.updateForItems(id, {
      subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 8 }],
      invoice_immediately: false,
    });
    expect(result.invoice).toBeUndefined();
    expect(result.customer).toMatchObject({ unbilled_charges: charge, refundable_credits: credit });
    clock.set("2026-08-10T10:00:00Z");
    const invoices = await chargebee.invoice.list({ subscription_id: { is: id }, limit: 1 });
    expect(invoices.list[0]?.invoice).toMatchObject({ total: 8 * 1600 + charge, credits_applied: credit });
    expect((await chargebee.customer.retrieve("org-1")).customer.unbilled_charges).toBe(0);
  });
});
