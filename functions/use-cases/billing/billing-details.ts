import type { BillingAddressRequest, ContactRequest } from "../../contracts/billing";
import { NotFoundError } from "../../domain/errors";
import type { CustomerDetails, DocumentKind } from "../../ports/billing";
import type { BillingContext } from "./billing-context";
import { idempotencyKey } from "./idempotency";

/**
 * The Billing and Invoices tabs. The org's Chargebee customer exists once something was
 * bought; its id is the org id (the snapshot names it, for subscriptions bought before).
 */
function customerId(ctx: BillingContext): string | null {
  return ctx.org.value.subscription?.chargebeeCustomerId ?? null;
}

function requireCustomer(ctx: BillingContext): string {
  const id = customerId(ctx);
  if (!id)
    throw new NotFoundError("There are no billing details yet: they are created with the first purchase (Buy Now).");
  return id;
}

export async function billingDetails(ctx: BillingContext): Promise<CustomerDetails | null> {
  const id = customerId(ctx);
  return id ? ctx.billing().getCustomer(id) : null;
}

export function updateBillingAddress(ctx: BillingContext, request: BillingAddressRequest): Promise<CustomerDetails> {
  const { requestId, ...address } = request;
  return ctx
    .billing()
    .updateBillingAddress(
      requireCustomer(ctx),
      address,
      idempotencyKey(ctx.caller.orgId, "billing-address", requestId),
    );
}

export function updateContact(ctx: BillingContext, request: ContactRequest): Promise<CustomerDetails> {
  const { requestId, ...contact } = request;
  return ctx
    .billing()
    .updateContact(requireCustomer(ctx), contact, idempotencyKey(ctx.caller.orgId, "contact", requestId));
}

/** Adjust Payment Details: Chargebee's hosted page, opened in a new window. */
export async function paymentDetailsPage(ctx: BillingContext, requestId: string): Promise<{ url: string }> {
  const page = await ctx
    .billing()
    .paymentDetailsPage(requireCustomer(ctx), idempotencyKey(ctx.caller.orgId, "payment-page", requestId));
  return { url: page.url };
}

export async function listDocuments(ctx: BillingContext) {
  const id = customerId(ctx);
  return id ? ctx.billing().listDocuments(id) : [];
}

export function documentPdf(
  ctx: BillingContext,
  kind: DocumentKind,
  documentId: string,
  disposition: "attachment" | "inline",
) {
  return ctx.billing().documentPdf(requireCustomer(ctx), { kind, id: documentId }, disposition);
}
