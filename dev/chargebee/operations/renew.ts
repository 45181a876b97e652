import { createInvoice } from "../billing";
import type { Env } from "../env";
import { fullTermLine, sumAmounts } from "../pricing";
import { planOf, subscriptionContent } from "../subscription-record";
import { addPeriods } from "../time";
import { announceInvoice } from "./announce";

/** More than any test clock jump needs; stops a runaway loop on corrupt terms. */
const MAX_TERMS_PER_RUN = 1000;

/**
 * Chargebee's scheduled jobs, run whenever the stand-in is touched: every
 * term that has ended by now renews (new term, invoice with deferred charges,
 * open credits applied) or, for `non_renewing` subscriptions, ends in
 * cancellation. Events carry the time the term ended, not the time of the run.
 */
export function runScheduledJobs(env: Env): void {
  const { store } = env;
  const now = env.now();
  for (const subscription of store.subscriptions.values()) {
    for (let i = 0; i < MAX_TERMS_PER_RUN; i += 1) {
      const termEnd = subscription.current_term_end;
      if (termEnd === undefined || termEnd > now) break;
      if (subscription.status === "non_renewing") {
        subscription.status = "cancelled";
        subscription.cancelled_at = termEnd;
        store.touch(subscription, termEnd);
        env.emit("subscription_cancelled", subscriptionContent(store, subscription), termEnd);
        break;
      }
      if (subscription.status !== "active") break;

      const internals = store.internals(subscription.id);
      const unit = subscription.billing_period_unit === "year" ? "year" : "month";
      internals.termsSinceAnchor += 1;
      const nextEnd = addPeriods(internals.anchor, unit, internals.termsSinceAnchor + 1);
      subscription.current_term_start = termEnd;
      subscription.current_term_end = nextEnd;
      subscription.next_billing_at = nextEnd;
      store.touch(subscription, termEnd);

      const customer = store.customer(subscription.customer_id);
      const { itemPrice, quantity } = planOf(store, subscription);
      const deferred = internals.unbilled;
      internals.unbilled = [];
      if (deferred.length > 0) customer.unbilled_charges -= sumAmounts(deferred);
      const outcome = createInvoice(env, {
        customer,
        subscription,
        lines: [fullTermLine(itemPrice, quantity, termEnd, nextEnd), ...deferred],
        recurring: true,
        date: termEnd,
      });
      env.emit(
        "subscription_renewed",
        { ...subscriptionContent(store, subscription), invoice: outcome.invoice },
        termEnd,
      );
      announceInvoice(env, outcome, subscription, customer);
    }
  }
}
