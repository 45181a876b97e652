import type { Customer } from "chargebee";
import { createInvoice, type InvoiceOutcome } from "../billing";
import type { Env } from "../env";
import { duplicateEntry } from "../errors";
import { fullTermLine } from "../pricing";
import { newSubscription, periodUnitOf, subscriptionContent, type PlanChoice } from "../subscription-record";
import { addPeriods } from "../time";
import { announceInvoice } from "./announce";

/**
 * Starts a subscription now and bills its first term (credits the customer
 * still holds from an earlier subscription are applied first).
 */
export function startSubscription(
  env: Env,
  options: { customer: Customer; plan: PlanChoice; subscriptionId?: string; idParam?: string },
): ReturnType<typeof subscriptionContent> & InvoiceOutcome {
  const { store } = env;
  const { customer, plan } = options;
  const id = options.subscriptionId ?? store.randomId();
  if (store.subscriptions.has(id)) throw duplicateEntry(options.idParam ?? "subscription[id]", id);
  const now = env.now();
  const termEnd = addPeriods(now, periodUnitOf(plan.itemPrice), 1);
  const card = store.cards.get(customer.id);
  const subscription = newSubscription({
    id,
    customer,
    plan,
    termStart: now,
    termEnd,
    ...(card ? { paymentSourceId: card.payment_source_id } : {}),
  });
  store.touch(subscription, now);
  store.subscriptions.set(id, subscription);
  store.subscriptionInternals.set(id, { anchor: now, termsSinceAnchor: 0, unbilled: [] });

  const outcome = createInvoice(env, {
    customer,
    subscription,
    lines: [fullTermLine(plan.itemPrice, plan.quantity, now, termEnd)],
    recurring: true,
  });
  const content = subscriptionContent(store, subscription);
  env.emit("subscription_created", { ...content, invoice: outcome.invoice });
  announceInvoice(env, outcome, subscription, customer);
  return { ...content, ...outcome };
}
