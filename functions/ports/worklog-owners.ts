import type { MemberRecord } from "../domain/member";

/** Who can own worklogs: the role assignments of an org (licensed or not). */
export interface WorklogOwners {
  members(orgId: string): Promise<MemberRecord[]>;
}
