import type { BillingEvent, BillingProvider } from "../../ports/billing";
import type { WebhookEventLog } from "../../ports/webhook-event-log";
import { applySubscription } from "./apply-subscription";
import type { SnapshotStore } from "./billing-deps";

/**
 * Events whose subscription is the state after the event: each one refreshes the org's
 * snapshot (guarded by resource_version). Every other event is acknowledged and ignored,
 * as are subscriptions of customers that are not our orgs. A deleted subscription ends the
 * org's snapshot of it (SUBSCRIPTION_DELETED).
 */
export const SUBSCRIPTION_EVENTS: ReadonlySet<string> = new Set([
  "subscription_created",
  "subscription_started",
  "subscription_activated",
  "subscription_changed",
  "subscription_renewed",
  "subscription_cancelled",
  "subscription_cancellation_scheduled",
  "subscription_scheduled_cancellation_removed",
  "subscription_reactivated",
  "subscription_paused",
  "subscription_resumed",
]);

export const SUBSCRIPTION_DELETED = "subscription_deleted";

export type EventOutcome = "duplicate" | "applied" | "stale" | "ignored";

export interface EventDeps {
  store: SnapshotStore;
  billing: () => BillingProvider;
  log: WebhookEventLog;
  trace: (line: string) => void;
}

/**
 * One webhook event, at most once: a replayed or redelivered event id is acknowledged
 * without effect. The event is logged only after it was handled, so a failure (store
 * down) answers 5xx and Chargebee's retry handles it again.
 */
export async function handleBillingEvent(deps: EventDeps, event: BillingEvent): Promise<EventOutcome> {
  if (await deps.log.has(event.id)) return "duplicate";
  let outcome: Exclude<EventOutcome, "duplicate"> = "ignored";
  let orgId: string | null = null;
  const acted = SUBSCRIPTION_EVENTS.has(event.type) || event.type === SUBSCRIPTION_DELETED;
  if (acted && event.subscription) {
    const kind = event.type === SUBSCRIPTION_DELETED ? "deletion" : "state";
    const result = await applySubscription(deps.store, deps.billing, event.subscription, deps.trace, kind);
    if (result.outcome !== "no_org") {
      outcome = result.outcome;
      orgId = result.org.id;
    }
  }
  await deps.log.record({
    id: event.id,
    eventType: event.type,
    occurredAt: event.occurredAt,
    receivedAt: deps.store.now().toISOString(),
    orgId,
    outcome,
  });
  return outcome;
}
