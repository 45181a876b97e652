/** Trial rules (docs/architecture.md): 28 days from the org's first use, all features. */
export const TRIAL_DAYS = 28;
const DAY_MS = 24 * 60 * 60 * 1000;

export function trialEndsAt(trialStartedAt: Date): Date {
  return new Date(trialStartedAt.getTime() + TRIAL_DAYS * DAY_MS);
}

/** Whole days left, rounded up so the last day reads "1 day left", never negative. */
export function trialDaysLeft(trialStartedAt: Date, now: Date): number {
  const left = trialEndsAt(trialStartedAt).getTime() - now.getTime();
  return Math.max(0, Math.ceil(left / DAY_MS));
}
