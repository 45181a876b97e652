import type { DirectoryUserView, DirectoryUsersResponse, GroupSearchResponse } from "../../contracts/users";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { normaliseSearch } from "../../domain/role-assignment";
import { NO_PARTS } from "../../domain/role-sources";
import { isLicensed } from "../../domain/roles";
import { ConflictError } from "../../domain/errors";
import type { DirectoryCredential, DirectoryUser } from "../../ports/org-directory";
import type { Versioned } from "../../ports/versioned";
import { openDirectoryToken, sealDirectoryToken } from "./directory-page-token";
import { roleView } from "./member-views";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

/** Azure DevOps pages read per request when most users on them are licensed already. */
const MAX_PAGES_PER_CALL = 5;

function callerCredential(manager: UserManager): DirectoryCredential {
  return { kind: "bearer", token: manager.caller.accessToken };
}

/**
 * The organization user list and groups come from Graph and User Entitlements, which Azure
 * DevOps Services has and Azure DevOps Server does not. On Server the request is refused with
 * what to do instead, before anything is asked of Azure DevOps.
 */
export const SERVICES_ONLY_DIRECTORY =
  "Adding users from the organization's user list or by group needs Azure DevOps Services (its Graph and User Entitlements APIs); Azure DevOps Server does not offer them. On Azure DevOps Server, add users by their e-mail address.";

function requireServicesDirectory(manager: UserManager): void {
  if (manager.caller.deployment === "server") throw new ConflictError(SERVICES_ONLY_DIRECTORY);
}

async function withRoles(deps: UsersDeps, org: OrgRecord, users: DirectoryUser[]): Promise<DirectoryUserView[]> {
  const members =
    users.length > 0
      ? await deps.roster.readMany(
          org.id,
          users.map((u) => u.id),
        )
      : new Map<string, Versioned<MemberRecord>>();
  return users.map((u) => {
    const role = roleView(members.get(u.id)?.value ?? NO_PARTS, org);
    return { id: u.id, displayName: u.displayName, email: u.email, role, licensed: isLicensed(role.effective) };
  });
}

/**
 * "+ Add Users": organization users from Azure DevOps who hold no Timetracker seat, paged as
 * Azure DevOps pages them (continuation in the body). A page can come back short when most
 * of its users are licensed already; the continuation token says whether there is more.
 */
export async function listUnlicensedUsers(
  deps: UsersDeps,
  manager: UserManager,
  query: { search?: string | undefined; continuation?: string | undefined },
): Promise<DirectoryUsersResponse> {
  requireServicesDirectory(manager);
  const org = manager.access.org.value;
  const search = normaliseSearch(query.search);
  const users: DirectoryUserView[] = [];
  let continuation = openDirectoryToken(search, query.continuation);
  for (let page = 0; page < MAX_PAGES_PER_CALL; page++) {
    const result = await deps.directory.listUsers(org.name, callerCredential(manager), { search, continuation });
    users.push(...(await withRoles(deps, org, result.users)).filter((u) => !u.licensed));
    continuation = result.continuation;
    if (!continuation || users.length >= 50) break;
  }
  return { users, continuationToken: sealDirectoryToken(search, continuation) };
}

/** Add by group: Azure DevOps and Entra groups whose name starts with the text typed. */
export async function searchGroups(deps: UsersDeps, manager: UserManager, text: string): Promise<GroupSearchResponse> {
  requireServicesDirectory(manager);
  const groups = await deps.directory.searchGroups(
    manager.access.org.value.name,
    callerCredential(manager),
    text.trim(),
  );
  return {
    groups: groups.map((g) => ({
      descriptor: g.descriptor,
      displayName: g.displayName,
      principalName: g.principalName,
      source: g.origin.toLowerCase() === "aad" ? "Microsoft Entra ID" : "Azure DevOps",
    })),
  };
}

/** A group's members now (nested groups expanded), each with their Timetracker role. */
export async function groupMembers(
  deps: UsersDeps,
  manager: UserManager,
  descriptor: string,
): Promise<DirectoryUsersResponse> {
  requireServicesDirectory(manager);
  const org = manager.access.org.value;
  const members = await deps.directory.groupMembers(org.name, callerCredential(manager), descriptor);
  const users = [...members.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, "en"));
  return { users: await withRoles(deps, org, users), continuationToken: null };
}

/**
 * Add by e-mail address: the one user Azure DevOps' Identities API finds for it (Services and
 * Server both have Identities), with their Timetracker role; none when there is no such user.
 */
export async function lookupUserByEmail(
  deps: UsersDeps,
  manager: UserManager,
  email: string,
): Promise<DirectoryUsersResponse> {
  const org = manager.access.org.value;
  const user = await deps.directory.userByEmail(org.name, callerCredential(manager), email.trim());
  return { users: user ? await withRoles(deps, org, [user]) : [], continuationToken: null };
}
