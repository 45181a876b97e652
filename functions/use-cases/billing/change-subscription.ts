import type { CancelRequest, PlaceOrderRequest, SubscriptionOverview } from "../../contracts/billing";
import { ConflictError, SeatLimitError } from "../../domain/errors";
import { freeSwitchFit } from "../../domain/plan-fit";
import { FREE_MAX_USERS } from "../../domain/plans";
import type { SubscriptionFacts } from "../../ports/billing";
import { applySubscription } from "./apply-subscription";
import { reloadContext, type BillingContext } from "./billing-context";
import { loadCatalog, requirePrice } from "./catalog";
import { customerIdentity } from "./checkout";
import { idempotencyKey } from "./idempotency";
import { assertChangesSomething, assertExpectedAmount, priceOrder } from "./order";
import { liveSubscription } from "./plan-offers";
import { subscriptionOverview } from "./subscription-overview";

/** Our state changes only from what Chargebee confirmed, then the page gets the new overview. */
async function confirmed(
  ctx: BillingContext,
  facts: SubscriptionFacts,
  log: (line: string) => void,
): Promise<SubscriptionOverview> {
  await applySubscription(ctx.deps, ctx.billing, facts, log);
  return subscriptionOverview(await reloadContext(ctx));
}

/** Change plan, billing period or users of the live paid subscription (prorated by Chargebee). */
export async function changeSubscription(
  ctx: BillingContext,
  request: PlaceOrderRequest,
  log: (line: string) => void,
): Promise<SubscriptionOverview> {
  const order = await priceOrder(ctx, request);
  if (order.kind === "free") throw new ConflictError("Use Switch to move to the Free plan.");
  if (order.kind === "checkout")
    throw new ConflictError("There is no active paid subscription to change: use Buy Now.");
  const live = assertChangesSomething(order);
  assertExpectedAmount(order, request.expectedAmount);
  const key = idempotencyKey(ctx.caller.orgId, "change", request.requestId);
  const facts = await ctx
    .billing()
    .changeSubscription(live.chargebeeSubscriptionId!, { price: order.price, seats: order.seats }, key);
  return confirmed(ctx, facts, log);
}

/** Cancel Subscription → Confirm Cancellation. Data is kept; users lose access when it ends. */
export async function cancelSubscription(
  ctx: BillingContext,
  request: { when: NonNullable<CancelRequest["when"]>; requestId: string },
  log: (line: string) => void,
): Promise<SubscriptionOverview> {
  const live = liveSubscription(ctx.org.value.subscription);
  if (!live?.chargebeeSubscriptionId) throw new ConflictError("There is no active subscription to cancel.");
  const key = idempotencyKey(ctx.caller.orgId, "cancel", request.requestId);
  const facts = await ctx.billing().cancelSubscription(live.chargebeeSubscriptionId, request.when, key);
  return confirmed(ctx, facts, log);
}

/**
 * Switch to the Free plan: only with at most three licensed users. From a live paid
 * subscription it is a prorated downgrade (credit); otherwise a new Free subscription.
 */
export async function switchToFree(
  ctx: BillingContext,
  requestId: string,
  log: (line: string) => void,
): Promise<SubscriptionOverview> {
  const fit = freeSwitchFit(ctx.licensed);
  if (!fit.fits) throw new SeatLimitError(fit.reason, { licensed: ctx.licensed });
  const live = liveSubscription(ctx.org.value.subscription);
  if (live?.plan === "free") throw new ConflictError("The Free plan is already active.");
  const line = { price: requirePrice(await loadCatalog(ctx), "free", "monthly"), seats: FREE_MAX_USERS };
  const key = idempotencyKey(ctx.caller.orgId, "free", requestId);
  const facts = live?.chargebeeSubscriptionId
    ? await ctx.billing().changeSubscription(live.chargebeeSubscriptionId, line, key)
    : await ctx.billing().createFreeSubscription(customerIdentity(ctx), line, key);
  return confirmed(ctx, facts, log);
}
