import type { Estimate } from "chargebee";
import type { ChangeEstimate } from "../../ports/billing";

/**
 * Chargebee's estimate of a subscription change → what the order page shows. Prorated
 * changes produce a credit note for the unused part of the old term and an invoice for the
 * rest of the new one; the credit pays the invoice first, so:
 * - an upgrade bills the difference now (the invoice's amount due);
 * - a downgrade bills nothing and leaves the surplus as credit for the next invoices.
 */
export function toChangeEstimate(estimate: Estimate): ChangeEstimate {
  const invoice = estimate.invoice_estimate;
  const creditNotes = estimate.credit_note_estimates ?? [];
  const credited = creditNotes.reduce((sum, note) => sum + note.total, 0);
  const invoiced = invoice?.total ?? 0;
  const currency =
    invoice?.currency_code ?? creditNotes[0]?.currency_code ?? estimate.subscription_estimate?.currency_code ?? "USD";
  const lines = [
    ...(invoice?.line_items ?? []).map((line) => ({ description: line.description, amount: line.amount ?? 0 })),
    ...creditNotes.flatMap((note) =>
      (note.line_items ?? []).map((line) => ({ description: line.description, amount: -(line.amount ?? 0) })),
    ),
  ];
  const nextBillingAt = estimate.subscription_estimate?.next_billing_at;
  return {
    currency,
    billedImmediately: invoice?.amount_due ?? 0,
    credit: Math.max(0, credited - invoiced),
    lines,
    nextBillingAt: nextBillingAt === undefined ? null : new Date(nextBillingAt * 1000).toISOString(),
    nextBillingAmount: estimate.next_invoice_estimate?.total ?? null,
  };
}
