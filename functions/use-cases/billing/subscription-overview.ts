import type { CurrentPlanLabel, SubscriptionOverview } from "../../contracts/billing";
import { DomainError } from "../../domain/errors";
import { freeSwitchFit } from "../../domain/plan-fit";
import { CURRENCY, planName } from "../../domain/plans";
import { amountFor, findPrice } from "../../domain/pricing";
import { isLive } from "../../domain/subscription-snapshot";
import type { BillingContext } from "./billing-context";
import { loadCatalog } from "./catalog";

/**
 * The Activation Information: current plan, billing period, seats and licensed users, and
 * the next billing date and amount. The amount is priced from Chargebee's catalog; when
 * Chargebee is unreachable the page still shows everything else.
 */
export async function subscriptionOverview(ctx: BillingContext): Promise<SubscriptionOverview> {
  const { plan: state, licensed } = ctx;
  const sub = ctx.org.value.subscription;
  const base = {
    licensed,
    currency: CURRENCY,
    freeSwitch: freeSwitchFit(licensed),
    trial: state.kind === "trial" ? { endsAt: state.endsAt, daysLeft: state.daysLeft } : null,
  };
  if (!sub) {
    const expired = state.kind === "trial_expired";
    return {
      ...base,
      state: expired ? "trial_expired" : "trial",
      currentPlan: "Trial",
      plan: null,
      billingPeriod: null,
      seats: null,
      currentTermEnd: null,
      nextBillingAt: null,
      nextBillingAmount: null,
      canCancel: false,
    };
  }
  const live = isLive(sub);
  const renews = live && sub.status !== "non_renewing";
  return {
    ...base,
    state: !live ? "cancelled" : sub.status === "non_renewing" ? "non_renewing" : "active",
    currentPlan: live ? (planName(sub.plan) as CurrentPlanLabel) : "Cancelled",
    plan: sub.plan,
    billingPeriod: sub.billingPeriod,
    seats: sub.seats,
    currentTermEnd: sub.currentTermEnd,
    nextBillingAt: renews ? sub.nextBillingAt : null,
    nextBillingAmount: renews ? await renewalAmount(ctx) : null,
    canCancel: live,
  };
}

async function renewalAmount(ctx: BillingContext): Promise<number | null> {
  const sub = ctx.org.value.subscription;
  if (!sub) return null;
  try {
    const price = findPrice(await loadCatalog(ctx), sub.plan, sub.billingPeriod);
    return price ? amountFor(price.model, sub.seats) : null;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
