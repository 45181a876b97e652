import type { PersonTotal } from "../../contracts/time";
import type { Worklog } from "../../domain/worklog";
import type { Versioned } from "../../ports/versioned";
import type { WorklogFilter } from "../../ports/worklog-store";
import type { TimeDeps } from "./time-deps";

/** Most worklogs one summary reads; beyond that the answer says it is truncated. */
export const SUMMARY_LIMIT = 5000;

/** Every worklog matching the filter, page by page, up to `limit`. */
export async function readAll(
  deps: TimeDeps,
  orgId: string,
  filter: WorklogFilter,
  limit = SUMMARY_LIMIT,
): Promise<{ items: Versioned<Worklog>[]; truncated: boolean }> {
  const items: Versioned<Worklog>[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.worklogs.list(orgId, filter, {
      pageSize: 1000,
      ...(continuationToken ? { continuationToken } : {}),
    });
    items.push(...page.items);
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken && items.length < limit);
  return { items: items.slice(0, limit), truncated: Boolean(continuationToken) || items.length > limit };
}

/** Totals per person, largest first (ties by name). */
export function totalsByPerson(worklogs: readonly Worklog[]): PersonTotal[] {
  const totals = new Map<string, PersonTotal>();
  for (const w of worklogs) {
    const entry = totals.get(w.userId) ?? { userId: w.userId, displayName: w.userName, totalSeconds: 0 };
    entry.totalSeconds += w.durationSeconds;
    totals.set(w.userId, entry);
  }
  return [...totals.values()].sort(
    (a, b) => b.totalSeconds - a.totalSeconds || a.displayName.localeCompare(b.displayName),
  );
}
