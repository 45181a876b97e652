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
 * What happened to each write. On Cosmos DB a failed batch lands nothing; the emulator runs
 * the writes before the failing one anyway, so callers must look at what landed.
 */
export interface SeatCommitResult {
  ledger: OpResult;
  audit: OpResult;
  writes: OpResult[];
}

export interface SeatCommitStore {
  /**
   * Whether a batch lands all or nothing (Cosmos DB). When not (the embedded emulator), the
   * callers order their writes so that a half-applied batch only over-counts seats.
   */
  readonly atomicBatches: boolean;
  commit(orgId: string, commit: SeatCommit): Promise<SeatCommitResult>;
  /**
   * The org and the ledger together (a change of the default role), with its audit entry.
   * `ledgerFirst` orders the writes for a store whose batches are not atomic: the one that
   * makes Default members count goes first, so a half-applied batch only over-counts.
   */
  commitOrg(org: Versioned<OrgRecord>, ledger: Versioned<SeatLedger>, audit: AuditEntry, ledgerFirst: boolean): Promise<"committed" | "changed">;
  /** Audit entries written with their change but not yet moved to the audit trail. */
  pendingAudit(orgId: string): Promise<AuditEntry[]>;
  clearPendingAudit(orgId: string, ids: readonly string[]): Promise<void>;
}
