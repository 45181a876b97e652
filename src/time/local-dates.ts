// Calendar arithmetic in the browser's time zone (the user's), for week views and the
// zoned start times the backend stores. Pure: unit-tested.

/** "YYYY-MM-DD" of a local date. */
export function dayString(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Local midnight of "YYYY-MM-DD". */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setDate(date.getDate() + days);
  return dayString(date);
}

/** Monday of the week of `day`. */
export function weekStart(day: string): string {
  const date = parseDay(day);
  return addDays(day, -((date.getDay() + 6) % 7));
}

/** The seven days Monday..Sunday from a Monday. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

function offsetText(minutesEast: number): string {
  const abs = Math.abs(minutesEast);
  return `${minutesEast < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** "2026-03-02T09:30:00+01:00" for a local day and "HH:MM", with the offset in force then. */
export function zonedStart(day: string, time: string): string {
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const local = parseDay(day);
  local.setHours(h, mi, 0, 0);
  return `${day}T${time.slice(0, 5)}:00${offsetText(-local.getTimezoneOffset())}`;
}

/** "09:30" as written in a zoned start (the user's wall clock when they logged it). */
export function wallClockTime(zoned: string): string {
  return zoned.slice(11, 16);
}

/** "HH:MM" of a local Date. */
export function timeString(date: Date): string {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

/** "HH:MM" of `start` + `seconds`, wrapping past midnight. */
export function endTime(start: string, seconds: number): string {
  const [h, m] = start.split(":").map(Number) as [number, number];
  const total = Math.floor((h * 3600 + m * 60 + seconds) / 60) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** Seconds from "HH:MM" to "HH:MM" on the same day; null when the end is not after the start. */
export function secondsBetween(start: string, end: string): number | null {
  const toSeconds = (t: string) => {
    const [h, m] = t.split(":").map(Number) as [number, number];
    return h * 3600 + m * 60;
  };
  const diff = toSeconds(end) - toSeconds(start);
  return diff > 0 ? diff : null;
}

const DAY_NAME = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
const LONG_DATE = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric" });

/** "Mon, 2 Mar". */
export function dayLabel(day: string): string {
  return DAY_NAME.format(parseDay(day));
}

/** "2 March 2026 – 8 March 2026" for a week. */
export function weekLabel(monday: string): string {
  return `${LONG_DATE.format(parseDay(monday))} – ${LONG_DATE.format(parseDay(addDays(monday, 6)))}`;
}
