/**
 * Timestamps as the user wrote them: ISO 8601 with the user's UTC offset
 * ("2026-03-02T09:00:00+01:00"). The offset is kept because the day a worklog belongs to is
 * the user's local day, not the UTC one. Pure: no I/O.
 */
export interface ZonedTime {
  /** Milliseconds since the epoch. */
  instantMs: number;
  /** Minutes east of UTC (+60 for "+01:00"). */
  offsetMinutes: number;
}

const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
/** Real offsets lie between -12:00 and +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;
const MINUTE_MS = 60_000;
export const DAY_SECONDS = 86_400;

export function parseOffset(text: string): number | null {
  if (text === "Z") return 0;
  const m = OFFSET.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > MAX_OFFSET_MINUTES) return null;
  return m[1] === "-" ? -minutes : minutes;
}

/** Null when the text is not a complete, real date-time with an explicit offset. */
export function parseZonedTime(text: string): ZonedTime | null {
  const m = ZONED.exec(text);
  if (!m) return null;
  const offsetMinutes = parseOffset(m[8]);
  if (offsetMinutes === null) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const millis = Number((m[7] ?? "0").padEnd(3, "0"));
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 February over into March: a round trip catches impossible dates.
  const check = new Date(localMs);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return { instantMs: localMs - offsetMinutes * MINUTE_MS, offsetMinutes };
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "2026-03-02T09:00:00+01:00" (whole seconds). */
export function formatZonedTime(time: ZonedTime): string {
  const local = new Date(Math.floor(time.instantMs / 1000) * 1000 + time.offsetMinutes * MINUTE_MS);
  const date = local.toISOString().slice(0, 19);
  return `${date}${formatOffset(time.offsetMinutes)}`;
}

/** The user's calendar day ("YYYY-MM-DD") of this moment. */
export function localDate(time: ZonedTime): string {
  return new Date(time.instantMs + time.offsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

/** The first local midnight strictly after this moment, as an instant. */
export function nextLocalMidnightMs(time: ZonedTime): number {
  const localMs = time.instantMs + time.offsetMinutes * MINUTE_MS;
  const dayMs = DAY_SECONDS * 1000;
  return (Math.floor(localMs / dayMs) + 1) * dayMs - time.offsetMinutes * MINUTE_MS;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD". */
export function isCalendarDate(text: string): boolean {
  const m = DATE_ONLY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (DAY_SECONDS * 1000));
}
