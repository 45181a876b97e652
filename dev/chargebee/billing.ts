import type { CreditNote, Customer, Invoice, Subscription, Transaction } from "chargebee";
import type { Env } from "./env";
import type { Declared } from "./model";
import { toLineItems } from "./line-items";
import { sumAmounts, type ChargeLine } from "./pricing";
import type { Store } from "./store";

export interface InvoiceOutcome {
  invoice: Invoice;
  transaction?: Transaction;
}

type ReasonCode = "subscription_change" | "subscription_cancellation";

/**
 * Raises an invoice now. The customer's refundable credits (open credit notes,
 * oldest first) are applied before the card is charged, which is how an
 * upgrade ends up billing only the difference and how a downgrade's credit
 * pays for the next invoice.
 */
export function createInvoice(
  env: Env,
  options: {
    customer: Customer;
    subscription: Subscription;
    lines: readonly ChargeLine[];
    recurring: boolean;
    date?: number;
  },
): InvoiceOutcome {
  const { store } = env;
  const { customer, subscription, lines } = options;
  const date = options.date ?? env.now();
  const id = store.nextInvoiceId();
  const total = sumAmounts(lines);
  const firstInvoice = ![...store.invoices.values()].some((invoice) => invoice.subscription_id === subscription.id);
  const applied = applyCredits(store, customer, id, total, date);
  const creditsApplied = applied.reduce((sum, credit) => sum + credit.applied_amount, 0);
  const toCollect = total - creditsApplied;
  const card = store.cards.get(customer.id);
  const paid = toCollect === 0 || card !== undefined;

  const invoice: Declared<Invoice, "invoice"> = {
    id,
    customer_id: customer.id,
    subscription_id: subscription.id,
    recurring: options.recurring,
    status: paid ? "paid" : "payment_due",
    price_type: "tax_exclusive",
    date,
    due_date: date,
    net_term_days: 0,
    exchange_rate: 1,
    currency_code: subscription.currency_code,
    tax: 0,
    sub_total: total,
    total,
    amount_paid: paid ? toCollect : 0,
    amount_adjusted: 0,
    write_off_amount: 0,
    credits_applied: creditsApplied,
    amount_due: paid ? 0 : toCollect,
    ...(paid ? { paid_at: date } : { dunning_status: "in_progress" as const }),
    first_invoice: firstInvoice,
    has_advance_charges: false,
    term_finalized: true,
    is_gifted: false,
    generated_at: date,
    channel: "web",
    ...toLineItems(store, lines, { subscriptionId: subscription.id, customerId: customer.id }),
    applied_credits: applied,
    linked_payments: [],
    issued_credit_notes: [],
    ...(customer.billing_address ? { billing_address: { ...customer.billing_address } } : {}),
    deleted: false,
    object: "invoice",
  };
  store.touch(invoice, date);
  store.invoices.set(id, invoice);

  let transaction: Transaction | undefined;
  if (paid && toCollect > 0 && card) {
    const payment: Transaction & { object: "transaction" } = {
      id: store.randomId("txn_"),
      customer_id: customer.id,
      subscription_id: subscription.id,
      payment_source_id: card.payment_source_id,
      payment_method: "card",
      gateway: "chargebee",
      gateway_account_id: "gw_local_standin",
      type: "payment",
      date,
      settled_at: date,
      currency_code: invoice.currency_code,
      amount: toCollect,
      status: "success",
      masked_card_number: `************${card.last4}`,
      linked_invoices: [
        {
          invoice_id: id,
          applied_amount: toCollect,
          applied_at: date,
          invoice_date: date,
          invoice_total: total,
          invoice_status: "paid",
        },
      ],
      deleted: false,
      object: "transaction",
    };
    transaction = payment;
    store.touch(transaction, date);
    store.transactions.set(transaction.id, transaction);
    invoice.linked_payments = [
      {
        txn_id: transaction.id,
        applied_amount: toCollect,
        applied_at: date,
        txn_status: "success",
        txn_date: date,
        txn_amount: toCollect,
      },
    ];
  }
  return transaction ? { invoice, transaction } : { invoice };
}

