import type { BillingPeriod, PlanId } from "./org";

/**
 * The plans we sell and who they are for (docs/architecture.md, "Roles and plans at a glance"). Prices are not here: Chargebee's
 * catalog is the source of truth for money; these are the product rules around it.
 */
export interface PlanRule {
  id: PlanId;
  name: string;
  minUsers: number;
  /** Null: no upper bound. */
  maxUsers: number | null;
  /** Order from cheapest to most capable; decides "upgrade" vs "downgrade". */
  rank: number;
  /** Billing periods the plan is sold with. Free costs nothing, so it has no annual term. */
  periods: readonly BillingPeriod[];
}

export const PLAN_IDS = ["free", "start", "team", "ultimate"] as const satisfies readonly PlanId[];
export const BILLING_PERIODS = ["yearly", "monthly"] as const satisfies readonly BillingPeriod[];

/** The Free plan's limit, also the licensed count below which "Switch" to Free is offered. */
export const FREE_MAX_USERS = 3;

const RULES: Record<PlanId, PlanRule> = {
  free: { id: "free", name: "Free", minUsers: 1, maxUsers: FREE_MAX_USERS, rank: 0, periods: ["monthly"] },
  start: { id: "start", name: "Start", minUsers: 1, maxUsers: 19, rank: 1, periods: BILLING_PERIODS },
  team: { id: "team", name: "Team", minUsers: 1, maxUsers: 299, rank: 2, periods: BILLING_PERIODS },
  ultimate: { id: "ultimate", name: "Ultimate", minUsers: 20, maxUsers: null, rank: 3, periods: BILLING_PERIODS },
};

export const PLANS: readonly PlanRule[] = PLAN_IDS.map((id) => RULES[id]);

export function planRule(plan: PlanId): PlanRule {
  return RULES[plan];
}

export function planName(plan: PlanId): string {
  return RULES[plan].name;
}

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && (PLAN_IDS as readonly string[]).includes(value);
}

export function isBillingPeriod(value: unknown): value is BillingPeriod {
  return typeof value === "string" && (BILLING_PERIODS as readonly string[]).includes(value);
}

/** The period an order for `plan` is billed with: the requested one when the plan is sold that way. */
export function periodFor(plan: PlanId, requested: BillingPeriod): BillingPeriod {
  const { periods } = RULES[plan];
  return periods.includes(requested) ? requested : periods[0];
}

export function oppositePeriod(period: BillingPeriod): BillingPeriod {
  return period === "yearly" ? "monthly" : "yearly";
}

export type PlanMove = "same" | "upgrade" | "downgrade";

/** How moving from one plan to another reads to the buyer ("Upgrade" button, "Billed immediately"). */
export function planMove(from: PlanId, to: PlanId): PlanMove {
  const delta = RULES[to].rank - RULES[from].rank;
  return delta === 0 ? "same" : delta > 0 ? "upgrade" : "downgrade";
}

/** Only USD is sold. */
export const CURRENCY = "USD";

/**
 * Plan and period of a Chargebee item price id, `<item>-<currency>-<period>`: our catalog
 * says `start-USD-yearly`, Chargebee's default naming `start-USD-Yearly`.
 */
export function parseItemPriceId(id: string): { plan: PlanId; period: BillingPeriod; currency: string } | null {
  const match = /^([a-z]+)-([A-Z]{3})-([A-Za-z]+)$/.exec(id);
  if (!match) return null;
  const [, plan, currency, rawPeriod] = match;
  const period = rawPeriod.toLowerCase();
  if (!isPlanId(plan) || !isBillingPeriod(period)) return null;
  return { plan, period, currency };
}
