import type { RestRolesQuery, RestRolesResponse, RestUserRole } from "../../contracts/rest-users";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { ROLE_IDS, effectiveRole } from "../../domain/roles";
import { defaultIsCounted } from "../../domain/seats";
import type { UsersDeps } from "./users-deps";

const DEFAULT_COUNT = 100;
/** Page size when walking past `$skip` (the store has no OFFSET: pages are streamed). */
const WALK_PAGE = 500;

/**
 * GET /api/rest/users/roles: members with their roles, by name. `$skip` is served by reading
 * past it page by page with continuation tokens (the emulator and portable queries have no
 * OFFSET), so large skips cost proportionally; `$count` is at most 500.
 */
export async function listRestRoles(deps: UsersDeps, org: OrgRecord, query: RestRolesQuery): Promise<RestRolesResponse> {
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
      licensedOnly: query.includeNoneRoles !== true,
      defaultLicensed: defaultIsCounted(org.defaultRole),
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

function restRow(member: MemberRecord, org: OrgRecord, withName: boolean): RestUserRole {
  const role = effectiveRole(member.role, org.defaultRole);
  return {
    user: {
      id: member.userId,
      vstsId: member.userId,
      email: member.email,
      uniqueName: member.uniqueName,
      ...(withName ? { displayName: member.displayName } : {}),
    },
    role: { id: ROLE_IDS[role], name: role },
    isDefaultRole: member.role === "Default",
  };
}
