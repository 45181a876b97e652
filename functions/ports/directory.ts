/**
 * What the backend asks Azure DevOps on behalf of the signed-in caller, with the caller's
 * own access token (so Azure DevOps itself decides what the caller may see).
 */
export interface ConnectionInfo {
  userId: string;
  displayName: string;
  email: string;
  orgId: string;
  deploymentType: string;
}

export interface CallerDirectory {
  /** GET {org}/_apis/connectionData. Throws UnauthorizedError when Azure DevOps rejects the token. */
  connectionData(orgName: string, accessToken: string): Promise<ConnectionInfo>;
  /** Project Collection Administrator check (Collection namespace, GENERIC_WRITE). */
  isCollectionAdmin(orgName: string, accessToken: string): Promise<boolean>;
}
