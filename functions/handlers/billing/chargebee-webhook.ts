import { z } from "zod";
import { defineRoute, json } from "../../http/route";
import { readJson } from "../../http/json-body";
import { handleBillingEvent } from "../../use-cases/billing/handle-billing-event";

/**
 * Chargebee's webhook endpoint. Basic auth first (401, nothing read, nothing changed);
 * then the event is handled at most once. A 2xx tells Chargebee to stop retrying, so we
 * answer 200 only once the outcome is stored, also for events we do not act on.
 */
defineRoute("webhook-chargebee", {
  methods: ["POST"],
  route: "webhooks/chargebee",
  auth: "custom",
  handler: async ({ request, context, services }) => {
    const deps = services.billing;
    const webhooks = deps.webhooks();
    await webhooks.authenticate(Object.fromEntries(request.headers.entries()));
    const event = webhooks.parseEvent(await readJson(request, z.unknown()));
    const outcome = await handleBillingEvent(
      { store: deps, billing: deps.provider, log: deps.eventLog, trace: (line) => context.warn(line) },
      event,
    );
    return json({ received: event.id, outcome });
  },
});
