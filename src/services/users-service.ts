import type {
  AssignRolesResponse,
  AuditResponse,
  CreateTokenResponse,
  DefaultRoleResponse,
  DirectoryUsersResponse,
  GroupSearchResponse,
  ListMembersResponse,
  ListTokensResponse,
  ServiceAccountResponse,
  UsersOverviewResponse,
} from "../../functions/contracts/users";
import type { AssignedRole, Role } from "../../functions/domain/roles";
import { getBackend } from "./backend";

export type {
  ApiTokenView,
  AssignRolesResponse,
  AuditEntryView,
  AuditResponse,
  DirectoryUserView,
  GroupView,
  ListMembersResponse,
  MemberView,
  RoleView,
  SeatSummary,
  ServiceAccountResponse,
  UsersOverviewResponse,
} from "../../functions/contracts/users";
export type { AssignedRole, Role };

/** Users per request when the page assigns a role to many users: one request per batch. */
export const ASSIGN_BATCH_SIZE = 500;

export type MemberSort = "name" | "email" | "role";

export interface LicensedQuery {
  search: string;
  sort: MemberSort;
  descending: boolean;
  continuation: string | null;
  pageSize?: number;
}

const api = () => getBackend();

/** User management calls (Permissions page, API tokens, service account). */
export const usersService = {
  overview: () => api().get<UsersOverviewResponse>("users/overview"),
  licensed: (q: LicensedQuery) =>
    api().get<ListMembersResponse>("users/licensed", {
      query: {
        search: q.search || undefined,
        sort: q.sort,
        direction: q.descending ? "desc" : "asc",
        continuation: q.continuation ?? undefined,
        pageSize: q.pageSize,
      },
    }),
  assignRoles: (role: AssignedRole, userIds: string[]) => api().post<AssignRolesResponse>("users/roles", { role, userIds }),
  setDefaultRole: (role: Role) => api().patch<DefaultRoleResponse>("users/default-role", { role }),
  unlicensed: (search: string, continuation: string | null) =>
    api().get<DirectoryUsersResponse>("users/unlicensed", { query: { search: search || undefined, continuation: continuation ?? undefined } }),
  searchGroups: (query: string) => api().get<GroupSearchResponse>("users/groups", { query: { query } }),
  groupMembers: (descriptor: string) => api().get<DirectoryUsersResponse>("users/group-members", { query: { descriptor } }),
  audit: (continuation: string | null) => api().get<AuditResponse>("users/audit", { query: { continuation: continuation ?? undefined } }),

  serviceAccount: () => api().get<ServiceAccountResponse>("users/service-account"),
  saveServiceAccount: (pat: string) => api().post<ServiceAccountResponse>("users/service-account", { pat }),
  removeServiceAccount: () => api().delete<ServiceAccountResponse>("users/service-account"),

  tokens: () => api().get<ListTokensResponse>("tokens"),
  createToken: (name: string) => api().post<CreateTokenResponse>("tokens", { name }),
  revokeToken: (id: string) => api().delete(`tokens/${encodeURIComponent(id)}`),
};

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchResult {
  succeeded: number;
  changed: number;
  failed: { userId: string; message: string }[];
  seats: AssignRolesResponse["seats"] | null;
}

/**
 * Assigns one role to many users, ASSIGN_BATCH_SIZE per request, reporting progress after
 * each batch. Stops at the first refused batch (e.g. no seats left) and throws its error;
 * the batches before it stay applied, so the page checks the free seats before starting.
 */
export async function assignInBatches(
  role: AssignedRole,
  userIds: string[],
  onProgress: (progress: BatchProgress) => void,
  send: (role: AssignedRole, ids: string[]) => Promise<AssignRolesResponse> = usersService.assignRoles,
): Promise<BatchResult> {
  const result: BatchResult = { succeeded: 0, changed: 0, failed: [], seats: null };
  onProgress({ done: 0, total: userIds.length });
  for (let i = 0; i < userIds.length; i += ASSIGN_BATCH_SIZE) {
    const batch = userIds.slice(i, i + ASSIGN_BATCH_SIZE);
    const answer = await send(role, batch);
    result.succeeded += answer.succeeded;
    result.changed += answer.changed;
    result.failed.push(...answer.failed);
    result.seats = answer.seats;
    onProgress({ done: Math.min(userIds.length, i + batch.length), total: userIds.length });
  }
  return result;
}
