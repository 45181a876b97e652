import type { Subscription } from "chargebee";
import { fullTermLine, type ChargeLine } from "./pricing";
import { prorateLine, remainingDays, termDays } from "./proration";
import type { Store } from "./store";
import { periodUnitOf, planOf, type PlanChoice } from "./subscription-record";
import { addPeriods } from "./time";

export interface ChangeOptions {
  next: PlanChoice;
  prorate: boolean;
  invoiceImmediately: boolean;
  forceTermReset: boolean;
}

/** What an update would do, computed without touching anything (shared by the update and its estimate). */
export interface PlannedChange {
  next: PlanChoice;
  termReset: boolean;
  termStart: number;
  termEnd: number;
  /** Unused part of the old plan, to be credited. */
  credits: ChargeLine[];
  /** The new plan's share of the (possibly new) term, to be charged. */
  charges: ChargeLine[];
  invoiceNow: boolean;
}

/**
 * Chargebee's proration for a mid-term change: credit the old plan for the
 * remaining days and charge the new plan for the same days. Switching
 * between monthly and yearly (or `force_term_reset`) starts a new term now:
 * the old plan's unused days are credited and the new term charged in full.
 * With `prorate: false` neither credits nor mid-term charges are made.
 */
export function planChange(
  store: Store,
  subscription: Subscription,
  options: ChangeOptions,
  now: number,
): PlannedChange {
  const current = planOf(store, subscription);
  const { next } = options;
  const start = subscription.current_term_start ?? now;
  const end = subscription.current_term_end ?? now;
  const newUnit = periodUnitOf(next.itemPrice);
  const termReset = options.forceTermReset || newUnit !== subscription.billing_period_unit;
  const unchanged = !termReset && current.itemPrice.id === next.itemPrice.id && current.quantity === next.quantity;
  const total = termDays(start, end);
  const remaining = remainingDays(now, start, end);
  const oldLine = fullTermLine(current.itemPrice, current.quantity, start, end);

  const credits =
    !unchanged && options.prorate ? [prorateLine(oldLine, remaining, total, now, "Prorated Credits")] : [];
  let charges: ChargeLine[] = [];
  let termStart = start;
  let termEnd = end;
  if (termReset) {
    termStart = now;
    termEnd = addPeriods(now, newUnit, 1);
    charges = [fullTermLine(next.itemPrice, next.quantity, termStart, termEnd)];
  } else if (!unchanged && options.prorate) {
    const newLine = fullTermLine(next.itemPrice, next.quantity, start, end);
    charges = [prorateLine(newLine, remaining, total, now, "Prorated Charges")];
  }
  return {
    next,
    termReset,
    termStart,
    termEnd,
    credits: credits.filter((line) => line.amount > 0),
    charges: charges.filter((line) => line.amount > 0),
    invoiceNow: options.invoiceImmediately,
  };
}
