import { ValidationError } from "./errors";
import { DAY_SECONDS, formatZonedTime, localDate, parseZonedTime, type ZonedTime } from "./zoned-time";

/**
 * One piece of time a user spent on a work item. `userId` owns it; `createdBy` differs when
 * someone added it on the owner's behalf (the edit rule: docs/architecture.md).
 */
export interface Worklog {
  id: string;
  orgId: string;
  /** Owner: whose time this is. */
  userId: string;
  userName: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  workItemId: number;
  /** ISO 8601 with the user's offset, as entered. */
  start: string;
  /** The same instant in UTC, for ordering across offsets. */
  startUtc: string;
  /** The user's calendar day of `start` ("YYYY-MM-DD"): week views and date filters use it. */
  day: string;
  durationSeconds: number;
  /** Null: "Not set". */
  activityTypeId: string | null;
  comment: string;
  /** Set on the owner's first change; from then on only the owner (or an "Editing Time" role) may edit. */
  ownerHasEdited: boolean;
  lastEditedBy: string | null;
  lastEditedByName: string | null;
  lastEditedAt: string | null;
  /** The timer run this worklog came from, if any (makes stopping a timer idempotent). */
  timerRunId?: string;
}

export const MAX_DURATION_SECONDS = DAY_SECONDS;
export const MAX_COMMENT_LENGTH = 1000;
/** How far ahead a worklog may start: a day covers every time zone, not "next month". */
export const FUTURE_LIMIT_MS = DAY_SECONDS * 1000;
/** Nothing before this is a plausible worklog (typos like 0226 instead of 2026). */
const EARLIEST_START = Date.UTC(2000, 0, 1);

export function validateDuration(durationSeconds: number): void {
  if (!Number.isInteger(durationSeconds)) throw new ValidationError("The length must be a whole number of seconds.");
  if (durationSeconds <= 0) throw new ValidationError("The length must be positive.");
  if (durationSeconds > MAX_DURATION_SECONDS) {
    throw new ValidationError("A worklog can be at most 24 hours long; split longer work into several worklogs.");
  }
}

/** Parses and checks a start time; returns the parsed time. */
export function validateStart(start: string, now: Date): ZonedTime {
  const time = parseZonedTime(start);
  if (!time) {
    throw new ValidationError(
      `The start '${start}' is not a date and time with a time zone offset, like 2026-03-02T09:00:00+01:00.`,
    );
  }
  if (time.instantMs > now.getTime() + FUTURE_LIMIT_MS) {
    throw new ValidationError(
      "The start is more than a day in the future; time can only be logged for work that has started.",
    );
  }
  if (time.instantMs < EARLIEST_START) throw new ValidationError("The start is before the year 2000; check the date.");
  return time;
}

export function validateComment(comment: string): void {
  if (comment.length > MAX_COMMENT_LENGTH) {
    throw new ValidationError(`The comment is too long (${comment.length} characters; at most ${MAX_COMMENT_LENGTH}).`);
  }
}

/** The stored fields derived from a start time. */
export function startFields(time: ZonedTime): Pick<Worklog, "start" | "startUtc" | "day"> {
  return {
    start: formatZonedTime(time),
    startUtc: new Date(Math.floor(time.instantMs / 1000) * 1000).toISOString(),
    day: localDate(time),
  };
}

/** Someone other than the owner changed it last: the UI shows "Edited by". */
export function editedByOther(worklog: Pick<Worklog, "userId" | "lastEditedBy">): boolean {
  return worklog.lastEditedBy !== null && worklog.lastEditedBy !== worklog.userId;
}
