import { randomBytes } from "node:crypto";
import type { Card, CreditNote, Customer, Invoice, Item, ItemPrice, Subscription, Transaction } from "chargebee";
import { catalogItemPrices, catalogItems } from "./catalog";
import { resourceNotFound } from "./errors";
import type { HostedPageRecord, SubscriptionInternals, WebhookEvent } from "./model";

export interface DownloadGrant {
  kind: "invoices" | "credit_notes";
  id: string;
  validTill: number;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Everything the stand-in knows. Records are stored in Chargebee's wire shape. */
export class Store {
  readonly items = new Map<string, Item>();
  readonly itemPrices = new Map<string, ItemPrice>();
  readonly customers = new Map<string, Customer>();
  /** The customer's primary card, keyed by customer id. */
  readonly cards = new Map<string, Card>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly subscriptionInternals = new Map<string, SubscriptionInternals>();
  readonly invoices = new Map<string, Invoice>();
  readonly creditNotes = new Map<string, CreditNote>();
  readonly transactions = new Map<string, Transaction>();
  readonly hostedPages = new Map<string, HostedPageRecord>();
  readonly events: WebhookEvent[] = [];
  /** Signed PDF links handed out by `invoices/{id}/pdf` and `credit_notes/{id}/pdf`, by token. */
  readonly downloads = new Map<string, DownloadGrant>();

  private invoiceSequence = 0;
  private creditNoteSequence = 0;
  private lastVersion = 0;
  private readonly clockMs: () => number;

  constructor(clockMs: () => number) {
    this.clockMs = clockMs;
    const now = Math.floor(clockMs() / 1000);
    for (const item of catalogItems(now, this.version())) this.items.set(item.id, item);
    for (const price of catalogItemPrices(now, this.version())) this.itemPrices.set(price.id, price);
  }

  /** Chargebee-looking random id (`16CHT7SJ3Xk2Lb`), optionally prefixed (`ev_…`). */
  randomId(prefix = "", length = 16): string {
    const bytes = randomBytes(length);
    let id = "";
    for (const byte of bytes) id += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    return prefix + id;
  }

  nextInvoiceId(): string {
    this.invoiceSequence += 1;
    return String(this.invoiceSequence);
  }

  nextCreditNoteId(): string {
    this.creditNoteSequence += 1;
    return `CN-${this.creditNoteSequence}`;
  }

  /**
   * Chargebee's `resource_version` is a millisecond timestamp that only grows.
   * A test clock may stand still or move back, so the counter never repeats.
   */
  version(): number {
    this.lastVersion = Math.max(this.clockMs(), this.lastVersion + 1);
    return this.lastVersion;
  }

  touch(resource: { resource_version?: number; updated_at?: number }, now: number): void {
    resource.resource_version = this.version();
    resource.updated_at = now;
  }

  customer(id: string, param?: string): Customer {
    const found = this.customers.get(id);
    if (!found) throw resourceNotFound("Customer", id, param);
    return found;
  }

  subscription(id: string, param?: string): Subscription {
    const found = this.subscriptions.get(id);
    if (!found) throw resourceNotFound("Subscription", id, param);
    return found;
  }

  itemPrice(id: string, param?: string): ItemPrice {
    const found = this.itemPrices.get(id);
    if (!found) throw resourceNotFound("Item price", id, param);
    return found;
  }

  internals(subscriptionId: string): SubscriptionInternals {
    const found = this.subscriptionInternals.get(subscriptionId);
    if (!found) throw new Error(`internal state missing for subscription ${subscriptionId}`);
    return found;
  }

  /** JSON-friendly dump for `GET /_dev/state`. */
  dump(): Record<string, unknown> {
    const values = <T>(map: Map<string, T>): T[] => [...map.values()];
    return {
      customers: values(this.customers),
      cards: values(this.cards),
      subscriptions: values(this.subscriptions),
      invoices: values(this.invoices),
      credit_notes: values(this.creditNotes),
      transactions: values(this.transactions),
      hosted_pages: values(this.hostedPages).map((record) => record.page),
      item_prices: values(this.itemPrices),
      events: this.events,
    };
  }
}
