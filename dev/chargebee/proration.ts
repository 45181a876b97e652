import type { ChargeLine } from "./pricing";
import { DAY_SECONDS } from "./time";

/**
 * Chargebee's day-based proration: the unused part of a term is
 * remaining days / days in the term, where the day of the change counts as
 * remaining (a change at the very start of a term credits the whole term).
 */
export function termDays(termStart: number, termEnd: number): number {
  return Math.max(1, Math.round((termEnd - termStart) / DAY_SECONDS));
}

export function remainingDays(now: number, termStart: number, termEnd: number): number {
  const remaining = Math.ceil((termEnd - Math.max(now, termStart)) / DAY_SECONDS);
  return Math.min(termDays(termStart, termEnd), Math.max(0, remaining));
}

export function prorate(amount: number, remaining: number, total: number): number {
  return Math.round((amount * remaining) / total);
}

/** The unused (or still to be served) share of a full-term line, from `now` to the line's end. */
export function prorateLine(
  line: ChargeLine,
  remaining: number,
  total: number,
  now: number,
  label: string,
): ChargeLine {
  const amount = prorate(line.amount, remaining, total);
  // Tier usage describes a full term, so a prorated line carries none.
  return {
    itemPriceId: line.itemPriceId,
    description: `${line.description} - ${label}`,
    quantity: line.quantity,
    unitAmount: line.quantity > 0 ? Math.round(amount / line.quantity) : 0,
    amount,
    pricingModel: line.pricingModel,
    dateFrom: now,
    dateTo: line.dateTo,
  };
}
