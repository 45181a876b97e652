import { readAddress, readProfile } from "../customer-record";
import type { Env } from "../env";
import { duplicateEntry, paramWrongValue, resourceNotFound } from "../errors";
import type { FormReader } from "../form-reader";
import { pathParam, type ApiHandler } from "../handler";
import type { CheckoutRequest, HostedPageRecord, HostedPageResource } from "../model";
import { readPlanItems } from "../plan-items";
import type { Router } from "../router";

/** How long a hosted page link works (Chargebee expires unused pages too). */
const PAGE_LIFETIME_SECONDS = 24 * 3600;

export function hostedPageRoutes(router: Router<ApiHandler>): void {
  router
    .add("POST", "/hosted_pages/checkout_new_for_items", checkoutNewForItems)
    .add("POST", "/hosted_pages/manage_payment_sources", (env, { body }) => {
      const customerParams = body.object("customer");
      const customer = env.store.customer(customerParams.requiredString("id"), customerParams.param("id"));
      const redirectUrl = readUrl(body, "redirect_url");
      return createPage(env, body, "manage_payment_sources", "payment_sources", {
        kind: "manage_payment_sources",
        customerId: customer.id,
        ...(redirectUrl ? { redirectUrl } : {}),
      });
    })
    .add("GET", "/hosted_pages/:id", (env, request) => {
      const id = pathParam(request, "id");
      const record = env.store.hostedPages.get(id);
      if (!record) throw resourceNotFound("Hosted page", id);
      return { hosted_page: record.page };
    });
}

const checkoutNewForItems: ApiHandler = (env, { body }) => {
  const { store } = env;
  const plan = readPlanItems(store, body);
  const customerParams = body.object("customer");
  const customerId = customerParams.string("id") || undefined;
  const subscriptionId = body.object("subscription").string("id") || undefined;
  if (subscriptionId && store.subscriptions.has(subscriptionId))
    throw duplicateEntry("subscription[id]", subscriptionId);
  const redirectUrl = readUrl(body, "redirect_url");
  const cancelUrl = readUrl(body, "cancel_url");
  const request: CheckoutRequest = {
    kind: "checkout_new",
    itemPriceId: plan.itemPrice.id,
    quantity: plan.quantity,
    ...(customerId ? { customerId } : {}),
    ...(subscriptionId ? { subscriptionId } : {}),
    prefill: {
      customer: readProfile(customerParams),
      billingAddress: body.has("billing_address") ? readAddress(body.object("billing_address")) : {},
    },
    ...(redirectUrl ? { redirectUrl } : {}),
    ...(cancelUrl ? { cancelUrl } : {}),
  };
  return createPage(env, body, "checkout_new", "checkout", request);
};

function createPage(
  env: Env,
  body: FormReader,
  type: "checkout_new" | "manage_payment_sources",
  path: string,
  request: HostedPageRecord["request"],
): { hosted_page: HostedPageResource } {
  const { store } = env;
  const now = env.now();
  const id = store.randomId("", 32);
  const passThru = body.string("pass_thru_content");
  if (passThru !== undefined && passThru.length > 2048)
    throw paramWrongValue("pass_thru_content", "cannot be longer than 2048 characters");
  const layout = body.oneOf("layout", ["in_app", "full_page"] as const);
  const page: HostedPageResource = {
    id,
    type,
    url: `${env.baseUrl}/hosted/${path}/${id}`,
    state: "created",
    embed: body.boolean("embed") ?? false,
    created_at: now,
    expires_at: now + PAGE_LIFETIME_SECONDS,
    ...(passThru !== undefined ? { pass_thru_content: passThru } : {}),
    ...(layout ? { layout } : {}),
    object: "hosted_page",
  };
  store.touch(page, now);
  store.hostedPages.set(id, { page, request, draft: {} });
  return { hosted_page: page };
}

function readUrl(body: FormReader, name: string): string | undefined {
  const raw = body.string(name);
  if (raw === undefined || raw === "") return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    // reported below
  }
  throw paramWrongValue(name, "must be an absolute http(s) URL");
}
