import { z } from "zod";
import { ASSIGNABLE_ROLES, type AssignedRole } from "../domain/roles";

/**
 * What a user-management step does to seats and money, decided by the server before the
 * step is taken (+ Add Users, Assign Role, Select all, a group rule's preview, None).
 */

/** Cents in a currency, with the text to show ("$48.00"). */
export interface MoneyView {
  amount: number;
  currency: string;
  text: string;
}

export interface SeatImpact {
  /** Seats the step takes (positive) or frees (negative), net. */
  seatsNeeded: number;
  /** Seats free now; null while the plan has no seat limit (trial). */
  seatsFree: number | null;
  fits: boolean;
  /** Seats to add to the subscription before the step fits (0 when it fits). */
  seatsMissing: number;
  /**
   * What adding the missing seats costs now (Chargebee's estimate of the change, as on
   * Subscription › Change users); null when nothing is missing, or when there is no
   * subscription to change (then `subscriptionUrl` leads to Buy Now).
   */
  costOfMissingSeats: MoneyView | null;
  /** What freeing seats saves per month at the current price; null when nothing is freed or nothing is paid. */
  monthlySaving: MoneyView | null;
  /** "uses 4 of 6 free seats", "frees 3 seats", "needs 2 more seats than are free". */
  summary: string;
  /** Organization Settings › Timetracker Subscription, with the number of users it needs filled in. */
  subscriptionUrl: string;
}

const userIds = z.array(z.string().trim().min(1).max(100), { error: "userIds must be a list of user ids" }).max(10_000, "at most 10,000 users");

/**
 * POST /api/users/seat-impact: the impact of giving `role` to these users, or to every
 * licensed user matching the list's filter (`allLicensed`, for Select all).
 */
export const SeatImpactRequest = z.strictObject({
  role: z.enum(ASSIGNABLE_ROLES as [AssignedRole, ...AssignedRole[]], { error: `role must be one of ${ASSIGNABLE_ROLES.join(", ")}` }),
  userIds: userIds.optional(),
  allLicensed: z.strictObject({ search: z.string().max(200).optional(), inactiveDays: z.union([z.literal(30), z.literal(60), z.literal(90)]).optional() }).optional(),
});
export type SeatImpactRequest = z.infer<typeof SeatImpactRequest>;
