import { createHash } from "node:crypto";

/**
 * The idempotency key sent to the billing provider for one confirmation: the same org,
 * operation and client request id always give the same key, so a retried or double-clicked
 * request is replayed by Chargebee instead of charging again; another org cannot collide.
 */
export function idempotencyKey(orgId: string, operation: string, requestId: string): string {
  return createHash("sha256").update(`${orgId}\n${operation}\n${requestId}`).digest("base64url").slice(0, 40);
}
