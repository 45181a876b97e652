import type { CreditNote, Invoice, Subscription } from "chargebee";
import { createCreditNote, createInvoice } from "../billing";
import type { Env } from "../env";
import { invalidState } from "../errors";
import { fullTermLine, sumAmounts, type ChargeLine } from "../pricing";
import { prorateLine, remainingDays, termDays } from "../proration";
import type { Store } from "../store";
import { planOf, subscriptionContent } from "../subscription-record";
import { announceCreditNote, announceInvoice } from "./announce";

export type CreditOption = "none" | "prorate" | "full";

export interface CancelOptions {
  endOfTerm: boolean;
  creditOption: CreditOption;
  /** Charges deferred with `invoice_immediately: false`: billed now (Chargebee's default) or dropped. */
  unbilledCharges: "invoice" | "delete";
}

export interface PlannedCancellation {
  endOfTerm: boolean;
  credits: ChargeLine[];
  unbilled: ChargeLine[];
  unbilledOption: CancelOptions["unbilledCharges"];
}

/**
 * Cancelling immediately may credit the current term: nothing (`none`, the
 * default), the unused days (`prorate`) or all of it (`full`). Cancelling at
 * the end of term credits nothing; the subscription runs out as `non_renewing`.
 */
export function planCancellation(
  store: Store,
  subscription: Subscription,
  options: CancelOptions,
  now: number,
): PlannedCancellation {
  if (subscription.status === "cancelled") throw invalidState(`Subscription ${subscription.id} is already cancelled.`);
  if (options.endOfTerm) return { endOfTerm: true, credits: [], unbilled: [], unbilledOption: options.unbilledCharges };
  const start = subscription.current_term_start ?? now;
  const end = subscription.current_term_end ?? now;
  const { itemPrice, quantity } = planOf(store, subscription);
  const full = fullTermLine(itemPrice, quantity, start, end);
  const credits =
    options.creditOption === "prorate"
      ? [prorateLine(full, remainingDays(now, start, end), termDays(start, end), now, "Prorated Credits")]
      : options.creditOption === "full"
        ? [{ ...full, description: `${full.description} - Credits` }]
        : [];
  return {
    endOfTerm: false,
    credits: credits.filter((line) => line.amount > 0),
    unbilled: [...store.internals(subscription.id).unbilled],
    unbilledOption: options.unbilledCharges,
  };
}

export function applyCancellation(env: Env, subscription: Subscription, plan: PlannedCancellation) {
  const { store } = env;
  const now = env.now();
  const customer = store.customer(subscription.customer_id);

  if (plan.endOfTerm) {
    subscription.status = "non_renewing";
    if (subscription.current_term_end !== undefined) subscription.cancelled_at = subscription.current_term_end;
    delete subscription.next_billing_at;
    store.touch(subscription, now);
    const content = subscriptionContent(store, subscription);
    env.emit("subscription_cancellation_scheduled", content);
    return content;
  }

  subscription.status = "cancelled";
  subscription.cancelled_at = now;
  delete subscription.next_billing_at;
  store.touch(subscription, now);

  const internals = store.internals(subscription.id);
  let invoiceOutcome: ReturnType<typeof createInvoice> | undefined;
  if (plan.unbilled.length > 0) {
    internals.unbilled = [];
    customer.unbilled_charges -= sumAmounts(plan.unbilled);
    store.touch(customer, now);
    if (plan.unbilledOption === "invoice") {
      invoiceOutcome = createInvoice(env, { customer, subscription, lines: plan.unbilled, recurring: false });
    }
  }
  const creditNote = createCreditNote(env, {
    customer,
    subscription,
    lines: plan.credits,
    reasonCode: "subscription_cancellation",
  });

  const content: ReturnType<typeof subscriptionContent> & { invoice?: Invoice; credit_notes?: CreditNote[] } = {
    ...subscriptionContent(store, subscription),
    ...(invoiceOutcome ? { invoice: invoiceOutcome.invoice } : {}),
    ...(creditNote ? { credit_notes: [creditNote] } : {}),
  };
  env.emit("subscription_cancelled", content);
  announceCreditNote(env, creditNote);
  if (invoiceOutcome) announceInvoice(env, invoiceOutcome, subscription, customer);
  return content;
}
