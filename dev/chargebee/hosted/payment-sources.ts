import type { Card } from "chargebee";
import type { Env } from "../env";
import type { HostedPageRecord, PaymentSourcesRequest } from "../model";
import { completePaymentSource } from "../operations/checkout";
import { checkCard, DECLINED_MESSAGE, describeCard } from "./card-check";
import { withQuery } from "./checkout-controller";
import type { FieldErrors } from "./checkout-views";
import { alertBox, field, html, page } from "./html";
import type { HostedResult } from "./hosted-result";

/** The "manage payment sources" hosted page: shows the current card and adds a new one ("Add"). */
export function showPaymentSources(env: Env, record: HostedPageRecord, request: PaymentSourcesRequest): HostedResult {
  return { status: 200, html: render(record, env.store.cards.get(request.customerId), {}) };
}

export function submitPaymentSource(
  env: Env,
  record: HostedPageRecord,
  request: PaymentSourcesRequest,
  form: Record<string, string>,
): HostedResult {
  const customer = env.store.customer(request.customerId);
  const current = env.store.cards.get(customer.id);
  const check = checkCard(
    { number: form.card_number ?? "", expiry: form.expiry ?? "", cvc: form.cvc ?? "" },
    new Date(env.now() * 1000),
  );
  if (!check.ok && check.declined) return { status: 402, html: render(record, current, {}, DECLINED_MESSAGE) };
  if (!check.ok) return { status: 400, html: render(record, current, check.errors) };
  const card = completePaymentSource(env, record, customer, check.card);
  if (request.redirectUrl)
    return { redirect: withQuery(request.redirectUrl, { id: record.page.id ?? "", state: "succeeded" }) };
  return {
    status: 200,
    html: page({
      title: "Card added",
      body: html`<h1 id="page-title">Your card was added</h1>
<p role="status">${describe(card)} is now your payment method.</p>
<p>You can close this window.</p>`,
    }),
  };
}

function render(record: HostedPageRecord, current: Card | undefined, errors: FieldErrors, alert?: string): string {
  const action = new URL(record.page.url ?? "http://invalid/").pathname;
  const error = (name: string): { error?: string } => (errors[name] ? { error: errors[name] ?? "" } : {});
  return page({
    title: "Payment details",
    body: html`<h1 id="page-title">Payment details</h1>
${alertBox(alert ?? (Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined))}
<p>${current ? `Current payment method: ${describe(current)}.` : "No payment method on file."}</p>
<form method="post" action="${action}" novalidate autocomplete="off">
${field({ name: "card_number", label: "Card number", autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 1234 1234 1234", ...error("number") })}
<div class="row"><div>${field({ name: "expiry", label: "Expiry (MM/YY)", autocomplete: "cc-exp", placeholder: "MM/YY", ...error("expiry") })}</div>
<div>${field({ name: "cvc", label: "CVC", autocomplete: "cc-csc", inputmode: "numeric", ...error("cvc") })}</div></div>
<p class="hint">Test mode: 4111 1111 1111 1111 is accepted, 4000 0000 0000 0002 is declined.</p>
<div class="actions"><button type="submit">Add</button></div>
</form>`,
  });
}

const describe = (card: Card): string =>
  describeCard({
    ...(card.card_type ? { brand: card.card_type } : {}),
    last4: card.last4,
    expiryMonth: card.expiry_month,
    expiryYear: card.expiry_year,
  });
