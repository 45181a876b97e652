import type { ItemPrice } from "chargebee";
import type { CheckoutDraft, AddressFields } from "../model";
import { priceQuantity } from "../pricing";
import { isoDate } from "../time";
import { describeCard } from "./card-check";
import { alertBox, field, html, money, page, raw, type Html } from "./html";

export type Step = "account" | "billing" | "payment" | "summary";
export type FieldErrors = Partial<Record<string, string>>;

export const STEPS: readonly { id: Step; title: string }[] = [
  { id: "account", title: "Account details" },
  { id: "billing", title: "Billing details" },
  { id: "payment", title: "Payment details" },
  { id: "summary", title: "Summary" },
];

export interface CheckoutView {
  base: string;
  itemPrice: ItemPrice;
  quantity: number;
  renewsAt: number;
  draft: CheckoutDraft;
  prefill: { customer: AddressFields; billingAddress: AddressFields };
  cancelHref?: string;
}

const COUNTRIES: [string, string][] = [
  ["US", "United States"],
  ["CA", "Canada"],
  ["GB", "United Kingdom"],
  ["IE", "Ireland"],
  ["DE", "Germany"],
  ["AT", "Austria"],
  ["CH", "Switzerland"],
  ["FR", "France"],
  ["BE", "Belgium"],
  ["NL", "Netherlands"],
  ["ES", "Spain"],
  ["IT", "Italy"],
  ["PL", "Poland"],
  ["CZ", "Czechia"],
  ["SE", "Sweden"],
  ["DK", "Denmark"],
  ["NO", "Norway"],
  ["FI", "Finland"],
  ["AU", "Australia"],
  ["NZ", "New Zealand"],
  ["IN", "India"],
  ["JP", "Japan"],
  ["BR", "Brazil"],
  ["MX", "Mexico"],
  ["ZA", "South Africa"],
];

function shell(view: CheckoutView, step: Step, body: Html, script?: string): string {
  const title = STEPS.find((candidate) => candidate.id === step)?.title ?? "Checkout";
  return page({
    title: `${title} – Checkout`,
    body: html`<ol class="steps" aria-label="Checkout steps">${STEPS.map(
      (candidate, index) =>
        html`<li${raw(candidate.id === step ? ' aria-current="step"' : "")}>${index + 1}. ${candidate.title}</li>`,
    )}</ol>${body}`,
    // The summary shows the order in the page itself.
    ...(step === "summary" ? {} : { aside: orderSummary(view) }),
    ...(script ? { script } : {}),
  });
}

/** The order: plan, users (per tier for tiered plans), total and when it renews. */
export function orderSummary(view: CheckoutView): Html {
  const priced = priceQuantity(view.itemPrice, view.quantity);
  const period = view.itemPrice.period_unit === "year" ? "year" : "month";
  const details = priced.tiers?.map(
    (tier) =>
      `Users ${tier.starting_unit}–${tier.starting_unit + tier.quantity_used - 1}: ${tier.quantity_used} × ${money(tier.unit_amount)}`,
  ) ?? [`${view.quantity} users × ${money(priced.unitAmount)}`];
  return html`<h2>Your order</h2>
<table>
<thead><tr><th scope="col">Item</th><th scope="col" class="amount">Amount</th></tr></thead>
<tbody><tr><td>${view.itemPrice.external_name ?? view.itemPrice.name} (${period === "year" ? "annual" : "monthly"} billing)${details.map(
    (detail) => html`<br><span class="hint">${detail}</span>`,
  )}</td><td class="amount">${money(priced.amount)}</td></tr></tbody>
<tfoot><tr><td>Total</td><td class="amount">${money(priced.amount)}</td></tr></tfoot>
</table>
<p class="hint">Billed every ${period}; next renewal on ${isoDate(view.renewsAt)}.</p>`;
}

function actions(view: CheckoutView, back: Step | undefined, submit: Html): Html {
  return html`<div class="actions">${submit}${back ? html`<a href="${view.base}/${back}">Back</a>` : ""}${
    view.cancelHref ? html`<a href="${view.cancelHref}">Cancel</a>` : ""
  }</div>`;
}

export function accountPage(view: CheckoutView, values: AddressFields, errors: FieldErrors): string {
  return shell(
    view,
    "account",
    html`<h1 id="page-title">Add your account details</h1>
${alertBox(Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined)}
<form method="post" action="${view.base}/account" novalidate>
<div class="row"><div>${field({ name: "first_name", label: "First name", value: values.first_name ?? "", autocomplete: "given-name", ...err(errors, "first_name") })}</div>
<div>${field({ name: "last_name", label: "Last name", value: values.last_name ?? "", autocomplete: "family-name", ...err(errors, "last_name") })}</div></div>
${field({ name: "email", label: "Email", type: "email", value: values.email ?? "", autocomplete: "email", ...err(errors, "email") })}
${field({ name: "company", label: "Company", value: values.company ?? "", autocomplete: "organization", optional: true })}
${actions(view, undefined, html`<button type="submit">Next</button>`)}
</form>`,
  );
}

