import type { Download } from "chargebee";
import { creditNotePdf, invoicePdf } from "./document-pdf";
import type { Env } from "./env";
import type { DownloadGrant } from "./store";

/** Chargebee's PDF links are short-lived signed URLs; these stay valid for an hour of (test) clock time. */
const VALID_SECONDS = 3600;

export function issueDownload(
  env: Env,
  kind: DownloadGrant["kind"],
  id: string,
): { download: Download & { object: "download" } } {
  const token = env.store.randomId("", 32);
  const validTill = env.now() + VALID_SECONDS;
  env.store.downloads.set(token, { kind, id, validTill });
  return {
    download: {
      download_url: `${env.baseUrl}/downloads/${kind}/${encodeURIComponent(id)}.pdf?token=${token}`,
      valid_till: validTill,
      mime_type: "application/pdf",
      object: "download",
    },
  };
}

/** The PDF for `/downloads/{kind}/{id}.pdf?token=…`, or undefined when the link is unknown or expired. */
export function downloadPdf(env: Env, kind: string, id: string, token: string): Buffer | undefined {
  const grant = env.store.downloads.get(token);
  if (!grant || grant.kind !== kind || grant.id !== id || grant.validTill < env.now()) return undefined;
  const { store } = env;
  if (kind === "invoices") {
    const invoice = store.invoices.get(id);
    return invoice && invoicePdf(invoice, store.customers.get(invoice.customer_id));
  }
  const creditNote = store.creditNotes.get(id);
  return creditNote && creditNotePdf(creditNote, store.customers.get(creditNote.customer_id));
}
