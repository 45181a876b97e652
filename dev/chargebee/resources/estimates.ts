import { planChange } from "../change";
import { cancellationEstimate, changeEstimate, creationEstimate } from "../estimate-render";
import { pathParam, type ApiHandler } from "../handler";
import { planCancellation } from "../operations/cancel";
import { readPlanItems } from "../plan-items";
import type { Router } from "../router";
import { readCancelOptions, readChangeOptions } from "./subscription-params";

/** Estimates run the same planning code as the real operations and change nothing. */
export function estimateRoutes(router: Router<ApiHandler>): void {
  router
    .add("POST", "/estimates/update_subscription_for_items", (env, { body }) => {
      const subscriptionParams = body.object("subscription");
      const subscription = env.store.subscription(
        subscriptionParams.requiredString("id"),
        subscriptionParams.param("id"),
      );
      const now = env.now();
      const change = planChange(env.store, subscription, readChangeOptions(env.store, subscription, body), now);
      return { estimate: changeEstimate(env.store, subscription, change, now) };
    })
    .add("POST", "/subscriptions/:id/cancel_subscription_for_items_estimate", (env, request) => {
      const subscription = env.store.subscription(pathParam(request, "id"));
      const now = env.now();
      const plan = planCancellation(env.store, subscription, readCancelOptions(request.body), now);
      return { estimate: cancellationEstimate(env.store, subscription, plan, now) };
    })
    .add("POST", "/estimates/create_subscription_for_items", (env, { body }) => ({
      estimate: creationEstimate(env.store, readPlanItems(env.store, body), env.now()),
    }));
}
