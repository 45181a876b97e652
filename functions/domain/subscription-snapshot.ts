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
