import type { OrgRecord, SubscriptionSnapshot } from "./org";

/**
 * Whether a confirmation from Chargebee (webhook, hosted page, API result) may replace the
 * org's snapshot. Confirmations arrive late, twice and out of order, so:
 * - an older or equal `resource_version` never overwrites a newer one;
 * - a word about another subscription never ends the org's current live one (after
 *   "cancel, then switch to Free" the cancelled subscription stays history);
 * - a Free subscription never displaces a live paid one (after buying a paid plan while on
 *   Free, the Free subscription's renewals must not bring Free back).
 */
export function shouldReplaceSnapshot(current: SubscriptionSnapshot | null, incoming: SubscriptionSnapshot): boolean {
  if (!current) return true;
  if (incoming.resourceVersion <= current.resourceVersion) return false;
  if (incoming.chargebeeSubscriptionId === current.chargebeeSubscriptionId) return true;
  if (!isLive(current)) return true;
  return isLive(incoming) && !(incoming.plan === "free" && current.plan !== "free");
}

/** A subscription that still grants use (it may be set to end at term end). */
export function isLive(snapshot: SubscriptionSnapshot): boolean {
  return snapshot.status !== "cancelled";
}

/**
 * What a confirmation makes of the snapshot: the incoming state when it may replace the
 * current one (shouldReplaceSnapshot), otherwise nothing.
 */
export function nextSnapshotFromState(
  current: SubscriptionSnapshot | null,
  incoming: SubscriptionSnapshot,
): SubscriptionSnapshot | null {
  return shouldReplaceSnapshot(current, incoming) ? incoming : null;
}

/**
 * What a deletion in Chargebee makes of the snapshot. The deletion carries the
 * subscription's last state, so it is that state, ended (cancelled), applied by the same
 * rule as any other state (shouldReplaceSnapshot): the outcome does not depend on whether
 * older events of that subscription arrived before it or arrive after it (they are then
 * refused, applyConfirmation). Its resource_version may equal the snapshot's (nothing can
 * follow a deletion); a deletion delivered again finds nothing left to do. Deleting another
 * subscription never ends the org's live one.
 */
export function nextSnapshotFromDeletion(
  current: SubscriptionSnapshot | null,
  deleted: SubscriptionSnapshot,
): SubscriptionSnapshot | null {
  if (!deleted.chargebeeSubscriptionId) return null;
  const ended: SubscriptionSnapshot = { ...deleted, status: "cancelled" };
  if (current?.chargebeeSubscriptionId !== deleted.chargebeeSubscriptionId)
    return nextSnapshotFromState(current, ended);
  if (deleted.resourceVersion < current.resourceVersion) return null;
  if (current.status === "cancelled" && deleted.resourceVersion === current.resourceVersion) return null;
  return ended;
}

/** Enough deleted ids to outlast any delivery delay of Chargebee's webhooks. */
const DELETED_IDS_KEPT = 20;

export type Confirmation = "state" | "deletion";

type BillingFields = Pick<OrgRecord, "subscription" | "deletedSubscriptionIds">;

/**
 * What one confirmation from Chargebee makes of the org's billing fields, or null when it
 * changes nothing. A deletion is remembered even when it is not about the current snapshot
 * (it can arrive before the subscription's own creation event): any later state of a
 * deleted subscription is refused.
 */
export function applyConfirmation(
  org: BillingFields,
  incoming: SubscriptionSnapshot,
  kind: Confirmation,
): { fields: Required<BillingFields>; snapshotChanged: boolean } | null {
  const deleted = org.deletedSubscriptionIds ?? [];
  const id = incoming.chargebeeSubscriptionId;
  if (kind === "state") {
    if (id && deleted.includes(id)) return null;
    const next = nextSnapshotFromState(org.subscription, incoming);
    return next ? { fields: { subscription: next, deletedSubscriptionIds: deleted }, snapshotChanged: true } : null;
  }
  const next = nextSnapshotFromDeletion(org.subscription, incoming);
  const known = !id || deleted.includes(id);
  if (!next && known) return null;
  return {
    fields: {
      subscription: next ?? org.subscription,
      deletedSubscriptionIds: known ? deleted : [...deleted, id].slice(-DELETED_IDS_KEPT),
    },
    snapshotChanged: next !== null,
  };
}
