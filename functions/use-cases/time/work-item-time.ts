import type { WorkItemTimeResponse } from "../../contracts/time";
import { canSeeEntriesOf, seesOthersEntries } from "../../domain/edit-rule";
import { readAll, totalsByPerson } from "./sum-worklogs";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";
import { workItemTree } from "./work-item-check";
import { worklogView } from "./worklog-view";

/**
 * The form page "Time": worklogs on a work item and its descendants, newest first, and
 * totals per person. Everyone sees the totals; entries only as far as their role shows them.
 */
export async function workItemTime(
  deps: TimeDeps,
  actor: TimeActor,
  workItemId: number,
): Promise<WorkItemTimeResponse> {
  const { caller } = actor;
  const tree = await workItemTree(deps.workItems, actor, workItemId);
  // An item Azure DevOps does not show the caller still has its own id: its time is ours.
  const ids = tree.length > 0 ? tree.map((item) => item.id) : [workItemId];
  const { items, truncated } = await readAll(deps, caller.orgId, { workItemIds: ids });
  const worklogs = items.map((w) => w.value);
  const rules = actor.settings.editingTimeRoles;
  return {
    workItemId,
    workItems: tree.map((item) => ({ id: item.id, title: item.title, type: item.type })),
    totalSeconds: worklogs.reduce((sum, w) => sum + w.durationSeconds, 0),
    mySeconds: worklogs.filter((w) => w.userId === caller.userId).reduce((sum, w) => sum + w.durationSeconds, 0),
    people: totalsByPerson(worklogs),
    entries: items
      .filter((w) => canSeeEntriesOf(actor.editor, w.value.userId, rules))
      .map((w) => worklogView(w, actor)),
    showsAllEntries: seesOthersEntries(actor.editor, rules),
    truncated,
  };
}
