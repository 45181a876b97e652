import type { ItemPrice } from "chargebee";

/** One priced line of an invoice, credit note or estimate (amounts in cents). */
export interface ChargeLine {
  itemPriceId: string;
  description: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  pricingModel: "per_unit" | "tiered";
  dateFrom: number;
  dateTo: number;
  tiers?: TierUsage[];
}

export interface TierUsage {
  starting_unit: number;
  ending_unit?: number;
  quantity_used: number;
  unit_amount: number;
}

export interface PricedQuantity {
  amount: number;
  unitAmount: number;
  pricingModel: "per_unit" | "tiered";
  tiers?: TierUsage[];
}

/**
 * Price of `quantity` units for one billing period. "tiered" means each unit
 * is charged at the rate of the tier it falls in (units 1–100 at the first
 * rate, 101–250 at the second, ...), not the whole quantity at one rate.
 */
export function priceQuantity(itemPrice: ItemPrice, quantity: number): PricedQuantity {
  if (itemPrice.pricing_model !== "tiered") {
    const unitAmount = itemPrice.price ?? 0;
    return { amount: unitAmount * quantity, unitAmount, pricingModel: "per_unit" };
  }
  const tiers: TierUsage[] = [];
  let amount = 0;
  for (const tier of itemPrice.tiers ?? []) {
    const last = Math.min(quantity, tier.ending_unit ?? Number.POSITIVE_INFINITY);
    const used = last - tier.starting_unit + 1;
    if (used <= 0) continue;
    amount += used * tier.price;
    tiers.push({
      starting_unit: tier.starting_unit,
      ...(tier.ending_unit === undefined ? {} : { ending_unit: tier.ending_unit }),
      quantity_used: used,
      unit_amount: tier.price,
    });
  }
  return { amount, unitAmount: quantity > 0 ? Math.round(amount / quantity) : 0, pricingModel: "tiered", tiers };
}

export function fullTermLine(itemPrice: ItemPrice, quantity: number, dateFrom: number, dateTo: number): ChargeLine {
  const priced = priceQuantity(itemPrice, quantity);
  return {
    itemPriceId: itemPrice.id,
    description: itemPrice.external_name ?? itemPrice.name,
    quantity,
    unitAmount: priced.unitAmount,
    amount: priced.amount,
    pricingModel: priced.pricingModel,
    dateFrom,
    dateTo,
    ...(priced.tiers ? { tiers: priced.tiers } : {}),
  };
}

export const sumAmounts = (lines: readonly ChargeLine[]): number => lines.reduce((sum, line) => sum + line.amount, 0);
