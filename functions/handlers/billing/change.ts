import type { SubscriptionOverview } from "../../contracts/billing";
import { cancelSchema, placeOrderSchema, switchToFreeSchema } from "../../contracts/billing";
import { defineRoute, json } from "../../http/route";
import { readJson } from "../../http/json-body";
import { billingContext } from "../../use-cases/billing/billing-context";
import { cancelSubscription, changeSubscription, switchToFree } from "../../use-cases/billing/change-subscription";

/** Changes of the live subscription; each answers with the Activation Information after Chargebee confirmed. */
defineRoute("subscription-change", {
  methods: ["POST"],
  route: "subscription/change",
  auth: "user",
  handler: async ({ request, context, services, caller }) => {
    const order = await readJson(request, placeOrderSchema);
    const body: SubscriptionOverview = await changeSubscription(
      await billingContext(services.billing, caller),
      order,
      (line) => context.warn(line),
    );
    return json(body);
  },
});

defineRoute("subscription-cancel", {
  methods: ["POST"],
  route: "subscription/cancel",
  auth: "user",
  handler: async ({ request, context, services, caller }) => {
    const cancel = await readJson(request, cancelSchema);
    const body: SubscriptionOverview = await cancelSubscription(
      await billingContext(services.billing, caller),
      cancel,
      (line) => context.warn(line),
    );
    return json(body);
  },
});

defineRoute("subscription-free", {
  methods: ["POST"],
  route: "subscription/free",
  auth: "user",
  handler: async ({ request, context, services, caller }) => {
    const { requestId } = await readJson(request, switchToFreeSchema);
    const body: SubscriptionOverview = await switchToFree(
      await billingContext(services.billing, caller),
      requestId,
      (line) => context.warn(line),
    );
    return json(body);
  },
});
