import type { EventSource, WebhookEvent } from "./model";
import type { Store } from "./store";
import type { WebhookDispatcher } from "./webhooks";

/** What every operation needs: the data, the (test-controllable) time, and a way to announce changes. */
export interface Env {
  readonly store: Store;
  /** Origin of the stand-in, for hosted page and download URLs. */
  readonly baseUrl: string;
  /** Recorded on events: who caused the change. */
  readonly source: EventSource;
  /** Current time in Unix seconds, from the configured clock. */
  now(): number;
  /** Records an event (a snapshot of `content`) and queues its webhook. */
  emit(eventType: string, content: Record<string, unknown>, occurredAt?: number): WebhookEvent;
}

/** Builds an `Env` per event source (API call, hosted page, scheduled job) over shared state. */
export function envFactory(options: {
  store: Store;
  baseUrl: string;
  clock: () => Date;
  webhooks: WebhookDispatcher;
}): (source: EventSource) => Env {
  const { store, baseUrl, clock, webhooks } = options;
  const now = (): number => Math.floor(clock().getTime() / 1000);
  return (source) => ({
    store,
    baseUrl,
    source,
    now,
    emit(eventType, content, occurredAt) {
      const event: WebhookEvent = {
        id: store.randomId("ev_"),
        occurred_at: occurredAt ?? now(),
        source,
        object: "event",
        api_version: "v2",
        event_type: eventType,
        webhook_status: "scheduled",
        // A snapshot: later changes to the records must not rewrite history.
        content: structuredClone(content),
      };
      store.events.push(event);
      webhooks.enqueue(event);
      return event;
    },
  });
}
