import { issueDownload } from "../downloads";
import { resourceNotFound } from "../errors";
import { pathParam, type ApiHandler } from "../handler";
import { listResponse, newestFirst } from "../lists";
import type { Router } from "../router";

export function creditNoteRoutes(router: Router<ApiHandler>): void {
  router
    .add("GET", "/credit_notes", (env, { query }) =>
      listResponse([...env.store.creditNotes.values()], query, {
        key: "credit_note",
        filters: {
          id: "string",
          customer_id: "string",
          subscription_id: "string",
          reference_invoice_id: "string",
          type: "string",
          reason_code: "string",
          status: "string",
          date: "timestamp",
          total: "number",
          updated_at: "timestamp",
        },
        sortable: ["date", "updated_at"],
        defaultOrder: newestFirst((creditNote) => creditNote.date),
      }),
    )
    .add("GET", "/credit_notes/:id", (env, request) => {
      const id = pathParam(request, "id");
      const creditNote = env.store.creditNotes.get(id);
      if (!creditNote) throw resourceNotFound("Credit note", id);
      return { credit_note: creditNote };
    })
    .add("POST", "/credit_notes/:id/pdf", (env, request) => {
      const id = pathParam(request, "id");
      if (!env.store.creditNotes.has(id)) throw resourceNotFound("Credit note", id);
      request.body.oneOf("disposition_type", ["attachment", "inline"] as const);
      return issueDownload(env, "credit_notes", id);
    });
}
