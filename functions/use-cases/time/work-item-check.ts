import { ConflictError, ValidationError } from "../../domain/errors";
import { isClosedState } from "../../domain/time-access";
import type { WorkItemDirectory, WorkItemInfo } from "../../ports/work-item-directory";
import type { TimeActor } from "./time-actor";

/**
 * Time may only go on work items that exist in the caller's org (asked of Azure DevOps with
 * the caller's token) and, with "Prevent time entry on closed items" on, are not closed.
 */
export async function requireTrackableWorkItem(
  directory: WorkItemDirectory,
  actor: TimeActor,
  id: number,
): Promise<WorkItemInfo> {
  const item = await directory.find(actor.caller.orgName, actor.caller.accessToken, id);
  if (!item) {
    throw new ValidationError(
      `Work item #${id} does not exist in the organization '${actor.caller.orgName}', or you cannot see it.`,
    );
  }
  if (actor.settings.preventTimeOnClosedItems && isClosedState(item.state)) {
    throw new ConflictError(
      `Work item #${id} is ${item.state}, and this organization does not allow time entry on closed items (Settings › Rules).`,
    );
  }
  return item;
}

/** Most items a Time page covers: the item and its descendants, breadth first. */
export const MAX_TREE_ITEMS = 200;

/** The item and its descendants the caller may see (breadth first, at most MAX_TREE_ITEMS). */
export async function workItemTree(
  directory: WorkItemDirectory,
  actor: TimeActor,
  rootId: number,
): Promise<WorkItemInfo[]> {
  const { orgName, accessToken } = actor.caller;
  const root = await directory.find(orgName, accessToken, rootId);
  if (!root) return [];
  const tree: WorkItemInfo[] = [root];
  const seen = new Set([root.id]);
  let frontier = root.childIds.filter((id) => !seen.has(id));
  while (frontier.length > 0 && tree.length < MAX_TREE_ITEMS) {
    const wanted = frontier.slice(0, MAX_TREE_ITEMS - tree.length);
    wanted.forEach((id) => seen.add(id));
    const level = await directory.findMany(orgName, accessToken, wanted);
    tree.push(...level);
    frontier = level.flatMap((item) => item.childIds).filter((id) => !seen.has(id));
  }
  return tree;
}
