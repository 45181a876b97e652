import type { ListWorklogsQuery, ListWorklogsResponse } from "../../contracts/time";
import { seesOthersEntries } from "../../domain/edit-rule";
import { ForbiddenError } from "../../domain/errors";
import type { WorklogFilter } from "../../ports/worklog-store";
import type { TimeActor } from "./time-actor";
import type { TimeDeps } from "./time-deps";
import { worklogView } from "./worklog-view";

export const DEFAULT_PAGE_SIZE = 200;

/**
 * Worklogs in a range of the users' days: the caller's own by default; another user's or
 * everyone's ("all") only for roles that see all entries (Product and above).
 */
export async function listWorklogs(
  deps: TimeDeps,
  actor: TimeActor,
  query: ListWorklogsQuery,
): Promise<ListWorklogsResponse> {
  const { caller } = actor;
  const wanted = query.userId ?? caller.userId;
  const everyone = wanted.toLowerCase() === "all";
  const seesOthers = seesOthersEntries(actor.editor, actor.settings.editingTimeRoles);
  if ((everyone || wanted.toLowerCase() !== caller.userId.toLowerCase()) && !seesOthers) {
    throw new ForbiddenError(
      "Your role shows you only your own worklogs; Product, Budget and Administrator see everyone's.",
    );
  }
  const filter: WorklogFilter = {
    fromDay: query.from,
    toDay: query.to,
    ...(everyone ? {} : { userId: wanted.toLowerCase() === caller.userId.toLowerCase() ? caller.userId : wanted }),
    ...(query.workItemId !== undefined ? { workItemIds: [query.workItemId] } : {}),
    ...(query.activityTypeId !== undefined ? { activityTypeId: query.activityTypeId } : {}),
  };
  const page = await deps.worklogs.list(caller.orgId, filter, {
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
    order: query.order ?? "desc",
  });
  return { worklogs: page.items.map((w) => worklogView(w, actor)), continuationToken: page.continuationToken };
}
