import type { OrderQuote, PlansResponse, SubscriptionOverview } from "../../contracts/billing";
import { orderSchema, plansQuerySchema } from "../../contracts/billing";
import { defineRoute, json } from "../../http/route";
import { parseWith, queryObject, readJson } from "../../http/json-body";
import { billingContext } from "../../use-cases/billing/billing-context";
import { quoteOrder } from "../../use-cases/billing/order";
import { planOffers } from "../../use-cases/billing/plan-offers";
import { subscriptionOverview } from "../../use-cases/billing/subscription-overview";

/** Read side of the Subscription page: Activation Information, plan selection, Your Order. */
defineRoute("subscription-get", {
  methods: ["GET"],
  route: "subscription",
  auth: "user",
  handler: async ({ services, caller }) => {
    const body: SubscriptionOverview = await subscriptionOverview(await billingContext(services.billing, caller));
    return json(body);
  },
});

defineRoute("subscription-plans", {
  methods: ["GET"],
  route: "subscription/plans",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { seats } = parseWith(plansQuerySchema, queryObject(request), "query");
    const body: PlansResponse = await planOffers(await billingContext(services.billing, caller), seats);
    return json(body);
  },
});

defineRoute("subscription-quote", {
  methods: ["POST"],
  route: "subscription/quote",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const order = await readJson(request, orderSchema);
    const body: OrderQuote = await quoteOrder(await billingContext(services.billing, caller), order);
    return json(body);
  },
});
