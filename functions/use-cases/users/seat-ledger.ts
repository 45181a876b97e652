import type { OrgRecord } from "../../domain/org";
import { ConflictError, PreconditionFailedError } from "../../domain/errors";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import { heldByOthers, withHold } from "../../domain/seat-holds";
import { defaultIsCounted, licensedCount } from "../../domain/seats";
import type { SeatLedger } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import type { UsersDeps } from "./users-deps";

/** What creating a ledger needs to know about its org. */
export type LedgerOrg = Pick<OrgRecord, "id" | "defaultRole">;

/**
 * The org's seat ledger, created on first use from a count of the members (only then, and in
 * the reconcile timer, is the org counted; every other read is a point read).
 */
export async function ensureLedger(deps: UsersDeps, org: LedgerOrg): Promise<Versioned<SeatLedger>> {
  const existing = await deps.ledgers.get(org.id);
  if (existing) return existing;
  // The caller's org may be a copy a few seconds old (a GET); the ledger starts from the stored one.
  const stored = (await deps.orgs.get(org.id))?.value ?? org;
  const counts = await deps.roster.countCategories(org.id);
  try {
    return await deps.ledgers.create({
      orgId: org.id,
      counts,
      defaultCounted: defaultIsCounted(stored.defaultRole),
      updatedAt: deps.now().toISOString(),
      reconciledAt: null,
      holds: [],
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const created = await deps.ledgers.get(org.id);
    if (!created) throw error;
    return created;
  }
}

/**
 * Seats taken now as every seat check counts them: the licensed members and the seats other
 * changes hold for their later batches (all holds but `ownHold`).
 */
export function seatsTaken(ledger: SeatLedger, now: Date, ownHold?: string): number {
  return licensedCount(ledger.counts, ledger.defaultCounted) + heldByOthers(ledger.holds, now, ownHold);
}

/** Attempts at releasing a hold while other requests write the ledger first. */
const RELEASE_ATTEMPTS = 10;

/** Drops the seat hold `id` from the org's ledger; false when the org's ledger has no such hold. */
export async function releaseHold(deps: UsersDeps, org: LedgerOrg, id: string): Promise<boolean> {
  const policy = { attempts: RELEASE_ATTEMPTS, isConflict: (e: unknown) => e instanceof PreconditionFailedError };
  return retryOnConflict(policy, async () => {
    const ledger = await deps.ledgers.get(org.id);
    if (!ledger || !ledger.value.holds.some((h) => h.id === id)) return false;
    const holds = withHold(ledger.value.holds, id, 0, deps.now());
    await deps.ledgers.replace({ ...ledger.value, holds, updatedAt: deps.now().toISOString() }, ledger.etag);
    return true;
  });
}

/**
 * releaseHold for a request that ends, however it ends: if the ledger cannot be written now,
 * the hold lapses by itself (SEAT_HOLD_MS), so this never fails the request.
 */
export async function releaseHoldQuietly(deps: UsersDeps, org: LedgerOrg, id: string): Promise<void> {
  await releaseHold(deps, org, id).catch(() => false);
}
