import { PreconditionFailedError } from "../../domain/errors";
import { defaultIsCounted } from "../../domain/seats";
import { flushPendingAudit } from "./audit-trail";
import type { UsersDeps } from "./users-deps";

/**
 * The ledger changes in the same transactional batch as the members it counts, so it is
 * exact. The timer is a safety net (documents written around the use-cases would not be
 * counted): it recounts each org from its member documents, only when the ledger has been
 * quiet for QUIET_MS, and writes with the etag it read before counting, so a request that
 * touched the ledger in between wins. It also
 * moves audit entries left in the outbox to the audit trail.
 */
export const QUIET_MS = 15 * 60_000;

export type ReconcileResult = "recounted" | "unchanged" | "busy" | "missing";

export async function reconcileLedger(deps: UsersDeps, orgId: string): Promise<ReconcileResult> {
  const ledger = await deps.ledgers.get(orgId);
  if (!ledger) return "missing";
  await flushPendingAudit(deps, orgId); // safe at any time: moving an entry twice writes it once
  const now = deps.now();
  if (now.getTime() - Date.parse(ledger.value.updatedAt) < QUIET_MS) return "busy";
  const [org, counts] = await Promise.all([deps.orgs.get(orgId), deps.roster.countCategories(orgId)]);
  if (!org) return "missing";
  const next = { ...ledger.value, counts, defaultCounted: defaultIsCounted(org.value.defaultRole) };
  const same =
    next.counts.explicit === ledger.value.counts.explicit &&
    next.counts.onDefault === ledger.value.counts.onDefault &&
    next.defaultCounted === ledger.value.defaultCounted;
  try {
    // Not bumping updatedAt for an unchanged ledger would keep it "quiet"; reconciledAt says when.
    await deps.ledgers.replace(
      { ...next, updatedAt: ledger.value.updatedAt, reconciledAt: now.toISOString() },
      ledger.etag,
    );
  } catch (error) {
    if (error instanceof PreconditionFailedError) return "busy";
    throw error;
  }
  return same ? "unchanged" : "recounted";
}

export async function reconcileAllLedgers(
  deps: UsersDeps,
  log: (message: string) => void,
): Promise<Record<ReconcileResult, number>> {
  const tally: Record<ReconcileResult, number> = { recounted: 0, unchanged: 0, busy: 0, missing: 0 };
  for await (const orgId of deps.ledgers.orgIds()) {
    try {
      const result = await reconcileLedger(deps, orgId);
      tally[result] += 1;
      if (result === "recounted") log(`Seat ledger of org ${orgId} recounted from its members.`);
    } catch (error) {
      log(
        `Seat ledger of org ${orgId} could not be reconciled: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return tally;
}
