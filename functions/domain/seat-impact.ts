import type { BillingPeriod, PlanId } from "./org";
import { planName } from "./plans";
import { formatMoney } from "./pricing";
import { checkSeats } from "./seats";

/**
 * What a user-management step does to seats, said before it is taken (+ Add Users, Assign
 * Role, Select all, None). Whether it fits is exactly the write's seat check (`checkSeats`),
 * so the preview and the write never disagree on the same ledger.
 */
export interface SeatFacts {
  /** Net seats the step takes (negative: it frees seats). */
  needed: number;
  /** Seats taken now: the members the seat ledger counts as licensed, and the seats other changes hold. */
  licensed: number;
  /** The plan's seats; null while there is no limit (trial). */
  limit: number | null;
}

export interface SeatImpact {
  seatsNeeded: number;
  /** Seats free now; null without a limit. */
  seatsFree: number | null;
  fits: boolean;
  /** Seats to add before the step fits (0 when it fits). */
  seatsMissing: number;
  /** Users the plan must be for so the step fits (licensed now + needed); null when it fits. */
  usersNeeded: number | null;
  /** "Uses 4 of 6 free seats", "Frees 3 seats", "Needs 3 more seats than are free (2 of 5 free)". */
  summary: string;
}

const seats = (n: number, more = ""): string => `${n.toLocaleString("en")} ${more}${n === 1 ? "seat" : "seats"}`;

export function seatImpact(facts: SeatFacts): SeatImpact {
  const { needed, licensed, limit } = facts;
  const free = limit === null ? null : Math.max(0, limit - licensed);
  const base = { seatsNeeded: needed, seatsFree: free, fits: true, seatsMissing: 0, usersNeeded: null };
  if (needed === 0) return { ...base, summary: "Changes no seats" };
  if (needed < 0) return { ...base, summary: `Frees ${seats(-needed)}` };
  if (limit === null || free === null) return { ...base, summary: "No seat limit during the trial" };
  const check = checkSeats(licensed, needed, limit);
  if (check.ok)
    return {
      ...base,
      summary: `Uses ${needed.toLocaleString("en")} of ${free.toLocaleString("en")} free ${free === 1 ? "seat" : "seats"}`,
    };
  const missing = check.usersNeeded - limit;
  return {
    ...base,
    fits: false,
    seatsMissing: missing,
    usersNeeded: check.usersNeeded,
    summary: shortfallSummary(check.usersNeeded, missing, free, licensed, limit),
  };
}

function shortfallSummary(users: number, missing: number, free: number, licensed: number, limit: number): string {
  // A trial that ended or a cancelled plan has no seats at all: everyone licensed needs one.
  if (limit === 0)
    return `Needs a plan for ${users.toLocaleString("en")} ${users === 1 ? "user" : "users"}: no plan is active`;
  // After a downgrade more users may be licensed than the plan has seats: those come first.
  if (licensed > limit)
    return `Needs ${seats(missing, "more ")}: ${licensed.toLocaleString("en")} users are licensed on ${seats(limit)}`;
  return `Needs ${seats(missing, "more ")} than are free (${free.toLocaleString("en")} of ${limit.toLocaleString("en")} free)`;
}

/**
 * What a subscription for a number of users costs (the billing side answers it from
 * Chargebee): its estimate of changing the live paid subscription, or, without one, the
 * list price of the plan the Subscription page would offer.
 */
export interface SeatCost {
  plan: PlanId;
  period: BillingPeriod;
  users: number;
  currency: string;
  /** Chargebee's estimate of the change: cents billed now (prorated) and of the next renewal. */
  estimate: { billedNow: number; nextBillingAmount: number } | null;
  /** The live paid subscription's plan, when it is not `plan`: the missing seats need a larger plan. */
  changesPlanFrom: PlanId | null;
  /** Cents per billing period for `users` users at list price. */
  listAmount: number;
}

const per = (period: BillingPeriod): string => (period === "yearly" ? "per year" : "per month");

/** What a cost means, in one sentence: what is billed now and what is billed after. */
export function seatCostText(cost: SeatCost, missing: number): string {
  const plan = planName(cost.plan);
  const money = (cents: number) => formatMoney(cents, cost.currency);
  const users = `${cost.users.toLocaleString("en")} ${cost.users === 1 ? "user" : "users"}`;
  if (cost.estimate && cost.changesPlanFrom)
    return `${seats(missing, "more ")} need${missing === 1 ? "s" : ""} a larger plan than ${planName(cost.changesPlanFrom)}: moving to the ${plan} plan for ${users} bills ${money(cost.estimate.billedNow)} now (Chargebee's prorated estimate), then ${money(cost.estimate.nextBillingAmount)} ${per(cost.period)}.`;
  if (cost.estimate)
    return `Adding ${seats(missing)} to your ${plan} plan bills ${money(cost.estimate.billedNow)} now (Chargebee's prorated estimate), then ${money(cost.estimate.nextBillingAmount)} ${per(cost.period)}.`;
  if (cost.listAmount === 0) return `The ${plan} plan covers ${users} at no cost.`;
  return `The ${plan} plan for ${users} costs ${money(cost.listAmount)} ${per(cost.period)} at list price.`;
}

/** What freed seats save, once Users Assignable is lowered by as many on the Subscription page. */
export function seatSavingText(freed: number, perMonth: number, currency: string): string {
  return `Lowering Users Assignable by ${freed.toLocaleString("en")} on the Subscription page saves ${formatMoney(perMonth, currency)} per month.`;
}
