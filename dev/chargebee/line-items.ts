import type { Invoice } from "chargebee";
import type { ChargeLine } from "./pricing";
import type { Store } from "./store";

/** Chargebee's line item shape, shared by invoices, credit notes and their estimates. */
export type WireLineItem = Invoice.LineItem & { object: "line_item" };
export type WireLineItemTier = Invoice.LineItemTier & { object: "line_item_tier" };

export function toLineItems(
  store: Store,
  lines: readonly ChargeLine[],
  owner: { subscriptionId?: string; customerId?: string },
): { line_items: WireLineItem[]; line_item_tiers: WireLineItemTier[] } {
  const line_items: WireLineItem[] = [];
  const line_item_tiers: WireLineItemTier[] = [];
  for (const line of lines) {
    const id = store.randomId("li_");
    line_items.push({
      id,
      ...(owner.subscriptionId ? { subscription_id: owner.subscriptionId } : {}),
      date_from: line.dateFrom,
      date_to: line.dateTo,
      unit_amount: line.unitAmount,
      quantity: line.quantity,
      amount: line.amount,
      pricing_model: line.pricingModel,
      is_taxed: false,
      tax_amount: 0,
      discount_amount: 0,
      item_level_discount_amount: 0,
      description: line.description,
      entity_type: "plan_item_price",
      entity_id: line.itemPriceId,
      ...(owner.customerId ? { customer_id: owner.customerId } : {}),
      object: "line_item",
    });
    for (const tier of line.tiers ?? []) line_item_tiers.push({ line_item_id: id, ...tier, object: "line_item_tier" });
  }
  return { line_items, line_item_tiers };
}
