import type { CreditNote, Customer, Subscription } from "chargebee";
import type { InvoiceOutcome } from "../billing";
import type { Env } from "../env";

/** Events that follow a new invoice: `invoice_generated`, then `payment_succeeded` when the card was charged. */
export function announceInvoice(
  env: Env,
  outcome: InvoiceOutcome,
  subscription: Subscription,
  customer: Customer,
): void {
  env.emit("invoice_generated", { invoice: outcome.invoice }, outcome.invoice.date);
  if (outcome.transaction) {
    env.emit(
      "payment_succeeded",
      { transaction: outcome.transaction, invoice: outcome.invoice, customer, subscription },
      outcome.invoice.date,
    );
  }
}

export function announceCreditNote(env: Env, creditNote: CreditNote | undefined): void {
  if (creditNote) env.emit("credit_note_created", { credit_note: creditNote });
}
