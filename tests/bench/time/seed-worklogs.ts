import { randomUUID } from "node:crypto";
import { startFields } from "../../../functions/domain/worklog";
import { parseZonedTime } from "../../../functions/domain/zoned-time";
import type { WorklogStore } from "../../../functions/ports/worklog-store";

export interface SeedOwner {
  userId: string;
  displayName: string;
}

/**
 * Writes worklogs through the store the API uses (so its week index is kept), `concurrency`
 * at a time, without the HTTP API: the benchmark measures reading, and 10,000 creates
 * through the API would measure its write path for minutes.
 */
export async function seedWorklogs(
  store: WorklogStore,
  orgId: string,
  owners: SeedOwner[],
  count: number,
  startOf: (i: number) => string,
  concurrency = 12,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const owner = owners[i % owners.length];
      const start = parseZonedTime(startOf(i))!;
      await store.create({
        id: randomUUID(),
        orgId,
        userId: owner.userId,
        userName: owner.displayName,
        createdBy: owner.userId,
        createdByName: owner.displayName,
        createdAt: new Date().toISOString(),
        workItemId: 1 + (i % 13),
        ...startFields(start),
        durationSeconds: 900 + (i % 8) * 300,
        activityTypeId: null,
        comment: `seeded ${i}`,
        ownerHasEdited: false,
        lastEditedBy: null,
        lastEditedByName: null,
        lastEditedAt: null,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
