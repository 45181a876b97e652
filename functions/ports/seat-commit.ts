import type { AuditEntry } from "../domain/audit";
import type { OrgRecord } from "../domain/org";
import type { MemberWrite } from "./member-roster";
import type { SeatLedger } from "./seat-ledger-store";
import type { Versioned } from "./versioned";

/**
 * Writes that must land together: the seat ledger (only if unchanged since its etag), the
 * audit entry of the change (an outbox document, moved to the audit trail afterwards) and up
 * to MAX_COMMIT_WRITES member writes. All are in the org's partition of one container, so
 * Cosmos runs them as one transactional batch: all or nothing.
 */
export const MAX_COMMIT_WRITES = 98;

export interface SeatCommit {
  ledger: Versioned<SeatLedger>;
  audit: AuditEntry;
  writes: readonly MemberWrite[];
}

export type OpResult = "landed" | "changed" | "failed" | "not-run";

/**
 * What happened to each write. A batch lands all or nothing: either every write "landed",
 * or none did, and the ones that stopped it say why ("changed": its etag or existence no
 * longer holds, read again; "failed": the store refused it) while the others are "not-run".
 */
export interface SeatCommitResult {
  ledger: OpResult;
  /** The ledger's etag once the batch landed, when the store answered it: the next batch of the same request starts from it. */
  ledgerEtag?: string;
  audit: OpResult;
  writes: OpResult[];
}

export interface SeatCommitStore {
  commit(orgId: string, commit: SeatCommit): Promise<SeatCommitResult>;
  /** The org and the ledger together (a change of the default role), with its audit entry; all or nothing. */
  commitOrg(
    org: Versioned<OrgRecord>,
    ledger: Versioned<SeatLedger>,
    audit: AuditEntry,
  ): Promise<"committed" | "changed">;
  /** Audit entries written with their change but not yet moved to the audit trail. */
  pendingAudit(orgId: string): Promise<AuditEntry[]>;
  clearPendingAudit(orgId: string, ids: readonly string[]): Promise<void>;
}
