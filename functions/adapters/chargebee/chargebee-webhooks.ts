import { timingSafeEqual } from "node:crypto";
import { basicAuthValidator } from "chargebee";
import { z } from "zod";
import { UnauthorizedError, ValidationError } from "../../domain/errors";
import type { BillingEvent, BillingWebhooks } from "../../ports/billing";
import { toSubscriptionFacts } from "./subscription-mapper";

/**
 * Chargebee webhooks: Basic auth with the credentials configured on the Chargebee site,
 * JSON events `{ id, occurred_at, event_type, content }`. We use the SDK's Basic-auth
 * validator, but not its event emitter: that one does not wait for async listeners, and we
 * must answer only after the snapshot is stored so that Chargebee retries a failed delivery.
 */
const eventSchema = z.object({
  id: z.string().min(1),
  event_type: z.string().min(1),
  occurred_at: z.number(),
  content: z.record(z.string(), z.unknown()).default({}),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Basic credentials configured for webhooks on the Chargebee site. */
export interface WebhookCredentials {
  username: string;
  password: string;
}

export function chargebeeWebhooks(credentials: WebhookCredentials): BillingWebhooks {
  const validate = basicAuthValidator(
    (username, password) =>
      // Unset credentials never authenticate anyone: an unconfigured endpoint is closed.
      credentials.username !== "" &&
      credentials.password !== "" &&
      // Evaluate both comparisons so timing does not tell which part was wrong.
      [sameSecret(username, credentials.username), sameSecret(password, credentials.password)].every(Boolean),
  );
  return {
    async authenticate(headers) {
      try {
        await validate(headers);
      } catch {
        throw new UnauthorizedError("The webhook credentials are missing or wrong.");
      }
    },

    parseEvent(body): BillingEvent {
      const parsed = eventSchema.safeParse(body);
      if (!parsed.success)
        throw new ValidationError(
          "The body is not a Chargebee event: it needs id, event_type, occurred_at and content.",
        );
      const event = parsed.data;
      return {
        id: event.id,
        type: event.event_type,
        occurredAt: new Date(event.occurred_at * 1000).toISOString(),
        subscription: event.content.subscription === undefined ? null : toSubscriptionFacts(event.content.subscription),
      };
    },
  };
}
