/**
 * The organization's users and groups in Azure DevOps, for user management. Every call takes
 * the credential to use: the signed-in caller's access token for interactive calls, the
 * service account's PAT for REST API calls (no user present).
 */
export type DirectoryCredential = { kind: "bearer"; token: string } | { kind: "pat"; pat: string };

export interface DirectoryUser {
  /** Azure DevOps user id (storage key): our member id. */
  id: string;
  displayName: string;
  email: string;
  uniqueName: string;
  /** The Graph subject descriptor, when Azure DevOps named it. */
  descriptor?: string;
}

export interface DirectoryGroup {
  descriptor: string;
  displayName: string;
  principalName: string;
  /** "vsts" (Azure DevOps group) or "aad" (Entra group). */
  origin: string;
  description: string;
}

export interface UserPage {
  users: DirectoryUser[];
  continuation: string | null;
}

/** A group's users by lower-case user id. */
export type GroupUsers = ReadonlyMap<string, DirectoryUser>;

/** Users a caller has already, by lower-case user id; maybe still loading. */
export type KnownUsers = ReadonlyMap<string, DirectoryUser> | PromiseLike<ReadonlyMap<string, DirectoryUser>>;

export interface OrgDirectory {
  /** Users of the org (user entitlements), paged by Azure DevOps; `search` matches name or email. */
  listUsers(
    orgName: string,
    credential: DirectoryCredential,
    options: { search: string; continuation: string | null },
  ): Promise<UserPage>;
  /** Groups whose name starts with `prefix`. */
  searchGroups(orgName: string, credential: DirectoryCredential, prefix: string): Promise<DirectoryGroup[]>;
  /** One group by descriptor, or null when Azure DevOps has no such group. */
  group(orgName: string, credential: DirectoryCredential, descriptor: string): Promise<DirectoryGroup | null>;
  /**
   * The users in a group now, nested groups expanded, by lower-case user id (each user once,
   * whatever case Azure DevOps answered). Throws rather than answer part of the group: a
   * group rule's sync removes nobody on a partial read. Users in `known` (by lower-case user
   * id) are answered as given, without looking them up again; it may still be loading (a sync
   * reads its holders meanwhile): it is awaited once the membership is read.
   */
  groupMembers(
    orgName: string,
    credential: DirectoryCredential,
    groupDescriptor: string,
    known?: KnownUsers,
  ): Promise<GroupUsers>;
  /** Users by id; ids that are not users of the org are absent from the map. */
  usersByIds(
    orgName: string,
    credential: DirectoryCredential,
    ids: readonly string[],
  ): Promise<Map<string, DirectoryUser>>;
  /** A user by e-mail address, or null. */
  userByEmail(orgName: string, credential: DirectoryCredential, email: string): Promise<DirectoryUser | null>;
  /** Whether the user is a Project Collection Administrator (direct or through groups). */
  isCollectionAdmin(orgName: string, credential: DirectoryCredential, userId: string): Promise<boolean>;
  /** Who a PAT belongs to and which org it is valid for (validates a new service account). */
  whoAmI(
    orgName: string,
    credential: DirectoryCredential,
  ): Promise<{ userId: string; displayName: string; orgId: string }>;
}
