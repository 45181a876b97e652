import { z } from "zod";
import type { SubscriptionSnapshot } from "../../domain/org";
import { parseItemPriceId } from "../../domain/plans";
import type { SubscriptionFacts } from "../../ports/billing";

/**
 * A Chargebee subscription (API result or webhook content) → the facts our snapshot keeps.
 * Parsed, not trusted: webhook bodies are input from the network. Returns null for a
 * subscription that is not one of our plans (another product on the same site).
 */
const subscriptionSchema = z.object({
  id: z.string().min(1),
  customer_id: z.string().min(1),
  status: z.string(),
  resource_version: z.number().optional(),
  updated_at: z.number().optional(),
  current_term_end: z.number().optional(),
  next_billing_at: z.number().optional(),
  subscription_items: z
    .array(z.object({ item_price_id: z.string(), item_type: z.string().optional(), quantity: z.number().optional() }))
    .default([]),
});

const STATUSES: Record<string, SubscriptionSnapshot["status"]> = {
  future: "future",
  in_trial: "in_trial",
  active: "active",
  non_renewing: "non_renewing",
  paused: "paused",
  cancelled: "cancelled",
  // Moved to another customer: for this org it is over.
  transferred: "cancelled",
};

const isoFromUnix = (seconds: number | undefined): string | null =>
  seconds === undefined ? null : new Date(seconds * 1000).toISOString();

export function toSubscriptionFacts(raw: unknown): SubscriptionFacts | null {
  const parsed = subscriptionSchema.safeParse(raw);
  if (!parsed.success) return null;
  const sub = parsed.data;
  const item = sub.subscription_items.find((i) => (i.item_type ?? "plan") === "plan");
  const plan = item ? parseItemPriceId(item.item_price_id) : null;
  const status = STATUSES[sub.status];
  // A status Chargebee may add later is not guessed at: the snapshot stays as it was.
  if (!item || !plan || !status) return null;
  return {
    plan: plan.plan,
    billingPeriod: plan.period,
    status,
    seats: item.quantity ?? 1,
    chargebeeSubscriptionId: sub.id,
    chargebeeCustomerId: sub.customer_id,
    currentTermEnd: isoFromUnix(sub.current_term_end),
    nextBillingAt: isoFromUnix(sub.next_billing_at),
    // resource_version is Chargebee's millisecond change stamp; updated_at (seconds) is the fallback.
    resourceVersion: sub.resource_version ?? (sub.updated_at ?? 0) * 1000,
  };
}
