// How time lengths read and are typed in Timetracker. Pure: unit-tested.

/** "1h 30m", "45m", "0m" (a worklog shows minutes; seconds only under a minute). */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds > 0 && totalSeconds < 60) return `${totalSeconds}s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (hours === 0) return `${minutes}m`;
  return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
}

/** A running timer: "0:05:09", "12:00:00". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

const UNITS = /^(?:(\d+(?:[.,]\d+)?)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$/i;

/**
 * What people type for a length: "1h 30m", "1.5h", "90m", "90", "1:30". Plain numbers are
 * minutes. Null when it is not a length.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (value === "") return null;
  const clock = /^(\d+):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60;
  if (/^\d+$/.test(value)) return Number(value) * 60;
  const m = UNITS.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1].replace(",", "."));
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  return Math.round(hours * 3600 + minutes * 60);
}

export const MAX_WORKLOG_SECONDS = 24 * 3600;

/** Why a typed length cannot be saved, or undefined when it can. */
export function durationProblem(text: string): string | undefined {
  const seconds = parseDuration(text);
  if (seconds === null) return "Type a length like 1h 30m, 1.5h, 90m or 1:30.";
  if (seconds <= 0) return "The length must be more than zero.";
  if (seconds > MAX_WORKLOG_SECONDS) return "A worklog can be at most 24 hours long.";
  return undefined;
}
