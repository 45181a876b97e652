import { z } from "zod";
import type {
  BillingDetailsResponse,
  DocumentsResponse,
  HostedPageResponse,
  PdfLinkResponse,
} from "../../contracts/billing";
import {
  billingAddressSchema,
  contactSchema,
  documentKindSchema,
  paymentPageSchema,
  pdfQuerySchema,
} from "../../contracts/billing";
import { defineRoute, json } from "../../http/route";
import { parseWith, queryObject, readJson } from "../../http/json-body";
import { billingContext } from "../../use-cases/billing/billing-context";
import {
  billingDetails,
  documentPdf,
  listDocuments,
  paymentDetailsPage,
  updateBillingAddress,
  updateContact,
} from "../../use-cases/billing/billing-details";

/** The Billing tab (address, payment details, contact) and the Invoices tab. */
defineRoute("subscription-billing", {
  methods: ["GET"],
  route: "subscription/billing",
  auth: "user",
  handler: async ({ services, caller }) => {
    const body: BillingDetailsResponse = {
      customer: await billingDetails(await billingContext(services.billing, caller)),
    };
    return json(body);
  },
});

defineRoute("subscription-billing-address", {
  methods: ["POST"],
  route: "subscription/billing/address",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const address = await readJson(request, billingAddressSchema);
    const body: BillingDetailsResponse = {
      customer: await updateBillingAddress(await billingContext(services.billing, caller), address),
    };
    return json(body);
  },
});

defineRoute("subscription-billing-contact", {
  methods: ["POST"],
  route: "subscription/billing/contact",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const contact = await readJson(request, contactSchema);
    const body: BillingDetailsResponse = {
      customer: await updateContact(await billingContext(services.billing, caller), contact),
    };
    return json(body);
  },
});

defineRoute("subscription-billing-payment-page", {
  methods: ["POST"],
  route: "subscription/billing/payment-page",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { requestId } = await readJson(request, paymentPageSchema);
    const body: HostedPageResponse = await paymentDetailsPage(
      await billingContext(services.billing, caller),
      requestId,
    );
    return json(body, 201);
  },
});

defineRoute("subscription-invoices", {
  methods: ["GET"],
  route: "subscription/invoices",
  auth: "user",
  handler: async ({ services, caller }) => {
    const body: DocumentsResponse = { documents: await listDocuments(await billingContext(services.billing, caller)) };
    return json(body);
  },
});

const documentParams = z.object({
  kind: documentKindSchema,
  id: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, "is not a document id"),
});

defineRoute("subscription-invoice-pdf", {
  methods: ["GET"],
  route: "subscription/invoices/{kind}/{id}/pdf",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { kind, id } = parseWith(documentParams, { kind: request.params.kind, id: request.params.id }, "document");
    const { disposition } = parseWith(pdfQuerySchema, queryObject(request), "query");
    const body: PdfLinkResponse = await documentPdf(
      await billingContext(services.billing, caller),
      kind,
      id,
      disposition,
    );
    return json(body);
  },
});
