import type { Container, JSONObject, OperationInput, OperationResponse } from "@azure/cosmos";
import type { AuditEntry } from "../../domain/audit";
import type { OrgRecord } from "../../domain/org";
import type { OpResult, SeatCommit, SeatCommitResult, SeatCommitStore } from "../../ports/seat-commit";
import { MAX_COMMIT_WRITES } from "../../ports/seat-commit";
import type { SeatLedger } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { executeBulk } from "./cosmos-bulk";
import { storeCall } from "./cosmos-errors";
import { memberDocument } from "./cosmos-member-document";
import { toDocument as orgDocument, ORG_DOCUMENT_ID } from "./cosmos-org-store";
import { ledgerDocument, SEAT_LEDGER_ID } from "./cosmos-seat-ledger-store";

/** Audit entries travel with their change as outbox documents in the org's partition. */
type OutboxDocument = { id: string; orgId: string; type: "auditOutbox"; entry: AuditEntry };

const body = (doc: object) => doc as unknown as JSONObject;

function resultOf(response: OperationResponse | undefined): OpResult {
  const status = response?.statusCode ?? 0;
  if (status >= 200 && status < 300) return "landed";
  if (status === 424) return "not-run";
  if (status === 409 || status === 412 || status === 404) return "changed";
  return "failed";
}

/**
 * Transactional batches in the org's partition of `members`: the ledger first (guarded by
 * its etag), then the audit outbox entry, then the member writes. Cosmos DB applies all or
 * none (and so does the embedded emulator, patched in dev/cosmos/atomic-batches.ts); the
 * per-operation results say which operation stopped a batch.
 */
export class CosmosSeatCommitStore implements SeatCommitStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).members;
  }

  private async batch(what: string, orgId: string, operations: OperationInput[]): Promise<OperationResponse[]> {
    const members = await this.container();
    const response = await storeCall(what, () =>
      // Only each operation's status and etag are read: without the documents echoed back
      // (Prefer: return=minimal), a batch of 98 members answers a few kilobytes, not 100.
      this.db.memberWrites.writing(orgId, () =>
        members.items.batch(operations, orgId, { contentResponseOnWriteEnabled: false }),
      ),
    );
    if (!response.result || response.result.length !== operations.length) {
      throw Object.assign(new Error(`${what}: the store answered without per-operation results.`), { statusCode: 500 });
    }
    return response.result;
  }

  async commit(orgId: string, c: SeatCommit): Promise<SeatCommitResult> {
    if (c.writes.length > MAX_COMMIT_WRITES) throw new Error(`At most ${MAX_COMMIT_WRITES} member writes per commit.`);
    const outbox: OutboxDocument = { id: c.audit.id, orgId, type: "auditOutbox", entry: c.audit };
    const operations: OperationInput[] = [
      {
        operationType: "Replace",
        partitionKey: orgId,
        id: SEAT_LEDGER_ID,
        ifMatch: c.ledger.etag,
        resourceBody: body(ledgerDocument(c.ledger.value)),
      },
      { operationType: "Create", partitionKey: orgId, resourceBody: body(outbox) },
      ...c.writes.map((w): OperationInput => {
        const resourceBody = body(memberDocument(w.member));
        return w.kind === "create"
          ? { operationType: "Create", partitionKey: orgId, resourceBody }
          : { operationType: "Replace", partitionKey: orgId, id: w.member.userId, ifMatch: w.etag, resourceBody };
      }),
    ];
    const results = await this.batch("Saving the role changes", orgId, operations);
    return {
      ledger: resultOf(results[0]),
      ...(results[0].eTag ? { ledgerEtag: results[0].eTag } : {}),
      audit: resultOf(results[1]),
      writes: results.slice(2).map(resultOf),
    };
  }

  async commitOrg(
    org: Versioned<OrgRecord>,
    ledger: Versioned<SeatLedger>,
    audit: AuditEntry,
  ): Promise<"committed" | "changed"> {
    const orgId = org.value.id;
    const outbox: OutboxDocument = { id: audit.id, orgId, type: "auditOutbox", entry: audit };
    const results = await this.batch("Saving the default role", orgId, [
      {
        operationType: "Replace",
        partitionKey: orgId,
        id: ORG_DOCUMENT_ID,
        ifMatch: org.etag,
        resourceBody: body(orgDocument(org.value)),
      },
      {
        operationType: "Replace",
        partitionKey: orgId,
        id: SEAT_LEDGER_ID,
        ifMatch: ledger.etag,
        resourceBody: body(ledgerDocument(ledger.value)),
      },
      { operationType: "Create", partitionKey: orgId, resourceBody: body(outbox) },
    ]);
    const outcomes = results.map(resultOf);
    if (outcomes.every((o) => o === "landed")) return "committed";
    if (outcomes.some((o) => o === "failed")) {
      throw Object.assign(
        new Error(`Saving the default role: the store answered ${results.map((r) => r.statusCode).join(", ")}.`),
        { statusCode: 500 },
      );
    }
    return "changed";
  }

  async pendingAudit(orgId: string): Promise<AuditEntry[]> {
    const members = await this.container();
    const { resources } = await storeCall("Reading the audit outbox", () =>
      members.items
        .query<OutboxDocument>(
          {
            query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'auditOutbox'",
            parameters: [{ name: "@orgId", value: orgId }],
          },
          { partitionKey: orgId },
        )
        .fetchAll(),
    );
    return resources.map((d) => d.entry);
  }

  async clearPendingAudit(orgId: string, ids: readonly string[]): Promise<void> {
    const members = await this.container();
    const results = await executeBulk(
      "Clearing the audit outbox",
      members,
      ids.map((id) => ({ operationType: "Delete", partitionKey: orgId, id })),
    );
    const failed = results.find((r) => r.statusCode >= 400 && r.statusCode !== 404);
    if (failed)
      throw Object.assign(new Error(`Clearing the audit outbox: the store answered ${failed.statusCode}.`), {
        statusCode: failed.statusCode,
      });
  }
}
