import { SeatLimitError, ValidationError } from "./errors";
import type { PlanId } from "./org";
import { FREE_MAX_USERS, PLANS, planRule } from "./plans";

/**
 * Which plans fit a number of users, and whether seats may be set to a number. The plan
 * selection greys out what does not fit and shows the reason; the backend refuses it.
 */
export type Fit = { fits: true } | { fits: false; reason: string };

const FITS: Fit = { fits: true };
const doesNotFit = (reason: string): Fit => ({ fits: false, reason });

/** More seats than this is a typo, not an order. */
export const MAX_SEATS = 100_000;

const users = (n: number): string => `${n} ${n === 1 ? "user" : "users"}`;

export function planFit(plan: PlanId, seats: number): Fit {
  const rule = planRule(plan);
  if (seats < rule.minUsers) return doesNotFit(`The ${rule.name} plan requires at least ${users(rule.minUsers)}.`);
  if (rule.maxUsers !== null && seats > rule.maxUsers)
    return doesNotFit(`The ${rule.name} plan is for at most ${users(rule.maxUsers)}.`);
  return FITS;
}

/**
 * Seats may never drop below the users holding a license: the buyer first unassigns
 * (role None) on the Permissions page, and we say how many.
 */
export function seatsFit(seats: number, licensed: number): Fit {
  if (seats >= licensed) return FITS;
  const excess = licensed - seats;
  return doesNotFit(
    `${users(licensed)} ${licensed === 1 ? "is" : "are"} licensed now. Unassign ${users(excess)} on the Permissions page ` +
      `(role None) before lowering Users Assignable to ${seats}.`,
  );
}

/** "Switch" to Free is offered only when at most 3 users are licensed (reference: Apply the Free plan). */
export function freeSwitchFit(licensed: number): Fit {
  if (licensed <= FREE_MAX_USERS) return FITS;
  const excess = licensed - FREE_MAX_USERS;
  return doesNotFit(
    `The Free plan is for at most ${users(FREE_MAX_USERS)}, and ${users(licensed)} ${licensed === 1 ? "is" : "are"} licensed now. ` +
      `Set ${users(excess)} to None on the Permissions page, then switch.`,
  );
}

/**
 * First reason an order for `seats` users on `plan` cannot be placed, for the plan cards.
 * For Free the licensed users come first: that reason says what to do (set users to None).
 */
export function orderFit(plan: PlanId, seats: number, licensed: number): Fit {
  if (plan === "free") {
    const byLicensed = freeSwitchFit(licensed);
    return byLicensed.fits ? planFit(plan, seats) : byLicensed;
  }
  const byPlan = planFit(plan, seats);
  return byPlan.fits ? seatsFit(seats, licensed) : byPlan;
}

/**
 * Guards a write. Seats outside a plan's range are a bad request (400); seats below the
 * licensed users depend on the org's current state (409), as does Free with too many users.
 */
export function assertOrderFits(plan: PlanId, seats: number, licensed: number): void {
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
    throw new ValidationError(`Users Assignable must be a whole number from 1 to ${MAX_SEATS}.`);
  }
  const byPlan = planFit(plan, seats);
  if (!byPlan.fits) throw new ValidationError(byPlan.reason);
  const byLicensed = plan === "free" ? freeSwitchFit(licensed) : seatsFit(seats, licensed);
  if (!byLicensed.fits) throw new SeatLimitError(byLicensed.reason, { licensed, seats });
}

/**
 * The plan a subscription for `users` users would be on: the current (or last) plan when it
 * fits them, else the smallest plan above it that does, else the smallest that fits at all
 * (without any plan, the smallest that fits).
 */
export function planForUsers(current: PlanId | null, users: number): PlanId {
  if (current && planFit(current, users).fits) return current;
  const rank = current ? planRule(current).rank : -1;
  const fitting = PLANS.filter((rule) => planFit(rule.id, users).fits);
  // Team takes 1–299 and Ultimate 20 and more: some plan fits every number of users.
  return (fitting.find((rule) => rule.rank > rank) ?? fitting[0])?.id ?? "ultimate";
}