/**
 * Issues a credit for unused time. The charges were paid, so Chargebee makes it
 * a refundable credit note: it stays "refund_due" and counts towards the
 * customer's `refundable_credits` until later invoices consume it.
 */
export function createCreditNote(
  env: Env,
  options: { customer: Customer; subscription: Subscription; lines: readonly ChargeLine[]; reasonCode: ReasonCode },
): CreditNote | undefined {
  const { store } = env;
  const { customer, subscription, lines } = options;
  const total = sumAmounts(lines);
  if (total <= 0) return undefined;
  const date = env.now();
  const reference = latestInvoice(store, subscription.id);
  const creditNote: Declared<CreditNote, "credit_note"> = {
    id: store.nextCreditNoteId(),
    customer_id: customer.id,
    subscription_id: subscription.id,
    ...(reference ? { reference_invoice_id: reference.id } : {}),
    type: "refundable",
    reason_code: options.reasonCode,
    create_reason_code:
      options.reasonCode === "subscription_change" ? "Subscription Change" : "Subscription Cancellation",
    status: "refund_due",
    date,
    price_type: "tax_exclusive",
    currency_code: subscription.currency_code,
    total,
    amount_allocated: 0,
    amount_refunded: 0,
    amount_available: total,
    generated_at: date,
    channel: "web",
    sub_total: total,
    round_off_amount: 0,
    fractional_correction: 0,
    ...toLineItems(store, lines, { subscriptionId: subscription.id, customerId: customer.id }),
    allocations: [],
    linked_refunds: [],
    ...(customer.billing_address ? { billing_address: { ...customer.billing_address } } : {}),
    deleted: false,
    object: "credit_note",
  };
  store.touch(creditNote, date);
  store.creditNotes.set(creditNote.id, creditNote);
  if (reference) {
    reference.issued_credit_notes = [
      ...(reference.issued_credit_notes ?? []),
      {
        cn_id: creditNote.id,
        cn_reason_code: options.reasonCode,
        cn_date: date,
        cn_total: total,
        cn_status: "refund_due",
      },
    ];
    store.touch(reference, date);
  }
  customer.refundable_credits += total;
  store.touch(customer, date);
  return creditNote;
}

/** Credit the customer could spend right now (sum of open refundable credit notes). */
export function availableCredits(store: Store, customerId: string): number {
  return openCreditNotes(store, customerId).reduce((sum, note) => sum + (note.amount_available ?? 0), 0);
}

export function latestInvoice(store: Store, subscriptionId: string): Invoice | undefined {
  return [...store.invoices.values()].filter((invoice) => invoice.subscription_id === subscriptionId).at(-1);
}

function openCreditNotes(store: Store, customerId: string): CreditNote[] {
  return [...store.creditNotes.values()].filter(
    (note) => note.customer_id === customerId && note.type === "refundable" && (note.amount_available ?? 0) > 0,
  );
}

function applyCredits(
  store: Store,
  customer: Customer,
  invoiceId: string,
  total: number,
  date: number,
): Invoice.AppliedCredit[] {
  const applied: Invoice.AppliedCredit[] = [];
  let remaining = total;
  for (const note of openCreditNotes(store, customer.id)) {
    if (remaining <= 0) break;
    const amount = Math.min(remaining, note.amount_available ?? 0);
    remaining -= amount;
    note.amount_allocated = (note.amount_allocated ?? 0) + amount;
    note.amount_available = (note.amount_available ?? 0) - amount;
    note.status = note.amount_available === 0 ? "refunded" : "refund_due";
    note.allocations = [
      ...(note.allocations ?? []),
      {
        invoice_id: invoiceId,
        allocated_amount: amount,
        allocated_at: date,
        invoice_date: date,
        invoice_status: "paid",
      },
    ];
    store.touch(note, date);
    customer.refundable_credits -= amount;
    applied.push({
      cn_id: note.id,
      applied_amount: amount,
      applied_at: date,
      ...(note.reason_code ? { cn_reason_code: note.reason_code } : {}),
      ...(note.date === undefined ? {} : { cn_date: note.date }),
      cn_status: note.status,
    });
  }
  if (applied.length > 0) store.touch(customer, date);
  return applied;
}
