import type { MeResponse } from "../services/contracts";

/** Only PCAs see the trial countdown and Buy Now, and only during the trial. */
export function showsTrialBar(me: MeResponse): me is MeResponse & { trial: NonNullable<MeResponse["trial"]> } {
  return me.isPca && me.trial !== null;
}

export function trialCountdownText(daysLeft: number): string {
  return `Timetracker Free Trial: ${daysLeft} ${daysLeft === 1 ? "day" : "days"} left.`;
}

/** "Why am I seeing this?" */
export const TRIAL_EXPLANATION =
  "You are seeing this because you are a Project Collection Administrator of this organization and Timetracker is in its " +
  "28-day free trial, with all features. Other users don't see this bar. When the trial ends, users can no longer use " +
  "Timetracker until a plan is bought; their data is kept.";
