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

export interface StoreSnapshot {
  format: 1;
  sequences: { invoice: number; creditNote: number; version: number };
  customers: [string, Customer][];
  cards: [string, Card][];
  subscriptions: [string, Subscription][];
  subscriptionInternals: [string, SubscriptionInternals][];
  invoices: [string, Invoice][];
  creditNotes: [string, CreditNote][];
  transactions: [string, Transaction][];
  hostedPages: [string, HostedPageRecord][];
  downloads: [string, DownloadGrant][];
  events: WebhookEvent[];
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

  /** Changes whenever any record is touched: lets persistence skip writes when nothing happened. */
  get changeMarker(): number {
    return this.lastVersion;
  }

  /** Everything needed to continue after a restart (the catalog is seeded from code instead). */
  snapshot(): StoreSnapshot {
    const entries = <T>(map: Map<string, T>): [string, T][] => [...map.entries()];
    return {
      format: 1,
      sequences: { invoice: this.invoiceSequence, creditNote: this.creditNoteSequence, version: this.lastVersion },
      customers: entries(this.customers),
      cards: entries(this.cards),
      subscriptions: entries(this.subscriptions),
      subscriptionInternals: entries(this.subscriptionInternals),
      invoices: entries(this.invoices),
      creditNotes: entries(this.creditNotes),
      transactions: entries(this.transactions),
      hostedPages: entries(this.hostedPages),
      downloads: entries(this.downloads),
      events: this.events,
    };
  }

  restore(snapshot: StoreSnapshot): void {
    const fill = <T>(map: Map<string, T>, entries: [string, T][]): void => {
      map.clear();
      for (const [key, value] of entries) map.set(key, value);
    };
    fill(this.customers, snapshot.customers);
    fill(this.cards, snapshot.cards);
    fill(this.subscriptions, snapshot.subscriptions);
    fill(this.subscriptionInternals, snapshot.subscriptionInternals);
    fill(this.invoices, snapshot.invoices);
    fill(this.creditNotes, snapshot.creditNotes);
    fill(this.transactions, snapshot.transactions);
    fill(this.hostedPages, snapshot.hostedPages);
    fill(this.downloads, snapshot.downloads);
    this.events.splice(0, this.events.length, ...snapshot.events);
    this.invoiceSequence = snapshot.sequences.invoice;
    this.creditNoteSequence = snapshot.sequences.creditNote;
    this.lastVersion = Math.max(this.lastVersion, snapshot.sequences.version);
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
