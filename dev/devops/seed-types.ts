import { orgIdFor, projectIdFor, tenantIdFor, userGuidsFor } from "./ids";

// The seed is plain typed data: the stand-in's state is built from it, and tests import
// it to know who is who (ids are derived deterministically, see ids.ts).

export type AccessLevel = "basic" | "stakeholder";

export interface SeedUser {
  id: string;
  displayName: string;
  email: string;
  accessLevel: AccessLevel;
  dateCreated: string;
  lastAccessedDate: string;
}

export type GroupScope = { kind: "collection" } | { kind: "project"; project: string } | { kind: "aad" };

export interface SeedGroup {
  displayName: string;
  scope: GroupScope;
  description: string;
  /** Direct user members (emails). */
  userMembers: string[];
  /** Direct group members (displayNames of other groups of the same org). */
  groupMembers: string[];
}

export interface SeedProject {
  id: string;
  name: string;
  description: string;
}

export type WorkItemType = "Epic" | "Feature" | "User Story" | "Task" | "Bug";

export interface SeedWorkItem {
  id: number;
  project: string;
  type: WorkItemType;
  title: string;
  state: string;
  parentId?: number;
  /** Email of the assignee. */
  assignedTo?: string;
}

export interface SeedOrg {
  id: string;
  name: string;
  /** Entra tenant the org is connected to (the app token's `tid`). */
  tenantId: string;
  users: SeedUser[];
  groups: SeedGroup[];
  projects: SeedProject[];
  workItems: SeedWorkItem[];
}

/** The display name of the collection admin group; the stand-in's PCA check reads it. */
export const PCA_GROUP_NAME = "Project Collection Administrators";
/** A project's own administrators group; its SID ends like the PCA group's (see ids.ts). */
export const PROJECT_ADMINS_GROUP_NAME = "Project Administrators";

export interface OrgSeedInput {
  name: string;
  emailDomain: string;
  /** [displayName, local part of the email, access level (default basic)] */
  users: Array<[string, string, AccessLevel?]>;
  /** Local parts of the emails of the Project Collection Administrators. */
  pcas: string[];
  groups: Array<{ displayName: string; scope: GroupScope; description: string; users: string[]; groups?: string[] }>;
  projects: Array<{ name: string; description: string }>;
  /** assignedTo is the local part of the assignee's email. */
  workItems: SeedWorkItem[];
}

const DAY_MS = 86_400_000;
const CREATED_BASE = Date.UTC(2024, 0, 15, 9, 0, 0);
const ACCESSED_BASE = Date.UTC(2026, 5, 1, 8, 30, 0);

export function buildOrgSeed(input: OrgSeedInput): SeedOrg {
  const id = orgIdFor(input.name);
  const email = (local: string): string => `${local}@${input.emailDomain}`;
  const users = input.users.map(([displayName, local, accessLevel = "basic"], i): SeedUser => ({
    id: userGuidsFor(id, email(local)).id,
    displayName,
    email: email(local),
    accessLevel,
    dateCreated: new Date(CREATED_BASE + i * 3 * DAY_MS).toISOString(),
    lastAccessedDate: new Date(ACCESSED_BASE - i * DAY_MS).toISOString(),
  }));
  const pcaGroup: SeedGroup = {
    displayName: PCA_GROUP_NAME,
    scope: { kind: "collection" },
    description:
      "Members of this application group can perform all privileged operations on the Team Project Collection.",
    userMembers: input.pcas.map(email),
    groupMembers: [],
  };
  const groups = input.groups.map(({ users: locals, groups: nested = [], ...g }): SeedGroup => ({
    ...g,
    userMembers: locals.map(email),
    groupMembers: nested,
  }));
  return {
    id,
    name: input.name,
    tenantId: tenantIdFor(input.name),
    users,
    groups: [pcaGroup, ...groups],
    projects: input.projects.map((p) => ({ id: projectIdFor(id, p.name), ...p })),
    workItems: input.workItems.map((w) => ({ ...w, ...(w.assignedTo ? { assignedTo: email(w.assignedTo) } : {}) })),
  };
}
