import type { Card, Customer, ItemPrice, Subscription } from "chargebee";
import { priceQuantity } from "./pricing";
import type { Store } from "./store";
import type { Declared } from "./model";
import type { PeriodUnit } from "./time";

/** The one plan a subscription is on. */
export interface PlanChoice {
  itemPrice: ItemPrice;
  quantity: number;
}

export function newSubscription(options: {
  id: string;
  customer: Customer;
  plan: PlanChoice;
  termStart: number;
  termEnd: number;
  paymentSourceId?: string;
}): Subscription {
  const { id, customer, plan, termStart, termEnd } = options;
  const subscription: Declared<Subscription, "subscription"> = {
    id,
    customer_id: customer.id,
    currency_code: plan.itemPrice.currency_code,
    status: "active",
    billing_period: 1,
    billing_period_unit: periodUnitOf(plan.itemPrice),
    current_term_start: termStart,
    current_term_end: termEnd,
    next_billing_at: termEnd,
    start_date: termStart,
    created_at: termStart,
    started_at: termStart,
    activated_at: termStart,
    auto_collection: "on",
    channel: "web",
    has_scheduled_changes: false,
    has_scheduled_advance_invoices: false,
    due_invoices_count: 0,
    ...(options.paymentSourceId ? { payment_source_id: options.paymentSourceId } : {}),
    deleted: false,
    decommissioned: false,
    object: "subscription",
  };
  setPlan(subscription, plan);
  return subscription;
}

/** Rewrites the plan line (`subscription_items`, `item_tiers`, `mrr`) for a new plan or quantity. */
export function setPlan(subscription: Subscription, plan: PlanChoice): void {
  const { itemPrice, quantity } = plan;
  const priced = priceQuantity(itemPrice, quantity);
  const unit = periodUnitOf(itemPrice);
  subscription.billing_period_unit = unit;
  const item: Subscription.SubscriptionItem & { object: "subscription_item" } = {
    item_price_id: itemPrice.id,
    item_type: "plan",
    quantity,
    ...(itemPrice.pricing_model === "tiered" ? {} : { unit_price: priced.unitAmount }),
    amount: priced.amount,
    free_quantity: 0,
    billing_period: 1,
    billing_period_unit: unit,
    object: "subscription_item",
  };
  subscription.subscription_items = [item];
  if (itemPrice.tiers) {
    subscription.item_tiers = itemPrice.tiers.map((tier, index): Subscription.ItemTier & { object: "item_tier" } => ({
      item_price_id: itemPrice.id,
      ...tier,
      index,
      object: "item_tier",
    }));
  } else {
    delete subscription.item_tiers;
  }
  subscription.mrr = unit === "year" ? Math.round(priced.amount / 12) : priced.amount;
}

export function periodUnitOf(itemPrice: ItemPrice): PeriodUnit {
  return itemPrice.period_unit === "year" ? "year" : "month";
}

export function planOf(store: Store, subscription: Subscription): PlanChoice {
  const item = subscription.subscription_items?.find((candidate) => candidate.item_type === "plan");
  if (!item) throw new Error(`subscription ${subscription.id} has no plan item`);
  return { itemPrice: store.itemPrice(item.item_price_id), quantity: item.quantity ?? 1 };
}

/** The usual response and event content for a subscription: it, its customer and the card. */
export function subscriptionContent(
  store: Store,
  subscription: Subscription,
): { subscription: Subscription; customer: Customer; card?: Card } {
  const customer = store.customer(subscription.customer_id);
  const card = store.cards.get(customer.id);
  return card ? { subscription, customer, card } : { subscription, customer };
}
