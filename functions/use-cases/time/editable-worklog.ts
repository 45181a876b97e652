import { decideEdit, canReadWorklog } from "../../domain/edit-rule";
import { ForbiddenError, NotFoundError, PreconditionFailedError } from "../../domain/errors";
import type { Worklog } from "../../domain/worklog";
import type { Versioned } from "../../ports/versioned";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";

export async function findWorklog(deps: TimeDeps, actor: TimeActor, id: string): Promise<Versioned<Worklog>> {
  // Always the caller's own org partition: an id from another org is simply not there.
  const found = await deps.worklogs.get(actor.caller.orgId, id);
  if (!found) throw new NotFoundError(`There is no worklog with id '${id}'.`);
  return found;
}

/** A worklog the caller may read; 403 says why not (Team members see others' time only as totals). */
export async function readableWorklog(deps: TimeDeps, actor: TimeActor, id: string): Promise<Versioned<Worklog>> {
  const found = await findWorklog(deps, actor, id);
  if (!canReadWorklog(found.value, actor.editor, actor.settings.editingTimeRoles)) {
    throw new ForbiddenError("This is another user's time; your role shows it only as part of totals.");
  }
  return found;
}

/**
 * A worklog the caller may change or delete now, unchanged since `etag`. A stale etag is a
 * 412 before any rule is weighed, so the UI reloads and shows the current state.
 */
export async function editableWorklog(
  deps: TimeDeps,
  actor: TimeActor,
  id: string,
  etag: string,
): Promise<Versioned<Worklog>> {
  const found = await readableWorklog(deps, actor, id);
  if (found.etag !== etag) {
    throw new PreconditionFailedError(
      "This worklog was changed by someone else in the meantime. Reload and try again.",
    );
  }
  const decision = decideEdit(found.value, actor.editor, actor.settings.editingTimeRoles);
  if (!decision.allowed) throw new ForbiddenError(decision.message);
  return found;
}
