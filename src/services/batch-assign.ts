import { ASSIGN_BATCH_SIZE } from "../../functions/contracts/limits";
import { MAX_ASSIGN_USERS, type AssignRolesResponse, type HoldSeatsResponse } from "../../functions/contracts/users";
import type { AssignedRole } from "../../functions/contracts/roles";

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchResult {
  succeeded: number;
  changed: number;
  failed: { userId: string; message: string }[];
  seats: AssignRolesResponse["seats"] | null;
}

/** The requests a change in several batches is made of (users-service binds them to the backend). */
export interface BatchRequests {
  assign: (role: AssignedRole, userIds: string[], holdId?: string) => Promise<AssignRolesResponse>;
  /** Keeps the seats these users need (added to `holdId`'s hold when given); refused when they are not free. */
  hold: (role: AssignedRole, userIds: string[], holdId?: string) => Promise<HoldSeatsResponse>;
  release: (holdId: string) => Promise<void>;
}

/**
 * Assigns one role to many users, ASSIGN_BATCH_SIZE per request, reporting progress after
 * each batch. A change of more than one batch first holds the seats it needs on the server
 * (in requests of up to MAX_ASSIGN_USERS), so no change racing it between two batches can
 * take them: when they are not free, the hold is refused and nothing is applied. Once the
 * batches are done, or one fails, the hold is released (else it lapses on the server).
 */
export async function assignInBatchesWith(
  requests: BatchRequests,
  role: AssignedRole,
  userIds: string[],
  onProgress: (progress: BatchProgress) => void,
): Promise<BatchResult> {
  const result: BatchResult = { succeeded: 0, changed: 0, failed: [], seats: null };
  onProgress({ done: 0, total: userIds.length });
  const holdId = userIds.length > ASSIGN_BATCH_SIZE ? await holdAll(requests, role, userIds) : undefined;
  try {
    for (let i = 0; i < userIds.length; i += ASSIGN_BATCH_SIZE) {
      const batch = userIds.slice(i, i + ASSIGN_BATCH_SIZE);
      const answer = await requests.assign(role, batch, holdId);
      result.succeeded += answer.succeeded;
      result.changed += answer.changed;
      result.failed.push(...answer.failed);
      result.seats = answer.seats;
      onProgress({ done: Math.min(userIds.length, i + batch.length), total: userIds.length });
    }
  } finally {
    if (holdId) await requests.release(holdId).catch(() => undefined); // a hold nobody releases lapses
  }
  return result;
}

/** One hold for the whole change; if a later part is refused, the parts held before are released. */
async function holdAll(requests: BatchRequests, role: AssignedRole, userIds: string[]): Promise<string> {
  let holdId: string | undefined;
  try {
    for (let i = 0; i < userIds.length; i += MAX_ASSIGN_USERS)
      holdId = (await requests.hold(role, userIds.slice(i, i + MAX_ASSIGN_USERS), holdId)).holdId;
  } catch (error) {
    if (holdId) await requests.release(holdId).catch(() => undefined);
    throw error;
  }
  return holdId!;
}
