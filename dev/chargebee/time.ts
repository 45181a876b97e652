/** Chargebee timestamps are Unix seconds; the stand-in works in UTC throughout. */
export const DAY_SECONDS = 86_400;

export type PeriodUnit = "month" | "year";

/**
 * `count` billing periods after `anchor`, keeping the anchor's day of month
 * where it exists (a term that starts on 31 January ends on 28/29 February,
 * and the next one on 31 March, as Chargebee bills).
 */
export function addPeriods(anchor: number, unit: PeriodUnit, count: number): number {
  const start = new Date(anchor * 1000);
  const months = start.getUTCMonth() + (unit === "year" ? 12 * count : count);
  const year = start.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()) / 1000;
}

export const isoDate = (unix: number): string => new Date(unix * 1000).toISOString().slice(0, 10);
