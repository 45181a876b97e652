import type { OrgState } from "../org-state";
import type { WorkItemRecord } from "../records";

// WorkItem wire shape: `fields` keyed by reference name, hierarchy `relations` on demand.

export interface WorkItemView {
  relations: boolean;
  links: boolean;
  /** Reference names to keep (lowercase); undefined keeps all. */
  fields?: Set<string>;
}

export const workItemUrl = (baseUrl: string, org: OrgState, id: number): string =>
  `${baseUrl}/${org.name}/_apis/wit/workItems/${id}`;

function identityRef(baseUrl: string, org: OrgState, userId: string): Record<string, unknown> | undefined {
  const user = org.findUser(userId);
  if (!user) return undefined;
  const avatar = `${baseUrl}/${org.name}/_apis/GraphProfile/MemberAvatars/${user.descriptor}`;
  return {
    displayName: user.displayName,
    url: `${baseUrl}/vssps/${org.name}/_apis/Identities/${user.id}`,
    _links: { avatar: { href: avatar } },
    id: user.id,
    uniqueName: user.email,
    imageUrl: avatar,
    descriptor: user.descriptor,
  };
}

function allFields(baseUrl: string, org: OrgState, item: WorkItemRecord): Record<string, unknown> {
  const assignedTo = item.assignedToUserId ? identityRef(baseUrl, org, item.assignedToUserId) : undefined;
  return {
    "System.Id": item.id,
    "System.AreaPath": item.projectName,
    "System.TeamProject": item.projectName,
    "System.IterationPath": item.projectName,
    "System.WorkItemType": item.type,
    "System.State": item.state,
    ...(assignedTo ? { "System.AssignedTo": assignedTo } : {}),
    "System.CreatedDate": item.createdDate,
    "System.ChangedDate": item.changedDate,
    "System.Rev": item.rev,
    "System.Title": item.title,
    ...(item.parentId !== undefined ? { "System.Parent": item.parentId } : {}),
  };
}

/** Field reference names the stand-in knows (requests for others are rejected like ADO does). */
export const KNOWN_FIELDS = new Set(
  [
    "System.Id",
    "System.AreaPath",
    "System.TeamProject",
    "System.IterationPath",
    "System.WorkItemType",
    "System.State",
    "System.AssignedTo",
    "System.CreatedDate",
    "System.ChangedDate",
    "System.Rev",
    "System.Title",
    "System.Parent",
  ].map((f) => f.toLowerCase()),
);

/**
 * Hierarchy links. Microsoft's recorded work items carry `isLocked` and, where someone wrote
 * one, the link's `comment` in `attributes` (no `name`: that appears only on attachments).
 */
function relationsOf(baseUrl: string, org: OrgState, item: WorkItemRecord): Array<Record<string, unknown>> {
  const relation = (rel: string, id: number, comment: string | undefined) => ({
    rel,
    url: workItemUrl(baseUrl, org, id),
    attributes: { isLocked: false, ...(comment ? { comment } : {}) },
  });
  const parent =
    item.parentId !== undefined
      ? [relation("System.LinkTypes.Hierarchy-Reverse", item.parentId, item.parentLinkComment)]
      : [];
  const children = [...org.workItems.values()]
    .filter((w) => w.parentId === item.id)
    .map((w) => relation("System.LinkTypes.Hierarchy-Forward", w.id, w.parentLinkComment));
  return [...parent, ...children];
}

export function workItemShape(
  baseUrl: string,
  org: OrgState,
  item: WorkItemRecord,
  view: WorkItemView,
): Record<string, unknown> {
  const fields = Object.fromEntries(
    Object.entries(allFields(baseUrl, org, item)).filter(
      ([name]) => !view.fields || view.fields.has(name.toLowerCase()),
    ),
  );
  const url = workItemUrl(baseUrl, org, item.id);
  return {
    id: item.id,
    rev: item.rev,
    fields,
    ...(view.relations ? { relations: relationsOf(baseUrl, org, item) } : {}),
    ...(view.links
      ? {
          _links: {
            self: { href: url },
            workItemUpdates: { href: `${url}/updates` },
            workItemRevisions: { href: `${url}/revisions` },
            workItemHistory: { href: `${url}/history` },
            html: { href: `${baseUrl}/${org.name}/${encodeURIComponent(item.projectName)}/_workitems/edit/${item.id}` },
            workItemType: {
              href: `${baseUrl}/${org.name}/${encodeURIComponent(item.projectName)}/_apis/wit/workItemTypes/${encodeURIComponent(item.type)}`,
            },
            fields: { href: `${baseUrl}/${org.name}/_apis/wit/fields` },
          },
        }
      : {}),
    url,
  };
}
