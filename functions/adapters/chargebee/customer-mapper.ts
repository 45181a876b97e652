import type { Card, Customer } from "chargebee";
import type { BillingAddress, ContactInfo, CustomerDetails, PaymentMethodSummary } from "../../ports/billing";

/** Chargebee customer (+ its primary card, masked) → what the Billing tab shows. */
export function toCustomerDetails(customer: Customer, card: Card | undefined): CustomerDetails {
  return {
    id: customer.id,
    contact: toContact(customer),
    billingAddress: toBillingAddress(customer.billing_address),
    paymentMethod: card ? toPaymentMethod(card) : null,
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function toContact(customer: Customer): ContactInfo {
  return {
    firstName: customer.first_name ?? "",
    lastName: customer.last_name ?? "",
    email: customer.email ?? "",
    ...optional("phone", customer.phone),
    ...optional("company", customer.company),
  };
}

function toBillingAddress(address: Customer.BillingAddress | undefined): BillingAddress | null {
  if (!address || !address.line1) return null;
  return {
    firstName: address.first_name ?? "",
    lastName: address.last_name ?? "",
    line1: address.line1,
    city: address.city ?? "",
    zip: address.zip ?? "",
    country: address.country ?? "",
    ...optional("email", address.email),
    ...optional("company", address.company),
    ...optional("phone", address.phone),
    ...optional("line2", address.line2),
    ...optional("state", address.state),
  };
}

function toPaymentMethod(card: Card): PaymentMethodSummary {
  return {
    brand: card.card_type ?? "card",
    last4: card.last4,
    expiryMonth: card.expiry_month ?? null,
    expiryYear: card.expiry_year ?? null,
  };
}

/** Outbound: a field the buyer cleared is sent empty so Chargebee clears it too. */
function given<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Our address → Chargebee's `billing_address[...]` parameters. */
export function toChargebeeAddress(address: BillingAddress): Record<string, string> {
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    line1: address.line1,
    city: address.city,
    zip: address.zip,
    country: address.country,
    ...given("email", address.email),
    ...given("company", address.company),
    ...given("phone", address.phone),
    ...given("line2", address.line2),
    ...given("state", address.state),
  };
}

export function toChargebeeContact(contact: ContactInfo): Record<string, string> {
  return {
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
    ...given("phone", contact.phone),
    ...given("company", contact.company),
  };
}
