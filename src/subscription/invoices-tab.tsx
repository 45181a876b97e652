import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import { billingService, openInNewWindow, type BillingDocument } from "../services/billing-service";
import { formatDate, formatMoney } from "./format";
import { useAction } from "../common/use-action";
import { useLoaded } from "./use-loaded";

const KIND_NAMES: Record<BillingDocument["kind"], string> = { invoice: "Invoice", credit_note: "Credit Note" };

function statusName(status: string): string {
  return status.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

/**
 * All invoices and credit notes. Download opens Chargebee's PDF as a file; Print opens it in
 * the browser's viewer, which prints it.
 */
export function InvoicesTab(): JSX.Element {
  const [state] = useLoaded(() => billingService.documents());
  const open = useAction(
    async (document: BillingDocument, disposition: "attachment" | "inline") =>
      openInNewWindow((await billingService.documentPdf(document.kind, document.id, disposition)).url),
    () => undefined,
  );
  return (
    <AsyncContent state={state}>
      {({ documents }) => (
        <Card titleProps={{ text: "Invoices" }}>
          <div className="flex-column rhythm-vertical-8 flex-grow">
            {open.error ? <ErrorCard error={open.error} /> : null}
            {documents.length === 0 ? <div className="secondary-text">No invoices or credit notes yet.</div> : null}
            <table className="billing-documents" style={{ width: "100%", borderCollapse: "collapse" }}>
              {documents.length > 0 ? (
                <thead>
                  <tr>
                    {["Document", "Date", "Amount", "Status", ""].map((h) => (
                      <th key={h} style={{ textAlign: "left", padding: 4 }}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
              ) : null}
              <tbody>
                {documents.map((document) => {
                  const name = `${KIND_NAMES[document.kind]} ${document.id}`;
                  return (
                    <tr key={`${document.kind}-${document.id}`} aria-label={name}>
                      <td style={{ padding: 4 }}>{name}</td>
                      <td style={{ padding: 4 }}>{formatDate(document.date)}</td>
                      <td style={{ padding: 4 }}>{formatMoney(document.total, document.currency)}</td>
                      <td style={{ padding: 4 }}>{statusName(document.status)}</td>
                      <td style={{ padding: 4 }} className="flex-row rhythm-horizontal-8">
                        <Button
                          text="Download"
                          ariaLabel={`Download ${name}`}
                          disabled={open.busy}
                          onClick={() => open.run(document, "attachment")}
                        />
                        <Button
                          text="Print"
                          ariaLabel={`Print ${name}`}
                          disabled={open.busy}
                          onClick={() => open.run(document, "inline")}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </AsyncContent>
  );
}
