import { issueDownload } from "../downloads";
import { resourceNotFound } from "../errors";
import { pathParam, type ApiHandler } from "../handler";
import { listResponse, newestFirst } from "../lists";
import type { Router } from "../router";

export function invoiceRoutes(router: Router<ApiHandler>): void {
  router
    .add("GET", "/invoices", (env, { query }) =>
      listResponse([...env.store.invoices.values()], query, {
        key: "invoice",
        filters: {
          id: "string",
          subscription_id: "string",
          customer_id: "string",
          status: "string",
          recurring: "boolean",
          date: "timestamp",
          paid_at: "timestamp",
          total: "number",
          updated_at: "timestamp",
        },
        sortable: ["date", "updated_at"],
        defaultOrder: newestFirst((invoice) => invoice.date),
      }),
    )
    .add("GET", "/invoices/:id", (env, request) => {
      const id = pathParam(request, "id");
      const invoice = env.store.invoices.get(id);
      if (!invoice) throw resourceNotFound("Invoice", id);
      return { invoice };
    })
    .add("POST", "/invoices/:id/pdf", (env, request) => {
      const id = pathParam(request, "id");
      if (!env.store.invoices.has(id)) throw resourceNotFound("Invoice", id);
      request.body.oneOf("disposition_type", ["attachment", "inline"] as const);
      return issueDownload(env, "invoices", id);
    });
}
