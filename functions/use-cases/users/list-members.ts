import type {
  LicensedFilterQuery,
  LicensedIdsResponse,
  LicensedRulesResponse,
  ListMembersQuery,
  ListMembersResponse,
} from "../../contracts/users";
import { inactiveCutoff } from "../../domain/member-activity";
import type { OrgRecord } from "../../domain/org";
import { normaliseSearch } from "../../domain/role-assignment";
import { defaultIsCounted } from "../../domain/seats";
import type { MemberFilter } from "../../ports/member-roster";
import { memberView } from "./member-views";
import type { UsersDeps } from "./users-deps";
import { ruleName } from "../../domain/group-rule";

/** The licensed users a search and the filters cover: one source (direct, any rule, one rule), no time in N days. */
function licensedFilter(deps: UsersDeps, org: OrgRecord, query: LicensedFilterQuery): MemberFilter {
  return {
    search: normaliseSearch(query.search),
    licensedOnly: true,
    defaultLicensed: defaultIsCounted(org.defaultRole),
    source: query.source ?? null,
    trackedNothingSince: query.inactiveDays ? inactiveCutoff(deps.now(), query.inactiveDays) : null,
  };
}

/** One page of the licensed users (server-side paging, search by name or e-mail, sort, filters). */
export async function listLicensedMembers(
  deps: UsersDeps,
  org: OrgRecord,
  query: ListMembersQuery,
): Promise<ListMembersResponse> {
  const page = await deps.roster.list(org.id, {
    ...licensedFilter(deps, org, query),
    sort: query.sort,
    descending: query.direction === "desc",
    pageSize: query.pageSize,
    continuation: query.continuation ?? null,
  });
  return { members: page.members.map((m) => memberView(m, org)), continuationToken: page.continuation };
}

/** "Select all": every licensed user the list covers, in one answer, so what is counted is what changes. */
export async function licensedIds(
  deps: UsersDeps,
  org: OrgRecord,
  query: LicensedFilterQuery,
): Promise<LicensedIdsResponse> {
  return { ids: await deps.roster.matchingIds(org.id, licensedFilter(deps, org, query)) };
}

/**
 * The Source filter's choices: the org's group rules (at most 100 documents), also those that
 * license nobody now, not the grants of every member (a 20,000-user rule is 20,000 grants).
 * A rule being deleted is offered, so named, while its parts are still being taken away.
 */
export async function licensedRules(deps: UsersDeps, org: OrgRecord): Promise<LicensedRulesResponse> {
  const rules = (await deps.rules.list(org.id)).map(({ value }) => ({
    id: value.id,
    name: value.deleting ? `${ruleName(value.group)} (being deleted)` : ruleName(value.group),
  }));
  return { rules: rules.sort((a, b) => a.name.localeCompare(b.name, "en")) };
}
