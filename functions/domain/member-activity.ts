import type { MemberRecord } from "./member";

/**
 * When a member last used Timetracker, for the licensed list ("Last tracked", "Last opened")
 * and its "no time tracked in N days" filter, which lets a PCA free idle seats. Pure rules.
 */
export type ActivityField = "lastTrackedAt" | "lastOpenedAt";

/** The "no time tracked in N days" choices of the licensed list. */
export const INACTIVE_DAY_CHOICES = [30, 60, 90] as const;
export type InactiveDays = (typeof INACTIVE_DAY_CHOICES)[number];

const DAY_MS = 86_400_000;

const utcDay = (iso: string): string => iso.slice(0, 10);

/**
 * Whether an activity stamp is due: at most one write per member, field and UTC day, so a
 * stamp is the first activity of its day (a day is all the lists show) and role changes,
 * whose etag-guarded writes a stamp would make retry, rarely meet one.
 */
export function activityStampDue(member: Pick<MemberRecord, ActivityField>, field: ActivityField, at: Date): boolean {
  const stored = member[field];
  return stored === undefined || utcDay(stored) < utcDay(at.toISOString());
}

/**
 * The first instant that counts as "time tracked in the last N days": the start of the UTC
 * day N days ago. Stamps are kept to the day, so the filter decides by day too: a member
 * whose last stamp (or no stamp at all) is before it has tracked no time in N days.
 */
export function inactiveCutoff(now: Date, days: InactiveDays): string {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(dayStart - days * DAY_MS).toISOString();
}
