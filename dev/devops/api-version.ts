import { AdoError } from "./errors";
import type { IncomingHttpHeaders } from "node:http";
import type { Query } from "./http";

// Azure DevOps rejects an api-version a resource does not serve with a 400 in its own error
// shape; the stand-in holds each operation to the versions its 7.1 specification lists
// (tests/conformance/fixtures/azure-devops-rest-specs), so a client asking for an
// undocumented one fails here as it would in a real organization.

/**
 * The requested version: the `api-version` query parameter or, as azure-devops-node-api's typed
 * clients send it, the Accept header's `api-version` parameter (`application/json;api-version=7.1`).
 */
export function requestedApiVersion(query: Query, headers: IncomingHttpHeaders): string | undefined {
  const fromQuery = query.get("api-version");
  if (fromQuery !== undefined) return fromQuery;
  const accept = String(headers.accept ?? "");
  return /(?:^|[;,\s])api-version=([^;,\s]+)/i.exec(accept)?.[1];
}

export function requireApiVersion(query: Query, headers: IncomingHttpHeaders, documented: readonly string[]): string {
  const requested = requestedApiVersion(query, headers);
  if (requested === undefined || requested.trim() === "") {
    throw new AdoError(
      400,
      "No api-version was supplied for the request. An api-version is required for this resource.",
      "VssVersionNotSpecifiedException",
    );
  }
  const match = documented.find((v) => v.toLowerCase() === requested.trim().toLowerCase());
  if (!match) {
    throw new AdoError(
      400,
      `The requested REST API version of ${requested} is not supported for this resource. Supported versions: ${documented.join(", ")}.`,
      "VssVersionOutOfRangeException",
    );
  }
  return match;
}
