import type { HttpRequest } from "@azure/functions";
import { ValidationError } from "../../domain/errors";

/** The version a change is based on: If-Match header, or `etag` in the body or query. */
export function requiredEtag(request: HttpRequest, fromBodyOrQuery: string | undefined): string {
  const header = request.headers.get("if-match")?.trim();
  const etag = header || fromBodyOrQuery;
  if (!etag) {
    throw new ValidationError(
      "Send the etag of the worklog you are changing (If-Match header or 'etag'), so a stale change cannot overwrite a newer one.",
    );
  }
  return etag;
}
