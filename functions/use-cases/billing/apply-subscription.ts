import { PreconditionFailedError } from "../../domain/errors";
import type { OrgRecord, SubscriptionSnapshot } from "../../domain/org";
import { retryOnConflict, type ConflictRetry } from "../../domain/retry-on-conflict";
import { applyConfirmation, isLive, type Confirmation } from "../../domain/subscription-snapshot";
import type { BillingProvider, SubscriptionFacts } from "../../ports/billing";
import type { SnapshotStore } from "./billing-deps";
import { idempotencyKey } from "./idempotency";

export type ApplyOutcome =
  | { outcome: "applied"; org: OrgRecord }
  | { outcome: "stale"; org: OrgRecord }
  /** The subscription's customer is not an org we know (another product on the site). */
  | { outcome: "no_org" };

/** Writers of one org's snapshot at once (webhook events, a hosted page's retrieve) before giving up with 503. */
const SNAPSHOT_RACE: ConflictRetry = {
  attempts: 5,
  isConflict: (error) => error instanceof PreconditionFailedError,
};

/**
 * Stores what Chargebee confirmed about a subscription in its org's snapshot, idempotently:
 * the customer id is the org id; a confirmation older than the snapshot changes nothing; a
 * deletion ends the snapshot of that subscription and keeps any later word about it out
 * (applyConfirmation); concurrent writers (webhook and hosted page retrieve racing) retry on
 * the etag.
 */
export async function applySubscription(
  store: SnapshotStore,
  billing: () => BillingProvider,
  facts: SubscriptionFacts,
  log: (line: string) => void,
  kind: Confirmation = "state",
): Promise<ApplyOutcome> {
  const orgId = facts.chargebeeCustomerId;
  if (!orgId) return { outcome: "no_org" };
  return retryOnConflict(SNAPSHOT_RACE, async (): Promise<ApplyOutcome> => {
    const org = await store.orgs.get(orgId);
    if (!org) return { outcome: "no_org" };
    const current = org.value.subscription;
    const incoming: SubscriptionSnapshot = { ...facts, updatedAt: store.now().toISOString() };
    const change = applyConfirmation(org.value, incoming, kind);
    if (!change) return { outcome: "stale", org: org.value };
    const saved = await store.orgs.replace({ ...org.value, ...change.fields }, org.etag);
    if (!change.snapshotChanged) return { outcome: "stale", org: saved.value }; // a deletion remembered for later
    await retireReplacedFree(billing, current, saved.value.subscription!, log);
    return { outcome: "applied", org: saved.value };
  });
}

/**
 * Buying a paid plan while on Free creates a second subscription through checkout; the
 * Free one is then cancelled so it does not renew beside it. Best effort: the snapshot rule
 * already keeps a Free subscription from replacing a live paid one.
 */
async function retireReplacedFree(
  billing: () => BillingProvider,
  previous: SubscriptionSnapshot | null,
  next: SubscriptionSnapshot,
  log: (line: string) => void,
): Promise<void> {
  if (!previous?.chargebeeSubscriptionId || previous.plan !== "free" || !isLive(previous)) return;
  if (previous.chargebeeSubscriptionId === next.chargebeeSubscriptionId || !isLive(next)) return;
  const key = idempotencyKey(next.chargebeeCustomerId ?? "", "retire-free", previous.chargebeeSubscriptionId);
  try {
    await billing().cancelSubscription(previous.chargebeeSubscriptionId, "immediately", key);
  } catch (error) {
    log(
      `Could not cancel the replaced Free subscription ${previous.chargebeeSubscriptionId}: ${(error as Error).message}`,
    );
  }
}
