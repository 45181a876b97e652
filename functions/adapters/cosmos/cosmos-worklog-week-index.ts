import type { Container } from "@azure/cosmos";
import { ConflictError, PreconditionFailedError } from "../../domain/errors";
import { retryOnConflict, type ConflictRetry } from "../../domain/retry-on-conflict";
import { storeCall } from "./cosmos-errors";

/**
 * Which worklog ids a user has in one week (Monday to Sunday of the users' days), one small
 * document per user and week in the org's partition. It lets "My time" read a week by point
 * reads, whose cost does not grow with the org (a query's does on the local emulator, which
 * scans the container).
 *
 * Invariant: every stored worklog's id is in the bucket of its owner and week. It holds
 * without transactions because an id is added BEFORE the worklog is written (a failed write
 * leaves an id that points nowhere: readers skip it) and removed only after the worklog is
 * deleted (ids are never reused). A worklog moved to another week stays listed in the old
 * bucket too; readers filter by the worklog's own day.
 */
interface WeekBucket {
  id: string;
  type: "worklogWeek";
  orgId: string;
  userId: string;
  weekStart: string;
  ids: string[];
}

/**
 * Saves of one user's week at once (timers, a form and a sync racing) before giving up with
 * 503; another save that got in first answers 409 (both created the bucket) or 412.
 */
const WEEK_RACE: ConflictRetry = {
  attempts: 12,
  isConflict: (error) => error instanceof ConflictError || error instanceof PreconditionFailedError,
  backoff: {
    delayMs: (failed) => Math.random() * 10 * (failed + 1),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  },
};

/** Monday of the week a "YYYY-MM-DD" day belongs to. */
export function weekStartOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** Mondays of every week that overlaps [fromDay, toDay]. */
export function weekStartsBetween(fromDay: string, toDay: string): string[] {
  const weeks: string[] = [];
  for (
    let week = weekStartOf(fromDay);
    week <= toDay;
    week = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
  ) {
    weeks.push(week);
  }
  return weeks;
}

const bucketId = (userId: string, weekStart: string) => `week:${userId}:${weekStart}`;

export class WorklogWeekIndex {
  constructor(private readonly container: Container) {}

  async add(orgId: string, userId: string, day: string, worklogId: string): Promise<void> {
    await this.change(
      orgId,
      userId,
      weekStartOf(day),
      (ids) => (ids.includes(worklogId) ? null : [...ids, worklogId]),
      true,
    );
  }

  async remove(orgId: string, userId: string, day: string, worklogId: string): Promise<void> {
    await this.change(
      orgId,
      userId,
      weekStartOf(day),
      (ids) => (ids.includes(worklogId) ? ids.filter((id) => id !== worklogId) : null),
      false,
    );
  }

  /** Ids listed for the user in the weeks overlapping the range (may include moved or failed ones). */
  async ids(orgId: string, userId: string, fromDay: string, toDay: string): Promise<string[]> {
    const buckets = await Promise.all(weekStartsBetween(fromDay, toDay).map((week) => this.read(orgId, userId, week)));
    return [...new Set(buckets.flatMap((b) => b?.bucket.ids ?? []))];
  }

  private read(orgId: string, userId: string, weekStart: string): Promise<{ bucket: WeekBucket; etag: string } | null> {
    return storeCall("Reading the week's worklogs", async () => {
      const { resource, statusCode } = await this.container.item(bucketId(userId, weekStart), orgId).read<WeekBucket>();
      return statusCode === 404 || !resource
        ? null
        : { bucket: resource, etag: String((resource as unknown as { _etag: string })._etag) };
    });
  }

  /** Read-modify-write guarded by the bucket's etag; `edit` returns null when nothing changes. */
  private async change(
    orgId: string,
    userId: string,
    weekStart: string,
    edit: (ids: string[]) => string[] | null,
    createIfMissing: boolean,
  ): Promise<void> {
    // Another save of the same user and week got in first: read again and re-apply.
    await retryOnConflict(WEEK_RACE, async () => {
      const current = await this.read(orgId, userId, weekStart);
      if (!current) {
        if (!createIfMissing) return;
        const ids = edit([]);
        if (!ids) return;
        const bucket: WeekBucket = {
          id: bucketId(userId, weekStart),
          type: "worklogWeek",
          orgId,
          userId,
          weekStart,
          ids,
        };
        await storeCall("Indexing the worklog", () => this.container.items.create(bucket));
        return;
      }
      const ids = edit(current.bucket.ids);
      if (!ids) return;
      await storeCall("Indexing the worklog", () =>
        this.container
          .item(current.bucket.id, orgId)
          .replace({ ...current.bucket, ids }, { accessCondition: { type: "IfMatch", condition: current.etag } }),
      );
    });
  }
}
