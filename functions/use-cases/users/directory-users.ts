import type { DirectoryUserView, DirectoryUsersResponse, GroupSearchResponse } from "../../contracts/users";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { normaliseSearch } from "../../domain/role-assignment";
import { isLicensed } from "../../domain/roles";
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

async function withRoles(deps: UsersDeps, org: OrgRecord, users: DirectoryUser[]): Promise<DirectoryUserView[]> {
  const members = users.length > 0 ? await deps.roster.readMany(org.id, users.map((u) => u.id)) : new Map<string, Versioned<MemberRecord>>();
  return users.map((u) => {
    const role = roleView(members.get(u.id)?.value.role ?? "None", org);
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
  const groups = await deps.directory.searchGroups(manager.access.org.value.name, callerCredential(manager), text.trim());
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
export async function groupMembers(deps: UsersDeps, manager: UserManager, descriptor: string): Promise<DirectoryUsersResponse> {
  const org = manager.access.org.value;
  const users = await deps.directory.groupMembers(org.name, callerCredential(manager), descriptor);
  return { users: await withRoles(deps, org, users), continuationToken: null };
}
