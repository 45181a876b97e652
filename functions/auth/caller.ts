/** The signed-in user of a request, with the org proven through Azure DevOps. */
export interface Caller {
  userId: string;
  displayName: string;
  email: string;
  orgId: string;
  orgName: string;
  accessToken: string;
  /** Presentation only (the None role looks different on Server); never used for security. */
  hostType: "cloud" | "server";
  /**
   * Where the org lives, as Azure DevOps itself says (connectionData's deploymentType): on
   * "server" (Azure DevOps Server) the Services-only APIs (Graph, User Entitlements) are absent.
   */
  deployment: "services" | "server";
  /**
   * The request only reads (GET or HEAD): its access check may use this instance's copy of
   * the org and the caller's role, a few seconds old at most. A request that changes
   * anything decides on what the store holds now.
   */
  readOnly: boolean;
  /** Project Collection Administrator, checked live against Azure DevOps (cached briefly). */
  isPca(): Promise<boolean>;
}
