/**
 * Webhook events already handled, so a redelivered or replayed event is acknowledged
 * without being applied twice. Events arrive before we know their org: the log is global.
 */
export interface WebhookEventRecord {
  id: string;
  eventType: string;
  occurredAt: string;
  receivedAt: string;
  /** The org the event concerned, when it concerned one. */
  orgId: string | null;
  outcome: "applied" | "stale" | "ignored";
}

export interface WebhookEventLog {
  has(eventId: string): Promise<boolean>;
  /** Records a handled event; recording the same id twice (a race of two deliveries) is fine. */
  record(event: WebhookEventRecord): Promise<void>;
}
