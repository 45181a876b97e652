import { base64NoPad, groupIdFor, groupSidFor, originIdFor, userGuidsFor } from "./ids";
import type { GroupRecord, UserRecord } from "./records";
import { PCA_GROUP_NAME, PROJECT_ADMINS_GROUP_NAME, type AccessLevel, type GroupScope } from "./seed-types";

// Builds user and group records with the identifiers Azure DevOps would give them.

export interface NewUser {
  displayName: string;
  email: string;
  accessLevel?: AccessLevel;
  dateCreated?: string;
  lastAccessedDate?: string;
}

export function makeUser(orgId: string, input: NewUser, now: string): UserRecord {
  const email = input.email.trim();
  return {
    kind: "user",
    ...userGuidsFor(orgId, email),
    displayName: input.displayName,
    email,
    accessLevel: input.accessLevel ?? "basic",
    dateCreated: input.dateCreated ?? now,
    lastAccessedDate: input.lastAccessedDate ?? now,
  };
}

export interface NewGroup {
  displayName: string;
  scope: GroupScope;
  description: string;
}

export interface GroupContext {
  orgId: string;
  orgName: string;
  tenantId: string;
  projectId(name: string): string;
  emailDomain: string;
}

export function makeGroup(ctx: GroupContext, input: NewGroup): GroupRecord {
  const { scope, displayName } = input;
  const isPcaGroup = scope.kind === "collection" && displayName === PCA_GROUP_NAME;
  // Entra groups show up in Graph under the [TEAM FOUNDATION] pseudo-scope.
  const scopeName = scope.kind === "project" ? scope.project : scope.kind === "aad" ? "TEAM FOUNDATION" : ctx.orgName;
  const principalName = `[${scopeName}]\\${displayName}`;
  // A project's administrators get their project's well-known SID, ending like the PCA group's.
  const isProjectAdmins = scope.kind === "project" && displayName === PROJECT_ADMINS_GROUP_NAME;
  const sid = isPcaGroup
    ? groupSidFor(ctx.orgId, "pca", principalName)
    : isProjectAdmins
      ? groupSidFor(ctx.orgId, "projectAdmins", scopeName)
      : groupSidFor(ctx.orgId, scope.kind === "aad" ? "aad" : "project", principalName);
  const domain =
    scope.kind === "project"
      ? `vstfs:///Classification/TeamProject/${ctx.projectId(scope.project)}`
      : scope.kind === "aad"
        ? ctx.tenantId
        : `vstfs:///Framework/IdentityDomain/${ctx.orgId}`;
  const isAad = scope.kind === "aad";
  return {
    kind: "group",
    id: groupIdFor(ctx.orgId, principalName),
    descriptor: `${isAad ? "aadgp" : "vssgp"}.${base64NoPad(sid)}`,
    sid,
    origin: isAad ? "aad" : "vsts",
    originId: isAad ? originIdFor(ctx.orgId, `group:${displayName}`) : groupIdFor(ctx.orgId, principalName),
    displayName,
    principalName,
    description: input.description,
    domain,
    mailAddress: isAad ? `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@${ctx.emailDomain}` : null,
    isPcaGroup,
  };
}
