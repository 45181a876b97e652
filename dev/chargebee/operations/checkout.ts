import type { Card, Customer, Invoice, Subscription } from "chargebee";
import {
  applyProfile,
  attachCard,
  customerContent,
  mergeBillingAddress,
  newCustomer,
  paymentSourceOf,
} from "../customer-record";
import type { Env } from "../env";
import type { CardDetails, CheckoutDraft, CheckoutRequest, HostedPageRecord } from "../model";
import { startSubscription } from "./start";

type CompleteDraft = Required<Pick<CheckoutDraft, "account" | "billing" | "card">>;

/**
 * "Pay & subscribe": creates (or updates) the customer, stores the card,
 * starts the subscription with its paid first invoice and marks the hosted
 * page succeeded with Chargebee's `content`. Events follow in Chargebee's order.
 */
export function completeCheckout(
  env: Env,
  record: HostedPageRecord,
  request: CheckoutRequest,
  draft: CompleteDraft,
): { subscription: Subscription; invoice: Invoice } {
  const { store } = env;
  const now = env.now();
  const plan = { itemPrice: store.itemPrice(request.itemPriceId), quantity: request.quantity };
  const profile = { ...draft.account, company: draft.account.company ?? "" };

  const existing = request.customerId ? store.customers.get(request.customerId) : undefined;
  let customer: Customer;
  if (existing) {
    customer = existing;
    applyProfile(customer, profile);
  } else {
    customer = newCustomer(request.customerId ?? store.randomId(), profile, now);
    store.customers.set(customer.id, customer);
  }
  mergeBillingAddress(customer, {
    first_name: draft.account.first_name,
    last_name: draft.account.last_name,
    ...draft.billing,
  });
  store.touch(customer, now);
  env.emit(existing ? "customer_changed" : "customer_created", customerContent(store, customer));
  const card = addCard(env, customer, draft.card);

  const started = startSubscription(env, {
    customer,
    plan,
    ...(request.subscriptionId ? { subscriptionId: request.subscriptionId } : {}),
  });
  record.page.state = "succeeded";
  delete record.page.failure_reason;
  record.page.content = { subscription: started.subscription, customer, invoice: started.invoice, card };
  store.touch(record.page, now);
  return { subscription: started.subscription, invoice: started.invoice };
}

/** The payment sources page's "Add": the new card becomes the customer's primary one. */
export function completePaymentSource(
  env: Env,
  record: HostedPageRecord,
  customer: Customer,
  details: CardDetails,
): Card {
  const card = addCard(env, customer, details);
  env.emit("customer_changed", customerContent(env.store, customer));
  record.page.state = "succeeded";
  record.page.content = { customer, card };
  env.store.touch(record.page, env.now());
  return card;
}

function addCard(env: Env, customer: Customer, details: CardDetails): Card {
  const card = attachCard(env.store, customer, details, env.now());
  env.emit("payment_source_added", { customer, payment_source: paymentSourceOf(card, customer.id) });
  return card;
}
