import type { BillingPeriod, PlanId } from "./org";

/**
 * Prices as Chargebee's catalog states them, and the arithmetic we show before checkout.
 * Amounts are integer cents per billing period (a yearly price is the whole year).
 * The server always computes from the catalog; a price sent by a client is never used.
 */
export interface PriceTier {
  /** First unit of the tier, from 1. */
  from: number;
  /** Last unit, or null for "and above". */
  to: number | null;
  /** Cents per unit per billing period. */
  unitAmount: number;
}

export type PricingModel =
  /** Every unit at one price. */
  | { kind: "per_unit"; unitAmount: number }
  /** Graduated: each unit at the rate of the tier it falls in (1–100 at the first rate, 101–250 at the second…). */
  | { kind: "tiered"; tiers: readonly PriceTier[] }
  /** All units at the rate of the tier the quantity falls in. */
  | { kind: "volume"; tiers: readonly PriceTier[] };

export interface PlanPrice {
  itemPriceId: string;
  plan: PlanId;
  period: BillingPeriod;
  currency: string;
  model: PricingModel;
}

export type Catalog = readonly PlanPrice[];

export function findPrice(catalog: Catalog, plan: PlanId, period: BillingPeriod): PlanPrice | undefined {
  return catalog.find((p) => p.plan === plan && p.period === period);
}

export const MONTHS_PER_PERIOD: Record<BillingPeriod, number> = { yearly: 12, monthly: 1 };

function tierUnits(tier: PriceTier, quantity: number): number {
  const last = Math.min(quantity, tier.to ?? Number.POSITIVE_INFINITY);
  return Math.max(0, last - tier.from + 1);
}

/** What `quantity` units cost for one billing period, in cents. */
export function amountFor(model: PricingModel, quantity: number): number {
  switch (model.kind) {
    case "per_unit":
      return model.unitAmount * quantity;
    case "tiered":
      return model.tiers.reduce((sum, tier) => sum + tierUnits(tier, quantity) * tier.unitAmount, 0);
    case "volume": {
      const tier =
        model.tiers.find((t) => quantity >= t.from && (t.to === null || quantity <= t.to)) ?? model.tiers.at(-1);
      return tier ? tier.unitAmount * quantity : 0;
    }
  }
}

export interface TierLine {
  from: number;
  to: number | null;
  users: number;
  /** Cents per user per month at this tier. */
  perUserPerMonth: number;
  /** Cents for this tier's users for the billing period. */
  amount: number;
}

export interface Quote {
  plan: PlanId;
  period: BillingPeriod;
  seats: number;
  currency: string;
  /** Cents billed each period for all seats. */
  amount: number;
  /** The same, spread over months (the yearly amount / 12). */
  perMonth: number;
  /** Average cents per user per month; for tiered prices the blend of the tiers used. */
  perUserPerMonth: number;
  /** The list price's rate per user per month for the first tier (what the plan card headlines). */
  listPerUserPerMonth: number;
  /** Per tier, for tiered prices: how many users fall in each and what they cost. Empty otherwise. */
  tiers: TierLine[];
}

export function quote(price: PlanPrice, seats: number): Quote {
  const months = MONTHS_PER_PERIOD[price.period];
  const amount = amountFor(price.model, seats);
  const perMonth = amount / months;
  return {
    plan: price.plan,
    period: price.period,
    seats,
    currency: price.currency,
    amount,
    perMonth: Math.round(perMonth),
    perUserPerMonth: seats > 0 ? Math.round(perMonth / seats) : 0,
    listPerUserPerMonth: Math.round(firstRate(price.model) / months),
    tiers: tierLines(price.model, seats, months),
  };
}

function firstRate(model: PricingModel): number {
  return model.kind === "per_unit" ? model.unitAmount : (model.tiers[0]?.unitAmount ?? 0);
}

function tierLines(model: PricingModel, seats: number, months: number): TierLine[] {
  if (model.kind !== "tiered") return [];
  return model.tiers
    .map((tier) => {
      const users = tierUnits(tier, seats);
      return {
        from: tier.from,
        to: tier.to,
        users,
        perUserPerMonth: Math.round(tier.unitAmount / months),
        amount: users * tier.unitAmount,
      };
    })
    .filter((line) => line.users > 0);
}

/** Rates per user per month of every tier of a price, for "17 (1–100), 10 (101–250), 7 (251+)". */
export function rateCard(price: PlanPrice): { from: number; to: number | null; perUserPerMonth: number }[] {
  const months = MONTHS_PER_PERIOD[price.period];
  if (price.model.kind === "per_unit")
    return [{ from: 1, to: null, perUserPerMonth: Math.round(price.model.unitAmount / months) }];
  return price.model.tiers.map((t) => ({ from: t.from, to: t.to, perUserPerMonth: Math.round(t.unitAmount / months) }));
}

/** "$1,344.00" — for messages the server writes; the page formats amounts itself. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

/**
 * Cents per month that the top `count` of `seats` cost at list price: what lowering the
 * subscription's seats by `count` saves (for tiered prices, the seats of the highest tiers).
 */
export function monthlyAmountOfTopSeats(price: PlanPrice, seats: number, count: number): number {
  const kept = Math.max(0, seats - count);
  const saved = amountFor(price.model, seats) - amountFor(price.model, kept);
  return Math.round(saved / MONTHS_PER_PERIOD[price.period]);
}
