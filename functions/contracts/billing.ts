import { z } from "zod";
import type { Fit } from "../domain/plan-fit";
import type { BillingPeriod, PlanId } from "../domain/org";
import type { Quote } from "../domain/pricing";
import type {
  BillingAddress,
  BillingDocument,
  ChangeEstimate,
  ContactInfo,
  CustomerDetails,
  DocumentKind,
} from "../ports/billing";

/**
 * HTTP contract of the Subscription page (`/api/subscription/...`, PCAs only).
 * Request bodies are validated with these schemas; the front end imports the types only.
 * Amounts are integer cents. Prices are always the server's, from Chargebee's catalog:
 * a client may send the amount it showed (`expectedAmount`) only so that a changed price
 * is refused instead of charged.
 */
export type {
  BillingAddress,
  BillingDocument,
  ChangeEstimate,
  ContactInfo,
  CustomerDetails,
  DocumentKind,
  Fit,
  Quote,
  PlanId,
  BillingPeriod,
};

const plan = z.enum(["free", "start", "team", "ultimate"], {
  message: "Unknown plan: use free, start, team or ultimate.",
});
const period = z.enum(["yearly", "monthly"], { message: "Unknown billing period: use yearly or monthly." });
const seats = z
  .number({ message: "Users Assignable must be a number." })
  .int("Users Assignable must be a whole number.");
/** One id per confirmation the buyer clicks; a retry with the same id is never charged twice. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "requestId must be 8–64 letters, digits, '-' or '_'.");

export const orderSchema = z.strictObject({ plan, period, seats });
export type OrderRequest = z.infer<typeof orderSchema>;

export const placeOrderSchema = z.strictObject({
  plan,
  period,
  seats,
  requestId,
  expectedAmount: z.number().int().nonnegative().optional(),
});
export type PlaceOrderRequest = z.infer<typeof placeOrderSchema>;

export const cancelSchema = z.strictObject({
  when: z.enum(["immediately", "end_of_term"]).default("immediately"),
  requestId,
});
export type CancelRequest = z.input<typeof cancelSchema>;

export const switchToFreeSchema = z.strictObject({ requestId });

const text = (max: number) => z.string().trim().max(max);
const required = (label: string, max = 100) => text(max).min(1, `${label} is required.`);

export const billingAddressSchema = z.strictObject({
  firstName: required("First name"),
  lastName: required("Last name"),
  email: z.union([z.literal(""), z.email("Email is not a valid address.")]).optional(),
  company: text(250).optional(),
  phone: text(50).optional(),
  line1: required("Address line 1", 150),
  line2: text(150).optional(),
  city: required("City", 50),
  state: text(50).optional(),
  zip: required("ZIP / postal code", 20),
  country: z.string().regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO code, e.g. US or DE."),
  requestId,
});
export type BillingAddressRequest = z.infer<typeof billingAddressSchema>;

export const contactSchema = z.strictObject({
  firstName: required("First name"),
  lastName: required("Last name"),
  email: z.email("Email is not a valid address."),
  phone: text(50).optional(),
  company: text(250).optional(),
  requestId,
});
export type ContactRequest = z.infer<typeof contactSchema>;

export const paymentPageSchema = z.strictObject({ requestId });

export const plansQuerySchema = z.object({
  seats: z.coerce
    .number()
    .int("seats must be a whole number.")
    .min(1, "seats must be at least 1.")
    .max(100_000)
    .optional(),
});

export const pdfQuerySchema = z.object({ disposition: z.enum(["attachment", "inline"]).default("attachment") });
export const documentKindSchema = z.enum(["invoice", "credit_note"], {
  message: "Unknown document kind: use invoice or credit_note.",
});

/** What "Current Plan" reads. */
export type CurrentPlanLabel = "Trial" | "Free" | "Start" | "Team" | "Ultimate" | "Cancelled";

/** GET /api/subscription: the Activation Information. */
export interface SubscriptionOverview {
  state: "trial" | "trial_expired" | "active" | "non_renewing" | "cancelled";
  currentPlan: CurrentPlanLabel;
  /** The plan of the subscription (also when cancelled); null in the trial. */
  plan: PlanId | null;
  billingPeriod: BillingPeriod | null;
  seats: number | null;
  licensed: number;
  trial: { endsAt: string; daysLeft: number } | null;
  currentTermEnd: string | null;
  nextBillingAt: string | null;
  /** Cents of the next renewal (catalog price for the seats); null when unknown or nothing renews. */
  nextBillingAmount: number | null;
  currency: string;
  /** A paid or Free subscription that can be cancelled now. */
  canCancel: boolean;
  /** Whether "Switch" to Free is possible now, and why not. */
  freeSwitch: Fit;
}

export type PlanMoveLabel = "new" | "current" | "upgrade" | "downgrade";

export interface PriceView extends Quote {
  /** Rates per user per month of every tier (one entry for per-user prices). */
  rates: { from: number; to: number | null; perUserPerMonth: number }[];
}

export interface PlanOffer {
  plan: PlanId;
  name: string;
  minUsers: number;
  maxUsers: number | null;
  fit: Fit;
  move: PlanMoveLabel;
  prices: { yearly: PriceView | null; monthly: PriceView | null };
}

/** GET /api/subscription/plans?seats=N */
export interface PlansResponse {
  seats: number;
  licensed: number;
  current: { plan: PlanId; period: BillingPeriod; seats: number } | null;
  offers: PlanOffer[];
}

/** POST /api/subscription/quote: "Your Order". */
export interface OrderQuote {
  /** checkout: a new subscription via hosted checkout; change: prorated change of the live one; free: Switch. */
  kind: "checkout" | "change" | "free";
  order: PriceView;
  /** Chargebee's estimate of a change (billed immediately / credit); null for checkout and free. */
  estimate: ChangeEstimate | null;
}

/** POST /api/subscription/checkout */
export interface CheckoutStarted {
  hostedPageId: string;
  url: string;
}

/** POST /api/subscription/checkout/{id}/sync */
export type CheckoutSync =
  { state: "open" } | { state: "cancelled" | "expired" } | { state: "succeeded"; subscription: SubscriptionOverview };

/** GET /api/subscription/billing */
export interface BillingDetailsResponse {
  /** Null until the first purchase created the customer. */
  customer: CustomerDetails | null;
}

/** POST /api/subscription/billing/payment-page */
export interface HostedPageResponse {
  url: string;
}

/** GET /api/subscription/invoices */
export interface DocumentsResponse {
  documents: BillingDocument[];
}

/** GET /api/subscription/invoices/{kind}/{id}/pdf */
export interface PdfLinkResponse {
  url: string;
  validTill: string | null;
}
