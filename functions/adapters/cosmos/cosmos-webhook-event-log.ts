import { ConflictError } from "../../domain/errors";
import type { WebhookEventLog, WebhookEventRecord } from "../../ports/webhook-event-log";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";

/** One document per handled webhook event in `webhookEvents` (partition key /id = event id). */
export class CosmosWebhookEventLog implements WebhookEventLog {
  constructor(private readonly db: CosmosDatabase) {}

  async has(eventId: string): Promise<boolean> {
    const { webhookEvents } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the webhook event log", async () => {
      const { statusCode } = await webhookEvents.item(eventId, eventId).read();
      return statusCode !== 404;
    });
  }

  async record(event: WebhookEventRecord): Promise<void> {
    const { webhookEvents } = await storeCall("Opening the database", () => this.db.containers());
    try {
      await storeCall("Recording the webhook event", () =>
        webhookEvents.items.create({ ...event, type: "webhookEvent" }),
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
