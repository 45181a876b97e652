import type { WebhookEvent } from "./model";

export interface WebhookTarget {
  url: string;
  username: string;
  password: string;
}

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  attempt: number;
  /** HTTP status of the receiver's answer; absent when the connection failed. */
  status?: number;
  error?: string;
}

export type ReleaseOrder = "in_order" | "reverse";

/**
 * Posts events to the configured endpoint like Chargebee: JSON body, Basic
 * auth, one event per request, in creation order, without blocking the API
 * call that caused them. A non-2xx answer or a network error is retried after
 * each of `retryDelaysMs`; the event's `webhook_status` tracks the outcome.
 * Tests can hold deliveries and release them reordered, or redeliver.
 */
export class WebhookDispatcher {
  readonly deliveries: DeliveryAttempt[] = [];
  private target: WebhookTarget | undefined;
  private readonly retryDelaysMs: readonly number[];
  private readonly log: (line: string) => void;
  private chain: Promise<void> = Promise.resolve();
  private held: WebhookEvent[] | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;

  constructor(options: { target?: WebhookTarget; retryDelaysMs?: readonly number[]; log: (line: string) => void }) {
    this.target = options.target;
    this.retryDelaysMs = options.retryDelaysMs ?? [250, 1000, 4000];
    this.log = options.log;
  }

  setTarget(target: WebhookTarget | undefined): void {
    this.target = target;
  }

  /** Queues a new event for delivery (or holds it, see `hold`). */
  enqueue(event: WebhookEvent): void {
    if (!this.target) {
      event.webhook_status = "not_configured";
      return;
    }
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.schedule(event, 1);
  }

  /** Stops sending: new events are kept until `release`. */
  hold(): void {
    this.held ??= [];
  }

  /** Sends the held events, in creation order or reversed, and waits until they are delivered or given up. */
  async release(order: ReleaseOrder = "in_order"): Promise<void> {
    const events = this.held ?? [];
    this.held = undefined;
    for (const event of order === "reverse" ? [...events].reverse() : events) this.schedule(event, 1);
    await this.idle();
  }

  /** Sends one event again, once, as Chargebee's "resend" does. Resolves with the receiver's status. */
  async redeliver(event: WebhookEvent): Promise<number | undefined> {
    return this.attempt(event, 0);
  }

  /** Resolves when nothing is queued or waiting for a retry. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    this.settle();
  }

  private schedule(event: WebhookEvent, attempt: number): void {
    this.pending += 1;
    this.chain = this.chain.then(async () => {
      const status = await this.attempt(event, attempt);
      const delivered = status !== undefined && status >= 200 && status < 300;
      const delay = this.retryDelaysMs[attempt - 1];
      if (!delivered && delay !== undefined && !this.stopped) {
        event.webhook_status = "re_scheduled";
        this.pending += 1;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.pending -= 1;
          this.schedule(event, attempt + 1);
        }, delay);
        this.timers.add(timer);
      } else {
        event.webhook_status = delivered ? "succeeded" : "failed";
      }
      this.pending = Math.max(0, this.pending - 1);
      this.settle();
    });
  }

  private async attempt(event: WebhookEvent, attempt: number): Promise<number | undefined> {
    const target = this.target;
    if (!target || this.stopped) return undefined;
    const record: DeliveryAttempt = { eventId: event.id, eventType: event.event_type, attempt };
    this.deliveries.push(record);
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Basic ${Buffer.from(`${target.username}:${target.password}`).toString("base64")}`,
          "User-Agent": "ChargeBee",
        },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      record.status = response.status;
      this.log(`webhook ${event.event_type} ${event.id} -> ${response.status}`);
      return response.status;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      this.log(`webhook ${event.event_type} ${event.id} failed: ${record.error}`);
      return undefined;
    }
  }

  private settle(): void {
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
