import type { CheckoutStarted, CheckoutSync, PlaceOrderRequest } from "../../contracts/billing";
import { ConflictError, NotFoundError, ValidationError } from "../../domain/errors";
import type { CustomerIdentity } from "../../ports/billing";
import { applySubscription } from "./apply-subscription";
import { reloadContext, type BillingContext } from "./billing-context";
import { idempotencyKey } from "./idempotency";
import { assertExpectedAmount, priceOrder } from "./order";
import { subscriptionOverview } from "./subscription-overview";

/** The org is Chargebee's customer; the buying PCA's name and email prefill the checkout. */
export function customerIdentity(ctx: BillingContext): CustomerIdentity {
  const [firstName = "", ...rest] = ctx.caller.displayName.trim().split(/\s+/);
  return {
    id: ctx.caller.orgId,
    company: ctx.caller.orgName,
    firstName,
    lastName: rest.join(" "),
    email: ctx.caller.email,
  };
}

/** Buy Now → Proceed to Checkout: opens Chargebee's hosted checkout for a new subscription. */
export async function startCheckout(ctx: BillingContext, request: PlaceOrderRequest): Promise<CheckoutStarted> {
  const order = await priceOrder(ctx, request);
  if (order.kind === "change")
    throw new ConflictError(
      "The organization already has a subscription: use Change to switch plan, billing or users.",
    );
  if (order.kind === "free") throw new ValidationError("The Free plan needs no checkout: use Switch.");
  assertExpectedAmount(order, request.expectedAmount);
  const page = await ctx.billing().startCheckout(
    {
      price: order.price,
      seats: order.seats,
      customer: customerIdentity(ctx),
      existingCustomer: Boolean(ctx.org.value.subscription?.chargebeeCustomerId),
    },
    idempotencyKey(ctx.caller.orgId, "checkout", request.requestId),
  );
  return { hostedPageId: page.id, url: page.url };
}

/**
 * The page polls this while the buyer is in the checkout window. Whichever comes first,
 * this retrieve or Chargebee's webhook, stores the new subscription; the other is a no-op.
 */
export async function syncCheckout(
  ctx: BillingContext,
  hostedPageId: string,
  log: (line: string) => void,
): Promise<CheckoutSync> {
  const status = await ctx.billing().checkoutStatus(hostedPageId);
  if (status.state !== "succeeded") return { state: status.state };
  // Hosted page ids are not secrets to lean on: the subscription must be this org's.
  if (status.subscription.chargebeeCustomerId !== ctx.caller.orgId)
    throw new NotFoundError("There is no such checkout for this organization.");
  await applySubscription(ctx.deps, ctx.billing, status.subscription, log);
  return { state: "succeeded", subscription: await subscriptionOverview(await reloadContext(ctx)) };
}
