import type { SeatCounts } from "../domain/seats";
import type { Versioned } from "./versioned";

/**
 * Per-org seat counters, kept beside the member documents so the seat limit is checked with a
 * point read and guarded with the document's etag (no scan of the org). The counters are
 * conservative while requests are in flight: increments are written before the member
 * documents, decrements after.
 */
export interface SeatLedger {
  orgId: string;
  counts: SeatCounts;
  /**
   * Whether members on Default count as licensed. True whenever the org's default role is
   * licensed, and also while a change of the default role to a licensed one is in flight.
   */
  defaultCounted: boolean;
  /** Changes of the default role to a licensed role that are in flight (see set-default-role). */
  defaultHolds: number;
  updatedAt: string;
  /** Last time the timer recounted the members. */
  reconciledAt: string | null;
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
