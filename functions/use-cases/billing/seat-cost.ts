import type { SeatCost } from "../../domain/seat-impact";
import { planForUsers } from "../../domain/plan-fit";
import { findPrice, monthlyAmountOfTopSeats } from "../../domain/pricing";
import type { OrderContext } from "./billing-context";
import type { BillingDeps } from "./billing-deps";
import { loadCatalog } from "./catalog";
import { quoteOrder } from "./order";
import { liveSubscription } from "./plan-offers";

/**
 * What seats cost, for user management's previews (ports/seat-cost.ts). Priced exactly as the
 * Subscription page's Your Order prices the same order (`quoteOrder`: the catalog, and for a
 * live paid subscription Chargebee's estimate of the change), on a context without the caller:
 * billingContext admits PCAs only, and Timetracker Administrators manage users too.
 */
async function orderContext(deps: BillingDeps, orgId: string): Promise<OrderContext | null> {
  const org = await deps.orgs.get(orgId);
  if (!org) return null;
  const licensed = await deps.licensedCount(orgId, org.value.defaultRole);
  return { deps, org, licensed, billing: deps.provider };
}

/** A new subscription's order opens on annual billing (src/subscription/flow.ts `initialPeriod` for Buy). */
const NEW_SUBSCRIPTION_PERIOD = "yearly";

export async function costOfUsers(deps: BillingDeps, orgId: string, users: number): Promise<SeatCost | null> {
  const ctx = await orderContext(deps, orgId);
  if (!ctx) return null;
  const sub = ctx.org.value.subscription;
  const live = liveSubscription(sub);
  const paid = live && live.plan !== "free" ? live : null;
  const plan = planForUsers(sub?.plan ?? null, users);
  const quote = await quoteOrder(ctx, {
    plan,
    period: paid?.billingPeriod ?? NEW_SUBSCRIPTION_PERIOD,
    seats: users,
  });
  const { order, estimate } = quote;
  return {
    plan: order.plan,
    period: order.period,
    users,
    currency: order.currency,
    estimate: estimate
      ? { billedNow: estimate.billedImmediately, nextBillingAmount: estimate.nextBillingAmount ?? order.amount }
      : null,
    listAmount: order.amount,
    changesPlanFrom: paid && paid.plan !== order.plan ? paid.plan : null,
  };
}

/** Cents per month that `seats` fewer seats of the live paid subscription save at list price. */
export async function monthlySavingOfSeats(
  deps: BillingDeps,
  orgId: string,
  seats: number,
): Promise<{ amount: number; currency: string } | null> {
  const org = await deps.orgs.get(orgId);
  const live = liveSubscription(org?.value.subscription ?? null);
  if (!live || live.plan === "free" || seats <= 0) return null;
  const price = findPrice(await loadCatalog({ deps, billing: deps.provider }), live.plan, live.billingPeriod);
  if (!price) return null;
  const amount = monthlyAmountOfTopSeats(price, live.seats, seats);
  return amount > 0 ? { amount, currency: price.currency } : null;
}
