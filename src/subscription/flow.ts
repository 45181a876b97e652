import type { BillingPeriod, OrderQuote, PlanId, PlanOffer, SubscriptionOverview } from "../services/billing-service";

/**
 * The Subscription tab's steps, as the product documents them:
 * Activation Information → plan selection (Buy Now / Change) → Your Order → (new
 * subscriptions only) order total → Proceed to Checkout → wait for Chargebee → back to
 * Activation Information.
 */
export type Purpose = "buy" | "change-plan" | "change-billing" | "change-users";

export interface OrderDraft {
  purpose: Purpose;
  plan: PlanId;
  period: BillingPeriod;
  seats: number;
}

export type View =
  | { name: "overview"; notice?: string }
  /** seats undefined: the licensed users now (or the current seats, if more). */
  | { name: "plans"; purpose: Purpose; seats?: number }
  /** Opened for a number of users (the Permissions page's ?users=N): the plan selection for them. */
  | { name: "requested"; seats: number }
  | { name: "order"; draft: OrderDraft }
  | { name: "total"; draft: OrderDraft; amount: number; currency: string }
  | { name: "checkout"; hostedPageId: string; url: string };

/** The button on a plan card, or null when the card offers none (the current plan, unchanged). */
export function planButtonLabel(purpose: Purpose, offer: PlanOffer, seatsChanged: boolean): string | null {
  if (offer.plan === "free") return offer.move === "current" ? null : "Switch";
  if (purpose === "buy" || offer.move === "new") return "Buy";
  if (purpose === "change-users") return "Continue";
  switch (offer.move) {
    case "upgrade":
      return "Upgrade";
    case "downgrade":
      return "Downgrade";
    default:
      return seatsChanged ? "Continue" : null;
  }
}

/**
 * Your Order opens on Annual Billing for a purchase, on the opposite of the current period
 * for a billing change, and on the current period otherwise.
 */
export function initialPeriod(purpose: Purpose, current: BillingPeriod | null): BillingPeriod {
  if (purpose === "change-billing") return current === "yearly" ? "monthly" : "yearly";
  return purpose === "buy" || !current ? "yearly" : current;
}

/** Plan names as the product writes them ("start" → "Start"). */
export function planName(plan: PlanId): string {
  return `${plan.charAt(0).toUpperCase()}${plan.slice(1)}`;
}

/**
 * The order's confirm button: "Change" for a billing period change, else "Buy Now" with what
 * it buys, so that it does not read like the trial bar's Buy Now on the same page.
 */
export function confirmLabel(draft: Pick<OrderDraft, "purpose" | "plan" | "seats">): string {
  if (draft.purpose === "change-billing") return "Change";
  return `Buy Now: ${planName(draft.plan)} for ${draft.seats} ${draft.seats === 1 ? "user" : "users"}`;
}

/** What the order's estimate means in the product's words. */
export function estimateSummary(quote: OrderQuote): { label: string; amount: number } | null {
  const estimate = quote.estimate;
  if (!estimate) return null;
  if (estimate.billedImmediately > 0) return { label: "Billed immediately", amount: estimate.billedImmediately };
  if (estimate.credit > 0) return { label: "Credit for your next invoices", amount: estimate.credit };
  return { label: "Billed immediately", amount: 0 };
}

/** The page address's `users` (?users=8, from the Permissions page), when it is a number of users; else null. */
export function requestedUsers(query: Readonly<Record<string, string>>): number | null {
  const users = query.users;
  // The plans endpoint checks the range; this only keeps out what is no number of users at all.
  return users !== undefined && /^[1-9]\d{0,5}$/.test(users) ? Number(users) : null;
}

/** Opened for a number of users: Change users of the live paid subscription, else Buy Now. */
export function purposeForUsers(overview: Pick<SubscriptionOverview, "state" | "plan">): Purpose {
  const live = overview.state === "active" || overview.state === "non_renewing";
  return live && overview.plan !== null && overview.plan !== "free" ? "change-users" : "buy";
}
