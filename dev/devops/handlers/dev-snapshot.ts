import type { OrgState } from "../org-state";
import { workItemShape } from "./work-item-shapes";

/** Everything the dev host shows about an org: who can sign in, and what there is to open. */
export function orgSnapshot(org: OrgState, baseUrl: string): Record<string, unknown> {
  const pcaMembers = org.groups
    .filter((g) => g.isPcaGroup)
    .flatMap((g) => [...org.memberships.expandedMembers(g.descriptor)]);
  const pcas = new Set(pcaMembers);
  return {
    id: org.id,
    name: org.name,
    tenantId: org.tenantId,
    users: org.users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      email: u.email,
      descriptor: u.descriptor,
      accessLevel: u.accessLevel,
      isPca: pcas.has(u.descriptor),
    })),
    groups: org.groups.map((g) => ({
      id: g.id,
      descriptor: g.descriptor,
      displayName: g.displayName,
      principalName: g.principalName,
      origin: g.origin,
      members: org.memberships.directMembers(g.descriptor),
    })),
    projects: org.projects.map((p) => ({ id: p.id, name: p.name, description: p.description })),
    workItems: [...org.workItems.values()].map((w) => {
      const { id, rev, fields } = workItemShape(baseUrl, org, w, { relations: false, links: false });
      return { id, rev, project: w.projectName, fields };
    }),
  };
}
