import type { BillingPeriod, PlanOffer, PriceView } from "../services/billing-service";

/** Display of prices and dates on the Subscription page. Amounts arrive as integer cents. */

export function formatMoney(cents: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

/** Whole dollars stay whole ("$8"), other amounts show cents ("$8.50"). */
export function formatRate(cents: number, currency = "USD"): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: whole ? 0 : 2 }).format(
    cents / 100,
  );
}

export function formatDate(iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );
}

/** The toggle's wording in the product: "Annual Billing" / "Monthly Billing". */
export function billingToggleLabel(period: BillingPeriod): string {
  return period === "yearly" ? "Annual Billing" : "Monthly Billing";
}

/** Under Billing in the Activation Information. */
export function periodName(period: BillingPeriod): string {
  return period === "yearly" ? "Annual" : "Monthly";
}

export function usersText(n: number): string {
  return `${n} ${n === 1 ? "user" : "users"}`;
}

function tierRange(from: number, to: number | null): string {
  return to === null ? `${from}+` : `${from}–${to}`;
}

/** "$8 per user / month", or for tiered prices "$17 (1–100), $10 (101–250), $7 (251+) per user / month". */
export function rateText(view: PriceView): string {
  if (view.rates.length <= 1) return `${formatRate(view.listPerUserPerMonth, view.currency)} per user / month`;
  const tiers = view.rates
    .map((r) => `${formatRate(r.perUserPerMonth, view.currency)} (${tierRange(r.from, r.to)})`)
    .join(", ");
  return `${tiers} per user / month`;
}

/** "$1,344.00 billed annually" / "$126.00 billed monthly". */
export function billedText(view: PriceView): string {
  return `${formatMoney(view.amount, view.currency)} billed ${view.period === "yearly" ? "annually" : "monthly"}`;
}

/** Tier lines of a tiered order: "100 users × $17 / month". */
export function tierLinesText(view: PriceView): string[] {
  return view.tiers.map(
    (t) =>
      `${tierRange(t.from, t.to)}: ${usersText(t.users)} × ${formatRate(t.perUserPerMonth, view.currency)} / month`,
  );
}

/** What annual billing saves over monthly for the same users, per year; null when nothing. */
export function annualSaving(yearly: PriceView | null, monthly: PriceView | null): string | null {
  if (!yearly || !monthly) return null;
  const saving = monthly.amount * 12 - yearly.amount;
  return saving > 0 ? `Save ${formatMoney(saving, yearly.currency)} a year with Annual Billing` : null;
}

/** Who a plan is for: "Up to 3 users", "20 or more users". */
export function planUsersText(offer: Pick<PlanOffer, "minUsers" | "maxUsers">): string {
  if (offer.maxUsers === null) return `${offer.minUsers} or more users`;
  return offer.minUsers <= 1 ? `Up to ${offer.maxUsers} users` : `${offer.minUsers}–${offer.maxUsers} users`;
}
