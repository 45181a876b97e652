import type { PlanMoveLabel, PlanOffer, PlansResponse, PriceView } from "../../contracts/billing";
import type { BillingPeriod, PlanId, SubscriptionSnapshot } from "../../domain/org";
import { FREE_MAX_USERS, PLANS, planMove } from "../../domain/plans";
import { orderFit } from "../../domain/plan-fit";
import { findPrice, quote, rateCard, type Catalog, type PlanPrice } from "../../domain/pricing";
import { isLive } from "../../domain/subscription-snapshot";
import type { BillingContext } from "./billing-context";
import { loadCatalog } from "./catalog";

/**
 * The plan selection for a number of users (default: the licensed users now, or the current
 * seats): every plan with its fit (greyed out with the reason when it does not fit), its
 * annual and monthly prices for those users, and how it relates to the current plan.
 */
export async function planOffers(ctx: BillingContext, requestedSeats: number | undefined): Promise<PlansResponse> {
  const sub = liveSubscription(ctx.org.value.subscription);
  const seats = requestedSeats ?? Math.max(1, sub?.seats ?? 0, ctx.licensed);
  const catalog = await loadCatalog(ctx);
  const offers = PLANS.map((rule): PlanOffer => {
    // Free always comes with its three seats: it costs nothing, and fits whoever is licensed.
    // A plan that needs more users than asked for is priced at its minimum ("from … for 20 users").
    const planSeats = rule.id === "free" ? FREE_MAX_USERS : Math.max(seats, rule.minUsers);
    return {
      plan: rule.id,
      name: rule.name,
      minUsers: rule.minUsers,
      maxUsers: rule.maxUsers,
      fit: orderFit(rule.id, seats, ctx.licensed),
      move: moveLabel(sub, rule.id),
      prices: {
        yearly: priceView(catalog, rule.id, "yearly", planSeats),
        monthly: priceView(catalog, rule.id, "monthly", planSeats),
      },
    };
  });
  return {
    seats,
    licensed: ctx.licensed,
    current: sub ? { plan: sub.plan, period: sub.billingPeriod, seats: sub.seats } : null,
    offers,
  };
}

export function liveSubscription(sub: SubscriptionSnapshot | null): SubscriptionSnapshot | null {
  return sub && isLive(sub) ? sub : null;
}

function moveLabel(sub: SubscriptionSnapshot | null, plan: PlanId): PlanMoveLabel {
  if (!sub) return "new";
  const move = planMove(sub.plan, plan);
  return move === "same" ? "current" : move;
}

export function toPriceView(price: PlanPrice, seats: number): PriceView {
  return { ...quote(price, seats), rates: rateCard(price) };
}

function priceView(catalog: Catalog, plan: PlanId, period: BillingPeriod, seats: number): PriceView | null {
  const price = findPrice(catalog, plan, period);
  return price ? toPriceView(price, seats) : null;
}
