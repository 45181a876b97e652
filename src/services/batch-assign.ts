import { ASSIGN_BATCH_SIZE } from "../../functions/contracts/limits";
import type { AssignRolesResponse } from "../../functions/contracts/users";
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

/**
 * Assigns one role to many users, ASSIGN_BATCH_SIZE per request, reporting progress after
 * each batch. Stops at the first refused batch (e.g. no seats left) and throws its error;
 * the batches before it stay applied, so the page asks the server's preview (users/roles/preview)
 * right before starting and does not start a change that does not fit.
 */
export async function assignInBatchesWith(
  send: (role: AssignedRole, ids: string[]) => Promise<AssignRolesResponse>,
  role: AssignedRole,
  userIds: string[],
  onProgress: (progress: BatchProgress) => void,
): Promise<BatchResult> {
  const result: BatchResult = { succeeded: 0, changed: 0, failed: [], seats: null };
  onProgress({ done: 0, total: userIds.length });
  for (let i = 0; i < userIds.length; i += ASSIGN_BATCH_SIZE) {
    const batch = userIds.slice(i, i + ASSIGN_BATCH_SIZE);
    const answer = await send(role, batch);
    result.succeeded += answer.succeeded;
    result.changed += answer.changed;
    result.failed.push(...answer.failed);
    result.seats = answer.seats;
    onProgress({ done: Math.min(userIds.length, i + batch.length), total: userIds.length });
  }
  return result;
}
