import { z } from "zod";
import type { CheckoutStarted, CheckoutSync } from "../../contracts/billing";
import { placeOrderSchema } from "../../contracts/billing";
import { defineRoute, json } from "../../http/route";
import { parseWith, readJson } from "../../http/json-body";
import { billingContext } from "../../use-cases/billing/billing-context";
import { startCheckout, syncCheckout } from "../../use-cases/billing/checkout";

const hostedPageParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "is not a checkout id") });

/** Buy Now → Proceed to Checkout: the hosted checkout opens in a new window. */
defineRoute("subscription-checkout", {
  methods: ["POST"],
  route: "subscription/checkout",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const order = await readJson(request, placeOrderSchema);
    const body: CheckoutStarted = await startCheckout(await billingContext(services.billing, caller), order);
    return json(body, 201);
  },
});

/** Polled by the page until the checkout ends; applies the new subscription if the webhook has not yet. */
defineRoute("subscription-checkout-sync", {
  methods: ["POST"],
  route: "subscription/checkout/{id}/sync",
  auth: "user",
  handler: async ({ request, context, services, caller }) => {
    const { id } = parseWith(hostedPageParams, { id: request.params.id }, "checkout id");
    const body: CheckoutSync = await syncCheckout(await billingContext(services.billing, caller), id, (line) =>
      context.warn(line),
    );
    return json(body);
  },
});
