import type { LicensedRulesResponse, ListMembersQuery, ListMembersResponse } from "../../contracts/users";
import { inactiveCutoff } from "../../domain/member-activity";
import type { OrgRecord } from "../../domain/org";
import { normaliseSearch } from "../../domain/role-assignment";
import { defaultIsCounted } from "../../domain/seats";
import { memberView } from "./member-views";
import type { UsersDeps } from "./users-deps";

/**
 * One page of the licensed users (server-side paging, search by name or e-mail, sort), of
 * one source (direct, any rule, one rule) and of those who tracked no time in N days.
 */
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
    source: query.source ?? null,
    trackedNothingSince: query.inactiveDays ? inactiveCutoff(deps.now(), query.inactiveDays) : null,
    pageSize: query.pageSize,
    continuation: query.continuation ?? null,
  });
  return { members: page.members.map((m) => memberView(m, org)), continuationToken: page.continuation };
}

/** The Source filter's choices: the group rules that license members now. */
export async function licensedRules(deps: UsersDeps, org: OrgRecord): Promise<LicensedRulesResponse> {
  return { rules: await deps.roster.grantingRules(org.id) };
}
