import { planChange } from "../change";
import { pathParam, type ApiHandler } from "../handler";
import { listResponse, newestFirst } from "../lists";
import { applyCancellation, planCancellation } from "../operations/cancel";
import { startSubscription } from "../operations/start";
import { applyChange } from "../operations/update";
import { readPlanItems } from "../plan-items";
import type { Router } from "../router";
import { subscriptionContent } from "../subscription-record";
import { readCancelOptions, readChangeOptions } from "./subscription-params";

export function subscriptionRoutes(router: Router<ApiHandler>): void {
  router
    .add("GET", "/subscriptions", (env, { query }) =>
      listResponse([...env.store.subscriptions.values()], query, {
        key: "subscription",
        filters: {
          id: "string",
          customer_id: "string",
          status: "string",
          created_at: "timestamp",
          updated_at: "timestamp",
        },
        sortable: ["created_at", "updated_at"],
        defaultOrder: newestFirst((subscription) => subscription.created_at),
        extras: (subscription) => {
          const { customer, card } = subscriptionContent(env.store, subscription);
          return card ? { customer, card } : { customer };
        },
      }),
    )
    .add("GET", "/subscriptions/:id", (env, request) =>
      subscriptionContent(env.store, env.store.subscription(pathParam(request, "id"))),
    )
    .add("POST", "/customers/:id/subscription_for_items", (env, request) => {
      const customer = env.store.customer(pathParam(request, "id"));
      const plan = readPlanItems(env.store, request.body);
      const subscriptionId = request.body.string("id") || undefined;
      const { subscription, card, invoice } = startSubscription(env, {
        customer,
        plan,
        idParam: "id",
        ...(subscriptionId ? { subscriptionId } : {}),
      });
      return { subscription, customer, ...(card ? { card } : {}), invoice };
    })
    .add("POST", "/subscriptions/:id/update_for_items", (env, request) => {
      const subscription = env.store.subscription(pathParam(request, "id"));
      const change = planChange(
        env.store,
        subscription,
        readChangeOptions(env.store, subscription, request.body),
        env.now(),
      );
      return applyChange(env, subscription, change);
    })
    .add("POST", "/subscriptions/:id/cancel_for_items", (env, request) => {
      const subscription = env.store.subscription(pathParam(request, "id"));
      const plan = planCancellation(env.store, subscription, readCancelOptions(request.body), env.now());
      return applyCancellation(env, subscription, plan);
    });
}
