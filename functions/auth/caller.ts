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
  /** Project Collection Administrator, checked live against Azure DevOps (cached briefly). */
  isPca(): Promise<boolean>;
}
