import { ApiError } from "../errors";
import type { Env } from "../env";
import type { AddressFields, CheckoutDraft, CheckoutRequest, HostedPageRecord } from "../model";
import { completeCheckout } from "../operations/checkout";
import { periodUnitOf } from "../subscription-record";
import { addPeriods } from "../time";
import { checkCard, DECLINED_MESSAGE } from "./card-check";
import {
  accountPage,
  billingPage,
  paymentPage,
  STEPS,
  successPage,
  summaryPage,
  type CheckoutView,
  type FieldErrors,
  type Step,
} from "./checkout-views";
import type { HostedResult } from "./hosted-result";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first step the buyer still has to complete; each step needs the ones before it. */
export function firstOpenStep(draft: CheckoutDraft): Step {
  if (!draft.account) return "account";
  if (!draft.billing) return "billing";
  if (!draft.card) return "payment";
  return "summary";
}

const stepIndex = (step: Step): number => STEPS.findIndex((candidate) => candidate.id === step);

export function showStep(
  env: Env,
  record: HostedPageRecord,
  request: CheckoutRequest,
  step: Step | undefined,
): HostedResult {
  if (record.page.state === "succeeded") return succeeded(env, record, request);
  const open = firstOpenStep(record.draft);
  if (step === undefined || stepIndex(step) > stepIndex(open)) return { redirect: `${base(record)}/${open}` };
  const view = viewOf(env, record, request);
  switch (step) {
    case "account":
      return ok(accountPage(view, { ...request.prefill.customer, ...record.draft.account }, {}));
    case "billing":
      return ok(billingPage(view, billingDefaults(record, request), {}));
    case "payment":
      return ok(paymentPage(view, {}));
    case "summary":
      return ok(summaryPage(view));
  }
}

export function submitStep(
  env: Env,
  record: HostedPageRecord,
  request: CheckoutRequest,
  step: Step,
  form: Record<string, string>,
): HostedResult {
  if (record.page.state === "succeeded") return succeeded(env, record, request);
  const open = firstOpenStep(record.draft);
  if (stepIndex(step) > stepIndex(open)) return { redirect: `${base(record)}/${open}` };
  const view = viewOf(env, record, request);
  const next = (): HostedResult => ({ redirect: `${base(record)}/${firstOpenStep(record.draft)}` });

  if (step === "account") {
    const values = pick(form, ["first_name", "last_name", "email", "company"]);
    const errors: FieldErrors = {};
    if (!values.first_name) errors.first_name = "Enter your first name.";
    if (!values.last_name) errors.last_name = "Enter your last name.";
    if (!values.email || !EMAIL.test(values.email)) errors.email = "Enter a valid email address.";
    if (Object.keys(errors).length > 0) return { status: 400, html: accountPage(view, values, errors) };
    record.draft.account = {
      first_name: values.first_name ?? "",
      last_name: values.last_name ?? "",
      email: values.email ?? "",
      ...(values.company ? { company: values.company } : {}),
    };
    return next();
  }
  if (step === "billing") {
    const values = pick(form, ["line1", "line2", "city", "state", "zip", "country"]);
    const errors: FieldErrors = {};
    if (!values.line1) errors.line1 = "Enter the street address.";
    if (!values.city) errors.city = "Enter the city.";
    if (!values.zip) errors.zip = "Enter the ZIP or postal code.";
    if (!values.country || !/^[A-Z]{2}$/.test(values.country)) errors.country = "Select a country.";
    if (Object.keys(errors).length > 0) return { status: 400, html: billingPage(view, values, errors) };
    record.draft.billing = values;
    return next();
  }
  if (step === "payment") {
    const check = checkCard(
      { number: form.card_number ?? "", expiry: form.expiry ?? "", cvc: form.cvc ?? "" },
      new Date(env.now() * 1000),
    );
    if (!check.ok && check.declined) {
      record.page.failure_reason = "card_error";
      return { status: 402, html: paymentPage(view, {}, DECLINED_MESSAGE) };
    }
    if (!check.ok) return { status: 400, html: paymentPage(view, check.errors) };
    record.draft.card = check.card;
    return next();
  }

  const { account, billing, card } = record.draft;
  if (form.accept_terms !== "on") {
    return {
      status: 400,
      html: summaryPage(view, "Please accept the Terms of Service and Privacy Policy to continue."),
    };
  }
  if (!account || !billing || !card) return next();
  try {
    completeCheckout(env, record, request, { account, billing, card });
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, html: summaryPage(view, error.body.message) };
    throw error;
  }
  if (request.redirectUrl)
    return { redirect: withQuery(request.redirectUrl, { id: record.page.id ?? "", state: "succeeded" }) };
  return succeeded(env, record, request);
}

export function cancelCheckout(record: HostedPageRecord, request: CheckoutRequest, env: Env): HostedResult {
  if (record.page.state !== "succeeded") {
    record.page.state = "cancelled";
    env.store.touch(record.page, env.now());
  }
  return request.cancelUrl
    ? { redirect: withQuery(request.cancelUrl, { id: record.page.id ?? "", state: record.page.state ?? "cancelled" }) }
    : { redirect: base(record) };
}

function succeeded(env: Env, record: HostedPageRecord, request: CheckoutRequest): HostedResult {
  const itemPrice = env.store.itemPrice(request.itemPriceId);
  const invoice = record.page.content?.invoice;
  return ok(
    successPage(
      itemPrice.external_name ?? itemPrice.name,
      invoice ? { id: invoice.id, amountPaid: invoice.amount_paid ?? 0 } : undefined,
    ),
  );
}

function viewOf(env: Env, record: HostedPageRecord, request: CheckoutRequest): CheckoutView {
  const itemPrice = env.store.itemPrice(request.itemPriceId);
  return {
    base: base(record),
    itemPrice,
    quantity: request.quantity,
    renewsAt: addPeriods(env.now(), periodUnitOf(itemPrice), 1),
    draft: record.draft,
    prefill: request.prefill,
    ...(request.cancelUrl ? { cancelHref: `${base(record)}/cancel` } : {}),
  };
}

function billingDefaults(record: HostedPageRecord, request: CheckoutRequest): AddressFields {
  return { ...request.prefill.billingAddress, ...record.draft.billing };
}

const base = (record: HostedPageRecord): string => new URL(record.page.url ?? "http://invalid/").pathname;
const ok = (html: string): HostedResult => ({ status: 200, html });

function pick<K extends string>(form: Record<string, string>, keys: readonly K[]): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = form[key]?.trim();
    if (value) values[key] = value;
  }
  return values;
}

export function withQuery(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  return target.toString();
}
