import type { CreditNote, Invoice, Subscription } from "chargebee";
import { createCreditNote, createInvoice } from "../billing";
import type { PlannedChange } from "../change";
import type { Env } from "../env";
import { sumAmounts } from "../pricing";
import { setPlan, subscriptionContent } from "../subscription-record";
import { announceCreditNote, announceInvoice } from "./announce";

/** Carries out a planned change: new plan and term, credit note, then the invoice the credit pays towards. */
export function applyChange(env: Env, subscription: Subscription, change: PlannedChange) {
  const { store } = env;
  const now = env.now();
  const customer = store.customer(subscription.customer_id);
  const internals = store.internals(subscription.id);

  setPlan(subscription, change.next);
  if (change.termReset) {
    subscription.current_term_start = change.termStart;
    subscription.current_term_end = change.termEnd;
    if (subscription.status === "active") subscription.next_billing_at = change.termEnd;
    internals.anchor = change.termStart;
    internals.termsSinceAnchor = 0;
  }
  store.touch(subscription, now);

  const creditNote = createCreditNote(env, {
    customer,
    subscription,
    lines: change.credits,
    reasonCode: "subscription_change",
  });
  let invoiceOutcome: ReturnType<typeof createInvoice> | undefined;
  if (change.charges.length > 0 && change.invoiceNow) {
    invoiceOutcome = createInvoice(env, { customer, subscription, lines: change.charges, recurring: true });
  } else if (change.charges.length > 0) {
    internals.unbilled.push(...change.charges);
    customer.unbilled_charges += sumAmounts(change.charges);
    store.touch(customer, now);
  }

  const content: ReturnType<typeof subscriptionContent> & { invoice?: Invoice; credit_notes?: CreditNote[] } = {
    ...subscriptionContent(store, subscription),
    ...(invoiceOutcome ? { invoice: invoiceOutcome.invoice } : {}),
    ...(creditNote ? { credit_notes: [creditNote] } : {}),
  };
  env.emit("subscription_changed", content);
  announceCreditNote(env, creditNote);
  if (invoiceOutcome) announceInvoice(env, invoiceOutcome, subscription, customer);
  return content;
}
