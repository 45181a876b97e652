import type { WorkItemRecord } from "./records";
import type { SeedWorkItem } from "./seed-types";

const CREATED_BASE = Date.UTC(2026, 2, 2, 10, 0, 0);
const HOUR_MS = 3_600_000;

/** Seed work items as records, with deterministic dates and revisions. */
export function workItemsFromSeed(items: SeedWorkItem[], userIdOf: (email: string) => string): WorkItemRecord[] {
  return items.map((item): WorkItemRecord => {
    const created = CREATED_BASE + item.id * HOUR_MS;
    const closed = item.state === "Closed" || item.state === "Resolved";
    return {
      id: item.id,
      rev: closed ? 4 : 2,
      projectName: item.project,
      type: item.type,
      title: item.title,
      state: item.state,
      ...(item.parentId !== undefined ? { parentId: item.parentId } : {}),
      ...(item.assignedTo ? { assignedToUserId: userIdOf(item.assignedTo) } : {}),
      createdDate: new Date(created).toISOString(),
      changedDate: new Date(created + (closed ? 72 : 5) * HOUR_MS).toISOString(),
    };
  });
}
