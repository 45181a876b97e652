import type { AuditEntry } from "../../domain/audit";
import type { AuditLog, AuditPage } from "../../ports/audit-log";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { bulkOrThrow } from "./cosmos-bulk";
import { openPageToken, queryFingerprint, sealPageToken } from "./cosmos-page-token";

type AuditDocument = AuditEntry & { type: "roleChange" };

const asEntry = (doc: AuditDocument): AuditEntry => {
  const { type: _type, ...entry } = doc;
  for (const key of ["_rid", "_self", "_etag", "_attachments", "_ts"]) delete (entry as Record<string, unknown>)[key];
  return entry;
};

/** Role changes per org, newest first (ORDER BY the ISO time within the org's partition). */
export class CosmosAuditLog implements AuditLog {
  constructor(private readonly db: CosmosDatabase) {}

  async append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { audit } = await storeCall("Opening the database", () => this.db.containers());
    await bulkOrThrow(
      "Writing the audit trail",
      audit,
      entries.map((entry) => ({
        // Upsert: moving an entry from the outbox again (after a failure) must not fail.
        operationType: "Upsert" as const,
        partitionKey: entry.orgId,
        resourceBody: { ...entry, type: "roleChange" } as unknown as Record<string, never>,
      })),
    );
  }

  async list(orgId: string, pageSize: number, continuation: string | null): Promise<AuditPage> {
    const { audit } = await storeCall("Opening the database", () => this.db.containers());
    const query = {
      query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'roleChange' ORDER BY c.at DESC",
      parameters: [{ name: "@orgId", value: orgId }],
    };
    const fingerprint = queryFingerprint(query);
    const cosmosToken = openPageToken(continuation, fingerprint);
    const { resources, continuationToken } = await storeCall("Reading the audit trail", () =>
      audit.items
        .query<AuditDocument>(query, {
          partitionKey: orgId,
          maxItemCount: pageSize,
          ...(cosmosToken ? { continuationToken: cosmosToken } : {}),
        })
        .fetchNext(),
    );
    return { entries: resources.map(asEntry), continuation: sealPageToken(fingerprint, continuationToken) };
  }
}
