import { DAY_SECONDS, formatZonedTime, nextLocalMidnightMs, parseZonedTime } from "./zoned-time";

/**
 * A running timer: at most one per user per org. Its document id is derived from the user
 * (`timer:<userId>`), so a second start collides in the store instead of racing.
 */
export interface RunningTimer {
  orgId: string;
  userId: string;
  /** Random per start; the worklogs of this run get ids derived from it. */
  runId: string;
  workItemId: number;
  activityTypeId: string | null;
  comment: string;
  /** When it started, with the user's offset at that time. */
  startedAt: string;
}

export function timerDocumentId(userId: string): string {
  return `timer:${userId}`;
}

/** Longest stretch a stopped timer records; a timer forgotten for days is cut here. */
export const TIMER_CAP_SECONDS = DAY_SECONDS;

export interface TimerSegment {
  /** Zoned start (the offset the timer started with). */
  start: string;
  durationSeconds: number;
}

export interface TimerOutcome {
  segments: TimerSegment[];
  /** How long it actually ran, in whole seconds. */
  elapsedSeconds: number;
  recordedSeconds: number;
  capped: boolean;
  /** What the user should be told, or null when one ordinary worklog was saved. */
  notice: string | null;
}

/**
 * What stopping a timer records: the run split at the user's local midnights into one
 * segment per day, capped at 24 h in total. Days follow the offset the timer started with.
 */
export function timerOutcome(startedAt: string, stoppedAtMs: number): TimerOutcome {
  const start = parseZonedTime(startedAt);
  if (!start) throw new Error(`Stored timer start '${startedAt}' is not a zoned time.`);
  const startSec = Math.floor(start.instantMs / 1000);
  const elapsedSeconds = Math.max(0, Math.floor(stoppedAtMs / 1000) - startSec);
  const recordedSeconds = Math.min(elapsedSeconds, TIMER_CAP_SECONDS);
  const endSec = startSec + recordedSeconds;

  const segments: TimerSegment[] = [];
  let cursor = startSec;
  while (cursor < endSec) {
    const midnightSec = nextLocalMidnightMs({ instantMs: cursor * 1000, offsetMinutes: start.offsetMinutes }) / 1000;
    const until = Math.min(midnightSec, endSec);
    segments.push({
      start: formatZonedTime({ instantMs: cursor * 1000, offsetMinutes: start.offsetMinutes }),
      durationSeconds: until - cursor,
    });
    cursor = until;
  }
  const capped = elapsedSeconds > TIMER_CAP_SECONDS;
  return {
    segments,
    elapsedSeconds,
    recordedSeconds,
    capped,
    notice: noticeFor(segments.length, elapsedSeconds, capped),
  };
}

function noticeFor(segmentCount: number, elapsedSeconds: number, capped: boolean): string | null {
  if (segmentCount === 0) return "The timer ran for less than a second, so no time was saved.";
  const days = segmentCount > 1 ? ` as ${segmentCount} worklogs, one per day` : "";
  if (capped) {
    return (
      `Your timer ran for ${describeDuration(elapsedSeconds)}, longer than the 24 h a worklog may cover. ` +
      `Timetracker saved the first 24 h${days}; please check them and correct the time if needed.`
    );
  }
  if (segmentCount > 1) return `Your timer ran past midnight, so its time was saved${days}.`;
  return null;
}

/** "2 d 3 h 5 min", "45 min", "30 s". */
export function describeDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / DAY_SECONDS);
  const hours = Math.floor((totalSeconds % DAY_SECONDS) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", minutes ? `${minutes} min` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : `${totalSeconds} s`;
}
