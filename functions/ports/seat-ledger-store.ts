import type { SeatHold } from "../domain/seat-holds";
import type { SeatCounts } from "../domain/seats";
import type { Versioned } from "./versioned";

/**
 * Per-org seat counters, kept beside the member documents (and the org document) so the seat
 * limit is checked with a point read and guarded with the document's etag, never by
 * scanning the org. Every change of the counters lands in one transactional batch with the
 * member documents it counts (see ports/seat-commit), so the counters are exact.
 */
export interface SeatLedger {
  orgId: string;
  counts: SeatCounts;
  /** Whether members on Default count as licensed: the org's default role is licensed (written with it). */
  defaultCounted: boolean;
  updatedAt: string;
  /** Last time the timer recounted the members. */
  reconciledAt: string | null;
  /** Seats changes in flight keep for their later batches (domain/seat-holds.ts). */
  holds: SeatHold[];
}

export interface SeatLedgerStore {
  get(orgId: string): Promise<Versioned<SeatLedger> | null>;
  /** Throws ConflictError when another request created it first. */
  create(ledger: SeatLedger): Promise<Versioned<SeatLedger>>;
  /** Throws PreconditionFailedError when it changed since `etag`. */
  replace(ledger: SeatLedger, etag: string): Promise<Versioned<SeatLedger>>;
  /** The orgs that have a ledger, page by page (the reconcile timer walks them). */
  orgIds(): AsyncIterable<string>;
}
