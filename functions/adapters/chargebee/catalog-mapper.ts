import type { ItemPrice } from "chargebee";
import type { BillingPeriod } from "../../domain/org";
import { isPlanId } from "../../domain/plans";
import type { PlanPrice, PriceTier, PricingModel } from "../../domain/pricing";

/**
 * Chargebee item prices → our plan prices. Only active plan prices of our plan items with a
 * one-month or one-year period are sold; anything else in the site's catalog is ignored.
 */
export function toPlanPrices(itemPrices: readonly ItemPrice[]): PlanPrice[] {
  return itemPrices.flatMap((price) => {
    const mapped = toPlanPrice(price);
    return mapped ? [mapped] : [];
  });
}

function toPlanPrice(price: ItemPrice): PlanPrice | null {
  if (price.item_type !== "plan" || price.status !== "active" || !isPlanId(price.item_id)) return null;
  const period = periodOf(price);
  const model = modelOf(price);
  if (!period || !model) return null;
  return { itemPriceId: price.id, plan: price.item_id, period, currency: price.currency_code, model };
}

function periodOf(price: ItemPrice): BillingPeriod | null {
  if ((price.period ?? 1) !== 1) return null;
  if (price.period_unit === "year") return "yearly";
  if (price.period_unit === "month") return "monthly";
  return null;
}

function tiersOf(price: ItemPrice): PriceTier[] {
  return (price.tiers ?? []).map((tier) => ({
    from: tier.starting_unit,
    to: tier.ending_unit ?? null,
    unitAmount: tier.price,
  }));
}

/** Flat fees, stairsteps and packages are not how we sell seats; such a price is not offered. */
function modelOf(price: ItemPrice): PricingModel | null {
  switch (price.pricing_model) {
    case "per_unit":
      return { kind: "per_unit", unitAmount: price.price ?? 0 };
    case "tiered":
    case "volume": {
      const tiers = tiersOf(price);
      if (tiers.length === 0 || (price.tiers ?? []).some((t) => (t.pricing_type ?? "per_unit") !== "per_unit"))
        return null;
      return { kind: price.pricing_model, tiers };
    }
    default:
      return null;
  }
}
