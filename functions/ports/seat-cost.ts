import type { SeatCost } from "../domain/seat-impact";

/**
 * What seats cost, for user management (whose callers are Timetracker Administrators as well
 * as Project Collection Administrators): the composition root answers it over the billing
 * use-cases and Chargebee. Each call reads the org's subscription as stored now.
 */
export interface SeatCostPort {
  /**
   * What a subscription for `users` users costs now: Chargebee's estimate of changing the live
   * paid subscription (as Subscription › Change users shows it), or without one the list price
   * of the plan the Subscription page would offer; null when the catalog has no such price.
   */
  forUsers(orgId: string, users: number): Promise<SeatCost | null>;
  /**
   * Cents per month that `seats` fewer seats of the live paid subscription save at its list
   * price; null without a paid subscription.
   */
  monthlySaving(orgId: string, seats: number): Promise<{ amount: number; currency: string } | null>;
}
