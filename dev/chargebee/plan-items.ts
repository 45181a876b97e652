import { quantityLimits } from "./catalog";
import { paramRequired, paramWrongValue } from "./errors";
import type { FormReader } from "./form-reader";
import type { Store } from "./store";
import type { PlanChoice } from "./subscription-record";

/**
 * Reads `subscription_items[...]` into the single plan a subscription may
 * have, enforcing the plan's seat range (`metadata.min_quantity` /
 * `max_quantity`). Without items the current plan stays. A quantity left out
 * keeps the current one for the same item price and is 1 for a new one.
 */
export function readPlanItems(store: Store, body: FormReader, current?: PlanChoice): PlanChoice {
  const rows = body.list("subscription_items");
  if (rows.length === 0) {
    if (current) return current;
    throw paramRequired("subscription_items[item_price_id][0]");
  }
  const [row, extra] = rows;
  if (!row) throw paramRequired("subscription_items[item_price_id][0]");
  if (extra)
    throw paramWrongValue(extra.param("item_price_id"), "only one plan item price is allowed on a subscription");

  const itemPrice = store.itemPrice(row.requiredString("item_price_id"), row.param("item_price_id"));
  if (itemPrice.item_type !== "plan")
    throw paramWrongValue(row.param("item_price_id"), `${itemPrice.id} is not a plan item price`);
  if (itemPrice.status !== "active") throw paramWrongValue(row.param("item_price_id"), `${itemPrice.id} is not active`);
  if (current && current.itemPrice.currency_code !== itemPrice.currency_code) {
    throw paramWrongValue(row.param("item_price_id"), "the currency of the subscription cannot be changed");
  }

  const sameItemPrice = current?.itemPrice.id === itemPrice.id;
  const quantity = row.integer("quantity", { min: 1 }) ?? (sameItemPrice && current ? current.quantity : 1);
  const limits = quantityLimits(itemPrice);
  if (quantity < limits.min_quantity) {
    throw paramWrongValue(
      row.param("quantity"),
      `${itemPrice.id} requires at least ${limits.min_quantity} units, got ${quantity}`,
    );
  }
  if (limits.max_quantity !== undefined && quantity > limits.max_quantity) {
    throw paramWrongValue(
      row.param("quantity"),
      `${itemPrice.id} allows at most ${limits.max_quantity} units, got ${quantity}`,
    );
  }
  return { itemPrice, quantity };
}
