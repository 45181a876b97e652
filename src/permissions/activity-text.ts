/**
 * How the licensed list shows when a user last tracked time or opened Timetracker. The
 * server keeps these to the UTC day (the first activity of a day), and its "no time tracked
 * in N days" filter counts UTC days, so the text counts UTC days too.
 */
const DAY_MS = 86_400_000;
/** Beyond this, a date reads better than a count of days. */
const MAX_DAYS_AS_COUNT = 120;

const utcDayNumber = (ms: number) => Math.floor(ms / DAY_MS);

export function activityText(iso: string | null, now: Date): string {
  if (!iso) return "Never";
  const at = Date.parse(iso);
  const days = utcDayNumber(now.getTime()) - utcDayNumber(at);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days <= MAX_DAYS_AS_COUNT) return `${days} days ago`;
  return activityDate(iso);
}

/** The full date, for the cell's tooltip. */
export function activityDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );
}
