import type {
  AssignRolesPreviewResponse,
  AssignRolesResponse,
  HoldSeatsResponse,
  AuditResponse,
  CreateTokenResponse,
  DefaultRoleResponse,
  DirectoryUsersResponse,
  GroupSearchResponse,
  LicensedIdsResponse,
  LicensedRulesResponse,
  ListMembersResponse,
  ListTokensResponse,
  ServiceAccountResponse,
  UsersOverviewResponse,
} from "../../functions/contracts/users";
import type { AssignedRole, Role } from "../../functions/contracts/roles";
import { getBackend } from "./backend";
import { assignInBatchesWith, type BatchProgress, type BatchResult } from "./batch-assign";
import type { LicensedFilter } from "./licensed-filter";

export type {
  ApiTokenView,
  AssignRolesPreviewResponse,
  AssignRolesResponse,
  AuditEntryView,
  AuditResponse,
  DirectoryUserView,
  GroupView,
  ListMembersResponse,
  MemberView,
  RoleView,
  SeatImpactView,
  SeatSummary,
  ServiceAccountResponse,
  UsersOverviewResponse,
} from "../../functions/contracts/users";
export type { AssignedRole, Role };

export { type BatchProgress, type BatchResult } from "./batch-assign";

export type MemberSort = "name" | "email" | "role";

export interface LicensedQuery {
  search: string;
  filter: LicensedFilter;
  sort: MemberSort;
  descending: boolean;
  continuation: string | null;
  pageSize?: number;
}

const api = () => getBackend();

/** The query parameters of the list's search and filters (ListMembersQuery, LicensedIdsQuery). */
const filterQuery = (search: string, filter: LicensedFilter) => ({
  search: search || undefined,
  source: filter.source ?? undefined,
  inactiveDays: filter.inactiveDays ?? undefined,
});

/** User management calls (Permissions page, API tokens, service account). */
export const usersService = {
  overview: () => api().get<UsersOverviewResponse>("users/overview"),
  licensed: (q: LicensedQuery) =>
    api().get<ListMembersResponse>("users/licensed", {
      query: {
        ...filterQuery(q.search, q.filter),
        sort: q.sort,
        direction: q.descending ? "desc" : "asc",
        continuation: q.continuation ?? undefined,
        pageSize: q.pageSize,
      },
    }),
  /** Every licensed user the search and filters cover (Select all). */
  licensedIds: (search: string, filter: LicensedFilter) =>
    api().get<LicensedIdsResponse>("users/licensed/ids", { query: filterQuery(search, filter) }),
  /** The group rules that license users now (the Source filter's choices). */
  licensedRules: () => api().get<LicensedRulesResponse>("users/licensed/rules"),
  assignRoles: (role: AssignedRole, userIds: string[], holdId?: string) =>
    api().post<AssignRolesResponse>("users/roles", { role, userIds, ...(holdId ? { holdId } : {}) }),
  /** Keeps the seats a change of these users needs while it is sent in batches (see batch-assign). */
  holdSeats: (role: AssignedRole, userIds: string[], holdId?: string) =>
    api().post<HoldSeatsResponse>("users/roles/holds", { role, userIds, ...(holdId ? { holdId } : {}) }),
  releaseSeatHold: (holdId: string) => api().delete(`users/roles/holds/${encodeURIComponent(holdId)}`),
  /** What assignRoles would do (seats, cost, who cannot change), writing nothing. */
  previewRoles: (role: AssignedRole, userIds: string[], signal?: AbortSignal) =>
    api().post<AssignRolesPreviewResponse>("users/roles/preview", { role, userIds }, { signal }),
  setDefaultRole: (role: Role) => api().patch<DefaultRoleResponse>("users/default-role", { role }),
  unlicensed: (search: string, continuation: string | null) =>
    api().get<DirectoryUsersResponse>("users/unlicensed", {
      query: { search: search || undefined, continuation: continuation ?? undefined },
    }),
  searchGroups: (query: string) => api().get<GroupSearchResponse>("users/groups", { query: { query } }),
  groupMembers: (descriptor: string) =>
    api().get<DirectoryUsersResponse>("users/group-members", { query: { descriptor } }),
  lookupByEmail: (email: string) => api().get<DirectoryUsersResponse>("users/lookup", { query: { email } }),
  audit: (continuation: string | null) =>
    api().get<AuditResponse>("users/audit", { query: { continuation: continuation ?? undefined } }),

  serviceAccount: () => api().get<ServiceAccountResponse>("users/service-account"),
  saveServiceAccount: (pat: string) => api().post<ServiceAccountResponse>("users/service-account", { pat }),
  removeServiceAccount: () => api().delete<ServiceAccountResponse>("users/service-account"),

  tokens: () => api().get<ListTokensResponse>("tokens"),
  createToken: (name: string) => api().post<CreateTokenResponse>("tokens", { name }),
  revokeToken: (id: string) => api().delete(`tokens/${encodeURIComponent(id)}`),
};

/** Assigns one role to many users in batches (see batch-assign). */
export function assignInBatches(
  role: AssignedRole,
  userIds: string[],
  onProgress: (progress: BatchProgress) => void,
): Promise<BatchResult> {
  const requests = {
    assign: usersService.assignRoles,
    hold: usersService.holdSeats,
    release: usersService.releaseSeatHold,
  };
  return assignInBatchesWith(requests, role, userIds, onProgress);
}
