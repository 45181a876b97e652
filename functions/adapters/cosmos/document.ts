import type { Versioned } from "../../ports/versioned";

/** Cosmos system properties we strip before handing a document to the domain. */
const SYSTEM_FIELDS = ["_rid", "_self", "_etag", "_attachments", "_ts"] as const;

export function toVersioned<T>(
  resource: Record<string, unknown> | undefined,
  mapper: (doc: Record<string, unknown>) => T,
): Versioned<T> | null {
  if (!resource) return null;
  // Cosmos DB always sends `_etag` as a string.
  const etag = typeof resource._etag === "string" ? resource._etag : "";
  const clean: Record<string, unknown> = { ...resource };
  for (const field of SYSTEM_FIELDS) delete clean[field];
  return { value: mapper(clean), etag };
}
