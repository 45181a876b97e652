import { editableWorklog } from "./editable-worklog";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";

/** Deleting follows the same rule as editing, and needs the etag the caller saw. */
export async function deleteWorklog(deps: TimeDeps, actor: TimeActor, id: string, etag: string): Promise<void> {
  const current = await editableWorklog(deps, actor, id, etag);
  await deps.worklogs.delete(current.value, current.etag);
}
