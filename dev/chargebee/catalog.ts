import type { Item, ItemPrice } from "chargebee";
import type { Declared } from "./model";
import type { PeriodUnit } from "./time";

/**
 * The seeded product catalog: the list prices of docs/architecture.md per user per month (USD).
 * Yearly item prices are billed once a year, so their price is 12 × the
 * annual-billing monthly rate, in cents. Quantity limits live in `metadata`
 * (Chargebee has no native per-plan seat range).
 */
export const ITEM_FAMILY_ID = "timetracker";

interface PlanDefinition {
  itemId: string;
  name: string;
  minQuantity: number;
  maxQuantity?: number;
  /** Per user per month, in cents, for [yearly billing, monthly billing]. */
  perUnit?: [number, number];
  /** Tiered plans: [starting unit, ending unit, yearly-billing rate, monthly-billing rate]. */
  tiers?: [number, number | undefined, number, number][];
}

const PLANS: PlanDefinition[] = [
  { itemId: "free", name: "Free", minQuantity: 1, maxQuantity: 3, perUnit: [0, 0] },
  { itemId: "start", name: "Start", minQuantity: 1, maxQuantity: 19, perUnit: [800, 900] },
  { itemId: "team", name: "Team", minQuantity: 1, maxQuantity: 299, perUnit: [1300, 1600] },
  {
    itemId: "ultimate",
    name: "Ultimate",
    minQuantity: 20,
    tiers: [
      [1, 100, 1700, 2000],
      [101, 250, 1000, 1300],
      [251, undefined, 700, 800],
    ],
  },
];

export interface QuantityLimits {
  min_quantity: number;
  max_quantity?: number;
}

const PERIODS: { unit: PeriodUnit; label: string; column: 0 | 1; months: number }[] = [
  { unit: "year", label: "Yearly", column: 0, months: 12 },
  { unit: "month", label: "Monthly", column: 1, months: 1 },
];

export function catalogItems(createdAt: number, version: number): Item[] {
  return PLANS.map((plan): Declared<Item, "item"> => ({
    id: plan.itemId,
    name: plan.name,
    external_name: plan.name,
    description: `Timetracker ${plan.name}`,
    status: "active",
    resource_version: version,
    updated_at: createdAt,
    item_family_id: ITEM_FAMILY_ID,
    type: "plan",
    is_shippable: false,
    is_giftable: false,
    enabled_for_checkout: true,
    enabled_in_portal: true,
    item_applicability: "all",
    metered: false,
    channel: "web",
    metadata: limitsOf(plan),
    deleted: false,
    object: "item",
  }));
}

export function catalogItemPrices(createdAt: number, version: number): ItemPrice[] {
  return PLANS.flatMap((plan) =>
    PERIODS.map(({ unit, label, column, months }): Declared<ItemPrice, "item_price"> => {
      const base = {
        id: `${plan.itemId}-USD-${unit === "year" ? "yearly" : "monthly"}`,
        name: `${plan.name} USD ${label}`,
        external_name: plan.name,
        item_family_id: ITEM_FAMILY_ID,
        item_id: plan.itemId,
        item_type: "plan" as const,
        status: "active" as const,
        currency_code: "USD",
        period: 1,
        period_unit: unit,
        free_quantity: 0,
        channel: "web" as const,
        is_taxable: false,
        resource_version: version,
        created_at: createdAt,
        updated_at: createdAt,
        metadata: limitsOf(plan),
        show_description_in_invoices: false,
        show_description_in_quotes: false,
        deleted: false,
        object: "item_price",
      } satisfies Partial<Declared<ItemPrice, "item_price">>;
      if (plan.tiers) {
        return {
          ...base,
          pricing_model: "tiered",
          tiers: plan.tiers.map(([start, end, yearly, monthly]) => ({
            starting_unit: start,
            ...(end === undefined ? {} : { ending_unit: end }),
            price: months * (column === 0 ? yearly : monthly),
            pricing_type: "per_unit" as const,
          })),
        };
      }
      const [yearly, monthly] = plan.perUnit ?? [0, 0];
      return { ...base, pricing_model: "per_unit", price: months * (column === 0 ? yearly : monthly) };
    }),
  );
}

function limitsOf(plan: PlanDefinition): QuantityLimits {
  return {
    min_quantity: plan.minQuantity,
    ...(plan.maxQuantity === undefined ? {} : { max_quantity: plan.maxQuantity }),
  };
}

/** Reads the seat range back from an item price's metadata (absent bounds are open). */
export function quantityLimits(itemPrice: ItemPrice): QuantityLimits {
  const metadata: unknown = itemPrice.metadata;
  const read = (key: string): number | undefined => {
    if (typeof metadata !== "object" || metadata === null) return undefined;
    const value: unknown = (metadata as Record<string, unknown>)[key];
    return typeof value === "number" ? value : undefined;
  };
  const max = read("max_quantity");
  return { min_quantity: read("min_quantity") ?? 1, ...(max === undefined ? {} : { max_quantity: max }) };
}
