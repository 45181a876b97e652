import { ConflictError, PreconditionFailedError, UnavailableError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import { defaultIsCounted } from "../../domain/seats";
import type { SeatLedger } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import type { UsersDeps } from "./users-deps";

/** Attempts at a contended ledger write before giving up with 503 (50 racing requests fit). */
const MAX_ATTEMPTS = 40;
const BACKOFF_CAP_MS = 120;

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
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const created = await deps.ledgers.get(org.id);
    if (!created) throw error;
    return created;
  }
}

/**
 * Read-modify-write of the ledger guarded by its etag: on 412 (another request wrote it in
 * between) read again and re-apply `change` after a jittered pause, so a burst of requests
 * serialises instead of failing. `change` may throw (e.g. SeatLimitError) to stop; returning
 * null means nothing to write.
 */
export async function mutateLedger(
  deps: UsersDeps,
  org: LedgerOrg,
  change: (ledger: SeatLedger) => SeatLedger | null | Promise<SeatLedger | null>,
): Promise<SeatLedger> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await ensureLedger(deps, org);
    const next = await change(current.value);
    if (next === null) return current.value;
    try {
      const saved = await deps.ledgers.replace({ ...next, updatedAt: deps.now().toISOString() }, current.etag);
      return saved.value;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      await deps.sleep(Math.random() * Math.min(BACKOFF_CAP_MS, 5 * 2 ** Math.min(attempt, 5)));
    }
  }
  throw new UnavailableError("Too many changes to the users of this organization at once. Please try again in a moment.");
}
