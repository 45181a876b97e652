import type { SubscriptionSnapshot } from "./org";

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
export function nextSnapshotFromState(current: SubscriptionSnapshot | null, incoming: SubscriptionSnapshot): SubscriptionSnapshot | null {
  return shouldReplaceSnapshot(current, incoming) ? incoming : null;
}

/**
 * What a deletion in Chargebee makes of the snapshot: a deleted subscription grants no more
 * use, so the org's snapshot of it ends (cancelled), keeping what it last showed. The
 * deletion carries the subscription's last resource_version, which may equal the snapshot's
 * (nothing can follow a deletion). Deleting another subscription, or an older word about
 * this one, changes nothing.
 */
export function nextSnapshotFromDeletion(current: SubscriptionSnapshot | null, deleted: SubscriptionSnapshot): SubscriptionSnapshot | null {
  if (!current || !deleted.chargebeeSubscriptionId || current.chargebeeSubscriptionId !== deleted.chargebeeSubscriptionId) return null;
  if (deleted.resourceVersion < current.resourceVersion) return null;
  if (current.status === "cancelled" && deleted.resourceVersion === current.resourceVersion) return null;
  return { ...current, status: "cancelled", resourceVersion: deleted.resourceVersion, updatedAt: deleted.updatedAt };
}
