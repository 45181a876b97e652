import type Chargebee from "chargebee";
import { NotFoundError, UpstreamError } from "../../domain/errors";
import type { BillingDocument, BillingProvider } from "../../ports/billing";
import { idempotent } from "./chargebee-client";
import { chargebeeCall } from "./chargebee-errors";
import { toChargebeeAddress, toChargebeeContact, toCustomerDetails } from "./customer-mapper";

type AccountOps = Pick<
  BillingProvider,
  "getCustomer" | "updateBillingAddress" | "updateContact" | "paymentDetailsPage" | "listDocuments" | "documentPdf"
>;

/** Invoices and credit notes listed at most (newest first); years of monthly billing. */
const MAX_DOCUMENTS = 500;

const iso = (seconds: number | undefined): string => new Date((seconds ?? 0) * 1000).toISOString();

function isNotFound(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { http_status_code?: unknown }).http_status_code === 404
  );
}

export function chargebeeAccount(cb: Chargebee): AccountOps {
  async function customerDetails(customerId: string) {
    const result = await chargebeeCall("reading the billing details", async () => {
      try {
        return await cb.customer.retrieve(customerId);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    });
    return result ? toCustomerDetails(result.customer, result.card) : null;
  }

  async function mustExist(customerId: string) {
    const details = await customerDetails(customerId);
    if (!details)
      throw new NotFoundError("There are no billing details yet: they are created with the first purchase.");
    return details;
  }

  /** Pages through a Chargebee list call (`next_offset`) up to MAX_DOCUMENTS entries. */
  async function listAll<E>(
    what: string,
    page: (offset: string | undefined) => Promise<{ list: E[]; next_offset?: string }>,
  ): Promise<E[]> {
    const all: E[] = [];
    let offset: string | undefined;
    do {
      const result = await chargebeeCall(what, () => page(offset));
      all.push(...result.list);
      offset = result.next_offset;
    } while (offset && all.length < MAX_DOCUMENTS);
    return all;
  }

  return {
    getCustomer: customerDetails,

    async updateBillingAddress(customerId, address, key) {
      await mustExist(customerId);
      await chargebeeCall("updating the billing address", () =>
        cb.customer.updateBillingInfo(customerId, { billing_address: toChargebeeAddress(address) }, idempotent(key)),
      );
      return mustExist(customerId);
    },

    async updateContact(customerId, contact, key) {
      await mustExist(customerId);
      await chargebeeCall("updating the contact", () =>
        cb.customer.update(customerId, toChargebeeContact(contact), idempotent(key)),
      );
      return mustExist(customerId);
    },

    async paymentDetailsPage(customerId, key) {
      await mustExist(customerId);
      const { hosted_page: page } = await chargebeeCall("opening the payment details page", () =>
        cb.hostedPage.managePaymentSources({ customer: { id: customerId } }, idempotent(key)),
      );
      if (!page.id || !page.url)
        throw new UpstreamError("Chargebee opened the payment details page without an address to show it.");
      return { id: page.id, url: page.url, expiresAt: page.expires_at ? iso(page.expires_at) : null };
    },

    async listDocuments(customerId) {
      const filter = { customer_id: { is: customerId }, "sort_by[desc]": "date", limit: 100 } as const;
      const [invoices, creditNotes] = await Promise.all([
        listAll("listing the invoices", (offset) => cb.invoice.list({ ...filter, ...(offset ? { offset } : {}) })),
        listAll("listing the credit notes", (offset) =>
          cb.creditNote.list({ ...filter, ...(offset ? { offset } : {}) }),
        ),
      ]);
      const documents: BillingDocument[] = [
        ...invoices.map(({ invoice }) => ({
          kind: "invoice" as const,
          id: invoice.id,
          date: iso(invoice.date),
          currency: invoice.currency_code,
          total: invoice.total ?? 0,
          status: invoice.status,
        })),
        ...creditNotes.map(({ credit_note: note }) => ({
          kind: "credit_note" as const,
          id: note.id,
          date: iso(note.date),
          currency: note.currency_code,
          total: note.total ?? 0,
          status: note.status,
        })),
      ];
      return documents.sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
    },

    async documentPdf(customerId, document, disposition) {
      const notYours = () =>
        new NotFoundError(
          `There is no ${document.kind === "invoice" ? "invoice" : "credit note"} ${document.id} for this organization.`,
        );
      // Document ids are sequential: check ownership before handing out a download link.
      const owner = await chargebeeCall("reading the document", async () => {
        try {
          return document.kind === "invoice"
            ? (await cb.invoice.retrieve(document.id)).invoice.customer_id
            : (await cb.creditNote.retrieve(document.id)).credit_note.customer_id;
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      });
      if (owner !== customerId) throw notYours();
      const params = { disposition_type: disposition };
      const { download } = await chargebeeCall("preparing the PDF", () =>
        document.kind === "invoice" ? cb.invoice.pdf(document.id, params) : cb.creditNote.pdf(document.id, params),
      );
      return { url: download.download_url, validTill: download.valid_till ? iso(download.valid_till) : null };
    },
  };
}
