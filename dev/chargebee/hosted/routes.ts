import type { Env } from "../env";
import type { CheckoutRequest, HostedPageRecord, PaymentSourcesRequest } from "../model";
import { Router } from "../router";
import { cancelCheckout, showStep, submitStep } from "./checkout-controller";
import { messagePage, STEPS, type Step } from "./checkout-views";
import type { HostedResult } from "./hosted-result";
import { showPaymentSources, submitPaymentSource } from "./payment-sources";

type Form = Record<string, string>;
type Params = Record<string, string>;
export type HostedHandler = (env: Env, params: Params, form: Form) => HostedResult;

const message = (title: string, text: string, status: number): HostedResult => ({
  status,
  html: messagePage(title, text),
});
const notFound = (): HostedResult => message("Page not found", "This link is not valid.", 404);

/** Finds a usable page of the given type and marks it "requested" the first time it is opened, as Chargebee does. */
function livePage(
  env: Env,
  id: string | undefined,
  type: "checkout_new" | "manage_payment_sources",
): HostedPageRecord | HostedResult {
  const record = env.store.hostedPages.get(id ?? "");
  if (!record || record.page.type !== type) return notFound();
  const { page } = record;
  if (page.state === "cancelled")
    return message("Checkout cancelled", "This checkout was cancelled. You can close this window.", 410);
  if (page.state !== "succeeded" && (page.expires_at ?? Infinity) < env.now()) {
    return message("Link expired", "This link has expired. Please start again from Timetracker.", 410);
  }
  if (page.state === "created") {
    page.state = "requested";
    env.store.touch(page, env.now());
  }
  return record;
}

const isRecord = (value: HostedPageRecord | HostedResult): value is HostedPageRecord => "request" in value;

function checkout(
  handle: (env: Env, record: HostedPageRecord, request: CheckoutRequest, params: Params, form: Form) => HostedResult,
): HostedHandler {
  return (env, params, form) => {
    const found = livePage(env, params.id, "checkout_new");
    if (!isRecord(found)) return found;
    return found.request.kind === "checkout_new" ? handle(env, found, found.request, params, form) : notFound();
  };
}

function paymentSources(
  handle: (env: Env, record: HostedPageRecord, request: PaymentSourcesRequest, form: Form) => HostedResult,
): HostedHandler {
  return (env, params, form) => {
    const found = livePage(env, params.id, "manage_payment_sources");
    if (!isRecord(found)) return found;
    return found.request.kind === "manage_payment_sources" ? handle(env, found, found.request, form) : notFound();
  };
}

const isStep = (value: string | undefined): value is Step => STEPS.some((step) => step.id === value);

export const hostedRouter = new Router<HostedHandler>()
  .add(
    "GET",
    "/hosted/checkout/:id",
    checkout((env, record, request) => showStep(env, record, request, undefined)),
  )
  .add(
    "GET",
    "/hosted/checkout/:id/cancel",
    checkout((env, record, request) => cancelCheckout(record, request, env)),
  )
  .add(
    "GET",
    "/hosted/checkout/:id/:step",
    checkout((env, record, request, params) =>
      isStep(params.step) ? showStep(env, record, request, params.step) : notFound(),
    ),
  )
  .add(
    "POST",
    "/hosted/checkout/:id/:step",
    checkout((env, record, request, params, form) =>
      isStep(params.step) ? submitStep(env, record, request, params.step, form) : notFound(),
    ),
  )
  .add(
    "GET",
    "/hosted/payment_sources/:id",
    paymentSources((env, record, request) => showPaymentSources(env, record, request)),
  )
  .add(
    "POST",
    "/hosted/payment_sources/:id",
    paymentSources((env, record, request, form) => submitPaymentSource(env, record, request, form)),
  );
