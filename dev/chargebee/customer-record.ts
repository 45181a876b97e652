import type { Card, Customer, PaymentSource } from "chargebee";
import { paramWrongValue } from "./errors";
import type { FormReader } from "./form-reader";
import type { AddressFields, CardDetails, Declared } from "./model";
import type { Store } from "./store";

const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "company",
  "phone",
  "line1",
  "line2",
  "city",
  "state",
  "zip",
  "country",
] as const;
const PROFILE_FIELDS = ["first_name", "last_name", "email", "company", "phone", "locale"] as const;

type ProfileFields = Partial<Record<(typeof PROFILE_FIELDS)[number], string>>;

/** Reads `billing_address[...]`; an empty value clears the field. */
export function readAddress(reader: FormReader): AddressFields {
  const address: AddressFields = {};
  for (const field of ADDRESS_FIELDS) {
    const value = reader.string(field);
    if (value !== undefined) address[field] = value.trim();
  }
  if (address.country && !/^[A-Z]{2}$/.test(address.country)) {
    throw paramWrongValue(reader.param("country"), "must be an ISO 3166 alpha-2 country code, e.g. US");
  }
  if (address.email) checkEmail(address.email, reader.param("email"));
  return address;
}

/** Reads the customer's own fields (`first_name`, `email`, ...) from the top level or `customer[...]`. */
export function readProfile(reader: FormReader): ProfileFields {
  const profile: ProfileFields = {};
  for (const field of PROFILE_FIELDS) {
    const value = reader.string(field);
    if (value !== undefined) profile[field] = value.trim();
  }
  if (profile.email) checkEmail(profile.email, reader.param("email"));
  return profile;
}

export function checkEmail(email: string, param: string): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw paramWrongValue(param, "invalid email format");
}

export function newCustomer(id: string, profile: ProfileFields, now: number): Customer {
  const customer: Declared<Customer, "customer"> = {
    id,
    auto_collection: "on",
    net_term_days: 0,
    allow_direct_debit: false,
    created_at: now,
    taxability: "taxable",
    pii_cleared: "active",
    channel: "web",
    card_status: "no_card",
    preferred_currency_code: "USD",
    promotional_credits: 0,
    refundable_credits: 0,
    excess_payments: 0,
    unbilled_charges: 0,
    deleted: false,
    object: "customer",
  };
  applyProfile(customer, profile);
  return customer;
}

/** Sets or clears (empty string) profile fields. */
export function applyProfile(customer: Customer, profile: ProfileFields): void {
  for (const [field, value] of Object.entries(profile)) {
    if (value === "") delete customer[field];
    else customer[field] = value;
  }
}

/** Merges address fields into the customer's billing address; empty values remove a field. */
export function mergeBillingAddress(customer: Customer, fields: AddressFields): void {
  const address: Record<string, string> = {};
  for (const [field, value] of Object.entries(customer.billing_address ?? {})) {
    if (typeof value === "string" && field !== "validation_status") address[field] = value;
  }
  for (const [field, value] of Object.entries(fields)) {
    if (value === "") delete address[field];
    else address[field] = value;
  }
  customer.billing_address = { ...address, validation_status: "not_validated" };
}

/** Stores a card as the customer's primary payment source (a real gateway would hold the number). */
export function attachCard(store: Store, customer: Customer, details: CardDetails, now: number): Card {
  const card: Card & { object: "card" } = {
    payment_source_id: store.randomId("pm_"),
    status: "valid",
    gateway: "chargebee",
    gateway_account_id: "gw_local_standin",
    ...(typeof customer.first_name === "string" ? { first_name: customer.first_name } : {}),
    ...(typeof customer.last_name === "string" ? { last_name: customer.last_name } : {}),
    iin: details.iin,
    last4: details.last4,
    card_type: details.brand,
    funding_type: "credit",
    expiry_month: details.expiryMonth,
    expiry_year: details.expiryYear,
    masked_number: `************${details.last4}`,
    customer_id: customer.id,
    created_at: now,
    object: "card",
  };
  store.touch(card, now);
  store.cards.set(customer.id, card);
  customer.card_status = "valid";
  customer.primary_payment_source_id = card.payment_source_id;
  customer.payment_method = {
    type: "card",
    reference_id: card.payment_source_id,
    gateway: "chargebee",
    gateway_account_id: "gw_local_standin",
    status: "valid",
  };
  store.touch(customer, now);
  return card;
}

/** Chargebee's payment_source resource for a stored card (content of `payment_source_added`). */
export function paymentSourceOf(
  card: Card,
  customerId: string,
): PaymentSource & { object: "payment_source"; card: PaymentSource.Card & { object: "card" } } {
  return {
    id: card.payment_source_id,
    customer_id: customerId,
    type: "card",
    reference_id: card.payment_source_id,
    status: "valid",
    gateway: card.gateway,
    gateway_account_id: card.gateway_account_id,
    created_at: card.created_at,
    updated_at: card.updated_at,
    resource_version: card.resource_version,
    card: {
      first_name: card.first_name,
      last_name: card.last_name,
      iin: card.iin,
      last4: card.last4,
      brand: card.card_type ?? "other", // attachCard always records the brand
      funding_type: card.funding_type,
      expiry_month: card.expiry_month,
      expiry_year: card.expiry_year,
      masked_number: card.masked_number,
      object: "card",
    },
    deleted: false,
    object: "payment_source",
  };
}

export const customerContent = (store: Store, customer: Customer): { customer: Customer; card?: Card } => {
  const card = store.cards.get(customer.id);
  return card ? { customer, card } : { customer };
};
