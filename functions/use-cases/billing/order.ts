import type { OrderQuote, OrderRequest, PriceView } from "../../contracts/billing";
import { ConflictError, ValidationError } from "../../domain/errors";
import type { SubscriptionSnapshot } from "../../domain/org";
import { assertOrderFits } from "../../domain/plan-fit";
import { FREE_MAX_USERS, periodFor } from "../../domain/plans";
import { formatMoney, type PlanPrice } from "../../domain/pricing";
import type { OrderContext } from "./billing-context";
import { loadCatalog, requirePrice } from "./catalog";
import { liveSubscription, toPriceView } from "./plan-offers";

/** checkout: new subscription through the hosted checkout; change: the live paid one; free: Switch. */
export type OrderKind = OrderQuote["kind"];

export interface PricedOrder {
  kind: OrderKind;
  price: PlanPrice;
  seats: number;
  view: PriceView;
  /** The live subscription the order changes (kind "change"). */
  live: SubscriptionSnapshot | null;
}

/**
 * Validates an order against the plan rules and the licensed users, then prices it from
 * Chargebee's catalog. Nothing from the client but plan, period and seats is used.
 */
export async function priceOrder(ctx: OrderContext, request: OrderRequest): Promise<PricedOrder> {
  assertOrderFits(request.plan, request.seats, ctx.licensed);
  // Free always comes with its three seats: it costs nothing either way.
  const seats = request.plan === "free" ? FREE_MAX_USERS : request.seats;
  const price = requirePrice(await loadCatalog(ctx), request.plan, periodFor(request.plan, request.period));
  const live = liveSubscription(ctx.org.value.subscription);
  const kind: OrderKind = request.plan === "free" ? "free" : live && live.plan !== "free" ? "change" : "checkout";
  return { kind, price, seats, view: toPriceView(price, seats), live };
}

/** The buyer confirmed the amount they saw; if the catalog changed since, they confirm again. */
export function assertExpectedAmount(order: PricedOrder, expected: number | undefined): void {
  if (expected === undefined || expected === order.view.amount) return;
  throw new ConflictError(
    `The price of this order is ${formatMoney(order.view.amount, order.view.currency)}, not ${formatMoney(expected, order.view.currency)}. ` +
      "Nothing was charged; review your order and confirm again.",
    { amount: order.view.amount },
  );
}

export function assertChangesSomething(order: PricedOrder): SubscriptionSnapshot {
  const live = order.live;
  if (!live?.chargebeeSubscriptionId)
    throw new ConflictError("There is no active subscription to change: use Buy Now.");
  if (live.plan === order.price.plan && live.billingPeriod === order.price.period && live.seats === order.seats) {
    throw new ValidationError(
      "This is your current subscription: choose another plan, billing period or number of users.",
    );
  }
  return live;
}

/** "Your Order": the price, and for a change Chargebee's estimate (billed immediately or credited). */
export async function quoteOrder(ctx: OrderContext, request: OrderRequest): Promise<OrderQuote> {
  const order = await priceOrder(ctx, request);
  if (order.kind !== "change") return { kind: order.kind, order: order.view, estimate: null };
  const live = assertChangesSomething(order);
  const estimate = await ctx
    .billing()
    .estimateChange(live.chargebeeSubscriptionId!, { price: order.price, seats: order.seats });
  return {
    kind: "change",
    order: order.view,
    estimate: { ...estimate, nextBillingAmount: estimate.nextBillingAmount ?? order.view.amount },
  };
}