export function billingPage(view: CheckoutView, values: AddressFields, errors: FieldErrors): string {
  const countries =
    values.country && !COUNTRIES.some(([code]) => code === values.country)
      ? [...COUNTRIES, [values.country, values.country] as [string, string]]
      : COUNTRIES;
  const countryError = errors.country;
  return shell(
    view,
    "billing",
    html`<h1 id="page-title">Billing details</h1>
${alertBox(Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined)}
<form method="post" action="${view.base}/billing" novalidate>
${field({ name: "line1", label: "Address line 1", value: values.line1 ?? "", autocomplete: "address-line1", ...err(errors, "line1") })}
${field({ name: "line2", label: "Address line 2", value: values.line2 ?? "", autocomplete: "address-line2", optional: true })}
<div class="row"><div>${field({ name: "city", label: "City", value: values.city ?? "", autocomplete: "address-level2", ...err(errors, "city") })}</div>
<div>${field({ name: "zip", label: "ZIP / Postal code", value: values.zip ?? "", autocomplete: "postal-code", ...err(errors, "zip") })}</div></div>
${field({ name: "state", label: "State / Province", value: values.state ?? "", autocomplete: "address-level1", optional: true })}
<label for="f-country">Country</label>
<select id="f-country" name="country" autocomplete="country" required${raw(countryError ? ' aria-invalid="true" aria-describedby="f-country-error"' : "")}>
<option value="">Select a country</option>
${countries.map(([code, name]) => html`<option value="${code}"${raw(code === values.country ? " selected" : "")}>${name}</option>`)}
</select>
${countryError ? html`<p class="field-error" id="f-country-error">${countryError}</p>` : ""}
${actions(view, "account", html`<button type="submit">Next</button>`)}
</form>`,
  );
}

export function paymentPage(view: CheckoutView, errors: FieldErrors, alert?: string): string {
  return shell(
    view,
    "payment",
    html`<h1 id="page-title">Payment details</h1>
${alertBox(alert ?? (Object.keys(errors).length > 0 ? "Please correct the highlighted fields." : undefined))}
<form method="post" action="${view.base}/payment" novalidate autocomplete="off">
${field({ name: "card_number", label: "Card number", autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 1234 1234 1234", ...err(errors, "number") })}
<div class="row"><div>${field({ name: "expiry", label: "Expiry (MM/YY)", autocomplete: "cc-exp", placeholder: "MM/YY", ...err(errors, "expiry") })}</div>
<div>${field({ name: "cvc", label: "CVC", autocomplete: "cc-csc", inputmode: "numeric", ...err(errors, "cvc") })}</div></div>
<p class="hint">Test mode: 4111 1111 1111 1111 is accepted, 4000 0000 0000 0002 is declined. Any future expiry date and any 3-digit CVC.</p>
${actions(view, "billing", html`<button type="submit">Next</button>`)}
</form>`,
  );
}

const PAY_SCRIPT = `
const terms = document.getElementById("accept_terms");
const pay = document.getElementById("pay");
terms.addEventListener("change", () => { pay.disabled = !terms.checked; });
pay.disabled = !terms.checked;
`;

export function summaryPage(view: CheckoutView, alert?: string): string {
  const { account, billing, card } = view.draft;
  const address = [
    billing?.line1,
    billing?.line2,
    [billing?.zip, billing?.city].filter(Boolean).join(" "),
    billing?.state,
    billing?.country,
  ]
    .filter(Boolean)
    .join(", ");
  return shell(
    view,
    "summary",
    html`<h1 id="page-title">Summary</h1>
${alertBox(alert)}
${orderSummary(view)}
<h2>Your details</h2>
<dl>
<dt>Name</dt><dd>${account?.first_name ?? ""} ${account?.last_name ?? ""} <a href="${view.base}/account">Edit<span class="visually-hidden"> account details</span></a></dd>
<dt>Email</dt><dd>${account?.email ?? ""}</dd>
${account?.company ? html`<dt>Company</dt><dd>${account.company}</dd>` : ""}
<dt>Billing address</dt><dd>${address} <a href="${view.base}/billing">Edit<span class="visually-hidden"> billing details</span></a></dd>
<dt>Card</dt><dd>${card ? describeCard(card) : ""} <a href="${view.base}/payment">Edit<span class="visually-hidden"> payment details</span></a></dd>
</dl>
<form method="post" action="${view.base}/summary">
<label class="terms" for="accept_terms"><input type="checkbox" id="accept_terms" name="accept_terms" value="on">
<span>I agree to the Terms of Service and Privacy Policy</span></label>
${actions(view, "payment", html`<button type="submit" id="pay" disabled>Pay &amp; subscribe</button>`)}
</form>`,
    PAY_SCRIPT,
  );
}

export function successPage(planName: string, invoice: { id: string; amountPaid: number } | undefined): string {
  return page({
    title: "Thank you – Checkout",
    body: html`<h1 id="page-title">Thank you for your purchase!</h1>
<p role="status">Your ${planName} subscription is active.${invoice ? ` Invoice ${invoice.id}: ${money(invoice.amountPaid)} paid.` : ""}</p>
<p>You can close this window.</p>`,
  });
}

export function messagePage(title: string, message: string): string {
  return page({ title, body: html`<h1 id="page-title">${title}</h1><p>${message}</p>` });
}

function err(errors: FieldErrors, name: string): { error?: string } {
  const message = errors[name];
  return message ? { error: message } : {};
}
