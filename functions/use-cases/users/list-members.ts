import type { ListMembersQuery, ListMembersResponse } from "../../contracts/users";
import type { OrgRecord } from "../../domain/org";
import { normaliseSearch } from "../../domain/role-assignment";
import { defaultIsCounted } from "../../domain/seats";
import { memberView } from "./member-views";
import type { UsersDeps } from "./users-deps";

/** One page of the licensed users (server-side paging, search by name or e-mail, sort). */
export async function listLicensedMembers(
  deps: UsersDeps,
  org: OrgRecord,
  query: ListMembersQuery,
): Promise<ListMembersResponse> {
  const page = await deps.roster.list(org.id, {
    search: normaliseSearch(query.search),
    sort: query.sort,
    descending: query.direction === "desc",
    licensedOnly: true,
    defaultLicensed: defaultIsCounted(org.defaultRole),
    pageSize: query.pageSize,
    continuation: query.continuation ?? null,
  });
  return { members: page.members.map((m) => memberView(m, org)), continuationToken: page.continuation };
}
