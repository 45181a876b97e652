import type { SubscriptionSnapshot } from "../domain/org";
import type { Catalog, PlanPrice } from "../domain/pricing";

/**
 * What the product needs from a billing provider, in its own words (no Chargebee types).
 * Every write takes an idempotency key: a retried request must never charge twice.
 * Card data never passes through here: checkout and payment details are hosted pages.
 * Failures are domain errors with a message the buyer can act on.
 */
export interface BillingProvider {
  /** Plan prices from the provider's catalog. */
  listPrices(): Promise<Catalog>;

  /** Opens a hosted checkout for a new subscription; the buyer completes it in a new window. */
  startCheckout(order: CheckoutOrder, idempotencyKey: string): Promise<HostedPageLink>;
  /** Where a hosted checkout stands; "succeeded" carries the subscription it created. */
  checkoutStatus(hostedPageId: string): Promise<CheckoutStatus>;

  retrieveSubscription(subscriptionId: string): Promise<SubscriptionFacts>;
  /** What a change would bill now / credit, without changing anything. */
  estimateChange(subscriptionId: string, change: OrderLine): Promise<ChangeEstimate>;
  /** Plan, billing period or seats, prorated: an upgrade is invoiced immediately, a downgrade credited. */
  changeSubscription(subscriptionId: string, change: OrderLine, idempotencyKey: string): Promise<SubscriptionFacts>;
  cancelSubscription(subscriptionId: string, when: CancelTiming, idempotencyKey: string): Promise<SubscriptionFacts>;
  /** A subscription that needs no payment (Free) for an existing or new customer. */
  createFreeSubscription(
    customer: CustomerIdentity,
    change: OrderLine,
    idempotencyKey: string,
  ): Promise<SubscriptionFacts>;

  /** Null when the provider has no such customer yet (nothing bought). */
  getCustomer(customerId: string): Promise<CustomerDetails | null>;
  updateBillingAddress(customerId: string, address: BillingAddress, idempotencyKey: string): Promise<CustomerDetails>;
  updateContact(customerId: string, contact: ContactInfo, idempotencyKey: string): Promise<CustomerDetails>;
  /** Hosted page where the buyer adds or replaces the card. */
  paymentDetailsPage(customerId: string, idempotencyKey: string): Promise<HostedPageLink>;

  /** Invoices and credit notes of the customer, newest first. */
  listDocuments(customerId: string): Promise<BillingDocument[]>;
  /** A short-lived download URL of the document's PDF; NotFoundError when it is not this customer's. */
  documentPdf(customerId: string, document: DocumentRef, disposition: "attachment" | "inline"): Promise<DownloadLink>;
}

/** A plan price from the provider's own catalog (so its id is the provider's) and the seats. */
export interface OrderLine {
  price: PlanPrice;
  seats: number;
}

/** The org is the customer: its id is the provider's customer id, so webhooks find the org. */
export interface CustomerIdentity {
  id: string;
  company: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface CheckoutOrder extends OrderLine {
  customer: CustomerIdentity;
  /** True when the provider already knows this customer (bought before). */
  existingCustomer: boolean;
}

export interface HostedPageLink {
  id: string;
  url: string;
  expiresAt: string | null;
}

export type CheckoutStatus =
  | { state: "open" }
  | { state: "succeeded"; subscription: SubscriptionFacts }
  /** A declined card is shown and retried on the hosted page itself; these end the checkout. */
  | { state: "cancelled" | "expired" };

/** A subscription as the provider confirmed it: what the org snapshot is made of. */
export type SubscriptionFacts = Omit<SubscriptionSnapshot, "updatedAt">;

export type CancelTiming = "immediately" | "end_of_term";

export interface ChangeEstimate {
  currency: string;
  /** Cents charged right away (the prorated difference of an upgrade); 0 when nothing is due. */
  billedImmediately: number;
  /** Cents left as credit for later invoices (a downgrade's unused time). */
  credit: number;
  /** Lines of the immediate invoice or the credit note, for the order page. */
  lines: { description: string; amount: number }[];
  nextBillingAt: string | null;
  /** Cents of the next renewal with the change applied. */
  nextBillingAmount: number | null;
}

export interface BillingAddress {
  firstName: string;
  lastName: string;
  email?: string;
  company?: string;
  phone?: string;
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  zip: string;
  country: string;
}

export interface ContactInfo {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  company?: string;
}

export interface PaymentMethodSummary {
  brand: string;
  last4: string;
  expiryMonth: number | null;
  expiryYear: number | null;
}

export interface CustomerDetails {
  id: string;
  contact: ContactInfo;
  billingAddress: BillingAddress | null;
  paymentMethod: PaymentMethodSummary | null;
}

export type DocumentKind = "invoice" | "credit_note";

export interface DocumentRef {
  kind: DocumentKind;
  id: string;
}

export interface BillingDocument extends DocumentRef {
  date: string;
  currency: string;
  /** Cents. */
  total: number;
  status: string;
}

export interface DownloadLink {
  url: string;
  validTill: string | null;
}

/** A provider's webhook event, parsed. */
export interface BillingEvent {
  id: string;
  type: string;
  occurredAt: string;
  /** The subscription the event carries, when it carries one of ours; null otherwise. */
  subscription: SubscriptionFacts | null;
}

export interface BillingWebhooks {
  /** Rejects with UnauthorizedError unless the request carries the configured credentials. */
  authenticate(headers: Record<string, string>): Promise<void>;
  /** Parses a webhook body; ValidationError when it is not an event. */
  parseEvent(body: unknown): BillingEvent;
}
