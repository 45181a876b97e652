import type { RestRolesQuery, RestRolesResponse, RestUserRole } from "../../contracts/rest-users";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { effectiveRoleOf } from "../../domain/role-sources";
import { ROLE_IDS } from "../../domain/roles";
import { defaultIsCounted } from "../../domain/seats";
import type { DirectoryUser } from "../../ports/org-directory";
import { serviceCredential } from "./service-account";
import type { UsersDeps } from "./users-deps";

const DEFAULT_COUNT = 100;
/** Page size when walking past `$skip` (the store has no OFFSET: pages are streamed). */
const WALK_PAGE = 500;

/**
 * GET /api/rest/users/roles: licensed members with their roles, by name (with includeNoneRoles,
 * every organization user: listEveryOrgUser). `$skip` is served by reading
 * past it page by page with continuation tokens (the emulator and portable queries have no
 * OFFSET), so large skips cost proportionally; `$count` is at most 500.
 */
export async function listRestRoles(
  deps: UsersDeps,
  org: OrgRecord,
  query: RestRolesQuery,
): Promise<RestRolesResponse> {
  if (query.includeNoneRoles === true) return listEveryOrgUser(deps, org, query);
  const count = query.$count ?? DEFAULT_COUNT;
  let skip = query.$skip ?? 0;
  const rows: MemberRecord[] = [];
  let continuation: string | null = null;
  do {
    const pageSize = Math.min(WALK_PAGE, skip + count - rows.length);
    const page = await deps.roster.list(org.id, {
      search: "",
      sort: "name",
      descending: false,
      licensedOnly: true,
      defaultLicensed: defaultIsCounted(org.defaultRole),
      source: null,
      trackedNothingSince: null,
      pageSize,
      continuation,
    });
    const dropped = Math.min(skip, page.members.length);
    skip -= dropped;
    rows.push(...page.members.slice(dropped));
    continuation = page.continuation;
  } while (continuation && rows.length < count);
  return { data: rows.slice(0, count).map((m) => restRow(m, org, query.$expand === "user.displayName")) };
}

/**
 * includeNoneRoles=true: every user of the organization, as Azure DevOps pages its users (read
 * with the service account, no user being present), each with their Timetracker role; users
 * Timetracker has not seen, or who hold none, are None. A script reconciling a group against
 * the list sees everyone. `$skip` walks Azure DevOps' pages; 409 without a service account.
 */
async function listEveryOrgUser(deps: UsersDeps, org: OrgRecord, query: RestRolesQuery): Promise<RestRolesResponse> {
  const count = query.$count ?? DEFAULT_COUNT;
  let skip = query.$skip ?? 0;
  const credential = await serviceCredential(deps, org.id);
  const users: DirectoryUser[] = [];
  let continuation: string | null = null;
  do {
    const page = await deps.directory.listUsers(org.name, credential, { search: "", continuation });
    const dropped = Math.min(skip, page.users.length);
    skip -= dropped;
    users.push(...page.users.slice(dropped));
    continuation = page.continuation;
  } while (continuation && users.length < count);
  const wanted = users.slice(0, count);
  const members =
    wanted.length > 0
      ? await deps.roster.readMany(
          org.id,
          wanted.map((u) => u.id),
        )
      : new Map<string, { value: MemberRecord }>();
  const withName = query.$expand === "user.displayName";
  return {
    data: wanted.map((user) => {
      const member = members.get(user.id)?.value;
      return member ? restRow(member, org, withName) : noneRow(user, withName);
    }),
  };
}

function noneRow(user: DirectoryUser, withName: boolean): RestUserRole {
  return {
    user: {
      id: user.id,
      vstsId: user.id,
      email: user.email,
      uniqueName: user.uniqueName,
      ...(withName ? { displayName: user.displayName } : {}),
    },
    role: { id: ROLE_IDS.None, name: "None" },
    isDefaultRole: false,
  };
}

function restRow(member: MemberRecord, org: OrgRecord, withName: boolean): RestUserRole {
  const role = effectiveRoleOf(member, org.defaultRole);
  return {
    user: {
      id: member.userId,
      vstsId: member.userId,
      email: member.email,
      uniqueName: member.uniqueName,
      ...(withName ? { displayName: member.displayName } : {}),
    },
    role: { id: ROLE_IDS[role], name: role },
    isDefaultRole: member.direct === "Default",
  };
}
