import type { Card, Customer, HostedPage, Invoice, Subscription } from "chargebee";
import type { ChargeLine } from "./pricing";

/**
 * A `chargebee` package resource as the stand-in builds it. The package's top-level
 * resources (Subscription, Customer, Invoice, CreditNote, Item, ItemPrice, ...) carry an
 * index signature for `cf_*` custom fields, which would let any misspelt or invented field
 * through; without it `tsc` rejects a field the type does not declare. Plus `object`, which
 * Chargebee's answers carry on every resource but the types do not declare.
 */
export type Declared<T, Name extends string> = { [K in keyof T as string extends K ? never : K]: T[K] } & {
  object: Name;
};

/** A webhook event as Chargebee posts it (and as `GET /events` would list it). */
export interface WebhookEvent {
  id: string;
  occurred_at: number;
  source: EventSource;
  object: "event";
  api_version: "v2";
  event_type: string;
  webhook_status: "scheduled" | "succeeded" | "re_scheduled" | "failed" | "not_configured";
  content: Record<string, unknown>;
}

export type EventSource = "api" | "hosted_page" | "scheduled_job";

/** State the real Chargebee keeps but does not return on the subscription object. */
export interface SubscriptionInternals {
  /** Start of the first term since the last term reset; terms are counted from it so month ends don't drift. */
  anchor: number;
  termsSinceAnchor: number;
  /** Charges deferred with `invoice_immediately: false`, billed with the next renewal. */
  unbilled: ChargeLine[];
}

export type HostedPageResource = Omit<HostedPage, "content"> & {
  object: "hosted_page";
  content?: { subscription?: Subscription; customer?: Customer; invoice?: Invoice; card?: Card };
};

export type AddressFields = Partial<
  Record<
    | "first_name"
    | "last_name"
    | "email"
    | "company"
    | "phone"
    | "line1"
    | "line2"
    | "city"
    | "state"
    | "zip"
    | "country",
    string
  >
>;

export interface CheckoutRequest {
  kind: "checkout_new";
  itemPriceId: string;
  quantity: number;
  customerId?: string;
  subscriptionId?: string;
  prefill: { customer: AddressFields; billingAddress: AddressFields };
  redirectUrl?: string;
  cancelUrl?: string;
}

export interface PaymentSourcesRequest {
  kind: "manage_payment_sources";
  customerId: string;
  redirectUrl?: string;
}

/** Card details accepted on a hosted page. Only what Chargebee would keep (never the full number or CVC). */
export interface CardDetails {
  iin: string;
  last4: string;
  brand: NonNullable<Card["card_type"]>;
  expiryMonth: number;
  expiryYear: number;
}

export interface CheckoutDraft {
  account?: { first_name: string; last_name: string; email: string; company?: string };
  billing?: AddressFields;
  card?: CardDetails;
}

export interface HostedPageRecord {
  page: HostedPageResource;
  request: CheckoutRequest | PaymentSourcesRequest;
  draft: CheckoutDraft;
}
