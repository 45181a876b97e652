import { pathParam, type ApiHandler } from "../handler";
import { listResponse } from "../lists";
import type { Router } from "../router";
import { resourceNotFound } from "../errors";

export function itemPriceRoutes(router: Router<ApiHandler>): void {
  router
    .add("GET", "/item_prices", (env, { query }) =>
      listResponse([...env.store.itemPrices.values()], query, {
        key: "item_price",
        filters: {
          id: "string",
          item_id: "string",
          item_family_id: "string",
          item_type: "string",
          status: "string",
          period_unit: "string",
          currency_code: "string",
          pricing_model: "string",
          updated_at: "timestamp",
        },
        sortable: ["name", "id", "updated_at"],
      }),
    )
    .add("GET", "/item_prices/:id", (env, request) => ({ item_price: env.store.itemPrice(pathParam(request, "id")) }))
    .add("GET", "/items", (env, { query }) =>
      listResponse([...env.store.items.values()], query, {
        key: "item",
        filters: { id: "string", item_family_id: "string", type: "string", status: "string", name: "string" },
        sortable: ["name", "id", "updated_at"],
      }),
    )
    .add("GET", "/items/:id", (env, request) => {
      const id = pathParam(request, "id");
      const item = env.store.items.get(id);
      if (!item) throw resourceNotFound("Item", id);
      return { item };
    });
}
