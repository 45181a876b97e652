import type { AssignedRole } from "./roles";

/** A user's role assignment in one org. Users without a record are unlicensed (None). */
export interface MemberRecord {
  orgId: string;
  /** Azure DevOps user id (GUID): the app token's nameid. */
  userId: string;
  role: AssignedRole;
  displayName: string;
  email: string;
  uniqueName: string;
  updatedAt: string;
  updatedBy: string;
}
