import { ConflictError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import { defaultIsCounted } from "../../domain/seats";
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
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const created = await deps.ledgers.get(org.id);
    if (!created) throw error;
    return created;
  }
}
