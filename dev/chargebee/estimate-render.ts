import type { CreditNoteEstimate, Estimate, InvoiceEstimate, Subscription, SubscriptionEstimate } from "chargebee";
import { availableCredits, latestInvoice } from "./billing";
import type { PlannedChange } from "./change";
import { toLineItems } from "./line-items";
import type { PlannedCancellation } from "./operations/cancel";
import { fullTermLine, sumAmounts, type ChargeLine } from "./pricing";
import type { Store } from "./store";
import { periodUnitOf, type PlanChoice } from "./subscription-record";
import { addPeriods } from "./time";

/** Chargebee tags every resource with `object`; the client's types leave it out of these. */
type WireEstimate = Estimate & { object: "estimate" };
type WireInvoiceEstimate = InvoiceEstimate & { object: "invoice_estimate" };
type WireCreditNoteEstimate = CreditNoteEstimate & { object: "credit_note_estimate" };
type WireSubscriptionEstimate = SubscriptionEstimate & { object: "subscription_estimate" };
type Owner = { customerId?: string; subscriptionId?: string; currencyCode: string };

const subscriptionEstimate = (fields: SubscriptionEstimate): WireSubscriptionEstimate => ({
  ...fields,
  object: "subscription_estimate",
});

export function invoiceEstimate(
  store: Store,
  lines: readonly ChargeLine[],
  owner: Owner,
  creditsApplied: number,
): WireInvoiceEstimate {
  const total = sumAmounts(lines);
  return {
    recurring: true,
    price_type: "tax_exclusive",
    currency_code: owner.currencyCode,
    sub_total: total,
    total,
    credits_applied: creditsApplied,
    amount_paid: 0,
    amount_due: total - creditsApplied,
    ...toLineItems(store, lines, owner),
    round_off_amount: 0,
    ...(owner.customerId ? { customer_id: owner.customerId } : {}),
    object: "invoice_estimate",
  };
}

function creditNoteEstimate(
  store: Store,
  lines: readonly ChargeLine[],
  owner: Owner,
  allocated: number,
  referenceInvoiceId: string,
): WireCreditNoteEstimate {
  const total = sumAmounts(lines);
  return {
    reference_invoice_id: referenceInvoiceId,
    type: "refundable",
    price_type: "tax_exclusive",
    currency_code: owner.currencyCode,
    sub_total: total,
    total,
    amount_allocated: allocated,
    amount_available: total - allocated,
    ...toLineItems(store, lines, owner),
    round_off_amount: 0,
    ...(owner.customerId ? { customer_id: owner.customerId } : {}),
    object: "credit_note_estimate",
  };
}

/**
 * What `update_for_items` would bill. Like the real invoice, the immediate
 * invoice is paid from the customer's open credits first, then from the new
 * credit note. `next_invoice_estimate` (renewal with deferred charges and the
 * credit still left) is only present when something is carried to it.
 */
export function changeEstimate(
  store: Store,
  subscription: Subscription,
  change: PlannedChange,
  now: number,
): WireEstimate {
  const owner: Owner = {
    customerId: subscription.customer_id,
    subscriptionId: subscription.id,
    currencyCode: subscription.currency_code,
  };
  const existingCredits = availableCredits(store, subscription.customer_id);
  const newCredit = sumAmounts(change.credits);
  const immediate = change.invoiceNow ? change.charges : [];
  const immediateTotal = sumAmounts(immediate);
  const appliedNow = Math.min(immediateTotal, existingCredits + newCredit);
  const fromNewCredit = Math.max(0, appliedNow - existingCredits);
  const leftover = existingCredits + newCredit - appliedNow;
  const deferred = [...store.internals(subscription.id).unbilled, ...(change.invoiceNow ? [] : change.charges)];

  const estimate: WireEstimate = {
    created_at: now,
    subscription_estimate: subscriptionEstimate({
      id: subscription.id,
      currency_code: subscription.currency_code,
      status: subscription.status,
      ...(subscription.status === "active" ? { next_billing_at: change.termEnd } : {}),
    }),
    object: "estimate",
  };
  if (immediate.length > 0) estimate.invoice_estimate = invoiceEstimate(store, immediate, owner, appliedNow);
  if (change.credits.length > 0) {
    const reference = latestInvoice(store, subscription.id)?.id ?? "";
    estimate.credit_note_estimates = [creditNoteEstimate(store, change.credits, owner, fromNewCredit, reference)];
  }
  if (subscription.status === "active" && (deferred.length > 0 || leftover > 0)) {
    const renewal = renewalLines(store, subscription, change.next, change);
    const lines = [...renewal, ...deferred];
    estimate.next_invoice_estimate = invoiceEstimate(store, lines, owner, Math.min(sumAmounts(lines), leftover));
  }
  return estimate;
}

/** The full-term line of the renewal that follows the (possibly reset) current term. */
function renewalLines(store: Store, subscription: Subscription, next: PlanChoice, change: PlannedChange): ChargeLine[] {
  const unit = periodUnitOf(next.itemPrice);
  const internals = store.internals(subscription.id);
  const renewalEnd = change.termReset
    ? addPeriods(change.termStart, unit, 2)
    : addPeriods(internals.anchor, unit, internals.termsSinceAnchor + 2);
  return [fullTermLine(next.itemPrice, next.quantity, change.termEnd, renewalEnd)];
}

export function cancellationEstimate(
  store: Store,
  subscription: Subscription,
  plan: PlannedCancellation,
  now: number,
): WireEstimate {
  const owner: Owner = {
    customerId: subscription.customer_id,
    subscriptionId: subscription.id,
    currencyCode: subscription.currency_code,
  };
  const estimate: WireEstimate = {
    created_at: now,
    subscription_estimate: subscriptionEstimate({
      id: subscription.id,
      currency_code: subscription.currency_code,
      status: plan.endOfTerm ? "non_renewing" : "cancelled",
    }),
    object: "estimate",
  };
  const billUnbilled = plan.unbilledOption === "invoice" ? plan.unbilled : [];
  if (billUnbilled.length > 0) {
    const credits = availableCredits(store, subscription.customer_id);
    estimate.invoice_estimate = invoiceEstimate(
      store,
      billUnbilled,
      owner,
      Math.min(credits, sumAmounts(billUnbilled)),
    );
  }
  if (plan.credits.length > 0) {
    const reference = latestInvoice(store, subscription.id)?.id ?? "";
    estimate.credit_note_estimates = [creditNoteEstimate(store, plan.credits, owner, 0, reference)];
  }
  return estimate;
}

/** A new subscription's first invoice, for an order summary before checkout. */
export function creationEstimate(store: Store, plan: PlanChoice, now: number): WireEstimate {
  const termEnd = addPeriods(now, periodUnitOf(plan.itemPrice), 1);
  const owner: Owner = { currencyCode: plan.itemPrice.currency_code };
  const estimate: WireEstimate = {
    created_at: now,
    subscription_estimate: subscriptionEstimate({
      currency_code: plan.itemPrice.currency_code,
      status: "active",
      next_billing_at: termEnd,
    }),
    invoice_estimate: invoiceEstimate(store, [fullTermLine(plan.itemPrice, plan.quantity, now, termEnd)], owner, 0),
    object: "estimate",
  };
  return estimate;
}
